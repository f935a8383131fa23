import Foundation

/// How a configuration changes one rule: off, or on at a severity.
public enum RuleSetting: Sendable, Equatable {
    case off
    case on(Severity?)
}

/// `.govlint.yml`: profiles, rule switches and severities, file globs, per-glob overrides.
public struct Configuration: Sendable {
    public struct Override: Sendable {
        public var files: [Glob]
        public var rules: [String: RuleSetting]
    }

    public var profiles: [String] = []
    public var rules: [String: RuleSetting] = [:]
    public var include: [Glob] = []
    public var exclude: [Glob] = []
    public var overrides: [Override] = []
    public var now: Date?
    public var failOn: Severity?
    /// Resource limits (file size, nesting depth, time per file and per rule).
    public var limits = Limits()
    /// Page-type or descriptor-kind assignments by glob, read by packs that need them.
    public var descriptors: [(glob: Glob, pack: String)] = []
    /// Where it was read from, if anywhere.
    public var file: String?
    /// SHA-256 of the configuration text (part of cache keys).
    public var digest: String = ""

    public init() {}

    /// Files always skipped: version control, dependency folders, our own outputs.
    public static let defaultExcludes = [".git/**", "node_modules/**", ".build/**", "**/.git/**", "**/node_modules/**"].map(Glob.init)

    public func isIncluded(_ path: String) -> Bool {
        if Configuration.defaultExcludes.contains(where: { $0.matches(path) }) { return false }
        if exclude.contains(where: { $0.matches(path) }) { return false }
        return include.isEmpty || include.contains { $0.matches(path) }
    }

    /// The setting for a rule on a file: the last matching override wins over the top level.
    public func setting(for ruleID: String, file: String) -> RuleSetting? {
        var result = rules[ruleID]
        for o in overrides where o.files.contains(where: { $0.matches(file) }) {
            if let s = o.rules[ruleID] { result = s }
        }
        return result
    }
}
