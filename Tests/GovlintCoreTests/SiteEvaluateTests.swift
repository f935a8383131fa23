import Foundation
import GovlintHTML
import GovlintTestSupport
import Testing
@testable import GovlintCore

/// The site checks whose `evaluate` was rewritten to hold less (flat sorted lists instead of tables of
/// strings) decide as their earlier versions, kept here as references, on generated fact lists: unsorted
/// facts, repeated values, several id facts of one page, links to missing pages, percent-encoded fragments.
@Suite struct SiteEvaluateTests {
    static func fact(_ file: String, _ value: String, offset: Int) -> SiteFact {
        let p = SourcePosition(line: 1, column: offset + 1, offset: offset)
        return SiteFact(file: file, value: value, range: SourceRange(start: p, end: p), snippet: "")
    }

    static func check<C: SiteCheck>(_ type: C.Type, _ yaml: String = "{}") throws -> C {
        let node = try YAMLReader.load(yaml, file: "t.yaml")
        var options = try CheckOptions(node, file: "t.yaml", anchor: node)
        return try C(options: &options)
    }

    static func same(_ a: [SiteVerdict], _ b: [SiteVerdict]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { $0.factIndex == $1.factIndex && $0.verdict == $1.verdict && $0.data == $1.data }
    }

    // MARK: unique-across-site

    /// The earlier evaluate: two tables by value and a sorted list of positions.
    static func referenceUnique(_ facts: [SiteFact], ignoreCase: Bool) -> [SiteVerdict] {
        var first: [String: Int] = [:]
        var counts: [String: Int] = [:]
        let order = facts.indices.sorted { (facts[$0].file, facts[$0].range.start) < (facts[$1].file, facts[$1].range.start) }
        for i in order {
            let key = ignoreCase ? facts[i].value.lowercased() : facts[i].value
            counts[key, default: 0] += 1
            if first[key] == nil { first[key] = i }
        }
        var verdicts: [SiteVerdict] = []
        for i in order {
            let key = ignoreCase ? facts[i].value.lowercased() : facts[i].value
            guard let f = first[key], f != i else { continue }
            verdicts.append(SiteVerdict(factIndex: i, data: [
                "value": facts[i].value, "firstFile": facts[f].file, "count": String(counts[key] ?? 0),
            ]))
        }
        return verdicts
    }

    @Test func uniqueDecidesAsBefore() throws {
        let plain = try Self.check(UniqueAcrossSiteCheck.self)
        let folded = try Self.check(UniqueAcrossSiteCheck.self, "{ ignoreCase: true }")
        var rng = SplitMix64(seed: 7)
        let values = ["Home", "home", "HOME", "About us", "Café", "Cafe\u{301}", "首页", "", "News"]
        for round in 0..<300 {
            let n = Int.random(in: 0...14, using: &rng)
            var facts = (0..<n).map { _ in
                Self.fact("p\(Int.random(in: 0...5, using: &rng)).html", values.randomElement(using: &rng)!,
                          offset: Int.random(in: 0...3, using: &rng))
            }
            // Half the rounds in the engine's order (file, position), half as they come.
            if round % 2 == 0 { facts.sort { ($0.file, $0.range.start) < ($1.file, $1.range.start) } }
            let site = SiteContext(info: SiteInfo())
            #expect(Self.same(plain.evaluate(facts, in: site), Self.referenceUnique(facts, ignoreCase: false)), "round \(round)")
            #expect(Self.same(folded.evaluate(facts, in: site), Self.referenceUnique(facts, ignoreCase: true)), "round \(round)")
        }
    }

    // MARK: fragment-target-exists

    /// The earlier evaluate: a table of fragments by target page and a table of id facts by page.
    static func referenceFragments(_ facts: [SiteFact], in site: SiteContext) -> [SiteVerdict] {
        var wanted: [String: [(factIndex: Int, fragment: String)]] = [:]
        for (i, f) in facts.enumerated() where f.value.hasPrefix("L") {
            let parts = f.value.dropFirst().split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, let file = SiteURL.file(String(parts[0]), in: site.info.files) else { continue }
            wanted[file, default: []].append((i, String(parts[1])))
        }
        var idFact: [String: Int] = [:]
        for (i, f) in facts.enumerated() where f.value.hasPrefix("I") && wanted[f.file] != nil { idFact[f.file] = i }
        var verdicts: [SiteVerdict] = []
        for (file, i) in idFact {
            let known = Set(facts[i].value.dropFirst().split(separator: " "))
            for (factIndex, fragment) in wanted[file] ?? [] {
                if known.contains(Substring(FragmentTargetCheck.hash(fragment))) { continue }
                let decoded = ExportPath.percentDecode(fragment)
                if decoded != fragment, known.contains(Substring(FragmentTargetCheck.hash(decoded))) { continue }
                verdicts.append(SiteVerdict(factIndex: factIndex, data: ["fragment": decoded, "target": file]))
            }
        }
        return verdicts.sorted { $0.factIndex < $1.factIndex }
    }

