import Foundation
import GovlintCore
import GovlintTestSupport
import Testing

/// Hostile YAML and patterns: alias bombs, catastrophic backtracking.
@Suite struct HostileYAMLTests {
    /// Ten levels of nine references each: 9^10 (3.4 billion) nodes when expanded.
    static let billionLaughs: String = {
        var lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
        for i in 1...10 {
            let refs = Array(repeating: "*a\(i - 1)", count: 9).joined(separator: ", ")
            lines.append("a\(i): &a\(i) [\(refs)]")
        }
        return lines.joined(separator: "\n") + "\n"
    }()

    @Test func anAliasBombDescriptorIsRefusedWithALocatedFinding() throws {
        let export = try Export(); defer { export.remove() }
        try export.write("publiccode.yml", "publiccodeYmlVersion: \"0.4\"\n" + Self.billionLaughs)
        let started = Date()
        let result = try export.run(profiles: [])
        #expect(Date().timeIntervalSince(started) < 30)
        let invalid = result.findings("publiccode.yml", "descriptor-invalid")
        #expect(invalid.count == 1, "\(result.findings("publiccode.yml").prefix(3))")
        #expect(invalid.first?.message.en.contains("aliases expand to more than 100000 nodes") == true)
        #expect(invalid.first?.line == 3, "located at the first alias")
        #expect(result.goodPageChecked)
        print("alias bomb: peak RSS \(peakRSSMegabytes()) MB")
    }

    @Test func modestAliasesInDescriptorsStillWork() throws {
        let doc = try DescriptorDocument(file: "x.yml", text: "base: &b {name: x}\none: *b\ntwo: *b\n")
        guard case let .mapping(m) = doc.root else { Issue.record("not a mapping"); return }
        #expect(m.count == 3)
    }

    @Test func anAliasBombInARulePackIsRefused() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("govlint-pack-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let pack = dir.appendingPathComponent("bomb")
        try FileManager.default.createDirectory(at: pack, withIntermediateDirectories: true)
        try "id: bomb\ntitle: { en: Bomb, zh-CN: 炸弹 }\nversion: 1.0.0\n".write(to: pack.appendingPathComponent("pack.yaml"), atomically: true, encoding: .utf8)
        try ("id: laughs\ntitle: { en: T, zh-CN: 标 }\nmessage: { en: M, zh-CN: 信 }\nseverity: error\ncheck: { function: has-attribute, options: { name: alt } }\n" + Self.billionLaughs)
            .write(to: pack.appendingPathComponent("laughs.yaml"), atomically: true, encoding: .utf8)
        do {
            _ = try Catalog.load(builtin: SourcePacks.files(), rulesDirectories: [dir])
            Issue.record("the pack was accepted")
        } catch {
            let error = "\(error)"
            #expect(error.contains("laughs.yaml:7:"), "\(error)")
            #expect(error.contains("YAML aliases (*name) are not allowed here"))
        }
    }

    @Test func aCatastrophicRegexInAUserPackIsStoppedByTheRuleTimeLimit() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("govlint-pack-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let pack = dir.appendingPathComponent("slow")
        try FileManager.default.createDirectory(at: pack, withIntermediateDirectories: true)
        try "id: slow\ntitle: { en: Slow, zh-CN: 慢 }\nversion: 1.0.0\n".write(to: pack.appendingPathComponent("pack.yaml"), atomically: true, encoding: .utf8)
        try """
            id: slow-title
            title: { en: T, zh-CN: 标 }
            message: { en: M, zh-CN: 信 }
            severity: error
            target: page
            selector: "[data-x]"
            check:
              function: attribute-matches
              options: { name: data-x, pattern: "^(a+)+$" }
            """.write(to: pack.appendingPathComponent("slow-title.yaml"), atomically: true, encoding: .utf8)
        let catalog = try Catalog.load(builtin: SourcePacks.files(), rulesDirectories: [dir])
        let export = try Export(); defer { export.remove() }
        // ICU gives up one catastrophic match after about half a second; 200 of them
        // would hold the file for minutes without the per-rule deadline.
        let evil = "<p data-x=\"\(String(repeating: "a", count: 40))b\">x</p>"
        try export.write("evil.html", "<!doctype html><html lang=en><title>E</title><body>\(String(repeating: evil, count: 200))<img src=x></body></html>")
        let started = Date()
        let result = try export.run(catalog: catalog, profiles: []) { $0.limits.ruleTimeout = 1 }
        let elapsed = Date().timeIntervalSince(started)
        #expect(elapsed < 20, "took \(elapsed) s")
        let stopped = result.findings("evil.html", "file-not-fully-checked")
        #expect(stopped.count == 1, "elapsed \(elapsed) s; findings: \(result.findings("evil.html").map { "\($0.ruleID): \($0.message.en)" })")
        #expect(stopped.first?.message.en.contains("rule slow-title stopped after") == true, "\(stopped)")
        // Other rules still ran on the same page and on the others.
        #expect(result.findings("evil.html", "image-alt").count == 1)
        #expect(result.goodPageChecked)
    }

