@testable import GovlintCore
import GovlintTestSupport
import Testing
import Yams

/// The dedicated JSON reader must build the tree Yams builds for the same text.
@Suite struct JSONReaderTests {
    /// Every node's kind, text, style-relevant resolution and mark, depth first.
    static func shape(_ node: Node) -> [String] {
        var out: [String] = []
        func walk(_ n: Node) {
            let mark = n.mark.map { "\($0.line):\($0.column)" } ?? "-"
            switch n {
            case let .scalar(s):
                out.append("s \(mark) \(s.string) int=\(String(describing: n.int)) bool=\(String(describing: n.bool)) null=\(n.null != nil) json=\(JSONValue(n))")
            case let .mapping(m):
                out.append("m \(mark) \(m.count)")
                for (k, v) in m { walk(k); walk(v) }
            case let .sequence(seq):
                out.append("q \(mark) \(seq.count)")
                seq.forEach(walk)
            case .alias:
                out.append("alias")
            }
        }
        walk(node)
        return out
    }

    static let samples = [
        #"{"a": 1, "b": [true, false, null, -0.5, 1e3, 12345678901234567890123], "c": {"d": "x\ny", "e": []}, "f": {}}"#,
        "{\r\n  \"名前\": \"値 é\",\r\n  \"k\": [ \"\\u00e9\\/\", \"a\\\"b\" ]\r\n}\r\n",
        "[\n\t1,\n\t{\"x\": \"tab\tinside\"},\n\t\"\"\n]",
        "\u{FEFF}{\"bom\": true}",
    ]

    @Test(arguments: samples)
    func buildsTheTreeYamsBuilds(_ text: String) throws {
        let mine = try JSONReader.parse(Array(text.utf8), file: "x.json")
        let yams = try YAMLReader.load(text, file: "x.json", allowAliases: true)
        #expect(Self.shape(mine) == Self.shape(yams))
    }

    /// Yams refuses duplicate keys; JSON descriptors refuse them too, at the duplicate.
    @Test(arguments: [8, 40])
    func duplicateKeysAreALocatedError(_ members: Int) throws {
        let names = (0..<members).map { "\"k\($0)\": \($0)" } + ["\"k3\": 0"]
        let text = "{\n" + names.joined(separator: ",\n") + "\n}"
        do {
            _ = try DescriptorDocument(file: "d.json", text: text)
            Issue.record("accepted")
        } catch {
            #expect(error.line == members + 2 && error.column == 1, "\(error.line):\(error.column)")
            #expect(error.message.contains("duplicate member name \"k3\""))
        }
    }

    @Test func surrogatePairsDecode() throws {
        let root = try JSONReader.parse(Array(#"["\ud83c\udfdb\u00e9"]"#.utf8), file: "x.json")
        #expect(root.sequence?.first?.scalarText == "🏛é")
    }

    @Test func bigNumbersKeepTheirText() throws {
        let root = try JSONReader.parse(Array(#"{"n": 123456789012345678901234567890}"#.utf8), file: "x.json")
        #expect(root.mapping?["n"]?.scalarText == "123456789012345678901234567890")
        #expect(JSONValue(root.mapping!["n"]!) == .number(123456789012345678901234567890))
    }

    /// (text, line, column, message fragment)
    static let errors: [(String, Int, Int, String)] = [
        ("{\n  \"a\": 1,\n  \"b\": tru\n}", 3, 8, "expected a value"),
        ("{\"a\": 1,}", 1, 9, "expected a quoted member name"),
        ("{\"a\" 1}", 1, 6, "expected ':'"),
        ("[1 2]", 1, 4, "expected ',' or ']'"),
        ("{\"é\": \"ü\", \"x\": 01}", 1, 17, "leading zero"),
        ("{\"a\": \"b\\q\"}", 1, 9, "invalid escape"),
        ("{\"a\": \"\\ud800\"}", 1, 8, "unpaired surrogate"),
        ("{\"a\": \"line\nbreak\"}", 1, 12, "control character"),
        ("{\"a\": [1, 2]", 1, 13, "unexpected end of file"),
        ("{\"a\": 1} x", 1, 10, "after the end of the JSON value"),
        ("{\"a\": \"open", 1, 7, "unterminated string"),
    ]

    @Test(arguments: errors)
    func invalidJSONIsALocatedError(_ c: (String, Int, Int, String)) {
        do {
            _ = try JSONReader.parse(Array(c.0.utf8), file: "x.json")
            Issue.record("accepted \(c.0)")
        } catch {
            #expect(error.line == c.1 && error.column == c.2, "\(error.line):\(error.column) \(error.message)")
            #expect(error.message.contains(c.3), "\(error.message)")
        }
    }

    @Test func deepNestingIsRefusedWithoutOverflowingTheStack() {
        let depth = 100_000
        let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        do {
            _ = try JSONReader.parse(Array(text.utf8), file: "x.json")
            Issue.record("accepted")
        } catch {
            #expect(error.line == 1 && error.column == JSONReader.maxDepth + 1)
            #expect(error.message.contains("nesting deeper than \(JSONReader.maxDepth) levels"))
        }
    }

    @Test func aDataJSONWithAJSONErrorIsOneLocatedDescriptorFinding() throws {
        let linter = Linter(catalog: try SourcePacks.catalog())
        let out = linter.checkDescriptor(text: "{\n  \"dataset\": [\n    {\"title\": \"x\",}\n  ]\n}\n", relative: "data.json", rules: [])
        #expect(out.findings.count == 1)
        #expect(out.findings.first?.ruleID == "descriptor-invalid")
        #expect(out.findings.first?.line == 3 && out.findings.first?.column == 19)
    }

    @Test(arguments: [
        ([0x7B, 0x7D], true), (Array("{\"é\": \"江\"}".utf8), true), ([0x22, 0xFF, 0x22], false),
        ([0x41, 0xC0, 0x80], false), ([0xED, 0xA0, 0x80], false), ([0x41, 0xE2, 0x82], false), ([], true),
    ] as [([UInt8], Bool)])
    func utf8IsValidatedWithoutACopy(_ bytes: [UInt8], _ valid: Bool) {
        #expect(Linter.isUTF8(bytes) == valid)
        #expect(Linter.isUTF8(bytes) == (String(validating: bytes, as: UTF8.self) != nil))
    }

    @Test func aYAMLFlowMappingStillReadsAsYAML() throws {
        let doc = try DescriptorDocument(file: "publiccode.yml", text: "{name: x, url: 'https://example.org'}\n")
        #expect(doc.root.mapping?["name"]?.scalarText == "x")
    }
}
