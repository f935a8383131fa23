import Foundation
import Yams

/// A scoring model such as 《政府网站与政务新媒体检查指标》, read from a pack's
/// `data/*.yaml`: veto indicators (any one ⇒ fail) and deduction indicators
/// (points per failed finding, capped per indicator) over rule ids.
public struct InspectionModel: Sendable, Decodable {
    public enum Assessment: String, Sendable, Decodable { case `static`, live, manual }

    public struct Indicator: Sendable, Decodable {
        public var id: String
        public var title: LocalizedText
        public var category: LocalizedText?
        public var assessment: Assessment
        public var status: String?
        public var rules: [String]?
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

    enum CodingKeys: String, CodingKey { case id, title, total, passMark, veto, deductions }

    /// Parses and validates a model; errors name the indicator.
    public static func load(yaml: String) throws -> InspectionModel {
        // Models come with packs, which may be anyone's: no aliases (billion laughs).
        if let (line, column) = YAMLReader.firstAlias(in: yaml) {
            throw ModelError("YAML aliases (*name) are not allowed in a scoring model (line \(line), column \(column))")
        }
        let model = try YAMLDecoder().decode(InspectionModel.self, from: yaml)
        var seen: Set<String> = []
        for i in model.veto + model.deductions {
            guard seen.insert(i.id).inserted else { throw ModelError("duplicate indicator '\(i.id)'") }
            if i.assessment == .static, (i.rules ?? []).isEmpty { throw ModelError("static indicator '\(i.id)' lists no rules") }
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

    /// Scores a run: every indicator is listed as assessed, not assessable
    /// (live or manual) or not applicable (none of its rules ran or applied).
    public func score(_ result: RunResult) -> InspectionReport {
        let ran = Set(result.rulesRun)
        var failed: [String: Int] = [:]
        for f in result.findings where f.outcome == .failed { failed[f.ruleID, default: 0] += 1 }

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
        return InspectionReport(model: id, score: score, vetoes: vetoes, passed: vetoes.isEmpty && score >= passMark, items: items)
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
}
