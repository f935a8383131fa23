import Foundation
import GovlintAccessibility
import GovlintHTML

/// Holds unless the target's inline `style` fixes text spacing below the
/// WCAG 1.4.12 values with `!important`, which user style sheets then cannot
/// override: `letter-spacing` under 0.12em, `word-spacing` under 0.16em.
/// Only values the engine can compare without layout decide: `em` values and
/// `0`; pixel, `rem` and other values that depend on a font size, and
/// `line-height` under 1.5 (which matters only when text wraps), are cantTell.
/// Targets without text of their own hold.
struct InlineTextSpacingCheck: PageCheck {
    static let id = "inline-text-spacing"
    static let summary = "The inline style does not force letter-spacing < 0.12em, word-spacing < 0.16em or line-height < 1.5 with !important."

    init(options: inout CheckOptions) throws(LocatedError) {
        try options.finish()
    }

    static let minimums: [(property: String, minimum: Double)] = [
        ("letter-spacing", 0.12), ("word-spacing", 0.16), ("line-height", 1.5),
    ]

    enum Length { case relative(Double), zero, undecidable }

    /// A length relative to the font size (`em`, or unitless/percent for
    /// line-height), zero, or something the engine cannot compare.
    static func length(_ raw: String, unitlessIsRelative: Bool) -> Length {
        let v = raw.trimmingCharacters(in: .whitespaces).lowercased()
        // A CSS number (sign, digits, optional fraction) followed by its unit.
        let numberEnd = v.firstIndex { !($0.isASCII && ($0.isNumber || $0 == "." || $0 == "-" || $0 == "+")) } ?? v.endIndex
        guard let n = Double(v[..<numberEnd].hasPrefix(".") ? "0" + v[..<numberEnd] : String(v[..<numberEnd])) else {
            return .undecidable
        }
        let unit = String(v[numberEnd...])
        if n == 0 { return .zero }
        switch unit {
        case "em": return .relative(n)
        case "%": return unitlessIsRelative ? .relative(n / 100) : .undecidable
        case "": return unitlessIsRelative ? .relative(n) : .undecidable
        default: return .undecidable
        }
    }

    /// Whether the style text has a `!`.
    static func hasBang(_ style: String) -> Bool {
        var style = style
        return style.withUTF8 { b in b.baseAddress.map { memchr($0, 0x21, b.count) != nil } ?? false }
    }

    func evaluate(_ element: HTMLElement, in page: PageContext) -> CheckResult {
        // Only `!important` declarations are compared, and the parser marks a declaration important only
        // after a `!`: a style without one (nearly all) holds without being parsed.
        guard let raw = element.attribute("style"), Self.hasBang(raw) else { return .holds }
        guard let style = page.accessibility.inlineStyle(element) else { return .holds }
        guard !element.textContent.allSatisfy(\.isWhitespace) else { return .holds }
        var review: String?
        for (property, minimum) in Self.minimums {
            // The declaration in effect must be an important one.
            guard let entry = style.declarations.last(where: { $0.property == property && $0.important }) else { continue }
            let shown = "\(property): \(entry.value) !important"
            let isLineHeight = property == "line-height"
            switch Self.length(entry.value, unitlessIsRelative: isLineHeight) {
            case .zero:
                if isLineHeight { review = review ?? shown } else { return CheckResult(.doesNotHold, data: ["declaration": shown]) }
            case .relative(let n):
                if n < minimum {
                    if isLineHeight { review = review ?? shown } else { return CheckResult(.doesNotHold, data: ["declaration": shown]) }
                }
            case .undecidable:
                review = review ?? shown
            }
        }
        if let review {
            return CheckResult(.cantTell, data: ["declaration": review,
                                                  "reason": "the value depends on the font size or on line wrapping"])
        }
        return .holds
    }
}
