import Foundation
@testable import GovlintCore
import Testing

@Suite struct GlobTests {
    @Test(arguments: [
        ("publiccode.yml", "publiccode.yml", true),
        ("publiccode.yml", "sub/dir/publiccode.yml", true),
        ("*.html", "a/b/c.html", true),
        ("docs/*.html", "docs/a.html", true),
        ("docs/*.html", "docs/x/a.html", false),
        ("docs/**", "docs/x/a.html", true),
        ("**/*.catalog.{yml,yaml}", "a/b/x.catalog.yaml", true),
        ("**/*.catalog.{yml,yaml}", "a/b/x.catalog.json", false),
        ("legacy/", "legacy/a/b.html", true),
        ("a?c.html", "abc.html", true),
        ("a?c.html", "abbc.html", false),
    ])
    func matching(_ pattern: String, _ path: String, _ expected: Bool) {
        #expect(Glob(pattern).matches(path) == expected)
    }
}

@Suite struct ExportPathTests {
    @Test(arguments: [
        ("about/", "index.html", nil as String?, "about/index.html" as String?),
        ("../img/a.png", "news/2023/x.html", nil, "news/img/a.png"),
        ("/css/site.css?v=3#x", "a/b.html", nil, "css/site.css"),
        ("caf%C3%A9.html", "index.html", nil, "café.html"),
        ("https://www.usa.gov/", "index.html", nil, nil),
        ("//cdn.example.gov/x.js", "index.html", nil, nil),
        ("mailto:a@b.gov", "index.html", nil, nil),
        ("javascript:void(0)", "index.html", nil, nil),
        ("tel:+1", "index.html", nil, nil),
        ("#main", "index.html", nil, nil),
        ("", "index.html", nil, nil),
        ("../../out.html", "index.html", nil, nil),
        ("page.html", "a/index.html", "/docs/", "docs/page.html"),
        ("./", "a/b.html", nil, "a/index.html"),
        ("flag", "a/b/index.html", "https://agency.example.gov/site/", "flag"),
    ])
    func resolve(_ link: String, _ page: String, _ base: String?, _ expected: String?) {
        #expect(ExportPath.resolve(link, from: page, base: base) == expected)
    }

    @Test func directoriesFindIndexFiles() {
        let files: Set<String> = ["index.html", "about/index.htm", "x.html"]
        #expect(ExportPath.exists("about", in: files))
        #expect(ExportPath.exists("about/", in: files))
        #expect(ExportPath.exists("x.html", in: files))
        #expect(!ExportPath.exists("y.html", in: files))
    }
}

@Suite struct LocalizedTextTests {
    @Test func placeholdersAreFilledInBothLanguages() {
        let t = LocalizedText(en: "The link \"{url}\" is broken ({missing})", zhCN: "链接“{url}”无效")
        let f = t.filled(["url": "a.html"])
        #expect(f.en == "The link \"a.html\" is broken ({missing})")
        #expect(f.zhCN == "链接“a.html”无效")
    }
}
