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
}
