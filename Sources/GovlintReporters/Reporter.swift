import Foundation
import GovlintCore

/// What every reporter is given: the run's result and the rule catalogue.
public struct ReportContext: Sendable {
    public var result: RunResult
    public var catalog: Catalog
    public var toolVersion: String
    public var language: Language
    /// Colour and other terminal niceties (text reporter only).
    public var colour: Bool
    /// Include `cantTell` findings (needs review) alongside failures.
    public var includeCantTell: Bool

    public init(result: RunResult, catalog: Catalog, toolVersion: String, language: Language = .en,
                colour: Bool = false, includeCantTell: Bool = true) {
        self.result = result
        self.catalog = catalog
        self.toolVersion = toolVersion
        self.language = language
        self.colour = colour
        self.includeCantTell = includeCantTell
    }

    /// Metadata of a rule id, including engine rules.
    public func rule(_ id: String) -> Rule? {
        catalog.rule(id) ?? SystemRules.all.first { $0.id == id }
    }

    public var findings: [Finding] {
        includeCantTell ? result.findings : result.findings.filter { $0.outcome == .failed }
    }
}

/// Renders a run into one output format.
public protocol Reporter: Sendable {
    /// The `--format` name.
    static var id: String { get }
    static var summary: String { get }
    static func render(_ context: ReportContext) throws -> String
}

/// The single list of output formats.
public enum ReporterRegistry {
    public static let all: [any Reporter.Type] = [
        TextReporter.self, JSONReporter.self, SARIFReporter.self, JUnitReporter.self, GitHubReporter.self,
        MarkdownReporter.self, HTMLReporter.self,
    ]

    public static func reporter(_ id: String) -> (any Reporter.Type)? { all.first { $0.id == id } }
    public static var ids: [String] { all.map { $0.id } }
}

enum JSONOutput {
    static func encode(_ object: Any) throws -> String {
        let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    static func iso8601(_ date: Date) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f.string(from: date)
    }
}

extension Severity {
    /// The severity as reports print it, in English or Simplified Chinese.
    func label(_ language: Language) -> String {
        switch (self, language) {
        case (.error, .en): "error"
        case (.warning, .en): "warning"
        case (.info, .en): "info"
        case (.error, .zhCN): "错误"
        case (.warning, .zhCN): "警告"
        case (.info, .zhCN): "提示"
        }
    }
}
