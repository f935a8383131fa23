import Foundation
@testable import GovlintCore
import GovlintTestSupport
import Testing

@Suite(.serialized) struct ShardAndCacheTests {
    static let demo = RepositoryPaths.fixtures.appendingPathComponent("sites/demo-agency")
    static let now = ConfigurationLoader.parseDate("2026-11-25")!

    static func tempDir() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("govlint-core-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// A small export with several pages, duplicate titles and broken links across pages.
    static func makeSite() throws -> URL {
        let dir = try tempDir()
        for i in 0..<12 {
            let title = i % 3 == 0 ? "Shared title" : "Page \(i)"
            let html = """
                <html lang="en"><head><title>\(title)</title></head>
                <body><a href="p\(i + 1).html">next</a> <img src="i\(i).png"></body></html>
                """
            try html.write(to: dir.appendingPathComponent("p\(i).html"), atomically: true, encoding: .utf8)
        }
        return dir
    }

    /// Parts travel as JSON between machines (decoded: findings and facts in memory), or are merged in the
    /// process that made them (findings and facts in each part's spool).
    @Test(arguments: [1, 2, 3, 5], [true, false])
    func mergedShardsEqualAnUnshardedRun(_ n: Int, asJSON: Bool) throws {
        let site = try Self.makeSite()
        let linter = Linter(catalog: try SourcePacks.catalog())
        let whole = linter.run(paths: [site], options: RunOptions(jobs: 2, profiles: ["starter"], now: Self.now))
        var parts: [RunPart] = []
        for i in 1...n {
            var options = RunOptions(jobs: 2, profiles: ["starter"], now: Self.now)
            options.shard = Shard("\(i)/\(n)")
            let part = linter.collect(paths: [site], options: options)
            guard asJSON else {
                #expect(part.spool != nil)
                parts.append(part)
                continue
            }
            let encoder = JSONEncoder()
            encoder.dateEncodingStrategy = .iso8601
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .iso8601
            parts.append(try decoder.decode(RunPart.self, from: encoder.encode(part)))
        }
        #expect(parts.map(\.pagesChecked).reduce(0, +) == 12)
        let merged = try linter.finish(parts.reversed())
        #expect(merged.findings == whole.findings)
        #expect(merged.outcomes == whole.outcomes)
        #expect(whole.findings.contains { $0.ruleID == "unique-page-title" })
    }

    @Test func mergeRejectsMissingOrForeignParts() throws {
        let site = try Self.makeSite()
        let linter = Linter(catalog: try SourcePacks.catalog())
        var options = RunOptions(jobs: 1, profiles: ["starter"], now: Self.now)
        options.shard = Shard("1/2")
        let one = linter.collect(paths: [site], options: options)
        #expect(throws: MergeError.self) { try linter.finish([one]) }
        #expect(throws: MergeError.self) { try linter.finish([one, one]) }
        var other = RunOptions(jobs: 1, profiles: ["wcag22-a"], now: Self.now)
        other.shard = Shard("2/2")
        #expect(throws: MergeError.self) { try linter.finish([one, linter.collect(paths: [site], options: other)]) }
    }

    @Test(arguments: ["0/2", "3/2", "x", "1/0", "1/2/3"])
    func badShardSpecs(_ text: String) {
        #expect(Shard(text) == nil)
    }

    @Test func cacheSkipsUnchangedFilesAndRechecksChangedOnes() throws {
        let site = try Self.makeSite()
        let cache = try Self.tempDir()
        let linter = Linter(catalog: try SourcePacks.catalog())
        var options = RunOptions(jobs: 2, profiles: ["starter"], now: Self.now)
        options.cache = cache
        let first = linter.run(paths: [site], options: options)
        #expect(first.cacheHits == 0)
        let second = linter.run(paths: [site], options: options)
        #expect(second.cacheHits == 12)
        #expect(second.findings == first.findings)
        #expect(second.outcomes == first.outcomes)
        // Change one page: only that page is checked again, and its new finding appears.
        try "<html><head><title>Page 4</title></head><body></body></html>"
            .write(to: site.appendingPathComponent("p4.html"), atomically: true, encoding: .utf8)
        let third = linter.run(paths: [site], options: options)
        #expect(third.cacheHits == 11)
        #expect(third.findings.contains { $0.file == "p4.html" && $0.ruleID == "html-has-lang" })
        // A different profile, date or rule set never reuses entries.
        var other = options
        other.profiles = ["site-hygiene"]
        #expect(linter.run(paths: [site], options: other).cacheHits == 0)
        other = options
        other.now = ConfigurationLoader.parseDate("2026-12-25")
        #expect(linter.run(paths: [site], options: other).cacheHits == 0)
    }

    // MARK: Page types from the configuration

    static let county = RepositoryPaths.fixtures.appendingPathComponent("sites/cn-county-gov")

    static func countyConfiguration() throws -> Configuration {
        try ConfigurationLoader.load(county.appendingPathComponent(".govlint.yml"), catalog: try SourcePacks.catalog())
    }

    /// The page type is decided per page from the configuration, so shards agree with a whole run.
    @Test(arguments: [2, 3])
    func pageTypesFromTheConfigurationSurviveSharding(_ n: Int) throws {
        let linter = Linter(catalog: try SourcePacks.catalog(), configuration: try Self.countyConfiguration())
        let whole = linter.run(paths: [Self.county], options: RunOptions(jobs: 2, profiles: ["cn-gov"], now: Self.now))
        var parts: [RunPart] = []
        for i in 1...n {
            var options = RunOptions(jobs: 1, profiles: ["cn-gov"], now: Self.now)
            options.shard = Shard("\(i)/\(n)")
            parts.append(linter.collect(paths: [Self.county], options: options))
        }
        let merged = try linter.finish(parts)
        #expect(merged.findings == whole.findings)
        #expect(merged.outcomes == whole.outcomes)
        #expect(!whole.findings.contains { $0.file == "zcwj/gfxwj/index.html" })
    }

    /// The configuration is part of the cache key: stating page types re-checks every page.
    @Test func changingPageTypesInvalidatesTheCache() throws {
        let cache = try Self.tempDir()
        var options = RunOptions(jobs: 2, profiles: ["cn-gov"], now: Self.now)
        options.cache = cache
        let catalog = try SourcePacks.catalog()
        let heuristic = Linter(catalog: catalog, configuration: try ConfigurationLoader.parse("profile: cn-gov\n", file: ".govlint.yml", catalog: catalog))
        let stated = Linter(catalog: catalog, configuration: try Self.countyConfiguration())
        let misread = { (r: RunResult) in r.findings.contains { $0.file == "zcwj/gfxwj/index.html" && $0.ruleID == "cn-article-labels" } }
        let first = heuristic.run(paths: [Self.county], options: options)
        #expect(misread(first))
        let second = stated.run(paths: [Self.county], options: options)
        #expect(second.cacheHits == 0)
        #expect(!misread(second))
        let third = stated.run(paths: [Self.county], options: options)
        // Every page and site file (robots.txt, sitemap.xml, security.txt) comes from the cache.
        #expect(third.cacheHits == third.pagesChecked + 3 && third.pagesChecked > 0)
        #expect(third.findings == second.findings)
    }

    @Test func corruptCacheEntriesAreIgnoredWithAWarning() throws {
        let site = try Self.makeSite()
        let cache = try Self.tempDir()
        let linter = Linter(catalog: try SourcePacks.catalog())
        let warnings = Warnings()
        var options = RunOptions(jobs: 1, profiles: ["starter"], now: Self.now)
        options.cache = cache
        options.warn = { warnings.add($0) }
        let first = linter.run(paths: [site], options: options)
        // Damage every entry.
        let walker = FileManager.default.enumerator(at: cache, includingPropertiesForKeys: nil)
        while let url = walker?.nextObject() as? URL {
            if url.pathExtension == "json" { try Data("{\"key\": \"x\", \"outcome\": 3".utf8).write(to: url) }
        }
        let second = linter.run(paths: [site], options: options)
        #expect(second.cacheHits == 0)
        #expect(second.findings == first.findings)
        #expect(warnings.all.count == 1)
        #expect(warnings.all.first?.contains("corrupt cache entry") == true)
    }

    final class Warnings: @unchecked Sendable {
        private let lock = NSLock()
        private var items: [String] = []
        func add(_ s: String) { lock.lock(); items.append(s); lock.unlock() }
        var all: [String] { lock.lock(); defer { lock.unlock() }; return items }
    }
}

@Suite struct SHA256Tests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ])
    func knownVectors(_ input: String, _ digest: String) {
        #expect(SHA256.hex(input) == digest)
    }

    @Test func incrementalEqualsOneShot() {
        let text = String(repeating: "govlint 江滨 ", count: 1000)
        var h = SHA256()
        for chunk in Array(text.utf8).chunked(63) { h.update(chunk) }
        #expect(h.finalize() == SHA256.hex(text))
    }
}

extension Array {
    func chunked(_ n: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: n).map { self[$0..<Swift.min($0 + n, count)] }
    }
}
