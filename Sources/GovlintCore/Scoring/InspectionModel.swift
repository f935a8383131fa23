import Foundation
import Yams

/// A scoring model such as 《政府网站与政务新媒体检查指标》, read from a pack's
/// `data/*.yaml`: veto indicators (any one ⇒ fail) and deduction indicators
/// (points per failed finding, capped per indicator) over rule ids or rule tags.
/// `note` says what the score is (and is not: an official score); `sources` cite
/// the documents the indicators come from.
public struct InspectionModel: Sendable, Decodable {
    public enum Assessment: String, Sendable, Decodable { case `static`, live, manual }

    public struct Indicator: Sendable, Decodable {
        public var id: String
        public var title: LocalizedText
        public var category: LocalizedText?
        public var assessment: Assessment
        public var status: String?
        public var rules: [String]?
        /// Rules carrying any of these tags also count (e.g. `wcag2aa`); see ``resolvingTags(_:)``.
        public var tags: [String]?
        /// Veto: failed findings needed to veto (default 1).
        public var threshold: Int?
        /// Deduction: points per failed finding, and the most the indicator can take.
        public var points: Double?
        public var cap: Double?
    }

    public var id: String
    public var title: LocalizedText
    public var total: Double
    public var passMark: Double
    public var veto: [Indicator]
    public var deductions: [Indicator]
    /// What the score is, shown with it in reports (e.g. that the weighting is govlint's own).
    public var note: LocalizedText?
    /// The documents the indicators are taken from.
    public var sources: [Source]?

    /// One cited document.
    public struct Source: Sendable, Decodable {
        public var standard: String
        public var version: String?
        public var document: String?
        public var url: String?
    }

    enum CodingKeys: String, CodingKey { case id, title, total, passMark, veto, deductions, note, sources }

    /// Parses and validates a model; errors name the indicator.
    public static func load(yaml: String) throws -> InspectionModel {
        // Models come with packs, which may be anyone's: no aliases (billion laughs).
        if let (line, column) = YAMLReader.firstAlias(in: yaml) {
            throw ModelError("YAML aliases (*name) are not allowed in a scoring model (line \(line), column \(column))")
        }
        let model = try YAMLDecoder(encoding: .utf8).decode(InspectionModel.self, from: yaml)
        var seen: Set<String> = []
        for i in model.veto + model.deductions {
            guard seen.insert(i.id).inserted else { throw ModelError("duplicate indicator '\(i.id)'") }
            if i.assessment == .static, (i.rules ?? []).isEmpty, (i.tags ?? []).isEmpty {
                throw ModelError("static indicator '\(i.id)' lists no rules or tags")
            }
        }
        for d in model.deductions {
            guard let cap = d.cap, cap >= 0 else { throw ModelError("deduction '\(d.id)' needs a non-negative cap") }
            if d.assessment == .static, (d.points ?? 0) <= 0 { throw ModelError("deduction '\(d.id)' needs positive points") }
        }
        return model
    }

    public struct ModelError: Error, CustomStringConvertible {
        public var description: String
        init(_ d: String) { description = d }
    }

    /// Every rule id the model refers to (for checking it against a catalogue).
    public var ruleIDs: Set<String> { Set((veto + deductions).flatMap { $0.rules ?? [] }) }

    /// The model with each indicator's `tags` turned into the ids of the rules carrying them
    /// (added to its `rules`, sorted), so that scoring needs only rule ids.
    public func resolvingTags(_ rules: [Rule]) -> InspectionModel {
        func resolve(_ i: Indicator) -> Indicator {
            guard let tags = i.tags, !tags.isEmpty else { return i }
            var copy = i
            let tagged = rules.filter { !Set($0.tags).isDisjoint(with: tags) }.map(\.id)
            copy.rules = Array(Set((i.rules ?? []) + tagged)).sorted()
            return copy
        }
        var copy = self
        copy.veto = veto.map(resolve)
        copy.deductions = deductions.map(resolve)
        return copy
    }

    /// Scores a run: every indicator is listed as assessed, not assessable
    /// (live or manual) or not applicable (none of its rules ran or applied).
    public func score(_ result: RunResult) -> InspectionReport {
        let ran = Set(result.rulesRun)
        // Counted in one pass over the (possibly spooled) findings.
        var failed: [String: Int] = [:]
        for (id, c) in result.stream.counts.byRule where c.failed > 0 { failed[id] = c.failed }

        func state(_ i: Indicator) -> (InspectionReport.State, Int) {
            guard i.assessment == .static else { return (.notAssessable, 0) }
            let rules = (i.rules ?? []).filter { ran.contains($0) }
            let applied = rules.contains { id in
                guard let o = result.outcomes[id] else { return failed[id] != nil }
                return o.passed + o.failed + o.cantTell > 0 || failed[id] != nil
            }
            guard applied else { return (.notApplicable, 0) }
            return (.assessed, rules.reduce(0) { $0 + (failed[$1] ?? 0) })
        }

        var items: [InspectionReport.Item] = []
        var vetoes: [String] = []
        for v in veto {
            let (s, n) = state(v)
            let hit = s == .assessed && n >= (v.threshold ?? 1)
            if hit { vetoes.append(v.id) }
            items.append(.init(id: v.id, title: v.title, kind: .veto, state: s, failedFindings: n, deducted: 0, vetoed: hit))
        }
        var score = total
        for d in deductions {
            let (s, n) = state(d)
            let cut = s == .assessed ? min(d.cap ?? 0, Double(n) * (d.points ?? 0)) : 0
            score -= cut
            items.append(.init(id: d.id, title: d.title, kind: .deduction, state: s, failedFindings: n, deducted: cut, vetoed: false))
        }
        score = (score * 100).rounded() / 100
        return InspectionReport(model: id, score: score, vetoes: vetoes, passed: vetoes.isEmpty && score >= passMark, items: items, note: note)
    }
}

/// The result of scoring a run against an ``InspectionModel``.
public struct InspectionReport: Sendable, Codable, Equatable {
    public enum State: String, Sendable, Codable { case assessed, notAssessable, notApplicable }
    public enum Kind: String, Sendable, Codable { case veto, deduction }

    public struct Item: Sendable, Codable, Equatable {
        public var id: String
        public var title: LocalizedText
        public var kind: Kind
        public var state: State
        public var failedFindings: Int
        public var deducted: Double
        public var vetoed: Bool
    }

    public var model: String
    /// 100 minus the capped deductions (computed even when a veto fails the site).
    public var score: Double
    /// Ids of the veto indicators that were triggered (单项否决).
    public var vetoes: [String]
    /// 合格: no veto and the score reaches the pass mark.
    public var passed: Bool
    public var items: [Item]
    /// The model's note on what the score is (nil for models without one).
    public var note: LocalizedText?
}
