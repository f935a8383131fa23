import Testing
@testable import GovlintAccessibility

@Suite struct LanguageTagTests {
    @Test(arguments: [
        "en", "en-US", "zh-Hans-CN", "es-419", "i-klingon", "x-foo", "de-CH-1901", "sl-rozaj-biske",
        "zh-yue-HK", "sr-Latn-RS", "en-a-bbb-x-a-ccc", "en-GB-oed", "EN-us", "qaa", "hy-Latn-IT-arevela",
        "de-DE-u-co-phonebk", "ar-afb-Arab",
    ])
    func wellFormed(_ tag: String) {
        #expect(LanguageTag.isWellFormed(tag))
    }

    @Test(arguments: [
        "", "en_US", "12", "e", "en-", "-en", "en--US", "x", "en-x", "a-DE", "en-a", "en-a-bbb-a-ccc",
        "toolonglanguage", "en-US-", " en", "de-419-DE", "ar-a-aaa-b-bbb-a-ccc", "en-ü",
    ])
    func notWellFormed(_ tag: String) {
        #expect(!LanguageTag.isWellFormed(tag))
    }

    @Test(arguments: ["en", "en-US", "zh-Hans-CN", "es-419", "i-klingon", "x-foo", "fr", "haw", "EN-gb", " de ", "qab"])
    func validPrimary(_ tag: String) {
        #expect(LanguageTag.isValidPrimaryLanguage(tag))
    }

    @Test(arguments: ["english", "en_US", "xx", "12", "e", "", "zz-ZZ", "i-foo", "x"])
    func invalidPrimary(_ tag: String) {
        #expect(!LanguageTag.isValidPrimaryLanguage(tag))
    }

    @Test func primarySubtag() {
        #expect(LanguageTag.primarySubtag("en-US") == "en")
        #expect(LanguageTag.primarySubtag(" ZH-Hant ") == "zh")
        #expect(LanguageTag.primarySubtag("") == nil)
        #expect(LanguageTag.primarySubtag("-US") == nil)
    }

    @Test func registry() {
        #expect(LanguageTag.registryDate == "2021-08-06")
        #expect(LanguageTag.languageSubtags.count > 8000)
    }

    /// The bit table answers as a set of the registry's subtags does, for every two- and
    /// three-letter string and for other shapes.
    @Test func subtagTableEqualsASet() {
        let list = LanguageTag.languageSubtagList.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
        let set = Set(list)
        #expect(LanguageTag.languageSubtags.count == set.count)
        let letters = "abcdefghijklmnopqrstuvwxyz".map(String.init)
        var probes = letters.flatMap { a in letters.map { a + $0 } }
        probes += probes.flatMap { ab in letters.map { ab + $0 } }
        probes += ["", "e", "EN", "En", "eng1", "i-klingon", "abcd", "en-us", "é", "ja\u{301}"]
        for p in probes where LanguageTag.languageSubtags.contains(p) != set.contains(p) {
            Issue.record("\(p)")
        }
        let extra = LanguageTag.SubtagTable("ab  cde\nlonger x-y AB ab")
        #expect(extra.count == 5)
        #expect(["ab", "cde", "longer", "x-y", "AB"].allSatisfy(extra.contains) && !extra.contains("abc") && !extra.contains("Ab"))
    }
}
