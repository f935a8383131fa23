import Foundation
@testable import GovlintCore
import GovlintTestSupport
import Testing

/// robots.txt, sitemaps, security.txt and cross-page fragments: read once per
/// file in the page phase, so shards, merges and the cache give the same findings.
@Suite(.serialized) struct SiteFileTests {
    static let now = ConfigurationLoader.parseDate("2026-11-25")!

    /// Pages with fragment links across pages, a sitemap (one stale URL, one page
    /// missing), a robots.txt with a typo and a security.txt without Expires.
    static func makeSite() throws -> URL {
        let dir = try ShardAndCacheTests.tempDir()
        func write(_ path: String, _ text: String) throws {
            let url = dir.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        for i in 0..<10 {
            try write("p\(i).html", """
                <html lang="en"><head><title>Page \(i)</title></head>
                <body><h2 id="s\(i)">Section</h2><a href="p\((i + 1) % 10).html#s\((i + 1) % 10)">next</a>
                <a href="p\((i + 2) % 10).html#gone">broken</a> <a href="#s\(i)">here</a></body></html>
                """)
        }
        try write("index.html", #"<html lang="en"><head><title>Home</title></head><body><a href="p0.html">Start</a></body></html>"#)
        try write("listed-only.html", #"<html lang="en"><head><title>Listed</title></head><body><p>Only in the sitemap</p></body></html>"#)
        let urls = (["", "listed-only", "old.html"] + (0..<9).map { "p\($0).html" })
            .map { "<url><loc>https://www.agency.gov/\($0)</loc></url>" }.joined(separator: "\n")
        try write("sitemap.xml", "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n\(urls)\n</urlset>\n")
        try write("robots.txt", "User-agent: *\nDissallow: /tmp/\nSitemap: https://www.agency.gov/sitemap.xml\n")
        try write(".well-known/security.txt", "Contact: mailto:security@agency.gov\n")
        return dir
    }

    static func roundTrip(_ part: RunPart) throws -> RunPart {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(RunPart.self, from: encoder.encode(part))
    }

    @Test func aWholeRunFindsWhatTheSiteFilesSay() throws {
        let site = try Self.makeSite()
        let result = Linter(catalog: try SourcePacks.catalog())
            .run(paths: [site], options: RunOptions(jobs: 2, profiles: ["site-hygiene"], now: Self.now))
        let byRule = Dictionary(grouping: result.findings, by: \.ruleID)
        #expect(byRule["missing-fragment-target"]?.count == 10)
        #expect(byRule["robots-txt"]?.map { "\($0.file):\($0.line)" } == ["robots.txt:2"])
        #expect(byRule["sitemap-url-in-export"]?.map { "\($0.file):\($0.line)" } == ["sitemap.xml:4"])
        #expect(byRule["page-in-sitemap"]?.map(\.file) == ["p9.html"])
        #expect(byRule["security-txt"]?.map(\.message.en) == ["security.txt: no Expires field (required exactly once)"])
        #expect(byRule["security-txt-present"] == nil)
        // Reached through the sitemap only: not an orphan.
        #expect(byRule["orphan-page"] == nil, "\(byRule["orphan-page"]?.map(\.file) ?? [])")
    }

    @Test(arguments: [2, 3, 5])
    func mergedShardsEqualAnUnshardedRun(_ n: Int) throws {
        let site = try Self.makeSite()
        let linter = Linter(catalog: try SourcePacks.catalog())
        let whole = linter.run(paths: [site], options: RunOptions(jobs: 2, profiles: ["site-hygiene"], now: Self.now))
        var parts: [RunPart] = []
        for i in 1...n {
            var options = RunOptions(jobs: 2, profiles: ["site-hygiene"], now: Self.now)
            options.shard = Shard("\(i)/\(n)")
            parts.append(try Self.roundTrip(linter.collect(paths: [site], options: options)))
        }
        let merged = try linter.finish(parts.reversed())
        #expect(merged.findings == whole.findings)
        #expect(merged.outcomes == whole.outcomes)
        #expect(whole.findings.contains { $0.ruleID == "missing-fragment-target" })
    }

    @Test func theCacheKeepsSiteFilesAndRechecksAChangedSitemap() throws {
        let site = try Self.makeSite()
        let cache = try ShardAndCacheTests.tempDir()
        let linter = Linter(catalog: try SourcePacks.catalog())
        var options = RunOptions(jobs: 2, profiles: ["site-hygiene"], now: Self.now)
        options.cache = cache
        let first = linter.run(paths: [site], options: options)
        let second = linter.run(paths: [site], options: options)
        #expect(second.cacheHits == 15) // 12 pages, sitemap.xml, robots.txt, security.txt
        #expect(second.findings == first.findings)
        // The sitemap now lists p9.html: one file is read again and the notice goes.
        let sitemap = site.appendingPathComponent("sitemap.xml")
        let text = try String(contentsOf: sitemap, encoding: .utf8)
            .replacingOccurrences(of: "</urlset>", with: "<url><loc>https://www.agency.gov/p9.html</loc></url>\n</urlset>")
        try text.write(to: sitemap, atomically: true, encoding: .utf8)
        let third = linter.run(paths: [site], options: options)
        #expect(third.cacheHits == 14)
        #expect(!third.findings.contains { $0.ruleID == "page-in-sitemap" })
    }

    @Test func siteFilesAreNotReadWhenNoActiveRuleNeedsThem() throws {
        let site = try Self.makeSite()
        let cache = try ShardAndCacheTests.tempDir()
        var options = RunOptions(jobs: 1, profiles: ["wcag22-a"], now: Self.now)
        options.cache = cache
        let linter = Linter(catalog: try SourcePacks.catalog())
        _ = linter.run(paths: [site], options: options)
        #expect(linter.run(paths: [site], options: options).cacheHits == 12)
    }

    @Test(arguments: [
        ("2026-06-01", true), ("2026-06", true), ("2026", true), ("2026-06-01T10:20+08:00", true),
        ("2026-06-01T10:20:30.5Z", true), ("2026-02-29", false), ("2026-13-01", false), ("2026-06-01T10:20", false),
        ("01/06/2026", false), ("2026-06-01 10:20:30", false),
    ])
    func w3cDateTimes(_ text: String, _ valid: Bool) {
        #expect(SitemapXMLCheck.isW3CDateTime(text) == valid)
    }

    @Test(arguments: [
        ("2027-01-31T23:00:00Z", true), ("2027-01-31T23:00:00.123+08:00", true), ("2027-01-31t23:00:00z", true),
        ("2027-01-31", false), ("2027-01-31T23:00Z", false), ("Sun, 31 Jan 2027 23:00:00 GMT", false),
    ])
    func rfc3339DateTimes(_ text: String, _ valid: Bool) {
        #expect((SecurityTxtCheck.rfc3339(text) != nil) == valid)
    }

    @Test(arguments: [
        ("https://www.agency.gov/", "index.html"), ("https://www.agency.gov/a/b/", "a/b/index.html"),
        ("https://www.agency.gov/%E6%96%B0%E9%97%BB/x.html?y=1#z", "新闻/x.html"), ("http://agency.gov", "index.html"),
    ])
    func sitemapURLsMapToExportPaths(_ url: String, _ path: String) {
        #expect(SiteURL.exportPath(url) == path)
    }

    @Test(arguments: ["/about/", "about.html", "ftp://agency.gov/x", "https:///x", "mailto:a@b.gov"])
    func relativeOrNonWebURLsMapToNothing(_ url: String) {
        #expect(SiteURL.exportPath(url) == nil)
    }

    @Test func fragmentHashesAreTenHexDigitsAndDistinguishCase() {
        let a = FragmentTargetCheck.hash("staff"), b = FragmentTargetCheck.hash("Staff")
        #expect(a.count == 10 && b.count == 10)
        #expect(a != b)
        #expect(a.allSatisfy { $0.isHexDigit })
    }
}
