import GovlintAccessibility
import GovlintHTML

/// For an image: holds unless its text alternative repeats the text of the
/// nearest enclosing element matching `container` (default: links, buttons,
/// paragraphs, list items and table cells), so that the text is announced
/// twice. Compared case-insensitively after normalising whitespace; the
/// container's own text excludes the image. Presentational images hold.
struct RedundantAltCheck: PageCheck {
    static let id = "redundant-alt"
    static let summary = "An image's text alternative does not repeat the text of its enclosing link, button, paragraph, item or cell."
    let container: Selector
    /// Per page, whether a node matches `container`, asked only of images' ancestors (shared by images).
    let containers: MemoKey<ContainerMemo>

    final class ContainerMemo {
        /// 0: not asked yet, 1: matches, 2: does not.
        var state: [UInt8]
        init(_ count: Int) { state = [UInt8](repeating: 0, count: count) }
    }

    init(options: inout CheckOptions) throws(LocatedError) {
        container = try options.selector("container")
            ?? (try! Selector("button, [role=button i], a[href], p, li, td, th"))
        containers = MemoKey("redundant-alt-containers|\(container.key)")
        try options.finish()
    }

    func evaluate(_ element: HTMLElement, in page: PageContext) -> CheckResult {
        evaluate(element, in: page, holdData: true)
    }

    /// A holding result's data (the alternative) is made only when asked for: the engine drops it.
    func evaluate(_ element: HTMLElement, in page: PageContext, holdData: Bool) -> CheckResult {
        let ax = page.accessibility
        if ax.isPresentational(element) { return .holds }
        let document = page.document, cores = document.cores
        let memo = page.memo(containers) { ContainerMemo(cores.count) }
        func isContainer(_ e: HTMLElement) -> Bool {
            if memo.state[e.index] == 0 { memo.state[e.index] = container.matches(e) ? 1 : 2 }
            return memo.state[e.index] == 1
        }
        var p = element.parent
        while let cur = p, cur.isElement, !isContainer(cur) { p = cur.parent }
        guard let parent = p, parent.isElement else { return .holds }
        let textBytes = document.textBytes
        // A container text with a CJK ideograph (lead bytes E4–E9: U+4000–U+9FFF, no canonical decomposition,
        // never composed) is not equal to an ASCII alternative, whatever whitespace and case do: the common
        // case of a Chinese page, decided without making the container's text.
        var name: String?
        if Self.hasIdeograph(parent, document, ax) {
            let alt = Self.lowercased(ax.accessibleName(of: element).text)
            if alt.utf8.allSatisfy({ $0 < 0x80 }) { return holdData ? CheckResult(.holds, data: ["alt": alt]) : .holds }
            name = alt
        }
        // The container's rendered text, without alternative text of images: its text nodes' bytes.
        var bytes: [UInt8] = []
        for i in parent.descendantIndices where cores[i].kind == .text {
            if ax.isHiddenFromAccessibilityTree(document[i]) { continue }
            bytes.append(contentsOf: textBytes[document.textRange(of: i)])
            bytes.append(0x20)
        }
        let text = String(decoding: bytes, as: UTF8.self)
        let visible = Self.lowercased(AccessibilityContext.normalise(text))
        if visible.isEmpty { return .holds }
        let alt = name ?? Self.lowercased(ax.accessibleName(of: element).text)
        return Self.compared(visible, alt, holdData: holdData)
    }

    static func compared(_ visible: String, _ name: String, holdData: Bool) -> CheckResult {
        if visible != name { return holdData ? CheckResult(.holds, data: ["alt": name]) : .holds }
        return CheckResult(.doesNotHold, data: ["alt": name])
    }

    /// Whether a text node of `container` that is not hidden has a byte E4–E9 (in UTF-8 only the lead byte of
    /// a scalar U+4000–U+9FFF).
    static func hasIdeograph(_ container: HTMLElement, _ document: HTMLDocument, _ ax: AccessibilityContext) -> Bool {
        let cores = document.cores
        return document.textBytes.withUnsafeBufferPointer { text in
            for i in container.descendantIndices where cores[i].kind == .text {
                let range = document.textRange(of: i)
                guard text[range].contains(where: { $0 >= 0xE4 && $0 <= 0xE9 }) else { continue }
                if !ax.isHiddenFromAccessibilityTree(document[i]) { return true }
            }
            return false
        }
    }

    /// `s.lowercased()`, made from the bytes when every scalar is ASCII or in ``isCaseless(_:)``
    /// ranges (a Chinese cell's text): `lowercased()` maps scalar by scalar (each to its
    /// `lowercaseMapping`), which costs a table look-up per scalar of a non-ASCII string.
    static func lowercased(_ s: String) -> String {
        var s = s
        let fast: String? = s.withUTF8 { b in
            var changes = false
            var i = 0
            while i < b.count {
                let x = b[i]
                if x < 0x80 {
                    if x >= 0x41 && x <= 0x5A { changes = true }
                    i += 1
                    continue
                }
                // A multi-byte scalar (the string is valid UTF-8).
                let length = x >= 0xF0 ? 4 : x >= 0xE0 ? 3 : 2
                var value = UInt32(x) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                for k in 1..<length { value = value << 6 | UInt32(b[i + k] & 0x3F) }
                if !isCaseless(value) { return nil }
                i += length
            }
            if !changes { return "" }
            return String(unsafeUninitializedCapacity: b.count) { out in
                for k in 0..<b.count {
                    let x = b[k]
                    out[k] = x >= 0x41 && x <= 0x5A ? x | 0x20 : x
                }
                return b.count
            }
        }
        guard let fast else { return s.lowercased() }
        // "" from the scan: nothing to change (an empty `s` is itself too).
        return fast.isEmpty ? s : fast
    }

    /// Scalar ranges whose every scalar is its own lowercase mapping (a test checks each one):
    /// general punctuation, CJK symbols, kana and ideographs (U+3000–U+9FFF), Hangul syllables,
    /// and the halfwidth and fullwidth forms but for the fullwidth Latin capitals.
    @inline(__always) static func isCaseless(_ v: UInt32) -> Bool {
        (v >= 0x2000 && v <= 0x206F) || (v >= 0x3000 && v <= 0x9FFF) || (v >= 0xAC00 && v <= 0xD7A3)
            || (v >= 0xFF00 && v <= 0xFF20) || (v >= 0xFF3B && v <= 0xFFEF)
    }
}
