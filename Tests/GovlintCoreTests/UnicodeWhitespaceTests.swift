import Foundation
@testable import GovlintCore
import Testing

/// Trimming on UTF-8 bytes answers as Foundation's `trimmingCharacters(in:)`.
struct UnicodeWhitespaceTests {
    @Test(arguments: [false, true])
    func setsAreFoundations(_ newlines: Bool) {
        let set: CharacterSet = newlines ? .whitespacesAndNewlines : .whitespaces
        var differ: [String] = []
        for v in UInt32(0)...0x10FFFF {
            guard let u = Unicode.Scalar(v) else { continue }
            if set.contains(u) != UnicodeWhitespace.contains(v, newlines: newlines) { differ.append(String(v, radix: 16)) }
        }
        #expect(differ.isEmpty, "\(differ)")
    }

    static let samples = [
        "", " ", "x", " en-US ", "\ten\n", "\u{A0}fr\u{3000}", "\u{85}de\u{2028}", "\r\nzh-Hans\r\n", " \u{301}x ", "x \u{301}",
        "\u{200B}ja\u{200B}", "👍 ", " é ", "e\u{301}", "\u{2029}\u{1680}\u{202F}\u{205F}", "width = device-width", "  \u{2009}1.0",
    ]

    @Test(arguments: samples)
    func trimmedIsFoundationsTrim(_ s: String) {
        for (newlines, set) in [(false, CharacterSet.whitespaces), (true, CharacterSet.whitespacesAndNewlines)] {
            let expected = Array(s.trimmingCharacters(in: set).utf8)
            #expect(Array(UnicodeWhitespace.trimmed(s, newlines: newlines).utf8) == expected)
            let sub = ("<" + s + ">").dropFirst().dropLast()
            #expect(Array(UnicodeWhitespace.trimmed(sub, newlines: newlines).utf8) == expected)
            #expect(Array(UnicodeWhitespace.trimmed(NSString(string: s) as String, newlines: newlines).utf8) == expected)
        }
    }
}
