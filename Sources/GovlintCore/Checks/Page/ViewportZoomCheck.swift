import Foundation
import GovlintHTML

/// Holds when a `<meta name="viewport">` target's `content` lets users zoom:
/// no `user-scalable=no` (or a numeric value between -1 and 1), and no
/// `maximum-scale` below `minimumScale` (default 2, i.e. 200 %). Mirrors
/// axe-core's meta-viewport parsing.
struct ViewportZoomCheck: PageCheck {
    static let id = "viewport-zoom"
    static let summary = "A viewport meta's `content` neither disables zoom nor caps `maximum-scale` below `minimumScale` (default 2)."
    let minimumScale: Double

    init(options: inout CheckOptions) throws(LocatedError) {
        let m = try options.int("minimumScale") ?? 2
        if m < 1 { throw options.error(at: "minimumScale", "'minimumScale' must be at least 1") }
        minimumScale = Double(m)
        try options.finish()
    }

    /// `key=value` pairs separated by `,` or `;`, lower-cased, the last one winning.
    static func parameters(_ content: String) -> [String: String] {
        var out: [String: String] = [:]
        for item in content.split(whereSeparator: { $0 == "," || $0 == ";" }) {
            let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2 else { continue }
            let key = UnicodeWhitespace.trimmed(parts[0]).lowercased()
            var value = UnicodeWhitespace.trimmed(parts[1]).lowercased()
            guard !key.isEmpty, !value.isEmpty else { continue }
            if key == "maximum-scale", value == "yes" { value = "1" }
            if key == "maximum-scale", let n = leadingNumber(value), n < 0 { continue }
            out[key] = value
        }
        return out
    }

    /// JavaScript `parseFloat`: the longest leading decimal number, or nil.
    static func leadingNumber(_ s: String) -> Double? {
        let scanner = Scanner(string: s)
        scanner.charactersToBeSkipped = nil
        return scanner.scanDouble()
    }

    func evaluate(_ element: HTMLElement, in page: PageContext) -> CheckResult {
        let p = Self.parameters(element.attribute("content") ?? "")
        if let u = p["user-scalable"] {
            if u == "no" { return CheckResult(.doesNotHold, data: ["setting": "user-scalable=no"]) }
            if let n = Self.leadingNumber(u), n > -1, n < 1 {
                return CheckResult(.doesNotHold, data: ["setting": "user-scalable=\(u)"])
            }
        }
        if let m = p["maximum-scale"], let n = Self.leadingNumber(m), n < minimumScale {
            return CheckResult(.doesNotHold, data: ["setting": "maximum-scale=\(m)"])
        }
        return .holds
    }
}
