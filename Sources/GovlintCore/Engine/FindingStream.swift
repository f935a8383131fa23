import Foundation

/// The findings of a run in report order (file, line, column, rule), read
/// one file at a time: from memory for small results and tests, or from a
/// ``FindingSpool`` for whole runs, so that reports of any size are written
/// without holding every finding. Iterating twice gives the same findings.
///
/// Stages added later (``excludingBaseline(_:)``, ``failedOnly()``) filter
/// the findings as they are read, in the order they were added.
public struct FindingStream: Sequence, Sendable {
    enum Storage: Sendable {
        case array([Finding])
        case spooled(SpooledFindings)
    }

    enum Stage: Sendable {
        case baseline(Baseline)
        case failedOnly
    }

    let storage: Storage
    let stages: [Stage]
    private let cache = CountsCache()

    public init(_ findings: [Finding] = []) {
        storage = .array(findings)
        stages = []
    }

    init(storage: Storage, stages: [Stage] = []) {
        self.storage = storage
        self.stages = stages
    }

    /// Without the findings a baseline knows (count-aware, first come first hidden; see ``Baseline/newFindings(_:)``).
    public func excludingBaseline(_ baseline: Baseline) -> FindingStream {
        FindingStream(storage: storage, stages: stages + [.baseline(baseline)])
    }

    /// Failed findings only (no cannot-tell).
    public func failedOnly() -> FindingStream {
        FindingStream(storage: storage, stages: stages + [.failedOnly])
    }

    /// Every finding, in memory. For tests and small runs; reports use the stream.
    public var array: [Finding] {
        if case let .array(list) = storage, stages.isEmpty { return list }
        var out: [Finding] = []
        forEachBatch { out += $0 }
        return out
    }

    /// Counts by severity, outcome and rule, from one pass over the stream (then remembered).
    public var counts: FindingCounts {
        if let known = cache.value { return known }
        var c = FindingCounts()
        if case let .spooled(source) = storage, stages.isEmpty {
            // Only the rule ids, files, severities and outcomes are read: no finding is built.
            source.count(into: &c)
        } else {
            forEachBatch { batch in for f in batch { c.add(f) } }
        }
        cache.value = c
        return c
    }

    /// Whether no finding passes the stages.
    public var isEmpty: Bool { counts.total == 0 }

    // MARK: Reading

    /// Calls `body` with runs of findings of one file, in report order (never empty). Fields in `omitting`
    /// may be left empty (a report that does not show them reads fewer strings back from the spool).
    public func forEachFile(omitting: FindingFields = [], _ body: ([Finding]) throws -> Void) rethrows {
        try forEachBatch(omitting: omitting) { batch in
            var start = 0
            while start < batch.count {
                var end = start + 1
                while end < batch.count, batch[end].file == batch[start].file { end += 1 }
                try body(start == 0 && end == batch.count ? batch : Array(batch[start..<end]))
                start = end
            }
        }
    }

    /// Batches as the storage gives them (one file of a spooled run, the whole array otherwise), after the stages.
    func forEachBatch(omitting: FindingFields = [], _ body: ([Finding]) throws -> Void) rethrows {
        var state = StageState(stages)
        var step = 0
        let strings = StringInterner()
        // A baseline stage fingerprints snippets: read every field for it.
        let omitted = stages.contains { if case .baseline = $0 { true } else { false } } ? [] : omitting
        while let raw = rawBatch(&step, strings, omitting: omitted) {
            let batch = state.apply(raw)
            if !batch.isEmpty { try body(batch) }
        }
    }

    private func rawBatch(_ step: inout Int, _ strings: StringInterner, omitting: FindingFields = []) -> [Finding]? {
        switch storage {
        case let .array(list):
            guard step == 0 else { return nil }
            step = 1
            return list
        case let .spooled(source):
            guard step < source.steps.count else { return nil }
            defer { step += 1 }
            return source.batch(step, strings: strings, omitting: omitting)
        }
    }