    /// Found by fuzz-jsonpath: filters nested over recursive descent cost N^depth;
    /// selection stops at the rule's deadline and the rule is reported as cut short.
    @Test func anExponentialJSONPathInAUserPackIsStoppedByTheRuleTimeLimit() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("govlint-pack-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let pack = dir.appendingPathComponent("deep")
        try FileManager.default.createDirectory(at: pack, withIntermediateDirectories: true)
        try "id: deep\ntitle: { en: Deep, zh-CN: 深 }\nversion: 1.0.0\n".write(to: pack.appendingPathComponent("pack.yaml"), atomically: true, encoding: .utf8)
        try """
            id: deep-path
            title: { en: T, zh-CN: 标 }
            message: { en: M, zh-CN: 信 }
            severity: error
            target: descriptor
            files: ["deep.json"]
            given: "$..[?($..*..[?($..*..*.*..[?($..*..[?($..*..*.*[::-1].ad && @ < $.list.ds)].*.*[::-1].ad && @ < $.list.ds)][::-1].ad && @ < $.list.ds)].*.*[::-1].ad && @ < $.list.ds)]"
            check: { function: truthy }
            """.write(to: pack.appendingPathComponent("deep-path.yaml"), atomically: true, encoding: .utf8)
        let catalog = try Catalog.load(builtin: SourcePacks.files(), rulesDirectories: [dir])
        let export = try Export(); defer { export.remove() }
        let items = (0..<40).map { "{\"n\": \($0), \"tags\": [\"a\", \"b\", {\"c\": [1, 2, 3]}]}" }.joined(separator: ", ")
        try export.write("deep.json", "{\"list\": [\(items)], \"more\": {\"x\": [\(items)]}}")
        let started = Date()
        let result = try export.run(catalog: catalog, profiles: []) { $0.limits.ruleTimeout = 1 }
        let elapsed = Date().timeIntervalSince(started)
        #expect(elapsed < 30, "took \(elapsed) s")
        let stopped = result.findings("deep.json", "file-not-fully-checked")
        #expect(stopped.count == 1, "\(result.findings("deep.json").map { "\($0.ruleID): \($0.message.en)" })")
        #expect(stopped.first?.message.en.contains("rule deep-path stopped after") == true, "\(stopped)")
        #expect(result.goodPageChecked)
    }

    @Test func limitsAreReadFromTheConfiguration() throws {
        let config = try ConfigurationLoader.parse("""
            limits:
              max-file-size: 2MB
              max-depth: 500
              file-timeout: 30
              rule-timeout: 0
            """, file: ".govlint.yml", catalog: SourcePacks.catalog())
        #expect(config.limits.maxFileSize == 2 << 20)
        #expect(config.limits.maxDepth == 500)
        #expect(config.limits.fileTimeout == 30)
        #expect(config.limits.ruleTimeout == nil)
        #expect(throws: LocatedError.self) {
            try ConfigurationLoader.parse("limits:\n  max-depth: many\n", file: ".govlint.yml", catalog: SourcePacks.catalog())
        }
        #expect(throws: LocatedError.self) {
            try ConfigurationLoader.parse("limits:\n  max-size: 1\n", file: ".govlint.yml", catalog: SourcePacks.catalog())
        }
        // Regression (mutation tests): sizes past Int.max were a trap, not an error.
        for size in ["99999999999999999999MB", "infMB", "nanKB", "-1MB", "0"] {
            #expect(Limits.parseSize(size) == nil, "\(size)")
            #expect(throws: LocatedError.self) {
                try ConfigurationLoader.parse("limits:\n  max-file-size: \(size)\n", file: ".govlint.yml", catalog: SourcePacks.catalog())
            }
        }
        #expect(Limits.parseSize("1.5KB") == 1536)
    }
}
