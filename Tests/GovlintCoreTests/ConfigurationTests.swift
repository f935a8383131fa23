import Foundation
@testable import GovlintCore
import GovlintTestSupport
import Testing

@Suite struct ConfigurationTests {
    static func parse(_ text: String) throws(LocatedError) -> Configuration {
        try ConfigurationLoader.parse(text, file: ".govlint.yml", catalog: try! SourcePacks.catalog())
    }

    @Test func readsEveryKey() throws {
        let c = try Self.parse("""
            profile: starter
            include: ["**/*.html"]
            exclude: [legacy/**]
            rules:
              image-alt: warning
              frame-title: off
            overrides:
              - files: ["en/**"]
                rules: { image-alt: off }
            now: 2026-01-02
            fail-on: warning
            """)
        #expect(c.profiles == ["starter"])
        #expect(c.rules["image-alt"] == .on(.warning))
        #expect(c.rules["frame-title"] == .off)
        #expect(c.setting(for: "image-alt", file: "en/a.html") == .off)
        #expect(c.setting(for: "image-alt", file: "fr/a.html") == .on(.warning))
        #expect(!c.isIncluded("legacy/a.html"))
        #expect(c.isIncluded("x/a.html"))
        #expect(!c.isIncluded("x/a.css"))
        #expect(c.failOn == .warning)
        #expect(c.now != nil)
    }

    @Test(arguments: [
        ("rules:\n  nope: off\n", 2, 3, "unknown rule 'nope'"),
        ("profile: nosuch\n", 1, 10, "unknown profile 'nosuch'"),
        ("rules:\n  image-alt: loud\n", 2, 14, "rule setting must be"),
        ("colour: red\n", 1, 1, "unknown key 'colour'"),
        ("now: yesterday\n", 1, 6, "'now' must be a date"),
        ("rules: [\n", 2, 1, "invalid YAML"),
        ("a: &x 1\nb: *x\n", 2, 4, "aliases"),
        ("page-types:\n  \"**/t*.html\": post\n", 2, 17, "unknown page type 'post' for '**/t*.html' (known: home, column, article, service-guide, other, redirect)"),
        ("page-types: [article]\n", 1, 13, "'page-types' (glob: home | column | article | service-guide | other | redirect)"),
        ("page-types:\n  zwdt/: [column]\n", 2, 10, "the page type for 'zwdt/' must be one of home, column"),
    ])
    func mistakesAreLocated(_ text: String, _ line: Int, _ column: Int, _ message: String) {
        do {
            _ = try Self.parse(text)
            Issue.record("expected an error")
        } catch {
            #expect(error.line == line, "\(error)")
            #expect(error.column == column, "\(error)")
            #expect(error.message.contains(message), "\(error)")
        }
    }

    @Test func pageTypesByGlobFirstMatchWins() throws {
        let c = try Self.parse("""
            page-types:
              "zcwj/gfxwj/index.html": column
              "*/t*_*.html": article
              "**/index.html": other
            """)
        #expect(c.pageTypes.map(\.type) == ["column", "article", "other"])
        #expect(PageTypeAssignment.type(for: "zcwj/gfxwj/index.html", in: c.pageTypes) == "column")
        #expect(PageTypeAssignment.type(for: "zwdt/t20261120_1.html", in: c.pageTypes) == "article")
        #expect(PageTypeAssignment.type(for: "hdjl/index.html", in: c.pageTypes) == "other")
        #expect(PageTypeAssignment.type(for: "about.html", in: c.pageTypes) == nil)
        #expect(Set(PageTypeAssignment.known) == Set(GovPageFacts.PageType.allCases.map(\.rawValue) + ["service-guide"]))
    }
}

@Suite struct RuleLoaderTests {
    static let base = """
        id: r
        title: { en: T, zh-CN: 标 }
        message: { en: M, zh-CN: 信 }
        severity: error

        """

    @Test(arguments: [
        ("check: { function: attribute-present, options: { name: alt, colour: 1 } }\n", 5, "unknown key 'colour' in check options"),
        ("check: { function: attribute-matches, options: { name: alt, pattern: \"(\" } }\n", 5, "invalid regular expression"),
        ("selector: \"img >\"\ncheck: { function: attribute-present, options: { name: alt } }\n", 5, "invalid selector"),
        ("check: { function: bogus }\n", 5, "unknown page check 'bogus'"),
        ("severity2: x\ncheck: { function: attribute-present, options: { name: alt } }\n", 5, "unknown key 'severity2'"),
        ("all: []\n", 5, "non-empty list"),
        ("target: site\nall:\n  - function: unique-across-site\n", 7, "single 'check'"),
    ])
    func badRulesAreRejectedWithTheirLine(_ extra: String, _ line: Int, _ message: String) {
        do {
            _ = try RuleLoader.load(text: Self.base + extra, file: "r.yaml", pack: "p", expectedID: "r")
            Issue.record("expected an error")
        } catch {
            #expect(error.line == line, "\(error)")
            #expect(error.message.contains(message), "\(error)")
        }
    }

    @Test func idMustEqualFileName() {
        #expect(throws: LocatedError.self) {
            _ = try RuleLoader.load(text: Self.base + "check: { function: attribute-present, options: { name: alt } }\n",
                                    file: "x.yaml", pack: "p", expectedID: "x")
        }
    }
}
