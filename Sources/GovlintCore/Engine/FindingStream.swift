import Foundation
import GovlintHTML

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
            if let known = source.totals.value {
                // Counted by a pass that read the findings for a report (``forEachFileLines(_:)``).
                c = known
            } else {
                // Only the rule ids, files, severities and outcomes are read: no finding is built.
                source.count(into: &c)
                source.totals.value = c
            }
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

    /// Calls `body` with runs of findings of one file, in report order (never empty), as
    /// ``forEachFile(omitting:_:)`` gives them, but as lines: each finding's rule id, severity, outcome,
    /// file and start, and its messages as UTF-8 bytes (for reports that print no snippet nor path).
    /// Spooled findings are read without building a finding or a message string each; the pass counts
    /// the findings too, so ``counts`` need not read them again.
    public func forEachFileLines(_ body: (FindingLines) throws -> Void) rethrows {
        let hasBaseline = stages.contains { if case .baseline = $0 { true } else { false } }
        guard case let .spooled(source) = storage, !hasBaseline else {
            // Findings in memory (or a baseline, which fingerprints snippets): each run encoded as the spool
            // stores it, then read as lines (in the order given).
            try forEachFile(omitting: [.snippet, .path]) { findings in
                var counter: FindingCounter?
                let read = FindingLines.read(RecordWriter.records(findings), count: findings.count, strings: nil,
                                             keep: nil, counter: &counter)
                try body(FindingLines(bytes: read.bytes, names: read.names, lines: read.lines[...]))
            }
            return
        }
        // The only other stage: failed findings only.
        let failedOnly = !stages.isEmpty
        var counter: FindingCounter? = source.totals.value == nil ? FindingCounter() : nil
        let strings = StringInterner()
        for i in source.steps.indices {
            var (bytes, names, lines) = source.lines(i, strings: strings, counter: &counter)
            if failedOnly { lines.removeAll { $0.outcome != .failed } }
            var start = 0
            while start < lines.count {
                var end = start + 1
                while end < lines.count, lines[end].file == lines[start].file { end += 1 }
                try body(FindingLines(bytes: bytes, names: names, lines: lines[start..<end]))
                start = end
            }
            bytes = []
        }
        if let counter { source.totals.value = counter.finish() }
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
    /// The counts of every reported finding, once a pass has counted them.
    let totals = FindingStream.CountsCache()

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
        var counter = FindingCounter(counts)
        func add(_ id: String, _ file: String, _ severity: Severity, _ outcome: Outcome) {
            guard keep(id, file) else { return }
            counter.add(id, severity, outcome)
        }
        for step in steps {
            for (spool, slice) in step.slices { spool.scan(slice, strings: strings, add) }
            for f in step.extra { add(f.ruleID, f.file, f.severity, f.outcome) }
        }
        counts = counter.finish()
    }

    /// Step `i` as lines (``FindingStream/forEachFileLines(_:)``): the reported findings in report order,
    /// as ``batch(_:strings:omitting:)`` gives them, with the bytes their messages are in and the names
    /// (rule ids and files) they index. Each reported finding is added to `counter`, if given.
    func lines(_ i: Int, strings: StringInterner,
               counter: inout FindingCounter?) -> (bytes: [UInt8], names: [String], lines: [FindingLines.Line]) {
        let step = steps[i]
        var bytes: [UInt8]
        var count = step.extra.count
        if step.slices.count == 1, step.extra.isEmpty {
            bytes = step.slices[0].0.bytes(of: step.slices[0].1)
            count = step.slices[0].1.count
        } else {
            bytes = []
            for (spool, slice) in step.slices {
                bytes += spool.bytes(of: slice)
                count += slice.count
            }
            if !step.extra.isEmpty { bytes += RecordWriter.records(step.extra) }
        }
        let read = FindingLines.read(bytes, count: count, strings: strings, keep: keep, counter: &counter)
        return (read.bytes, read.names, FindingLines.sorted(read.lines, bytes: read.bytes, names: read.names))
    }
}

/// Counts findings as they are read. Findings of one rule come together: counted per run of one rule,
/// added to `byRule` when it ends.
struct FindingCounter {
    private var counts: FindingCounts
    private var rule: String?
    private var perRule = FindingCounts.PerRule()

    init(_ counts: FindingCounts = FindingCounts()) { self.counts = counts }

    mutating func add(_ id: String, _ severity: Severity, _ outcome: Outcome) {
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

    /// Adds the counts of one rule's findings.
    mutating func add(rule id: String, _ c: FindingCounts.PerRule) {
        counts.byRule[id, default: FindingCounts.PerRule()].add(c)
        counts.total += c.total
        counts.errors += c.errors
        counts.warnings += c.warnings
        counts.info += c.info
        counts.cantTell += c.cantTell
    }

    consuming func finish() -> FindingCounts {
        if let rule { counts.byRule[rule, default: FindingCounts.PerRule()].add(perRule) }
        return counts
    }
}

/// Findings of one file as a line-per-finding report prints them (``FindingStream/forEachFileLines(_:)``):
/// what orders and labels each, its rule id and file as indices into a table of names, and its messages
/// as UTF-8 bytes in a shared buffer. Lines are plain data: sorted and copied without reference counting.
public struct FindingLines {
    public struct Line {
        public let severity: Severity
        public let outcome: Outcome
        /// Rule id and file, as indices of ``FindingLines/names`` (equal indices: equal strings, and
        /// different ones: different strings).
        public let rule: Int32, file: Int32
        public let start: SourcePosition
        /// Where the messages are in the bytes (the English one's offset also orders the lines as read).
        @usableFromInline let enAt: Int, enCount: Int, zhAt: Int, zhCount: Int
    }

