import Foundation
import GovlintHTML
@testable import GovlintCore
import GovlintTestSupport
import Testing

/// `report merge` reads part files one file's outcome at a time into a spool
/// (PartReader); the values and the merged result must be those of decoding
/// each part whole with `JSONDecoder`.
@Suite(.serialized) struct PartReaderTests {
    static let now = ConfigurationLoader.parseDate("2026-11-25")!

    static func write(_ part: RunPart, to url: URL) throws {
        var bytes: [UInt8] = []
        try part.writeJSON(bytes: { bytes += $0 })
        try Data(bytes).write(to: url)
    }

    static func decodedWhole(_ url: URL) throws -> RunPart {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(RunPart.self, from: Data(contentsOf: url))
    }

    /// Every file's outcome (findings and facts, spooled or not), and the rest of the part, as JSON to compare.
    /// A rule's empty list of facts is left out (the spool, like the page phase's, keeps no empty list).
    static func canonical(_ part: RunPart) throws -> [UInt8] {
        var plain = part
        plain.files = Dictionary(uniqueKeysWithValues: part.files.keys.map { path in
            var o = part.outcome(for: path)!
            o.facts = o.facts.filter { !$0.value.isEmpty }
            return (path, o)
        })
        plain.spool = nil
        return try PartJSONWriterTests.encoderReference(plain)
    }

    /// Shards of a site with site files, located and distinct-value site facts; with many shards, some check no file.
    @Test(arguments: [1, 3, 16])
    func partsReadFromFilesMergeToAnUnshardedRun(_ n: Int) throws {
        let site = try SiteFileTests.makeSite()
        let linter = Linter(catalog: try SourcePacks.catalog())
        let profiles = ["starter", "site-hygiene"]
        let whole = linter.run(paths: [site], options: RunOptions(jobs: 2, profiles: profiles, now: Self.now))
        let dir = try ShardAndCacheTests.tempDir()
        var paths: [String] = []
        var written: [RunPart] = []
        for i in 1...n {
            var options = RunOptions(jobs: 2, profiles: profiles, now: Self.now)
            options.shard = Shard("\(i)/\(n)")
            let part = linter.collect(paths: [site], options: options)
            let url = dir.appendingPathComponent("part\(i).json")
            try Self.write(part, to: url)
            paths.append(url.path)
            written.append(part)
        }
        if n == 16 { #expect(written.contains { $0.files.isEmpty }) }
        #expect(written.contains { !($0.distinctFacts ?? [:]).isEmpty })
        let read = try PartReader.readAll(paths: paths.reversed())
        #expect(read.allSatisfy { $0.spool != nil })
        #expect(read.allSatisfy { $0.files.values.allSatisfy { $0.findings.isEmpty && $0.facts.isEmpty } })
        let merged = try linter.finish(read)
        #expect(merged.findings == whole.findings)
        #expect(merged.outcomes == whole.outcomes)
        #expect(whole.findings.contains { $0.ruleID == "orphan-page" || $0.ruleID == "missing-fragment-target" })
    }

    /// Read alone, a part gives what JSONDecoder gives: written by govlint, pretty-printed with keys in any
    /// order, or hand-made with awkward strings.
    @Test(arguments: ["checked", "pretty", "hand-made", "hand-made spooled"])
    func partReadsAsJSONDecoderDecodesIt(_ kind: String) throws {
        let dir = try ShardAndCacheTests.tempDir()
        let url = dir.appendingPathComponent("part.json")
        let part: RunPart
        if kind.hasPrefix("hand-made") {
            part = try PartJSONWriterTests.handMade(spooled: kind.hasSuffix("spooled"), full: true)
        } else {
            var options = RunOptions(jobs: 2, profiles: ["starter", "site-hygiene"], now: Self.now)
            options.shard = Shard("1/2")
            part = Linter(catalog: try SourcePacks.catalog()).collect(paths: [try SiteFileTests.makeSite()], options: options)
        }
        if kind == "pretty" {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted]
            encoder.dateEncodingStrategy = .iso8601
            try encoder.encode(part).write(to: url)
        } else {
            try Self.write(part, to: url)
        }
        let read = try PartReader.read(path: url.path)
        let decoded = try Self.decodedWhole(url)
        #expect(read.files.count == decoded.files.count)
        #expect(try Self.canonical(read) == Self.canonical(decoded))
        #expect(read.files.values.contains { $0.outcomes.isEmpty } || kind.hasPrefix("hand-made"))
    }

