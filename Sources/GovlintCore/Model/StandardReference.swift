/// A clause of a standard that a rule implements.
public struct StandardReference: Sendable, Codable, Hashable {
    /// Short name of the standard, e.g. `WCAG`, `EN 301 549`, `GB/T 37668`.
    public var standard: String
    public var version: String?
    /// Clause, success criterion or indicator, e.g. `2.4.2`.
    public var clause: String?
    /// Conformance level where the standard has one (`A`, `AA`), or a weight.
    public var level: String?
    public var url: String?

    public init(standard: String, version: String? = nil, clause: String? = nil, level: String? = nil, url: String? = nil) {
        self.standard = standard
        self.version = version
        self.clause = clause
        self.level = level
        self.url = url
    }

    public var label: String {
        [standard, version, clause, level.map { "(\($0))" }].compactMap { $0 }.joined(separator: " ")
    }
}
