import Foundation
@testable import GovlintCore
import Testing

/// The prefilter may only skip texts the pattern cannot match.
struct RegexPrefilterTests {
    static let patterns: [(String, Bool)] = [
        ("accessibility statement|d.accessibilit[ée]|Erkl[äa]rung zur Barrierefreiheit|^accessibilit(y|é|à)$", true),
        ("privacy policy|^privacy$", true),
        (#"\bFOIA\b|freedom of information act"#, true),
        ("[京津沪]公网安备\\s*(\\d{14})\\s*号", false),
        (#"\{\$[^}]*\}|\$\{[^}]*\}|<%.*?%>|\[!--.*?--\]|<CMSPRO_"#, false),
        ("colou?r|gre+n", false),
        ("strasse", true),
        ("kelvin", true),
        (#"^\d{4}-\d{2}$"#, false),
        ("a{2}b|x*yz", false),
    ]
    static let texts = [
        "", "Accessibility Statement", "our accessibility statement", "Déclaration d’accessibilité", "accessibilité",
        "PRIVACY", "Privacy Policy", "privacy", "FOIA requests", "Freedom of Information Act", "京公网安备 11010502030143 号",
        "{$title}", "${x}", "<% code %>", "[!--x--]", "<CMSPRO_A", "color", "colour", "green", "grn", "STRAẞE", "Straße",
        "\u{212A}elvin", "KELVIN", "2023-05", "aab", "yz", "xyz", "ab", "nothing here at all",
    ]

    @Test(arguments: patterns)
    func neverSkipsAMatch(_ pattern: String, _ ignoreCase: Bool) throws {
        let re = try NSRegularExpression(pattern: pattern, options: ignoreCase ? [.caseInsensitive] : [])
        for text in Self.texts {
            let matches = re.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
            if matches { #expect(re.mayMatch(text), "\(pattern) matches \(text) but the prefilter skipped it") }
        }
    }

    @Test func skipsTextsWithoutTheRequiredLiterals() throws {
        let re = try NSRegularExpression(pattern: "privacy policy|^privacy$", options: [.caseInsensitive])
        #expect(!re.mayMatch("nothing here at all"))
        #expect(!re.mayMatch("Déclaration d’accessibilité"))
        #expect(re.mayMatch("PRIVACY"))
        let cjk = try NSRegularExpression(pattern: "[京津沪]公网安备\\s*(\\d{14})\\s*号")
        #expect(!cjk.mayMatch("ICP备12345678号"))
        #expect(cjk.mayMatch("京公网安备 11010502030143 号"))
    }

    @Test(arguments: [
        ("privacy policy|^privacy$", ["privacy policy", "privacy"]),
        (#"d.accessibilit[ée]"#, ["accessibilit"]),
        ("colou?r|gre+n", ["colo", "gre"]),
        (#"\{\$[^}]*\}"#, ["{$"]),
        (#"^\d+\.\d+"#, ["."]),
    ])
    func derivesRequiredLiterals(_ pattern: String, _ expected: [String]) {
        let f = RegexPrefilter(pattern: pattern, ignoreCase: false)
        #expect(f?.literals.map { String(decoding: $0, as: UTF8.self) } == expected)
    }

    @Test(arguments: [#"\d{4}"#, "a|", "(?i)abc", #"\x41bc|x"#, "[[a-z]&&[^q]]x", #"\p{L}+"#, "a?"])
    func givesUpOnPatternsItDoesNotFollow(_ pattern: String) {
        #expect(RegexPrefilter(pattern: pattern, ignoreCase: false) == nil)
    }
}
