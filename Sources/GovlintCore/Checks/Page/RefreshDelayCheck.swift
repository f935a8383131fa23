import Foundation
import GovlintHTML

/// Holds when a `<meta http-equiv="refresh">` target's `content` refreshes or
/// redirects at once (delay 0), after more than `exceptAbove` seconds
/// (default 72000, the 20-hour exception of WCAG 2.2.1), or has no numeric
/// delay at all (browsers ignore it). Mirrors axe-core's meta-refresh.
struct RefreshDelayCheck: PageCheck {
    static let id = "refresh-delay"
    static let summary = "A meta refresh's delay in `content` is 0 or above `exceptAbove` seconds (default 72000)."
    let exceptAbove: Double

    init(options: inout CheckOptions) throws(LocatedError) {
        let limit = try options.int("exceptAbove") ?? 72000
        if limit < 0 { throw options.error(at: "exceptAbove", "'exceptAbove' must not be negative") }
        exceptAbove = Double(limit)
        try options.finish()
    }

    /// The delay in seconds, or nil when `content` does not start with one.
    static func delay(_ content: String) -> Double? {
        let trimmed = content.trimmingCharacters(in: .whitespacesAndNewlines)
        let first = trimmed.prefix { !($0 == ";" || $0 == "," || $0.isWhitespace) }
        guard !first.isEmpty, first.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }) else { return nil }
        // Like JavaScript's parseFloat: the longest numeric prefix.
        var seenDot = false
        let numeric = first.prefix { c in
            if c == "." { if seenDot { return false }; seenDot = true }
            return true
        }
        return Double(numeric.hasPrefix(".") ? "0" + numeric : String(numeric))
            ?? Double(numeric.dropLast())
    }

    func evaluate(_ element: HTMLElement, in page: PageContext) -> CheckResult {
        guard let d = Self.delay(element.attribute("content") ?? "") else { return .holds }
        let shown = d == d.rounded() ? String(Int(d)) : String(d)
        return .verdict(d <= 0 || d > exceptAbove, data: ["delay": shown])
    }
}