    @usableFromInline let bytes: [UInt8]
    /// Rule ids and files of the lines.
    @usableFromInline let names: [String]
    /// In report order.
    public let lines: ArraySlice<Line>

    @inlinable public func ruleID(_ line: Line) -> String { names[Int(line.rule)] }
    @inlinable public func file(_ line: Line) -> String { names[Int(line.file)] }

    /// The message of `line` in `language` (as ``LocalizedText/text(_:)`` gives it), as UTF-8 bytes.
    @inlinable
    public func withMessage<R>(_ line: Line, in language: Language, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let zh = language == .zhCN && line.zhCount > 0
        let at = zh ? line.zhAt : line.enAt, count = zh ? line.zhCount : line.enCount
        return try bytes.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[at..<(at + count)])) }
    }

    /// The findings of `bytes` (records as the spool keeps them) as lines, in the order read, without the
    /// findings `keep` rejects; each line kept is added to `counter`, if given. Rule ids and files are
    /// shared through `strings`, if given.
    static func read(_ bytes: [UInt8], count: Int, strings: StringInterner?, keep: ((_ rule: String, _ file: String) -> Bool)?,
                     counter: inout FindingCounter?) -> (bytes: [UInt8], names: [String], lines: [Line]) {
        var reader = RecordReader(bytes: bytes, strings: strings)
        var names: [String] = []
        var lines: [Line] = []
        lines.reserveCapacity(count)
        var lastRule = (at: 0, count: -1, id: Int32(-1)), lastFile = (at: 0, count: -1, id: Int32(-1))
        // Whether the last rule and file asked about are kept (findings of one rule and file come together).
        var asked = (rule: Int32(-1), file: Int32(-1), kept: true)
        // Per rule id (an index of `names`), the findings counted.
        var perRule: [FindingCounts.PerRule] = []
        let counting = counter != nil
        while reader.at < bytes.count {
            let line = reader.line(names: &names, lastRule: &lastRule, lastFile: &lastFile)
            if let keep, asked.rule != line.rule || asked.file != line.file {
                asked = (line.rule, line.file, keep(names[Int(line.rule)], names[Int(line.file)]))
            }
            guard asked.kept else { continue }
            if counting {
                let r = Int(line.rule)
                if r >= perRule.count { perRule += repeatElement(FindingCounts.PerRule(), count: names.count - perRule.count) }
                perRule[r].add(line.severity, line.outcome)
            }
            lines.append(line)
        }
        for (r, c) in perRule.enumerated() where c.total > 0 { counter!.add(rule: names[r], c) }
        return (reader.bytes, names, lines)
    }

    /// ``Finding/ordered``, of lines, then the order read (the offset of the message): a total order.
    static func ordered(_ a: Line, _ b: Line, _ bytes: UnsafeBufferPointer<UInt8>, _ names: UnsafeBufferPointer<String>) -> Bool {
        if a.file != b.file { return names[Int(a.file)] < names[Int(b.file)] }
        if a.start != b.start { return a.start < b.start }
        if a.rule != b.rule { return names[Int(a.rule)] < names[Int(b.rule)] }
        if a.enCount != b.enCount || memcmp(bytes.baseAddress! + a.enAt, bytes.baseAddress! + b.enAt, a.enCount) != 0 {
            // Different messages at one place for one rule: compared as strings (String order is not byte order).
            let x = String(decoding: UnsafeBufferPointer(rebasing: bytes[a.enAt..<(a.enAt + a.enCount)]), as: UTF8.self)
            let y = String(decoding: UnsafeBufferPointer(rebasing: bytes[b.enAt..<(b.enAt + b.enCount)]), as: UTF8.self)
            if x != y { return x < y }
        }
        return a.enAt < b.enAt
    }

    /// `list` (in the order read) sorted stably by ``Finding/ordered`` (the order ``SpooledFindings/sorted(_:)``
    /// gives findings).
    static func sorted(_ list: [Line], bytes: [UInt8], names: [String]) -> [Line] {
        guard list.count > 1 else { return list }
        return bytes.withUnsafeBufferPointer { b in
            names.withUnsafeBufferPointer { n in
                var inOrder = true
                for k in 1..<list.count where ordered(list[k], list[k - 1], b, n) {
                    inOrder = false
                    break
                }
                if inOrder { return list }
                var sorted = list
                sorted.sort { ordered($0, $1, b, n) }
                return sorted
            }
        }
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

        mutating func add(_ severity: Severity, _ outcome: Outcome) {
            total += 1
            switch (outcome, severity) {
            case (.failed, .error): errors += 1
            case (.failed, .warning): warnings += 1
            case (.failed, .info): info += 1
            case (.cantTell, _): cantTell += 1
            default: break
            }
        }

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
