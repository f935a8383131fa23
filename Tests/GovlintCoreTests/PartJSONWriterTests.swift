import Foundation
import GovlintHTML
@testable import GovlintCore
import GovlintTestSupport
import Testing

/// Part files are written by a byte writer; they must be the bytes `JSONEncoder`
/// (sorted keys, ISO 8601 dates) makes of the same part, which older releases wrote.
@Suite(.serialized) struct PartJSONWriterTests {
    static let now = ConfigurationLoader.parseDate("2026-11-25")!

    /// The part as `JSONEncoder` writes it, one file's outcome at a time (the writer before the byte writer).
    static func encoderReference(_ part: RunPart) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        var shell = part
        shell.files = [:]
        shell.spool = nil
        let text = String(decoding: try encoder.encode(shell), as: UTF8.self)
        let empty = try #require(text.range(of: "\"files\":{}"))
        var out = String(text[..<empty.lowerBound]) + "\"files\":{"
        let facts = part.spooledFacts()
        for (i, path) in part.files.keys.sorted().enumerated() {
            out += (i == 0 ? "" : ",") + String(decoding: try encoder.encode(path), as: UTF8.self) + ":"
            out += String(decoding: try encoder.encode(part.outcome(for: path, facts: facts)!), as: UTF8.self)
        }
        return Array((out + "}" + text[empty.upperBound...] + "\n").utf8)
    }

    static func written(_ part: RunPart) throws -> [UInt8] {
        var bytes: [UInt8] = []
        try part.writeJSON(bytes: { bytes += $0 })
        return bytes
    }

    static let awkward = [
        "", "plain", "quote \" and backslash \\ and slash / and </script>", "\\/\\\"",
        String((0..<32).map { Character(Unicode.Scalar(UInt8($0))) }) + "\u{7F}",
        "tab\there\nnew line\r\n", "emoji 👩‍👩‍👧 🇺🇸", "江滨县人民政府 中文", "e\u{301} vs é", "line\u{2028}sep\u{FEFF}bom",
        "{\"files\":{}}", "https://www.usa.gov/a/b?c=d&e=<f>",
    ]

    @Test(arguments: awkward)
    func stringsAreEscapedAsJSONEncoderDoes(_ s: String) throws {
        var w = PartJSONWriter()
        w.string(s)
        #expect(w.bytes == Array(try JSONEncoder().encode(s)))
    }

    @Test(arguments: [0, 1, 9, 10, 99, 100, 12_345, -1, -10, Int.max, Int.min])
    func integersAreWrittenAsJSONEncoderDoes(_ n: Int) throws {
        var w = PartJSONWriter()
        w.int(n)
        #expect(w.bytes == Array(try JSONEncoder().encode(n)))
    }

    static func finding(_ i: Int, file: String) -> Finding {
        let s = awkward[i % awkward.count]
        return Finding(ruleID: ["img-alt", "Zeta-rule", "rule-10", "rule-9"][i % 4], severity: [.info, .warning, .error][i % 3],
                       outcome: i % 4 == 0 ? .cantTell : .failed, file: file,
                       range: SourceRange(start: SourcePosition(line: i + 1, column: 2, offset: 1000 * i),
                                          end: SourcePosition(line: i + 2, column: 1, offset: 1000 * i + 7)),
                       message: LocalizedText(en: "message \(i) \(s)", zhCN: i % 5 == 0 ? "" : "说明 \(s)"), snippet: s,
                       path: i % 2 == 0 ? "html > body > p:nth-child(\(i))\(s)" : nil)
    }

    static func fact(_ i: Int, file: String) -> SiteFact {
        let s = awkward[(i + 3) % awkward.count]
        return SiteFact(file: file, value: "value \(s)", range: SourceRange(start: SourcePosition(line: i, column: i, offset: i),
                                                                             end: SourcePosition(line: i, column: i + 1, offset: i + 1)),
                        snippet: s)
    }

    static let paths = ["a.html", "b/ü.html", "é.html", "e\u{301}x.html", "z/\"q\"/x.html", "中文/首页.html", "empty.html", "Z.html"]

    /// A part with awkward strings everywhere, its findings and facts in memory or in a spool, optional values left out or not.
    static func handMade(spooled: Bool, full: Bool) throws -> RunPart {
        var files: [String: FileOutcome] = [:]
        let spool = spooled ? try FindingSpool(factChunkSize: 100) : nil
        for (n, path) in paths.enumerated() {
            var o = FileOutcome()
            if path != "empty.html" {
                o.findings = (0..<(n + 1)).map { finding($0 + n, file: path) }
                o.facts = ["links": (0..<n).map { fact($0, file: path) }, "Titles": [fact(n, file: path)], "ß-rule": []]
                if full { o.outcomes = ["rule-10": OutcomeCounts(), "rule-9": { var c = OutcomeCounts(); c.failed = n; c.passed = 3; return c }()] }
            }
            if let spool {
                spool.append(o.findings, for: path)
                o.findings = n % 2 == 0 ? [finding(99, file: path)] : []
                for (rule, list) in o.facts { spool.appendFacts(list, rule: rule, path: path) }
                o.facts = [:]
            }
            files[path] = o
        }
        var counts = OutcomeCounts()
        counts.inapplicable = 4
        counts.cantTell = 2
        var part = RunPart(toolVersion: "1.2.3/\u{1}", catalogDigest: "sha256:\\/", shard: full ? Shard("2/3") : nil,
                           profile: full ? "cn-gov/\"x\"" : nil, rules: ["img-alt": .error, "Zeta-rule": .info, "rule-10": .warning, "ä": .info],
                           now: now.addingTimeInterval(0.75), siteFiles: full ? paths + ["robots.txt"] : [], files: files,
                           problems: full ? [finding(3, file: "broken/\u{0}.html")] : [],
                           pagesChecked: files.count, descriptorsChecked: 0, cacheHits: full ? 3 : 0,
                           outcomes: full ? ["rule-9": counts, "Zeta-rule": OutcomeCounts()] : nil,
                           distinctFacts: full ? ["site-links": [fact(1, file: ""), fact(2, file: "")], "empty": []] : nil,
                           factCounts: full ? ["site-links": 12, "Links": 0] : nil)
        part.profiles = full ? ["cn-gov/\"x\"", "starter"] : []
        part.spool = spool
        return part
    }

    @Test(arguments: [false, true], [false, true])
    func handMadePartIsWrittenAsJSONEncoderWritesIt(spooled: Bool, full: Bool) throws {
        let part = try Self.handMade(spooled: spooled, full: full)
        let bytes = try Self.written(part)
        #expect(bytes == (try Self.encoderReference(part)))
        #expect(String(decoding: bytes, as: UTF8.self).contains("\\/"))
        // What the merge reads back: the findings of the spool and of memory, in that order.
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let decoded = try decoder.decode(RunPart.self, from: Data(bytes))
        for path in Self.paths { #expect(decoded.files[path]?.findings == part.outcome(for: path)?.findings) }
    }

    /// Parts of real checks: fixture sites and a generated one, sharded, findings and facts in the spool.
    @Test(arguments: ["sites/demo-agency", "sites/cn-county-gov", "generated"])
    func checkedPartIsWrittenAsJSONEncoderWritesIt(_ site: String) throws {
        let url = site == "generated" ? try FindingStreamTests.makeSite(pages: 30) : RepositoryPaths.fixtures.appendingPathComponent(site)
        let linter = Linter(catalog: try SourcePacks.catalog())
        for i in 1...2 {
            var options = RunOptions(jobs: 2, profiles: site.contains("cn-") ? ["cn-gov"] : ["starter", "site-hygiene"], now: Self.now)
            options.shard = Shard("\(i)/2")
            let part = linter.collect(paths: [url], options: options)
            #expect(part.spool != nil)
            let bytes = try Self.written(part)
            #expect(bytes == (try Self.encoderReference(part)))
            #expect(bytes.count > 1000)
        }
    }

    @Test func largePartIsWrittenInPiecesOfWholeValues() throws {
        var files: [String: FileOutcome] = [:]
        for i in 0..<400 {
            var o = FileOutcome()
            o.findings = (0..<10).map { Self.finding($0, file: "p\(i).html") }
            files["p\(i).html"] = o
        }
        let part = RunPart(toolVersion: "1", catalogDigest: "d", rules: [:], now: Self.now, siteFiles: [], files: files, problems: [],
                           pagesChecked: 400, descriptorsChecked: 0, cacheHits: 0)
        var pieces: [String] = []
        try part.writeJSON { pieces.append($0) }
        #expect(pieces.count > 3)
        #expect(pieces.dropLast().allSatisfy { $0.hasSuffix("}}") }) // each after a whole outcome
        #expect(Array(pieces.joined().utf8) == (try Self.encoderReference(part)))
    }
}
