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
}

/// Why parts cannot be merged.
public struct MergeError: Error, CustomStringConvertible, Sendable {
    public var description: String
}
