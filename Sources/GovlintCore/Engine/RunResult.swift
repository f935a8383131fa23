import Foundation

/// Counts of outcomes of one rule over all its test targets.
public struct OutcomeCounts: Sendable, Codable, Hashable {
    public var passed = 0
    public var failed = 0
    public var cantTell = 0
    /// Targets (pages or descriptor files) where the rule had nothing to test.
    public var inapplicable = 0

    public init() {}

    public mutating func add(_ other: OutcomeCounts) {
        passed += other.passed
        failed += other.failed
        cantTell += other.cantTell
        inapplicable += other.inapplicable
    }

    /// The rule's outcome over the whole run (ACT aggregation).
    public var overall: Outcome {
        if failed > 0 { return .failed }
        if cantTell > 0 { return .cantTell }
        if passed > 0 { return .passed }
        return .inapplicable
    }
}

/// Everything a run produced; reporters render it.
public struct RunResult: Sendable, Codable {
    /// The findings in report order; for a whole run they are read back from
    /// a spool file one file at a time, so reports stream them.
    public var stream: FindingStream
    /// Every finding, in memory (tests and small runs; reporters use ``stream``).
    public var findings: [Finding] {
        get { stream.array }
        set { stream = FindingStream(newValue) }
    }
    /// Per rule id: outcome counts over all targets.
    public var outcomes: [String: OutcomeCounts]
    /// Rule ids that were active in this run, sorted.
    public var rulesRun: [String]
    public var profile: String?
    /// Every profile the run selected, for per-profile overviews.
    public var profiles: [String] = []
    public var pagesChecked: Int
    public var descriptorsChecked: Int
    public var filesSeen: Int
    public var durationSeconds: Double
    public var now: Date
    /// Files whose outcome came from the cache.
    public var cacheHits = 0
    /// The inspection score, when the profile carries a scoring model.
    public var inspection: InspectionReport?
    /// Set when a baseline hid known findings (`check --baseline`).
    public var baseline: BaselineComparison?

    public init(findings: [Finding] = [], outcomes: [String: OutcomeCounts] = [:], rulesRun: [String] = [],
                profile: String? = nil, pagesChecked: Int = 0, descriptorsChecked: Int = 0, filesSeen: Int = 0,
                durationSeconds: Double = 0, now: Date = Date()) {
        stream = FindingStream(findings)
        self.outcomes = outcomes
        self.rulesRun = rulesRun
        self.profile = profile
        self.pagesChecked = pagesChecked
        self.descriptorsChecked = descriptorsChecked
        self.filesSeen = filesSeen
        self.durationSeconds = durationSeconds
        self.now = now
    }

    /// Failed findings at or above a severity.
    public func count(atLeast severity: Severity) -> Int {
        stream.counts.failed(atLeast: severity)
    }

    enum CodingKeys: String, CodingKey {
        case stream = "findings"
        case outcomes, rulesRun, profile, profiles, pagesChecked, descriptorsChecked, filesSeen, durationSeconds, now, cacheHits,
             inspection, baseline
    }
}
