import Foundation

/// One N-th of a site's pages, chosen by a stable hash of each file's path.
public struct Shard: Sendable, Codable, Hashable, CustomStringConvertible {
    /// 1-based.
    public var index: Int
    public var count: Int

    /// Parses `I/N` with 1 ≤ I ≤ N.
    public init?(_ text: String) {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let i = Int(parts[0]), let n = Int(parts[1]), n >= 1, i >= 1, i <= n else { return nil }
        index = i
        count = n
    }

    public var description: String { "\(index)/\(count)" }

    /// Whether this shard checks the file; independent of discovery order.
    public func includes(_ relative: String) -> Bool {
        var hash: UInt64 = 0xcbf29ce484222325
        for b in relative.utf8 { hash = (hash ^ UInt64(b)) &* 0x100000001b3 }
        return Int(hash % UInt64(count)) == index - 1
    }
}

/// What the page phase of a run produced: per-file findings, outcomes and
/// site facts, before site rules ran. A sharded run writes one; `report
/// merge` joins them and runs the site rules.
public struct RunPart: Sendable, Codable {
    public static let currentSchemaVersion = 1
    public var schemaVersion = RunPart.currentSchemaVersion
    public var toolVersion: String
    public var catalogDigest: String
    public var shard: Shard?
    public var profile: String?
    /// Every profile the run selected (the first is `profile`).
    public var profiles: [String] = []
    /// Active rule ids with the severity the configuration gave them.
    public var rules: [String: Severity]
    public var now: Date
    /// Every file of the export (site rules and link checks need them all).
    public var siteFiles: [String]
    /// Outcomes of the files this part checked, by relative path.
    public var files: [String: FileOutcome]
    /// Problems met while walking the inputs.
    public var problems: [Finding]
    public var pagesChecked: Int
    public var descriptorsChecked: Int
    public var cacheHits: Int
    /// Outcome counts of all files in `files`, summed while they were checked
    /// (the per-file outcomes are then left empty).
    public var outcomes: [String: OutcomeCounts]?
    /// Facts of site checks that only need distinct values: one per value, by rule id.
    public var distinctFacts: [String: [SiteFact]]?
    /// How many facts those rules collected in all (before keeping one per value).
    public var factCounts: [String: Int]?
    /// Where the page phase put the findings and site facts of `files` (then empty in `files`); encoding
    /// the part writes them back into `files`, so a part file is the same either way. Not encoded itself.
    public var spool: FindingSpool?

    enum CodingKeys: String, CodingKey {
        case schemaVersion, toolVersion, catalogDigest, shard, profile, profiles, rules, now, siteFiles, files, problems,
             pagesChecked, descriptorsChecked, cacheHits, outcomes, distinctFacts, factCounts
    }

    /// One file's outcome as the part file holds it: with its findings and site facts.
    public func outcome(for path: String) -> FileOutcome? {
        outcome(for: path, facts: spooledFacts())
    }

    /// Where the spool has each file's site facts, by path (for writing every file's outcome).
    func spooledFacts() -> [String: [(rule: String, slice: FindingSpool.Slice)]] {
        var byPath: [String: [(rule: String, slice: FindingSpool.Slice)]] = [:]
        for (rule, list) in spool?.factSlices ?? [:] {
            for (path, slice) in list { byPath[path, default: []].append((rule, slice)) }
        }
        return byPath
    }

    func outcome(for path: String, facts: [String: [(rule: String, slice: FindingSpool.Slice)]]) -> FileOutcome? {
        guard var o = files[path] else { return nil }
        if let spool {
            if let slice = spool.slice(for: path) { o.findings = spool.read(slice) + o.findings }
            for (rule, slice) in facts[path] ?? [] { o.facts[rule, default: []] += spool.readFacts(slice, file: path) }
        }
        return o
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(schemaVersion, forKey: .schemaVersion)
        try c.encode(toolVersion, forKey: .toolVersion)
        try c.encode(catalogDigest, forKey: .catalogDigest)
        try c.encodeIfPresent(shard, forKey: .shard)
        try c.encodeIfPresent(profile, forKey: .profile)
        try c.encode(profiles, forKey: .profiles)
        try c.encode(rules, forKey: .rules)
        try c.encode(now, forKey: .now)
        try c.encode(siteFiles, forKey: .siteFiles)
        if spool == nil {
            try c.encode(files, forKey: .files)
        } else {
            var byPath = c.nestedContainer(keyedBy: PathKey.self, forKey: .files)
            let facts = spooledFacts()
            for path in files.keys.sorted() { try byPath.encode(outcome(for: path, facts: facts)!, forKey: PathKey(path)) }
        }
        try c.encode(problems, forKey: .problems)
        try c.encode(pagesChecked, forKey: .pagesChecked)
        try c.encode(descriptorsChecked, forKey: .descriptorsChecked)
        try c.encode(cacheHits, forKey: .cacheHits)
        try c.encodeIfPresent(outcomes, forKey: .outcomes)
        try c.encodeIfPresent(distinctFacts, forKey: .distinctFacts)
        try c.encodeIfPresent(factCounts, forKey: .factCounts)
    }

    struct PathKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ s: String) { stringValue = s }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}

/// Why parts cannot be merged.
public struct MergeError: Error, CustomStringConvertible, Sendable {
    public var description: String
}
