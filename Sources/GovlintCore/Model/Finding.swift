import GovlintHTML

/// One failed (or cannot-tell) outcome of a rule on a target, located in a file.
public struct Finding: Sendable, Codable, Hashable {
    public var ruleID: String
    public var severity: Severity
    /// `failed`, or `cantTell` when a person must review the target.
    public var outcome: Outcome
    /// Path relative to the checked root, with `/` separators.
    public var file: String
    public var range: SourceRange
    public var message: LocalizedText
    /// Escaped-free raw source of the offending element or value (trimmed).
    public var snippet: String
    /// CSS path or JSONPath of the target, when known.
    public var path: String?

    public init(ruleID: String, severity: Severity, outcome: Outcome = .failed, file: String, range: SourceRange,
                message: LocalizedText, snippet: String = "", path: String? = nil) {
        self.ruleID = ruleID
        self.severity = severity
        self.outcome = outcome
        self.file = file
        self.range = range
        self.message = message
        self.snippet = snippet
        self.path = path
    }

    public var line: Int { range.start.line }
    public var column: Int { range.start.column }

    /// Deterministic output order: file, line, column, rule, message.
    public static func ordered(_ a: Finding, _ b: Finding) -> Bool {
        if a.file != b.file { return a.file < b.file }
        if a.range.start != b.range.start { return a.range.start < b.range.start }
        if a.ruleID != b.ruleID { return a.ruleID < b.ruleID }
        return a.message.en < b.message.en
    }
}
