import Foundation
import GovlintAccessibility
import GovlintHTML

/// For the target (the root element): no style rule in the page's own style
/// sheets (`<style>` elements) that applies only in one orientation —
/// inside `@media (orientation: …)`, or in a `<style media>` naming an
/// orientation — rotates by a multiple of 90° that is not a multiple of 180°
/// with `transform` (`rotate`, `rotateZ`, `rotate3d` about z, `matrix`,
/// `matrix3d`; the last such function counts) or `rotate` (axe-core
/// `css-orientation-lock`, ACT b33eff). Linked style sheets are not read:
/// one linked or `@import`ed for an orientation media query is cantTell,
/// others are out of the check's scope. Failures are reported at the
/// `<style>`, review items at the `<link>`/`<style>` that imports.
struct OrientationNotLockedCheck: PageCheck {
    static let id = "orientation-not-locked"
    static let summary = "No orientation media query in the page's style elements rotates content by 90°."

    init(options: inout CheckOptions) throws(LocatedError) {
        try options.finish()
    }

    static let orientation = try! NSRegularExpression(pattern: #"orientation\s*:\s*(landscape|portrait)"#, options: [.caseInsensitive])

    static func mentionsOrientation(_ text: String) -> Bool {
        orientation.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    func evaluate(_ element: HTMLElement, in page: PageContext) -> CheckResult {
        var review: (String, HTMLElement)?
        for e in page.elements(named: "link", "style") where e.namespace == .html || e.namespace == .svg {
            if e.name == "link", e.namespace == .html,
               (e.attribute("rel") ?? "").lowercased().split(whereSeparator: \.isHTMLWhitespace).contains("stylesheet"),
               let media = e.attribute("media"), Self.mentionsOrientation(media) {
                review = review ?? ("the linked style sheet \(e.attribute("href") ?? "") applies to one orientation and is not read", e)
            }
            guard e.name == "style" else { continue }
            let sheetMedia = e.attribute("media").map { Self.mentionsOrientation($0) } ?? false
            let css = e.textContent
            // Without the word "orientation" no @import or @media in it can select one orientation:
            // most pages' style sheets are not parsed at all.
            if !sheetMedia, !Self.orientation.mayMatch(css) { continue }
            let sheet = StyleSheetScanner(css)
            for imp in sheet.imports where Self.mentionsOrientation(imp.prelude) {
                review = review ?? ("a style sheet @import-ed for one orientation is not read", e)
            }
            for rule in sheet.rules where !rule.selector.isEmpty {
                guard sheetMedia || rule.conditions.contains(where: { $0.hasPrefix("media ") && Self.mentionsOrientation($0) }) else { continue }
                if let (function, degrees) = Self.lockingRotation(rule.style) {
                    return CheckResult(.doesNotHold, at: [e], data: ["detail": "\(rule.selector) { \(function) \(degrees)° }"])
                }
            }
        }
        if let (reason, at) = review { return CheckResult(.cantTell, at: [at], data: ["reason": reason, "detail": reason]) }
        return .holds
    }

    /// The rotation function and its angle when the declarations rotate by
    /// an odd multiple of 90° about the z axis.
    static func lockingRotation(_ style: InlineStyle) -> (String, Int)? {
        var function: String, argument: String
        if let transform = style.value(of: "transform") ?? style.value(of: "-webkit-transform") ?? style.value(of: "-ms-transform") {
            let pattern = #"(rotatez|rotate3d|rotate|matrix3d|matrix)\(([^)]+)\)"#
            guard let regex = try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive]) else { return nil }
            let ns = transform as NSString
            guard let m = regex.matches(in: transform, range: NSRange(location: 0, length: ns.length)).last else { return nil }
            function = ns.substring(with: m.range(at: 1)).lowercased()
            argument = ns.substring(with: m.range(at: 2))
        } else if let rotate = style.value(of: "rotate") {
            function = "rotate"; argument = rotate
        } else {
            return nil
        }
        guard let raw = degrees(function, argument), raw != 0 else { return nil }
        let d = abs(raw)
        if abs(d - 180) % 180 == 0 { return nil }
        return abs(d - 90) % 90 == 0 ? (function, raw) : nil
    }

    static func degrees(_ function: String, _ argument: String) -> Int? {
        switch function {
        case "rotate", "rotatez":
            return angle(argument)
        case "rotate3d":
            let parts = argument.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 4 else { return nil }
            if leadingNumber(parts[2]).map({ Int($0) == 0 }) ?? true { return nil }
            return angle(parts[3])
        case "matrix", "matrix3d":
            let values = argument.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
            if values.count <= 6 {
                guard values.count >= 2, let a = values[0], let b = values[1] else { return nil }
                return Int((atan2(b, a) * 180 / .pi).rounded())
            }
            guard values.count > 8, let sinB = values[8], let a = values[0] else { return nil }
            let cosB = cos(asin(sinB))
            let z = acos(a / cosB)
            return z.isNaN ? nil : Int((z * 180 / .pi).rounded())
        default:
            return nil
        }
    }

    /// An angle in whole degrees from `90deg`, `1.57rad`, `100grad`, `0.25turn`.
    static func angle(_ text: String) -> Int? {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        for unit in ["grad", "deg", "rad", "turn"] where t.contains(unit) {
            guard let n = leadingNumber(t.replacingOccurrences(of: unit, with: "")) else { return nil }
            switch unit {
            case "rad": return Int((n * 180 / .pi).rounded())
            case "grad":
                var g = n.truncatingRemainder(dividingBy: 400)
                if g < 0 { g += 400 }
                return Int((g / 400 * 360).rounded())
            case "turn": return Int((360 * n).rounded())
            default: return Int(n)
            }
        }
        return nil
    }

    /// The number a string starts with (JavaScript `parseFloat`).
    static func leadingNumber(_ text: String) -> Double? {
        let t = text.trimmingCharacters(in: .whitespaces)
        guard let r = t.range(of: #"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?"#, options: .regularExpression) else { return nil }
        return Double(t[r])
    }
}
