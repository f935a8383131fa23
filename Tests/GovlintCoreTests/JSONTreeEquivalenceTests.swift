import Foundation
@testable import GovlintCore
import GovlintTestSupport
import GovlintHTML
import Testing
import Yams

/// JSON documents are read into a flat ``JSONTree``, YAML into Yams nodes: the same
/// document in either syntax must select the same values and get the same findings.
@Suite struct JSONTreeEquivalenceTests {
    /// The YAML tree as JSON text, in document order (plain scalars as YAML's core schema types them).
    static func json(_ node: Node) -> String {
        func quote(_ s: String) -> String { String(decoding: try! JSONEncoder().encode(s), as: UTF8.self) }
        switch node {
        case let .mapping(m):
            return "{\n" + m.map { "\(quote($0.key.string ?? "")): \(json($0.value))" }.joined(separator: ",\n") + "\n}"
        case let .sequence(s):
            return "[" + s.map(json).joined(separator: ", ") + "]"
        case let .scalar(s):
            guard s.style == .plain else { return quote(s.string) }
            switch JSONValue.plain(s.string) {
            case .null: return "null"
            case let .bool(b): return String(b)
            case let .number(d) where d.isFinite && s.string.range(of: #"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?$"#, options: .regularExpression) != nil:
                return s.string
            default: return quote(s.string)
            }
        case .alias:
            return "null"
        }
    }

    static let yaml = """
        n: [0, 1, 2, 3, 4, 5]
        paths:
          /a:
            get: {operationId: getA, deprecated: true}
            post: {operationId: postA}
            parameters:
              - {name: q, in: query, required: true}
              - {name: id, in: path, required: true}
              - {name: limit, in: query, required: false, max: 10}
          /b:
            get: {}
        people:
          - {name: Ann, age: 30, tags: [x], "odd key": 1, "esc\\"aped": "é\\n"}
          - {name: Bo, age: 17, email: null}
          - {name: Cy, age: 45.5, admin: true}
          - {name: "12", age: "30", empty: ""}
        """

    @Test(arguments: [
        "$", "$.n[1:3]", "$.n[::-1]", "$.n[-1]", "$.paths[*][get,post]", "$..operationId", "$..*", "$.people[*].*",
        "$.people[?(@.age > 20)]", "$.people[?(@.email == null)]", "$.people[?(@.admin)]", "$.people[?(!@.tags)]",
        "$.people[?(@.name == '12' || @.age == 17)].name", "$.paths['/a'].parameters[?(@.in == 'path')]",
        "$.people[?(@.tags.length == 1)]", "$.people[0]['odd key']", "$.people[0]['esc\"aped']", "$..[?(@.required == false)]",
    ])
    func selectionsMatch(_ path: String) throws {
        let yamlDoc = try DescriptorDocument(file: "d.yml", text: Self.yaml)
        let jsonDoc = try DescriptorDocument(file: "d.json", text: Self.json(yamlDoc.root))
        #expect(jsonDoc.json != nil && yamlDoc.json == nil)
        func describe(_ doc: DescriptorDocument) throws -> [String] {
            try JSONPath(path).select(doc.rootMatch).map {
                "\($0.pathText) \($0.kind) \($0.count) \($0.scalarText ?? "-") \($0.isTruthy) \($0.json) \($0.keyMatch?.scalarText ?? "-")"
            }
        }
        let fromYAML = try describe(yamlDoc)
        #expect(!fromYAML.isEmpty || path.contains("?"))
        #expect(try describe(jsonDoc) == fromYAML)
    }

    static func fixtureFiles() -> [String] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/descriptors")
        let files = FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String } ?? []
        let found = files.filter { $0.hasSuffix(".yml") || $0.hasSuffix(".yaml") }.sorted().map { root.appendingPathComponent($0).path }
        precondition(found.count >= 8, "fixtures not found under \(root.path)")
        return found
    }

    /// Every built-in descriptor rule on each YAML fixture and on the same document as JSON.
    @Test(arguments: fixtureFiles())
    func findingsMatchOnEveryYAMLFixture(_ path: String) throws {
        let catalog = try SourcePacks.catalog()
        let rules = catalog.rules.filter { $0.target == .descriptor }.map { ActiveRule(rule: $0, severity: $0.severity) }
        let linter = Linter(catalog: catalog)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let name = URL(fileURLWithPath: path).lastPathComponent
        let jsonText = Self.json(try DescriptorDocument(file: name, text: text).root)
        func findings(_ t: String) -> [String] {
            linter.checkDescriptor(text: t, relative: name, rules: rules).findings
                .map { "\($0.ruleID) \($0.path ?? "") \($0.message.en)" }.sorted()
        }
        let fromYAML = findings(text)
        #expect(path.contains("/valid/") || fromYAML.count >= 3, "the invalid fixtures have findings to compare")
        #expect(findings(jsonText) == fromYAML)
    }

    /// `value` builds Yams nodes for code written against `Node` (Spectral functions): the same
    /// nodes, with the same marks, as the YAML reader gives for the same text, built once.
    @Test func valuesBuildTheSameYamsNodes() throws {
        let text = Self.json(try DescriptorDocument(file: "d.yml", text: Self.yaml).root)
        let doc = try DescriptorDocument(file: "d.json", text: text)
        let people = try #require(doc.rootMatch.child(.key("people")))
        let viaYams = try YAMLReader.load(text, file: "d.json", allowAliases: true)
        #expect(JSONReaderTests.shape(people.value) == JSONReaderTests.shape(viaYams.mapping!["people"]!))
        #expect(JSONReaderTests.shape(doc.root) == JSONReaderTests.shape(viaYams))
        #expect(people.child(.index(0))?.keyNode == nil)
        #expect(people.child(.index(0))?.child(.key("name"))?.keyNode?.mark?.line == people.value.sequence?.first?.mapping?.keys.first?.mark?.line)
    }

    @Test func aJSONTreeHasOneNodePerValueAndMemberName() throws {
        let doc = try DescriptorDocument(file: "d.json", text: #"{"a": [1, {"b": null}], "c": "x"}"#)
        // root, "a", [ ], 1, { }, "b", null, "c", "x"
        #expect(doc.json?.nodeCount == 9)
    }

    /// The parser reserves its table from a pre-count, which must be exact for valid JSON.
    @Test(arguments: [#"{"a": [1, {"b": null}], "c": "x\"]"}"#, "[]", "{}", #"[[], {}, "", -1.5e3, true, {"k": [false]}]"#, " 7 "])
    func thePreCountIsTheNodeCount(_ text: String) throws {
        let bytes = Array(text.utf8)
        let count = bytes.withUnsafeBufferPointer { JSONTree.nodeBound($0) }
        if text.trimmingCharacters(in: .whitespaces).hasPrefix("7") {
            #expect(count == 1)
        } else {
            #expect(count == (try JSONTree(source: SourceText(utf8: bytes), file: "x.json")).nodeCount)
        }
    }
}
