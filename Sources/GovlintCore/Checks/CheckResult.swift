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
    public var locations: [HTMLElement] {
        get { storedLocations ?? [] }
        set { storedLocations = newValue.isEmpty ? nil : newValue }
    }
    public var data: [String: String] {
        get { storedData ?? [:] }
        set { storedData = newValue.isEmpty ? nil : newValue }
    }
    // Optional storage: a bare verdict (most results) is copied and dropped without touching a buffer,
    // hundreds of thousands of times a run.
    private var storedLocations: [HTMLElement]?
    private var storedData: [String: String]?

    public init(_ verdict: Verdict, at locations: [HTMLElement] = [], data: [String: String] = [:]) {
        self.verdict = verdict
        storedLocations = locations.isEmpty ? nil : locations
        storedData = data.isEmpty ? nil : data
    }

    private init(bare verdict: Verdict) {
        self.verdict = verdict
    }

    public static var holds: CheckResult { CheckResult(bare: .holds) }
    public static var doesNotHold: CheckResult { CheckResult(bare: .doesNotHold) }
    public static func cantTell(_ reason: String) -> CheckResult { CheckResult(.cantTell, data: ["reason": reason]) }

    public static func verdict(_ condition: Bool, data: [String: String] = [:]) -> CheckResult {
        CheckResult(condition ? .holds : .doesNotHold, data: data)
    }
}
