#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Resource limits of one run (`limits:` in `.govlint.yml`, `check --max-file-size` …).
/// Hitting one yields a `file-not-fully-checked` finding on that file, never a silent skip.
public struct Limits: Sendable, Equatable {
    /// Largest file read, in bytes; larger files are not checked.
    public var maxFileSize: Int = 50 << 20
    /// Deepest element nesting converted; deeper content is left out and reported.
    public var maxDepth: Int = 10_000
    /// Attributes read on one element (the HTML parser's duplicate check is quadratic).
    public var maxAttributes: Int = 10_000
    /// Seconds all rules together may spend on one file (nil: no limit).
    public var fileTimeout: Double? = 60
    /// Seconds one rule may spend on one file (nil: no limit).
    public var ruleTimeout: Double? = 10
    /// Nodes a descriptor may reach through YAML aliases (billion laughs).
    public var maxAliasExpansion: Int = 100_000
    /// Seconds the site phase (site rules over the facts of all pages) may take
    /// (nil: no limit); rules not run in time are reported on the site.
    public var siteTimeout: Double? = 120
    /// Entries read from one zipped export; the rest is reported, not read.
    public var maxArchiveEntries: Int = 100_000
    /// Bytes one zipped export may expand to; the rest is reported, not read.
    public var maxArchiveSize: Int = 2 << 30
    /// Uncompressed over compressed size of one archive entry (zip bombs).
    public var maxCompressionRatio: Int = 200

    /// The archive part of these limits.
    public var archive: ArchiveSource.Limits {
        var a = ArchiveSource.Limits()
        a.maxEntries = maxArchiveEntries
        a.maxTotalUncompressed = UInt64(maxArchiveSize)
        a.maxCompressionRatio = UInt64(maxCompressionRatio)
        return a
    }

    public init() {}

    /// `52428800`, `50MB`, `512KB`, `1GB` (binary multiples).
    public static func parseSize(_ text: String) -> Int? {
        let t = text.trimmingCharacters(in: .whitespaces).uppercased()
        let units: [(String, Int)] = [("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10), ("G", 1 << 30), ("M", 1 << 20), ("K", 1 << 10), ("B", 1)]
        for (suffix, factor) in units where t.hasSuffix(suffix) {
            // Found by the mutation tests: "99999999999999999999MB" and "infMB" trapped in Int(_:).
            guard let n = Double(t.dropLast(suffix.count).trimmingCharacters(in: .whitespaces)), n > 0, n.isFinite,
                  n * Double(factor) < Double(Int.max / 2) else { return nil }
            return max(1, Int(n * Double(factor)))
        }
        guard let n = Int(t), n > 0 else { return nil }
        return n
    }

    /// Seconds as a number; 0 means no limit (`.some(nil)`); nil when not a number.
    public static func parseSeconds(_ text: String) -> Double?? {
        guard let n = Double(text.trimmingCharacters(in: .whitespaces)), n >= 0, n.isFinite else { return nil }
        return .some(n == 0 ? nil : n)
    }
}

/// The deadline of the rule running on this thread. Checks that can run long
/// on hostile input (regular expressions) consult it; the runners set it.
public enum RuleDeadline {
    /// Per-thread storage through a pthread key: rules read the deadline for
    /// every regex match, and Foundation's thread dictionary is far slower.
    private static let key: pthread_key_t = {
        var k = pthread_key_t()
        pthread_key_create(&k) { raw in if let raw { Unmanaged<Box>.fromOpaque(raw).release() } }
        return k
    }()

    private final class Box {
        var deadline: Date? {
            didSet { coarseDeadline = deadline.map { RuleDeadline.coarseNow() &+ UInt64(max(0, $0.timeIntervalSinceNow) * 1e9) } }
        }
        /// The deadline on the coarse monotonic clock, which is read for every target and match.
        private(set) var coarseDeadline: UInt64?
        init(_ deadline: Date?) { self.deadline = deadline }
    }

    /// Nanoseconds on CLOCK_MONOTONIC_COARSE: a memory read, a few milliseconds' resolution
    /// (limits are seconds); the precise clock cost 1.5% of a lint at two reads per target.
    static func coarseNow() -> UInt64 {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC_COARSE, &t)
        return UInt64(t.tv_sec) &* 1_000_000_000 &+ UInt64(t.tv_nsec)
    }

    private static var box: Box {
        if let raw = pthread_getspecific(key) { return Unmanaged<Box>.fromOpaque(raw).takeUnretainedValue() }
        let b = Box(nil)
        pthread_setspecific(key, Unmanaged.passRetained(b).toOpaque())
        return b
    }

    /// Runs `body` with a deadline `seconds` from now (nil: none) on this thread.
    public static func with<T>(seconds: Double?, _ body: () throws -> T) rethrows -> T {
        let b = box
        let previous = b.deadline
        b.deadline = seconds.map { Date().addingTimeInterval($0) }
        defer { b.deadline = previous }
        return try body()
    }

    /// Sets (or clears) this thread's deadline.
    public static func set(_ deadline: Date?) { box.deadline = deadline }

    /// The current deadline, if any.
    public static var current: Date? { box.deadline }

    public static var isPast: Bool { box.coarseDeadline.map { coarseNow() >= $0 } ?? false }

    /// This thread's deadline on the coarse clock (nil: none), read once by a loop that tests it often.
    static var coarse: UInt64? { box.coarseDeadline }

    /// ``isPast`` for a deadline read with ``coarse`` (while it is still the one set).
    static func isPast(_ coarse: UInt64?) -> Bool { coarse.map { coarseNow() >= $0 } ?? false }
}

extension NSRegularExpression {
    /// `firstMatch` that gives up when the running rule's deadline has passed
    /// (catastrophic backtracking in a user pattern); nil then, as no match.
    /// ICU abandons a single runaway match after about half a second by itself;
    /// the deadline stops many of them adding up, checked before each match
    /// (progress callbacks on every match cost a third of the lint time).
    public func boundedFirstMatch(in text: String) -> NSTextCheckingResult? {
        if RuleDeadline.isPast || !mayMatch(text) { return nil }
        return firstMatch(in: text, range: NSRange(text.startIndex..., in: text))
    }
}
