import Testing
import GovlintHTML
@testable import GovlintAccessibility

/// The byte-level fast paths answer exactly as the Character-level code they shortcut.
@Suite struct FastPathTests {
    static let texts: [String] = [
        "", " ", "  ", "\t", "\r\n", "a", " a", "a ", " a ", "a b", "a  b", "a\tb", "a\r\nb", "a\n\nb",
        "\u{C}x\u{C}", "Learn more", "  Learn\n   more  ", "é", " é ", "a é b", "é\u{301} x", " \u{301}a",
        "a \u{301}b", "a\u{301} b", "\u{600} b", "x\u{600} b", "日本 語", "日本  語", "\u{A0}a\u{A0}",
        "a\u{A0} b", "\u{200D} x", "x \u{200D}", "\r\n\u{301}", "tab\t\u{301}", "👍🏽 ok", "ok 👍🏽", "a\r\n\r\nb ",
    ]

    static func referenceNormalise(_ text: String) -> String {
        var out = ""
        var pendingSpace = false
        for ch in text {
            if ch.isHTMLWhitespace {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" "); pendingSpace = false }
                out.append(ch)
            }
        }
        return out
    }

    static func referenceTrim(_ text: String) -> Substring {
        var s = text[...]
        while let f = s.first, f.isHTMLWhitespace { s.removeFirst() }
        while let l = s.last, l.isHTMLWhitespace { s.removeLast() }
        return s
    }

    @Test(arguments: texts)
    func normaliseMatchesCharacters(_ text: String) {
        #expect(AccessibilityContext.normalise(text) == Self.referenceNormalise(text))
        #expect(AccessibilityContext.normalise(text).utf8.elementsEqual(Self.referenceNormalise(text).utf8))
    }

    @Test(arguments: texts)
    func blankAndTrimMatchCharacters(_ text: String) {
        #expect(AriaData.isBlank(text) == text.allSatisfy(\.isHTMLWhitespace))
        #expect(text.trimmingASCIIWhitespace().utf8.elementsEqual(Self.referenceTrim(text).utf8))
        for word in ["true", "hidden"] {
            let (ax, e) = fixture(#"<div id=t aria-hidden="\#(text)\#(word)\#(text)"></div>"#)
            let v = e.attribute("aria-hidden")!
            let j = ax.attributeSlot(e.index, NameAtom.of("aria-hidden"))!
            #expect(ax.attributeValue(j, equalsTrimmedLowercase: Array(word.utf8))
                    == AriaData.equalsIgnoringCase(Self.referenceTrim(v), word))
        }
    }

    @Test func roleSingleTokenFastPath() {
        for value in ["button", "BUTTON", "button link", " button", "doc-abstract", "graphics-document", "x", "", "nav1", "bütton"] {
            let (ax, e) = fixture(#"<div id=t role="\#(value)"></div>"#)
            let expected = value.split(whereSeparator: \.isHTMLWhitespace).map { $0.lowercased() }.first(where: AriaData.isValidRole)
            #expect(ax.explicitRole(of: e) == expected)
        }
    }

    @Test func atomTablesCoverTheirNames() {
        for name in AccessibilityContext.contextualRoleNames + AccessibilityContext.nativeNameElements {
            #expect(NameAtom.of(name) != NameAtom.unknown, "\(name)")
        }
    }
}

@Suite struct TokenFastPathTests {
    @Test(arguments: ["", " ", "a", " a  b ", "a\r\nb", "a\tb\u{C}c", "é b", "a \u{301}b", "x\r\n\r\ny", "\u{A0}a b"])
    func tokensMatchCharacterSplit(_ value: String) {
        let v = value[...]
        #expect(AriaData.htmlTokens(v).map(String.init) == v.split(whereSeparator: \.isHTMLWhitespace).map(String.init))
    }
}
