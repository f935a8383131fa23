import Foundation
@testable import GovlintCore
import GovlintTestSupport
import Testing

@Suite struct JSONPathTests {
    static let doc = try! DescriptorDocument(file: "d.yml", text: """
        a:
          b: [1, 2, 3]
          "odd key": x
        list:
          - name: one
          - name: two
        """)

    static func select(_ path: String) throws -> [String] {
        let root = DescriptorMatch(value: doc.root, keyNode: nil, path: [])
        return try JSONPath(path).select(root).map(\.pathText)
    }

    @Test(arguments: [
        ("$", ["$"]),
        ("$.a.b", ["$.a.b"]),
        ("$.a.b[1]", ["$.a.b[1]"]),
        ("$.a.b[-1]", ["$.a.b[2]"]),
        ("$.a['odd key']", ["$.a['odd key']"]),
        ("$.list[*].name", ["$.list[0].name", "$.list[1].name"]),
        ("$..name", ["$.list[0].name", "$.list[1].name"]),
        ("$.missing", []),
    ])
    func selects(_ path: String, _ expected: [String]) throws {
        #expect(try Self.select(path) == expected)
    }

    @Test(arguments: [("a.b", 1), ("$.", 3), ("$[", 2), ("$['x'", 6), ("$.a[?(@.x.foo(1))]", 11)])
    func badPathsAreLocated(_ path: String, _ column: Int) {
        do {
            _ = try JSONPath(path)
            Issue.record("expected an error for \(path)")
        } catch {
            #expect(error.column == column, "\(path): \(error)")
        }
    }
}

@Suite struct DescriptorRunTests {
    @Test func findingsPointAtTheOffendingKey() throws {
        let catalog = try SourcePacks.catalog()
        let linter = Linter(catalog: catalog)
        let rules = catalog.rules.filter { ["publiccode-name-present", "publiccode-version-present"].contains($0.id) }.map { ActiveRule(rule: $0, severity: $0.severity) }
        let out = linter.checkDescriptor(text: "# comment\npubliccodeYmlVersion: \"0.4\"\nurl: x\nname: \"\"\n",
                                         relative: "publiccode.yml", rules: rules)
        let f = try #require(out.findings.first)
        #expect(out.findings.count == 1)
        #expect(f.ruleID == "publiccode-name-present")
        #expect(f.line == 4 && f.column == 1)
        #expect(f.path == "$.name")
    }

    @Test func invalidYAMLIsOneLocatedFinding() throws {
        let linter = Linter(catalog: try SourcePacks.catalog())
        let out = linter.checkDescriptor(text: "name: x\n  bad: [\n", relative: "publiccode.yml", rules: [])
        #expect(out.findings.count == 1)
        #expect(out.findings[0].ruleID == "descriptor-invalid")
        #expect(out.findings[0].line >= 2)
    }
}
