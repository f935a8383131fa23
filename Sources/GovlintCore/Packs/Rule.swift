import GovlintHTML

/// One rule, loaded from its YAML file.
public struct Rule: Sendable {
    public var id: String
    public var pack: String
    public var title: LocalizedText
    public var summary: LocalizedText?
    public var rationale: String?
    public var message: LocalizedText
    public var severity: Severity
    public var target: RuleTarget
    public var references: [StandardReference]
    /// Equivalent axe-core rule ids.
    public var axe: [String]
    /// W3C ACT rule ids.
    public var act: [String]
    public var tags: [String]
    /// Page and site rules: which elements are test targets (default: the root element).
    public var selector: Selector?
    /// Page rules: skip targets hidden from the accessibility tree (axe's default for most rules).
    public var excludeHidden: Bool
    /// Descriptor rules: file globs this rule reads.
    public var files: [String]
    /// Descriptor rules: path to the values checked.
    public var given: [String]
    public var check: CheckTree
    public var examples: [RuleExample]
    /// Where the rule was loaded from (for messages, tests and docs).
    public var sourceFile: String
    public var sourceLine: Int
    /// Descriptor rules: Spectral document formats (`oas3`, `oas2`…) the rule is limited to; empty = any document.
    public var formats: [String] = []
    /// Descriptor rules from Spectral rulesets: true when the rule sees the document with
    /// `$ref`s resolved (Spectral's default), false for `resolved: false`; nil (govlint's
    /// own rules) lints the file as written.
    public var resolved: Bool? = nil
    /// Page rules: a target that fails is reported as `cantTell` for a person to review, never
    /// as a failure (axe-core's `reviewOnFail`), where the failing condition is only a hint.
    public var reviewOnFail: Bool = false

    /// The rule's check when it also reads site files (robots.txt, sitemaps, security.txt).
    public var siteFileCheck: (any SiteFileCheck)? {
        if case let .site(invocation) = check { return invocation.check as? any SiteFileCheck }
        return nil
    }

    public var helpURI: String { "https://govlint.dev/rules/\(pack)/\(id)" }
}

/// A rule's check tree: named checks combined with `all`, `any` and `none`.
public indirect enum CheckTree: Sendable {
    case page(PageCheckInvocation)
    case site(SiteCheckInvocation)
    case descriptor(DescriptorCheckInvocation)
    case all([CheckTree])
    case any([CheckTree])
    case none([CheckTree])

    /// The cost of evaluating the tree once: its most expensive check.
    public var cost: CheckCost {
        switch self {
        case let .page(i): return i.check.cost
        case .site, .descriptor: return .normal
        case let .all(c), let .any(c), let .none(c):
            var most = CheckCost.cheap
            for child in c { most = max(most, child.cost) }
            return most
        }
    }

    /// The page checks' ``PageCheck/pageSelectors``.
    public var pageSelectors: [Selector] {
        switch self {
        case let .page(i): i.check.pageSelectors
        case .site, .descriptor: []
        case let .all(c), let .any(c), let .none(c): c.flatMap(\.pageSelectors)
        }
    }

    /// Every check id used, for docs and catalog tests.
    public var checkIDs: [String] {
        switch self {
        case let .page(i): [i.id]
        case let .site(i): [i.id]
        case let .descriptor(i): [i.id]
        case let .all(c), let .any(c), let .none(c): c.flatMap(\.checkIDs)
        }
    }
}

/// A class, not a struct: the engine takes it out of its tree for every target, and a reference is
/// one retain where the struct was an existential copy.
public final class PageCheckInvocation: Sendable {
    public let id: String
    public let check: any PageCheck
    /// Replaces the rule's message when this check decides the failure.
    public let message: LocalizedText?

    public init(id: String, check: any PageCheck, message: LocalizedText?) {
        self.id = id
        self.check = check
        self.message = message
    }
}

public struct SiteCheckInvocation: Sendable {
    public var id: String
    public var check: any SiteCheck
    public var message: LocalizedText?
}

public struct DescriptorCheckInvocation: Sendable {
    public var id: String
    public var check: any DescriptorCheck
    /// Sub-field of each given value to check (Spectral's `field`).
    public var field: String?
    public var message: LocalizedText?
}

/// A pass, fail or review example embedded in a rule; `↓` marks where findings must be.
public struct RuleExample: Sendable {
    /// `pass`: no finding at all; `fail`: failures exactly at the `↓` marks;
    /// `review`: `cantTell` findings exactly at the `↓` marks and no failure.
    public enum Kind: String, Sendable, CaseIterable { case pass, fail, review }
    public var kind: Kind
    public var name: String?
    /// File name to page or descriptor source (one entry for page and descriptor rules).
    public var files: [(path: String, code: String)]
    /// Show in generated docs.
    public var docs: Bool
    /// `--now` for the example, if it depends on the date.
    public var now: String?
    public var line: Int
    public var index: Int
}
