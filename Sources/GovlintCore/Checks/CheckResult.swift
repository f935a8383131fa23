import GovlintHTML

/// Whether a check's condition holds for a target.
public enum Verdict: Sendable, Equatable {
    case holds
    case doesNotHold
    /// The condition cannot be decided statically; a person must review.
    case cantTell
}

/// What a check found: its verdict, where to report it (defaults to the
/// target) and values for the message's `{placeholders}`.
public struct CheckResult: Sendable {
    public var verdict: Verdict
    public var locations: [HTMLElement]
    public var data: [String: String]

    public init(_ verdict: Verdict, at locations: [HTMLElement] = [], data: [String: String] = [:]) {
        self.verdict = verdict
        self.locations = locations
        self.data = data
    }

    public static let holds = CheckResult(.holds)
    public static let doesNotHold = CheckResult(.doesNotHold)
    public static func cantTell(_ reason: String) -> CheckResult { CheckResult(.cantTell, data: ["reason": reason]) }

    public static func verdict(_ condition: Bool, data: [String: String] = [:]) -> CheckResult {
        CheckResult(condition ? .holds : .doesNotHold, data: data)
    }
}
