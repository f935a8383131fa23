import Foundation

/// Where a run's time went, rule by rule (`govlint check --timings`): CPU time of each page rule summed
/// over the files and workers that ran it, each site rule's time in the site phase, and two entries of the
/// engine's own, `(decode and parse)` and `(selector matching)`. Files answered from the result cache
/// cost nothing and are not counted. Thread-safe: workers add one page at a time.
public final class RuleTimes: @unchecked Sendable {
    public struct Entry: Equatable, Sendable {
        public var name: String
        public var nanoseconds: UInt64
        /// Files (page rules) or runs (site rules) measured.
        public var count: Int
    }

    public static let parsing = "(decode and parse)"
    public static let selectorMatching = "(selector matching)"

    private let lock = NSLock()
    private var byName: [String: Entry] = [:]

    public init() {}

    /// Adds one measurement per name (one file's, or one site rule's).
    public func add(_ measurements: [(name: String, nanoseconds: UInt64)]) {
        lock.lock(); defer { lock.unlock() }
        for (name, ns) in measurements {
            byName[name, default: Entry(name: name, nanoseconds: 0, count: 0)].nanoseconds += ns
            byName[name]!.count += 1
        }
    }

    /// Slowest first; equal times by name.
    public var entries: [Entry] {
        lock.lock(); defer { lock.unlock() }
        return byName.values.sorted { ($0.nanoseconds, $1.name) > ($1.nanoseconds, $0.name) }
    }

    /// A table of the `limit` slowest entries, the rest summed on one line, and the total.
    public func table(limit: Int = 25) -> String {
        let all = entries
        let total = all.reduce(0) { $0 + $1.nanoseconds }
        let shown = all.prefix(limit)
        let width = max(30, shown.map(\.name.count).max() ?? 0)
        func ms(_ ns: UInt64) -> String { String(format: "%.1f", Double(ns) / 1e6) }
        func share(_ ns: UInt64) -> String { total == 0 ? "0.0" : String(format: "%.1f", 100 * Double(ns) / Double(total)) }
        func row(_ name: String, _ ns: UInt64, _ count: String) -> String {
            name.padding(toLength: width, withPad: " ", startingAt: 0) + " " + pad(ms(ns), 10) + " " + pad(share(ns), 6) + " " + pad(count, 7)
        }
        var lines = ["rule".padding(toLength: width, withPad: " ", startingAt: 0) + " " + pad("ms", 10) + " " + pad("%", 6) + " " + pad("runs", 7)]
        for e in shown { lines.append(row(e.name, e.nanoseconds, String(e.count))) }
        if all.count > shown.count {
            let rest = all.dropFirst(shown.count)
            lines.append(row("(\(rest.count) more)", rest.reduce(0) { $0 + $1.nanoseconds }, ""))
        }
        lines.append(row("total", total, ""))
        return lines.joined(separator: "\n") + "\n"
    }

    private func pad(_ s: String, _ width: Int) -> String {
        s.count >= width ? s : String(repeating: " ", count: width - s.count) + s
    }

    /// Monotonic nanoseconds.
    @inline(__always) static func now() -> UInt64 {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return UInt64(t.tv_sec) * 1_000_000_000 + UInt64(t.tv_nsec)
    }
}