    @Test func fragmentsDecideAsBefore() throws {
        let check = try Self.check(FragmentTargetCheck.self)
        let pages = ["a.html", "b.html", "c/index.html", "d.html"]
        let site = SiteContext(info: SiteInfo(files: Set(pages + ["e.pdf"])))
        let ids = ["x", "top-1", "é", "sec 2", "Staff"]
        let fragments = ["x", "y", "%C3%A9", "sec%202", "staff", "Staff", ""]
        let targets = ["a.html", "b.html", "c/", "c", "c/index.html", "missing.html", "e.pdf", "d"]
        var rng = SplitMix64(seed: 11)
        var failures = 0
        for round in 0..<300 {
            var facts: [SiteFact] = []
            for _ in 0..<Int.random(in: 0...12, using: &rng) {
                let page = pages.randomElement(using: &rng)!
                if Bool.random(using: &rng) {
                    let chosen = ids.filter { _ in Bool.random(using: &rng) }
                    let hashes = chosen.map { FragmentTargetCheck.hash($0) }.sorted()
                    facts.append(Self.fact(page, "I" + hashes.joined(separator: " "), offset: facts.count))
                } else {
                    let value = Int.random(in: 0..<10, using: &rng) == 0 ? "Lno-tab"
                        : "L" + targets.randomElement(using: &rng)! + "\t" + fragments.randomElement(using: &rng)!
                    facts.append(Self.fact(page, value, offset: facts.count))
                }
            }
            if round % 2 == 0 { facts.shuffle(using: &rng) }
            let got = check.evaluate(facts, in: site), expected = Self.referenceFragments(facts, in: site)
            failures += got.isEmpty ? 0 : 1
            #expect(Self.same(got, expected), "round \(round): \(facts.map(\.value))")
        }
        #expect(failures > 50, "the generated facts find missing fragments")
    }

    // MARK: the compact table

    @Test func tableGivesBackTheFacts() {
        var rng = SplitMix64(seed: 5)
        let files = ["a.html", "b.html", "c/index.html"]
        let values = ["", "x", "首页", "Cafe\u{301}", String(repeating: "long value ", count: 9)]
        for round in 0..<200 {
            let facts = (0..<Int.random(in: 0...10, using: &rng)).map { _ -> SiteFact in
                // Positions past 32 bits (a huge file) are kept as they are too.
                // Every tenth round, one range for all (kept once until another comes).
                let big = round % 10 != 0 && Int.random(in: 0..<8, using: &rng) == 0
                let offset = big ? Int(Int32.max) + Int.random(in: 1...9, using: &rng) : Int.random(in: 0...3, using: &rng)
                let p = round % 10 == 0 && Int.random(in: 0..<6, using: &rng) != 0 ? SourcePosition(line: 1, column: 1, offset: 0)
                    : SourcePosition(line: Int.random(in: 1...3, using: &rng), column: 1, offset: offset)
                let q = SourcePosition(line: p.line, column: 7, offset: p.offset + 6)
                return SiteFact(file: files.randomElement(using: &rng)!, value: values.randomElement(using: &rng)!,
                                range: SourceRange(start: p, end: q), snippet: Bool.random(using: &rng) ? "" : "<p id=\(round)>")
            }
            let table = SiteFacts(facts)
            #expect(Array(table) == facts, "round \(round)")
            #expect(table.indices.map(table.value(at:)) == facts.map(\.value))
            let expected = facts.indices.sorted { a, b in
                (facts[a].file, facts[a].range.start, a) < (facts[b].file, facts[b].range.start, b)
            }
            let (sorted, order) = table.sortedByFileAndPosition()
            #expect(Array(sorted) == expected.map { facts[$0] }, "round \(round)")
            #expect((order ?? Array(facts.indices)) == expected, "round \(round)")
        }
    }
}

/// A link fact is split at its tab's byte: the same pieces as splitting by characters.
@Suite struct FragmentLinkFactTests {
    @Test(arguments: ["La.html\tx", "L\tx", "La.html\t", "L页面/目录.html\t章节", "La\t\u{301}b", "Le\u{301}\tx\ty", "Lnotab", "L", "",
                      "La b.html\t%C3%A9"])
    func linkFactsSplitAsByCharacters(_ value: String) {
        let parts = value.dropFirst().split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false)
        let expected = parts.count == 2 ? (String(parts[0]), String(parts[1])) : nil
        let got = FragmentTargetCheck.link(value)
        #expect(got?.target == expected?.0 && got?.fragment == expected?.1, "\(value)")
    }
}