    public func makeIterator() -> Iterator { Iterator(stream: self) }

    public struct Iterator: IteratorProtocol {
        let stream: FindingStream
        var state: StageState
        var step = 0
        var batch: [Finding] = []
        var i = 0
        let strings = StringInterner()

        init(stream: FindingStream) {
            self.stream = stream
            state = StageState(stream.stages)
        }

        public mutating func next() -> Finding? {
            while i == batch.count {
                guard let raw = stream.rawBatch(&step, strings) else { return nil }
                batch = state.apply(raw)
                i = 0
            }
            defer { i += 1 }
            return batch[i]
        }
    }

    /// The running state of the stages over one pass.
    struct StageState {
        var stages: [(Stage, [String: Int])]

        init(_ stages: [Stage]) {
            self.stages = stages.map { stage in
                if case let .baseline(b) = stage { return (stage, b.remainingCounts()) }
                return (stage, [:])
            }
        }

        mutating func apply(_ batch: [Finding]) -> [Finding] {
            var batch = batch
            for i in stages.indices {
                switch stages[i].0 {
                case .failedOnly: batch = batch.filter { $0.outcome == .failed }
                case .baseline: batch = batch.filter { !Baseline.consumeKnown($0, remaining: &stages[i].1) }
                }
            }
            return batch
        }
    }

    final class CountsCache: @unchecked Sendable {
        private let lock = NSLock()
        private var stored: FindingCounts?
        var value: FindingCounts? {
            get { lock.lock(); defer { lock.unlock() }; return stored }
            set { lock.lock(); stored = newValue; lock.unlock() }
        }
    }
}

extension FindingStream: Codable {
    /// Encoded as the plain list of findings.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        try forEachBatch { batch in for f in batch { try container.encode(f) } }
    }

    public init(from decoder: any Decoder) throws {
        self.init(try [Finding](from: decoder))
    }
}

/// A finished run's findings in the spool(s), in file order: per file, the
/// spooled findings, then findings added in the site phase, filtered by the
/// configuration and sorted (``Finding/ordered``) as they are read.
final class SpooledFindings: Sendable {
    struct Step: Sendable {
        var slices: [(FindingSpool, FindingSpool.Slice)]
        var extra: [Finding]
    }

    let steps: [Step]
    /// Whether a finding (by rule id and file) is reported.
    let keep: @Sendable (_ rule: String, _ file: String) -> Bool

    init(steps: [Step], keep: @escaping @Sendable (_ rule: String, _ file: String) -> Bool) {
        self.steps = steps
        self.keep = keep
    }

    func batch(_ i: Int, strings: StringInterner = StringInterner(), omitting: FindingFields = []) -> [Finding] {
        let step = steps[i]
        var list: [Finding] = []
        for (spool, slice) in step.slices { spool.read(slice, into: &list, strings: strings, omitting: omitting) }
        if let file = list.first?.file {
            // The file's string shared with the spooled findings: comparing them is then immediate.
            for var f in step.extra {
                if f.file == file { f.file = file }
                list.append(f)
            }
        } else {
            list += step.extra
        }
        list.removeAll { !keep($0.ruleID, $0.file) }
        return Self.sorted(list)
    }

    /// `list` sorted stably by ``Finding/ordered``: positions (indices of) sorted
    /// rather than findings moved, when every finding is of one file.
    static func sorted(_ list: [Finding]) -> [Finding] {
        guard list.count > 1, !list.isSorted(by: Finding.ordered) else { return list }
        let file = list[0].file
        guard list.allSatisfy({ $0.file == file }) else { return list.sorted(by: Finding.ordered) }
        var order = Array(0..<list.count)
        list.withUnsafeBufferPointer { l in
            order.sort { i, j in
                let a = l[i].range.start, b = l[j].range.start
                // Same file: `ordered` compares positions first.
                if a != b { return a < b }
                return Finding.ordered(l[i], l[j])
            }
        }
        return order.map { list[$0] }
    }

