import Foundation
import GovlintTestSupport
import Testing

/// `govlint docs`: the committed docs/rules match the rules, and pages read right.
@Suite(.serialized) struct DocsCLITests {
    static func files(under root: URL) -> [String: String] {
        var result: [String: String] = [:]
        let base = root.standardizedFileURL.path + "/"
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return [:] }
        for case let url as URL in walker where url.pathExtension == "md" {
            result[String(url.standardizedFileURL.path.dropFirst(base.count))] = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        }
        return result
    }

    @Test func committedRuleDocsAreUpToDate() throws {
        let out = try CLITests.tempDir()
        let r = try CLITests.govlint(["docs", "--output", out.path])
        #expect(r.status == 0, "\(r.stderr)")
        let fresh = Self.files(under: out)
        let committed = Self.files(under: RepositoryPaths.root.appendingPathComponent("docs/rules"))
        #expect(fresh["accessibility/image-alt.md"] != nil)
        let missing = Set(fresh.keys).subtracting(committed.keys).sorted()
        let extra = Set(committed.keys).subtracting(fresh.keys).sorted()
        let changed = fresh.keys.filter { committed[$0] != nil && committed[$0] != fresh[$0] }.sorted()
        #expect(missing.isEmpty && extra.isEmpty && changed.isEmpty, """
            docs/rules is stale: run `make docs` and commit the result.
              missing: \(missing.prefix(10))
              no longer generated: \(extra.prefix(10))
              changed: \(changed.prefix(10))
            """)
    }

    @Test func pageHasStandardsAndExamplesWithoutMarkersOrHiddenExamples() throws {
        let dir = try CLITests.tempDir()
        let pack = dir.appendingPathComponent("mypack")
        try FileManager.default.createDirectory(at: pack, withIntermediateDirectories: true)
        try "id: mypack\ntitle: { en: Mine, zh-CN: 我的 }\nversion: 1.0.0\n".write(to: pack.appendingPathComponent("pack.yaml"), atomically: true, encoding: .utf8)
        try """
            id: my-rule
            title: { en: Buttons | have names, zh-CN: 按钮有名称 }
            summary: { en: Every <button> has text., zh-CN: 每个按钮都有文本。 }
            rationale: People using screen readers hear "button" and nothing else.
            message: { en: The button has no name., zh-CN: 按钮没有名称。 }
            severity: error
            target: page
            references:
              - { standard: WCAG, version: "2.2", clause: "4.1.2", level: A, url: "https://www.w3.org/TR/WCAG22/#name-role-value" }
            selector: button
            check:
              function: attribute-present
              options: { name: title }
            examples:
              pass:
                - <button title="Send">Send</button>
              fail:
                - ↓<button>Send</button>
                - name: internal regression case
                  docs: false
                  code: ↓<button class="secret-regression"></button>
              review:
                - name: reviewed
                  code: ↓<button title="">Review me</button>
            """.write(to: pack.appendingPathComponent("my-rule.yaml"), atomically: true, encoding: .utf8)
        let out = try CLITests.tempDir()
        let r = try CLITests.govlint(["docs", "--output", out.path, "--rules-dir", dir.path])
        #expect(r.status == 0, "\(r.stderr)")
        let page = try String(contentsOf: out.appendingPathComponent("mypack/my-rule.md"), encoding: .utf8)
        #expect(page.contains("# my-rule: Buttons \\| have names"))
        #expect(page.contains("## Why"))
        #expect(page.contains("[WCAG 2.2 4.1.2 (A)](https://www.w3.org/TR/WCAG22/#name-role-value)"))
        #expect(page.contains("```html\n<button title=\"Send\">Send</button>\n```"))
        #expect(page.contains("```html\n<button>Send</button>\n```"))
        #expect(!page.contains("↓"))
        #expect(page.contains("### Needs review (cantTell)\n\nreviewed:\n\n```html\n<button title=\"\">Review me</button>\n```"))
        #expect(!page.contains("secret-regression"), "docs: false examples are not shown")
        let index = try String(contentsOf: out.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(index.contains("[mypack](mypack/README.md)"))
        let packIndex = try String(contentsOf: out.appendingPathComponent("mypack/README.md"), encoding: .utf8)
        #expect(packIndex.contains("[my-rule](my-rule.md)"))

        // Regenerating prunes pages of rules that are gone.
        try "# stale".write(to: out.appendingPathComponent("mypack/old-rule.md"), atomically: true, encoding: .utf8)
        #expect(try CLITests.govlint(["docs", "--output", out.path, "--rules-dir", dir.path]).status == 0)
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("mypack/old-rule.md").path))
    }
}
