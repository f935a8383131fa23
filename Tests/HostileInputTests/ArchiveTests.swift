import Foundation
import GovlintCore
import GovlintTestSupport
import Testing
import ZIPFoundation

/// Zipped exports checked in place, with hostile entries refused and reported.
@Suite struct ArchiveTests {
    static func makeZip(_ entries: [(String, [UInt8])]) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("govlint-zip-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent("site.zip")
        let archive = try Archive(url: url, accessMode: .create)
        for (path, bytes) in entries {
            let data = Data(bytes)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<(Int(position) + size))
            }
        }
        return url
    }

    static func run(_ url: URL, _ configure: (inout Configuration) -> Void = { _ in }) throws -> RunResult {
        var configuration = Configuration()
        configure(&configuration)
        return Linter(catalog: try SourcePacks.catalog(), configuration: configuration)
            .run(paths: [url], options: RunOptions(jobs: 2, profiles: ["starter"], now: Date(timeIntervalSince1970: 1_780_000_000)))
    }

    @Test func aZippedExportIsCheckedInPlace() throws {
        let zip = try Self.makeZip([("good.html", Array(Export.goodPage.utf8)),
                                    ("sub/页面.html", Array(Export.goodPage.utf8)),
                                    ("empty.html", [])])
        defer { try? FileManager.default.removeItem(at: zip.deletingLastPathComponent()) }
        let result = try Self.run(zip)
        #expect(result.findings("good.html", "image-alt").count == 1)
        #expect(result.findings("sub/页面.html", "image-alt").count == 1)
        #expect(result.findings("empty.html", "file-empty").count == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: zip.deletingLastPathComponent().path) == ["site.zip"], "nothing extracted")
    }

    @Test func siteFilesInsideAZipAreRead() throws {
        let zip = try Self.makeZip([
            ("index.html", Array(Export.goodPage.utf8)),
            ("robots.txt", Array("User-agent: *\nDisalow: /tmp/\n".utf8)),
            ("sitemap.xml", Array("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><url><loc>https://a.gov/gone.html</loc></url></urlset>".utf8)),
        ])
        defer { try? FileManager.default.removeItem(at: zip.deletingLastPathComponent()) }
        let result = Linter(catalog: try SourcePacks.catalog())
            .run(paths: [zip], options: RunOptions(jobs: 2, profiles: ["site-hygiene"], now: Date(timeIntervalSince1970: 1_780_000_000)))
        #expect(result.findings.contains { $0.file == "robots.txt" && $0.ruleID == "robots-txt" && $0.line == 2 })
        #expect(result.findings.contains { $0.file == "sitemap.xml" && $0.ruleID == "sitemap-url-in-export" })
        #expect(try FileManager.default.contentsOfDirectory(atPath: zip.deletingLastPathComponent().path) == ["site.zip"], "nothing extracted")
    }

    @Test func entriesWithParentOrAbsolutePathsAreRefusedAndReported() throws {
        let zip = try Self.makeZip([("good.html", Array(Export.goodPage.utf8)),
                                    ("../escape.html", Array(Export.goodPage.utf8)),
                                    ("a/../../up.html", Array(Export.goodPage.utf8)),
                                    ("/etc/abs.html", Array(Export.goodPage.utf8))])
        defer { try? FileManager.default.removeItem(at: zip.deletingLastPathComponent()) }
        let result = try Self.run(zip)
        let refused = result.findings.filter { $0.ruleID == "file-unreadable" && $0.message.en.contains("absolute or ../ path") }
        #expect(Set(refused.map(\.file)) == ["site.zip!../escape.html", "site.zip!a/../../up.html", "site.zip!/etc/abs.html"], "\(refused.map(\.file))")
        #expect(!result.findings.contains { $0.file.contains("escape") && $0.ruleID == "image-alt" })
        #expect(result.goodPageChecked)
    }

    @Test func aZipBombEntryIsRefusedByItsCompressionRatio() throws {
        let zip = try Self.makeZip([("good.html", Array(Export.goodPage.utf8)),
                                    ("bomb.html", Array(repeating: 0x20, count: 30 << 20))])
        defer { try? FileManager.default.removeItem(at: zip.deletingLastPathComponent()) }
        let result = try Self.run(zip)
        let bomb = result.findings.filter { $0.file == "site.zip!bomb.html" }
        #expect(bomb.count == 1)
        #expect(bomb.first?.message.en.contains("compression ratio over 200:1") == true, "\(bomb)")
        #expect(result.goodPageChecked)
        print("zip bomb: peak RSS \(peakRSSMegabytes()) MB")
    }

    @Test func anEntryOverTheSizeLimitIsReported() throws {
        var page = Array("<!doctype html><html lang=en><title>Big</title><body>".utf8)
        for i in 0..<3000 { page += Array("<p>paragraph \(i) with some varied text \(i * 7919 % 104729)</p>".utf8) }
        let zip = try Self.makeZip([("good.html", Array(Export.goodPage.utf8)), ("big.html", page)])
        defer { try? FileManager.default.removeItem(at: zip.deletingLastPathComponent()) }
        let result = try Self.run(zip) { $0.limits.maxFileSize = 50_000 }
        #expect(result.findings("big.html", "file-not-fully-checked").count == 1)
        #expect(result.goodPageChecked)
    }

    @Test func aMalformedArchiveIsReported() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("govlint-zip-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let good = try Self.makeZip([("good.html", Array(Export.goodPage.utf8))])
        var bytes = [UInt8](try Data(contentsOf: good))
        bytes.removeLast(10) // cut through the end-of-central-directory record
        let broken = dir.appendingPathComponent("broken.zip")
        try Data(bytes).write(to: broken)
        let garbage = dir.appendingPathComponent("garbage.zip")
        try Data((0..<5000).map { UInt8(truncatingIfNeeded: $0 &* 7) }).write(to: garbage)
        let result = Linter(catalog: try SourcePacks.catalog())
            .run(paths: [broken, garbage, good], options: RunOptions(jobs: 2, profiles: ["starter"]))
        #expect(result.findings.contains { $0.file == "broken.zip" && $0.message.en.contains("not a readable ZIP archive") }, "\(result.findings.map(\.file))")
        #expect(result.findings.contains { $0.file == "garbage.zip" && $0.message.en.contains("not a readable ZIP archive") })
        #expect(result.findings.contains { $0.file == "site.zip!good.html" && $0.ruleID == "image-alt" })
        try? FileManager.default.removeItem(at: good.deletingLastPathComponent())
    }
}
