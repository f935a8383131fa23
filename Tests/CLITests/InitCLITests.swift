import Foundation
import GovlintTestSupport
import Testing

/// `govlint init`: a working, commented .govlint.yml with a guessed profile; never overwrites.
@Suite(.serialized) struct InitCLITests {
    static func profiles() throws -> Set<String> {
        let r = try CLITests.govlint(["rules", "profiles"])
        return Set(r.stdout.split(separator: "\n").compactMap { $0.split(separator: " ").first.map(String.init) })
    }

    static func project(_ pages: [String: String]) throws -> URL {
        let dir = try CLITests.tempDir()
        for (name, html) in pages {
            let url = dir.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try html.write(to: url, atomically: true, encoding: .utf8)
        }
        return dir
    }

    static func initialise(_ dir: URL) throws -> (CLITests.Run, String) {
        let r = try CLITests.govlint(["init"], cwd: dir)
        let text = (try? String(contentsOf: dir.appendingPathComponent(".govlint.yml"), encoding: .utf8)) ?? ""
        return (r, text)
    }

    static func page(lang: String, title: String, body: String = "<p>x</p>") -> String {
        "<!DOCTYPE html><html lang=\"\(lang)\"><head><title>\(title)</title></head><body>\(body)</body></html>"
    }

    @Test func englishSiteGetsWCAGAndTheFileWorks() throws {
        let dir = try Self.project(["index.html": Self.page(lang: "en", title: "Home"), "about/index.html": Self.page(lang: "en", title: "About")])
        let (r, text) = try Self.initialise(dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(text.contains("\nprofile: wcag22-aa\n"))
        #expect(text.hasPrefix("# govlint configuration"))
        #expect(text.contains("# rules:"), "commented examples")
        let check = try CLITests.govlint(["check", "--format", "json"], cwd: dir)
        #expect(check.status == 0, "the written configuration loads: \(check.stderr)")
        #expect(check.stdout.contains("\"profile\" : \"wcag22-aa\""))
    }

    @Test func chineseSiteGetsCnGovWhenItExists() throws {
        let dir = try Self.project(["index.html": Self.page(lang: "zh-CN", title: "首页"), "b.html": Self.page(lang: "zh-Hans", title: "关于")])
        let (r, text) = try Self.initialise(dir)
        #expect(r.status == 0, "\(r.stderr)")
        let expected = try Self.profiles().contains("cn-gov") ? "cn-gov" : "wcag22-aa"
        #expect(text.contains("\nprofile: \(expected)\n"), "\(text)")
        #expect(text.contains("2 of 2 pages are in Chinese"))
        guard expected == "cn-gov" else { return }
        // The commented page-types example loads once uncommented.
        #expect(text.contains("# page-types:\n#   \"*/**/index.html\": column\n"), "\(text)")
        let uncommented = text.replacingOccurrences(of: "# page-types:", with: "page-types:")
            .replacingOccurrences(of: "\n#   \"", with: "\n  \"")
        try uncommented.write(to: dir.appendingPathComponent(".govlint.yml"), atomically: true, encoding: .utf8)
        let check = try CLITests.govlint(["check", "--no-cache", "--fail-on", "never"], cwd: dir)
        #expect(check.status == 0, "the page-types example loads: \(check.stderr)")
    }

    @Test func usBannerGetsUSFederalWhenItExists() throws {
        let banner = "<section aria-label=\"Official website\"><p>An official website of the United States government</p></section>"
        let dir = try Self.project(["index.html": Self.page(lang: "en", title: "Agency", body: banner)])
        let (r, text) = try Self.initialise(dir)
        #expect(r.status == 0, "\(r.stderr)")
        let expected = try Self.profiles().contains("us-federal") ? "us-federal" : "wcag22-aa"
        #expect(text.contains("\nprofile: \(expected)\n"), "\(text)")
        #expect(text.contains("US government banner"))
    }

    @Test func neverOverwrites() throws {
        let dir = try Self.project(["index.html": Self.page(lang: "en", title: "Home")])
        let mine = "profile: starter\n# mine\n"
        try mine.write(to: dir.appendingPathComponent(".govlint.yml"), atomically: true, encoding: .utf8)
        let (r, text) = try Self.initialise(dir)
        #expect(r.status == 2)
        #expect(r.stderr.contains("already exists"))
        #expect(text == mine)
        let other = try Self.project([:])
        try mine.write(to: other.appendingPathComponent(".govlint.yaml"), atomically: true, encoding: .utf8)
        #expect(try Self.initialise(other).0.status == 2)
        #expect(!FileManager.default.fileExists(atPath: other.appendingPathComponent(".govlint.yml").path))
    }
}
