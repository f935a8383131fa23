/// How serious a finding is. Ordered: `info` < `warning` < `error`.
public enum Severity: String, Sendable, Codable, CaseIterable, Comparable {
    case info, warning, error

    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }

    var rank: Int {
        switch self {
        case .info: 0
        case .warning: 1
        case .error: 2
        }
    }
}

/// The outcome of a rule on one test target (W3C ACT / axe-core semantics).
public enum Outcome: String, Sendable, Codable, CaseIterable {
    case passed, failed, inapplicable, cantTell
}

/// What a rule inspects.
public enum RuleTarget: String, Sendable, Codable, CaseIterable {
    /// One HTML page at a time.
    case page
    /// Facts gathered from all pages of an export.
    case site
    /// A YAML or JSON descriptor file.
    case descriptor
}