    /// Adds every reported finding to `counts`, reading only rule ids, files, severities and outcomes.
    func count(into counts: inout FindingCounts) {
        let strings = StringInterner()
        // Findings of one rule come together: counted per run of one rule, added to `byRule` when it ends.
        var rule: String?
        var perRule = FindingCounts.PerRule()
        func add(_ id: String, _ file: String, _ severity: Severity, _ outcome: Outcome) {
            guard keep(id, file) else { return }
            if id != rule {
                if let rule { counts.byRule[rule, default: FindingCounts.PerRule()].add(perRule) }
                rule = id
                perRule = FindingCounts.PerRule()
            }
            counts.total += 1
            perRule.total += 1
            switch (outcome, severity) {
            case (.failed, .error): counts.errors += 1; perRule.errors += 1
            case (.failed, .warning): counts.warnings += 1; perRule.warnings += 1
            case (.failed, .info): counts.info += 1; perRule.info += 1
            case (.cantTell, _): counts.cantTell += 1; perRule.cantTell += 1
            default: break
            }
        }
        for step in steps {
            for (spool, slice) in step.slices { spool.scan(slice, strings: strings, add) }
            for f in step.extra { add(f.ruleID, f.file, f.severity, f.outcome) }
        }
        if let rule { counts.byRule[rule, default: FindingCounts.PerRule()].add(perRule) }
    }
}

extension Sequence {
    func isSorted(by areInIncreasingOrder: (Element, Element) -> Bool) -> Bool {
        var it = makeIterator()
        guard var previous = it.next() else { return true }
        while let next = it.next() {
            if areInIncreasingOrder(next, previous) { return false }
            previous = next
        }
        return true
    }
}

/// Fields of a finding that a reader of a ``FindingStream`` may have left empty, not needing them.
public struct FindingFields: OptionSet, Sendable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }
    /// `snippet` is "".
    public static let snippet = FindingFields(rawValue: 1)
    /// `path` is nil.
    public static let path = FindingFields(rawValue: 2)
    /// `message.zhCN` is "" (the English message is always there: findings are ordered by it).
    public static let zhCN = FindingFields(rawValue: 4)
}

/// Findings counted by outcome, severity and rule.
public struct FindingCounts: Sendable, Hashable {
    public struct PerRule: Sendable, Hashable {
        /// Failed findings by severity.
        public var errors = 0
        public var warnings = 0
        public var info = 0
        public var cantTell = 0
        /// Every finding of the rule, whatever its outcome.
        public var total = 0

        public var failed: Int { errors + warnings + info }

        mutating func add(_ other: PerRule) {
            errors += other.errors
            warnings += other.warnings
            info += other.info
            cantTell += other.cantTell
            total += other.total
        }

        /// The highest severity among failed findings.
        public var maxFailedSeverity: Severity? { errors > 0 ? .error : warnings > 0 ? .warning : info > 0 ? .info : nil }
    }

    /// Failed findings by severity.
    public var errors = 0
    public var warnings = 0
    public var info = 0
    public var cantTell = 0
    public var total = 0
    public var byRule: [String: PerRule] = [:]

    public init() {}

    public init(_ findings: some Sequence<Finding>) {
        for f in findings { add(f) }
    }

    public var failed: Int { errors + warnings + info }

    public mutating func add(_ f: Finding) {
        total += 1
        var rule = byRule[f.ruleID] ?? PerRule()
        rule.total += 1
        switch (f.outcome, f.severity) {
        case (.failed, .error): errors += 1; rule.errors += 1
        case (.failed, .warning): warnings += 1; rule.warnings += 1
        case (.failed, .info): info += 1; rule.info += 1
        case (.cantTell, _): cantTell += 1; rule.cantTell += 1
        default: break
        }
        byRule[f.ruleID] = rule
    }

    /// Failed findings at or above a severity.
    public func failed(atLeast severity: Severity) -> Int {
        switch severity {
        case .error: errors
        case .warning: errors + warnings
        case .info: errors + warnings + info
        }
    }
}