    static let malformed: [(name: String, content: String, message: String)] = [
        ("empty", "", "the file is empty"),
        ("array", "[]", "expected '{' (a JSON object) at byte 0, line 1, column 1"),
        ("html", "<html></html>", "expected '{'"),
        ("truncated", #"{"cacheHits":0,"files":{"a.html":{"facts":{},"findings":[{"file":"a.ht"#, "unexpected end of file in the value that starts here at byte 33"),
        ("no key", #"{"files":{"a.html":{"facts":{},"outcomes":{}}}}"#, "the outcome of a.html: missing key \"findings\" in a file outcome at byte 19"),
        ("bad value", "{\"files\":{\n\"b.html\":{\"facts\":{},\"findings\":[],\"outcomes\":{\"r\":{\"passed\":x}}}}}",
         "the outcome of b.html: expected an integer at byte 72, line 2, column 62"),
        ("bad severity", #"{"files":{"c.html":{"facts":{},"outcomes":{},"findings":[{"severity":"fatal"}]}}}"#, "\"fatal\" is not a severity"),
        ("twice", #"{"files":{"d.html":{"facts":{},"findings":[],"outcomes":{}},"d.html":{}}}"#, "the file d.html appears twice at byte"),
        ("trailing", #"{"files":{}} x"#, "unexpected bytes after the part at byte 13"),
        ("no files", #"{"cacheHits":1}"#, "no \"files\" object"),
        ("envelope", #"{"files":{},"cacheHits":1}"#, "missing key \"schemaVersion\""),
    ]

    @Test(arguments: malformed.indices)
    func malformedPartsAreRejectedWithTheirPlace(_ i: Int) throws {
        let (name, content, message) = Self.malformed[i]
        let url = try ShardAndCacheTests.tempDir().appendingPathComponent("\(name).json")
        try Data(content.utf8).write(to: url)
        do {
            _ = try PartReader.readAll(paths: [url.path])
            Issue.record("\(name) was read")
        } catch {
            #expect(error.description.hasPrefix(url.path + ": "), "\(error.description)")
            #expect(error.description.contains(message), "\(error.description)")
        }
    }

    @Test(arguments: [#"{"files":{"a"#, #"{"files":{"a.html":{"facts":{},"findings":[],"outcomes":{"r"#])
    func invalidUTF8IsRejected(_ prefix: String) throws {
        let url = try ShardAndCacheTests.tempDir().appendingPathComponent("latin1.json")
        try Data(Array(prefix.utf8) + [0xE9] + Array(#"":{}}}"#.utf8)).write(to: url)
        #expect(throws: PartReader.ReadError.self) { try PartReader.read(path: url.path) }
        do { _ = try PartReader.read(path: url.path) } catch {
            #expect(error.description.contains("invalid UTF-8 in a string at byte \(prefix.utf8.count - 2)"), "\(error.description)")
        }
    }

    @Test func aMissingPartIsNamed() {
        #expect(throws: PartReader.ReadError.self) { try PartReader.read(path: "/nonexistent-govlint/part.json") }
    }

    /// The scanner reads in chunks: values longer than a chunk, and split anywhere, read the same.
    @Test func valuesLongerThanAChunkAreReadWhole() throws {
        var files: [String: FileOutcome] = [:]
        let long = String(repeating: "江\\\"/ ", count: 150_000) // 1.5 MB escaped
        for i in 0..<2 {
            var o = FileOutcome()
            o.findings = [Finding(ruleID: "r", severity: .error, file: "p\(i).html", range: .fileStart,
                                  message: LocalizedText(en: long, zhCN: ""), snippet: "s\(i)")]
            files["p\(i).html"] = o
        }
        let part = RunPart(toolVersion: "1", catalogDigest: "d", rules: [:], now: Self.now, siteFiles: [], files: files, problems: [],
                           pagesChecked: 2, descriptorsChecked: 0, cacheHits: 0)
        let url = try ShardAndCacheTests.tempDir().appendingPathComponent("long.json")
        try Self.write(part, to: url)
        #expect(try Data(contentsOf: url).count > 2 * PartReader.Scanner.chunk)
        let read = try PartReader.read(path: url.path)
        for i in 0..<2 { #expect(read.outcome(for: "p\(i).html")?.findings == files["p\(i).html"]?.findings) }
    }
}
