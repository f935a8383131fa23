@testable import GovlintReporters
import Testing

/// The text reporter's byte-level shortcut must escape exactly what the scalar loop escapes.
@Suite struct SanitizeTests {
    static func reference(_ s: String) -> String {
        var out = ""
        for scalar in s.unicodeScalars {
            if scalar.value < 0x20 || scalar.value == 0x7F || (0x202A...0x202E).contains(scalar.value)
                || (0x2066...0x2069).contains(scalar.value) {
                out += "\\u{\(String(scalar.value, radix: 16))}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    @Test(arguments: [
        "", "plain", "tab\there", "new\nline", "del\u{7F}", "bell\u{07}", "“quoted” and ’apostrophe’ …", "办事指南 全角\u{3000}",
        "rtl \u{202E}evil", "lre\u{202A}x", "isolate \u{2066}x\u{2069}", "\u{2067}\u{2068}", "just below \u{2029} and \u{2065}",
        "after \u{202F} \u{2070}", "emoji 👍🏽", "e\u{301}", "end\u{202D}",
    ])
    func shortcutEscapesWhatTheLoopEscapes(_ s: String) {
        #expect(TextReporter.sanitize(s) == Self.reference(s))
    }

    /// The shortcut looks at eight bytes at a time: every special character at every offset of
    /// a word, split across words, next to bytes that look alike (E2 of other punctuation, 0x20, 0x7E, 0x80).
    @Test(arguments: ["\u{01}", "\u{1F}", "\u{7F}", "\n", "\u{202A}", "\u{202E}", "\u{2066}", "\u{2069}", "“", "\u{2029}", " ", "~", "\u{80}", "é", "全"])
    func wordShortcutEscapesWhatTheLoopEscapes(_ special: String) {
        for before in 0..<20 {
            for after in [0, 1, 2, 7, 8, 9] {
                for pad in ["a", "z9", "“"] {
                    let s = String(repeating: pad, count: before) + special + String(repeating: "b", count: after)
                    #expect(TextReporter.sanitize(s) == Self.reference(s), "\(before) \(after) \(pad)")
                }
            }
        }
    }
}
