import Foundation
import GovlintHTML
@testable import GovlintCore
import GovlintTestSupport
import Testing

/// Suppression comments in pages and YAML descriptors, and `unused-suppression`.
@Suite struct SuppressionTests {
    static func page(_ html: String, rules ids: [String]) throws -> [Finding] {
        try EngineTests.run(html, rules: ids)
    }

    static let contactsRule = "publiccode-contacts-when-internal-or-community"

    static func descriptor(_ yaml: String) throws -> [Finding] {
        let catalog = try SourcePacks.catalog()
        let rule = try #require(catalog.rule(contactsRule))
        return Linter(catalog: catalog).checkDescriptor(text: yaml, relative: "publiccode.yml",
                                                        rules: [ActiveRule(rule: rule, severity: .error)]).findings
    }

    @Test func usedSuppressionsAreNotReported() throws {
        let html = """
            <html lang="en"><head><title>x</title></head><body>
            <!-- govlint-disable-next-line image-alt -- decorative, reviewed -->
            <img src="index.html">
            <!-- govlint-disable image-alt -->
            <img src="index.html">
            <!-- govlint-enable image-alt -->
            </body></html>
            """
        #expect(try Self.page(html, rules: ["image-alt"]).isEmpty)
    }

    @Test func suppressionsThatSuppressNothingAreReported() throws {
        let html = """
            <html lang="en"><head><title>x</title></head><body>
            <!-- govlint-disable-next-line image-alt -->
            <img src="index.html" alt="Fine">
            <!-- govlint-disable image-alt, document-title -->
            <p>nothing here</p>
            <!-- govlint-enable image-alt -->
            <!-- govlint-disable-next-line frame-title -- not run, cannot be judged -->
            <p>x</p>
            </body></html>
            """
        let findings = try Self.page(html, rules: ["image-alt", "document-title"])
        #expect(findings.map(\.ruleID) == ["unused-suppression", "unused-suppression"])
        #expect(findings.map(\.line) == [2, 4])
        #expect(findings.allSatisfy { $0.severity == .warning })
        #expect(findings[0].message.en == "The suppression of image-alt suppresses nothing; remove the comment.")
        #expect(findings[1].message.en.contains("document-title, image-alt"))
        #expect(findings[0].snippet.hasPrefix("<!-- govlint-disable-next-line image-alt"))
    }

    @Test func partlyUsedSuppressionReportsOnlyTheUnusedRule() throws {
        let html = """
            <html lang="en"><head><title>x</title></head><body>
            <!-- govlint-disable-next-line image-alt document-title -->
            <img src="index.html">
            </body></html>
            """
        let findings = try Self.page(html, rules: ["image-alt", "document-title"])
        #expect(findings.count == 1)
        #expect(findings.first?.message.en == "The suppression of document-title suppresses nothing; remove the comment.")
    }

    @Test func yamlNextLineSuppressesADescriptorFinding() throws {
        let failing = """
            maintenance:
              type: community
            """
        #expect(try Self.descriptor(failing).map(\.ruleID) == [Self.contactsRule])
        let suppressed = """
            # govlint-disable-next-line \(Self.contactsRule) -- contacts are kept in the directory
            maintenance:
              type: community
            """
        #expect(try Self.descriptor(suppressed).isEmpty)
    }

    @Test func unusedYAMLSuppressionIsReported() throws {
        let yaml = """
            name: Portal  # govlint-disable-next-line \(Self.contactsRule)
            maintenance:
              type: internal
              contacts: [{name: Ann Lee}]
            """
        let findings = try Self.descriptor(yaml)
        #expect(findings.map(\.ruleID) == ["unused-suppression"])
        #expect(findings.first?.line == 1)
        #expect(findings.first?.column == 15)
        // A `#` inside a quoted value is not a comment.
        let quoted = """
            description: "see # govlint-disable-next-line \(Self.contactsRule)"
            maintenance:
              type: community
            """
        #expect(try Self.descriptor(quoted).map(\.ruleID) == [Self.contactsRule])
    }

    @Test func unusedSuppressionCanBeSwitchedOff() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("govlint-supp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "<html lang=\"en\"><head><title>x</title></head><body><!-- govlint-disable image-alt --></body></html>"
            .write(to: dir.appendingPathComponent("index.html"), atomically: true, encoding: .utf8)
        let catalog = try SourcePacks.catalog()
        let on = Linter(catalog: catalog).run(paths: [dir], options: RunOptions(jobs: 1, profiles: ["starter"]))
        #expect(on.findings.map(\.ruleID) == ["unused-suppression"])
        let config = try ConfigurationLoader.parse("rules:\n  unused-suppression: off\n", file: ".govlint.yml", catalog: catalog)
        let off = Linter(catalog: catalog, configuration: config).run(paths: [dir], options: RunOptions(jobs: 1, profiles: ["starter"]))
        #expect(off.findings.isEmpty)
    }
}
