import Foundation

/// How a configuration changes one rule: off, or on at a severity.
public enum RuleSetting: Sendable, Equatable {
    case off
    case on(Severity?)
}

/// One `page-types:` entry: pages matching `glob` are of `type` (home, column, article,
/// service-guide — an article that is a 办事指南 —, other, redirect).
public struct PageTypeAssignment: Sendable, Hashable {
    public var glob: Glob
    public var type: String

    public init(glob: Glob, type: String) {
        self.glob = glob
        self.type = type
    }

    /// The page types a configuration may assign (those of the `page-type` check).
    public static let known = ["home", "column", "article", serviceGuide, "other", "redirect"]
    /// A 办事指南 page: an article for the page-type rules, and a service guide for the guide rules.
    public static let serviceGuide = "service-guide"

    /// The type the first matching assignment gives `file`, if any.
    public static func type(for file: String, in assignments: [PageTypeAssignment]) -> String? {
        assignments.first { $0.glob.matches(file) }?.type
    }
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
    /// Descriptor-kind assignments by glob: files matching `glob` are checked by `pack`'s descriptor rules.
    public var descriptors: [(glob: Glob, pack: String)] = []
    /// `page-types:` — page types by glob (first match wins), overriding the classification from labels and structure.
    public var pageTypes: [PageTypeAssignment] = []
    /// Where it was read from, if anywhere.
    public var file: String?
    /// SHA-256 of the configuration text (part of cache keys).
    public var digest: String = ""

    public init() {}

    /// Files always skipped: version control, dependency folders, our own outputs.
    public static let defaultExcludes = [".git/**", "node_modules/**", ".build/**", "**/.git/**", "**/node_modules/**"].map(Glob.init)

    public func isIncluded(_ path: String) -> Bool {
        let path = Glob.Path(path) // split once for every glob
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
