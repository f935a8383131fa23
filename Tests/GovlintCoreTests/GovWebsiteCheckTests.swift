import Foundation
import GovlintHTML
import Testing
@testable import GovlintCore

/// The checks behind the cn-gov-website, us-federal-website and eu-public-sector packs.
@Suite struct GovWebsiteCheckTests {
    static func page(_ html: String, file: String = "index.html", now: String = "2026-11-25") -> PageContext {
        PageContext(document: HTMLParser.parse(html), file: file,
                    site: SiteInfo(files: [file], now: ConfigurationLoader.parseDate(now)!))
    }

    @Test(arguments: [
        (#"<html><head><meta name="ArticleTitle" content="a"></head></html>"#, "x/t1.html", "article"),
        (#"<html><head><meta name="ColumnName" content="a"></head></html>"#, "x/index.html", "column"),
        (#"<html><head><meta name="ColumnType" content="首页"><meta name="ColumnName" content="首页"></head></html>"#, "x.html", "home"),
        ("<html><body><p>x</p></body></html>", "index.html", "home"),
        ("<html><body><p>x</p></body></html>", "a/index.html", "other"),
        ("<html><body><ul><li>1 2026-01-01</li><li>2 2026-01-02</li><li>3 2026-01-03</li><li>4 2026-01-04</li><li>5 2026-01-05</li></ul></body></html>", "a/index.html", "column"),
        ("<html><body><h1>通知</h1><p>发布时间：2026-01-01</p></body></html>", "a/t.html", "article"),
        (#"<html><head><meta http-equiv="refresh" content="2;url='/'"></head><body></body></html>"#, "index.shtml", "redirect"),
        (#"<html><head><meta http-equiv="refresh" content="600"></head><body></body></html>"#, "index.html", "home"),
    ])
    func pageType(_ html: String, _ file: String, _ expected: String) throws {
        let p = Self.page(html, file: file)
        #expect(GovPageFacts.pageType(p).rawValue == expected)
        let check = try makeCheck(PageTypeCheck.self, "types: [\(expected)]")
        #expect(check.evaluate(p.document.root!, in: p).verdict == .holds)
    }

    /// `page-types:` wins over labels and structure; `service-guide` is an article that is a 办事指南.
    @Test(arguments: [
        (#"<html><head><meta name="ArticleTitle" content="规范性文件"><meta name="ColumnName" content="规范性文件"></head></html>"#,
         "zcwj/gfxwj/index.html", "*/**/index.html", "column", "column", false),
        ("<html><head><title>办事指南 - 县政府</title></head><body><h1>办事指南</h1></body></html>", "bsfw/index.html", "*/**/index.html", "column", "column", false),
        ("<html><head><title>个体工商户设立登记</title></head></html>", "bsfw/bszn_2.html", "bsfw/bszn_*.html", "service-guide", "article", true),
        ("<html><head><title>办事指南：个体工商户设立登记</title></head></html>", "bsfw/bszn_3.html", "zwdt/*.html", "article", "other", true),
        (#"<html><head><meta http-equiv="refresh" content="0;url=/"></head></html>"#, "old.html", "old.html", "article", "article", false),
    ])
    func statedPageTypes(_ html: String, _ file: String, _ glob: String, _ type: String, _ expected: String, _ guide: Bool) throws {
        let page = PageContext(document: HTMLParser.parse(html), file: file,
                               site: SiteInfo(files: [file], pageTypes: [PageTypeAssignment(glob: Glob(glob), type: type)]))
        #expect(GovPageFacts.pageType(page).rawValue == expected)
        let check = try makeCheck(ServiceGuidePageCheck.self, "{}")
        #expect(check.evaluate(page.document.root!, in: page).verdict == (guide ? .holds : .doesNotHold))
    }

    @Test func pageTypeRejectsUnknownTypes() {
        #expect(throws: LocatedError.self) { try makeCheck(PageTypeCheck.self, "types: [landing]") }
    }

    @Test(arguments: [
        (#"<meta name="SiteName" content="a"><meta name="SiteDomain" content="b">"#, Verdict.holds, ""),
        (#"<meta name="SiteName" content="a">"#, .doesNotHold, "SiteDomain"),
        (#"<meta name="sitename" content="a"><meta name="SiteDomain" content=" ">"#, .doesNotHold, "SiteName, SiteDomain"),
    ])
    func metaLabels(_ head: String, _ expected: Verdict, _ missing: String) throws {
        let check = try makeCheck(MetaLabelsPresentCheck.self, "names: [SiteName, SiteDomain]")
        let p = Self.page("<html><head>\(head)</head></html>")
        let r = check.evaluate(p.document.root!, in: p)
        #expect(r.verdict == expected)
        #expect(r.data["missing"] == missing)
    }

    @Test(arguments: [
        ("text: 'ICP备\\d+号'\nhref: 'beian\\.miit\\.gov\\.cn'", #"<a href="https://beian.miit.gov.cn/">浙ICP备123456号</a>"#, Verdict.holds),
        ("text: 'ICP备\\d+号'\nhref: 'beian\\.miit\\.gov\\.cn'", #"<a href="/">浙ICP备123456号</a>"#, .doesNotHold),
        ("text: '^about'", #"<a href="/x" aria-label="About us"><img alt=""></a>"#, .holds),
        ("href: 'usa\\.gov'", "<p>usa.gov</p>", .doesNotHold),
        ("text: '公网安备(\\d{14})号'\nsameNumber: true", #"<a href="http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=33012702000123">浙公网安备33012702000123号</a>"#, .holds),
        ("text: '公网安备(\\d{14})号'\nsameNumber: true", #"<a href="http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=33012702000999">浙公网安备33012702000123号</a>"#, .doesNotHold),
    ])
    func linkExists(_ options: String, _ body: String, _ expected: Verdict) throws {
        let check = try makeCheck(LinkExistsCheck.self, options)
        let p = Self.page("<html><body>\(body)</body></html>")
        #expect(check.evaluate(p.document.root!, in: p).verdict == expected)
    }

    @Test func linkExistsNeedsAPattern() {
        #expect(throws: LocatedError.self) { try makeCheck(LinkExistsCheck.self, "ignoreCase: true") }
        #expect(throws: LocatedError.self) { try makeCheck(LinkExistsCheck.self, "text: 'a'\nsameNumber: true") }
    }

    @Test(arguments: [
        (#"<meta name="SiteIDCode" content="3301270001">"#, "网站标识码：3301270001", Verdict.holds),
        (#"<meta name="SiteIDCode" content="3301270001">"#, "网站标识码：3301270009", .doesNotHold),
        (#"<meta name="SiteIDCode" content="3301270001">"#, "主办单位", .doesNotHold),
        ("", "网站标识码：3301270001", .cantTell),
    ])
    func textEqualsMeta(_ head: String, _ body: String, _ expected: Verdict) throws {
        let check = try makeCheck(TextEqualsMetaCheck.self, "pattern: '网站标识码[：:]?(\\d{10})'\nmeta: SiteIDCode")
        let p = Self.page("<html><head>\(head)</head><body>\(body)</body></html>")
        #expect(check.evaluate(p.document.body!, in: p).verdict == expected)
    }

    @Test(arguments: [
        ("<p>2026-11-20</p>", Verdict.holds),
        ("<p>2026年11月1日</p>", .doesNotHold),
        ("<p>2026/11/01</p><p>2030-01-01</p>", .doesNotHold),
        ("<p>November 20, 2026</p>", .holds),
        ("<p>20 November 2026</p>", .holds),
        ("<p>no date</p><script>var d = '2026-11-24';</script>", .cantTell),
        ("<p>2026-02-30</p>", .cantTell),
    ])
    func latestDate(_ body: String, _ expected: Verdict) throws {
        let check = try makeCheck(LatestDateWithinCheck.self, "maxAgeDays: 14")
        let p = Self.page("<html><body>\(body)</body></html>")
        #expect(check.evaluate(p.document.body!, in: p).verdict == expected)
    }

    @Test func latestDateNoDateCanFail() throws {
        let check = try makeCheck(LatestDateWithinCheck.self, "maxAgeDays: 1\nnoDate: fail\nmeta: [PubDate]")
        let p = Self.page("<html><head><meta name=\"PubDate\" content=\"2026-11-25 08:00\"></head><body></body></html>")
        #expect(check.evaluate(p.document.root!, in: p).verdict == .holds)
        let q = Self.page("<html><body><p>x</p></body></html>")
        #expect(check.evaluate(q.document.root!, in: q).verdict == .doesNotHold)
    }

    @Test(arguments: [
        (#"<link rel="canonical" href="https://www.agency.gov/">"#, "http://agency.gov/a", Verdict.doesNotHold),
        (#"<link rel="canonical" href="https://www.agency.gov/">"#, "http://other.gov/a", .holds),
        (#"<link rel="canonical" href="https://www.agency.gov/">"#, "https://agency.gov/a", .holds),
        ("", "http://agency.gov/a", .cantTell),
    ])
    func insecureSelfLink(_ head: String, _ href: String, _ expected: Verdict) throws {
        let check = try makeCheck(InsecureSelfLinkCheck.self)
        let p = Self.page("<html><head>\(head)</head><body><a id=\"t\" href=\"\(href)\">x</a></body></html>")
        #expect(check.evaluate(p.document.element(withID: "t")!, in: p).verdict == expected)
    }

    @Test(arguments: [
        ("<title>Accessibility statement</title>", "", true),
        ("<title>Home</title>", "<h1>Déclaration d'accessibilité</h1>", true),
        ("<title>Home</title>", "<h2>Accessibility statement</h2>", false),
    ])
    func pageTitleMatches(_ head: String, _ body: String, _ expected: Bool) throws {
        let check = try makeCheck(PageTitleMatchesCheck.self, "pattern: 'accessibility statement|d.accessibilit'")
        let p = Self.page("<html><head>\(head)</head><body>\(body)</body></html>")
        #expect((check.evaluate(p.document.root!, in: p).verdict == .holds) == expected)
    }
}

@Suite struct TextContainsAllCheckTests {
    @Test(arguments: [
        ("<p>事项名称 设定依据</p>", Verdict.holds, ""),
        ("<p>事项名称</p>", .doesNotHold, "设定依据"),
        ("<p>x</p>", .doesNotHold, "事项名称、设定依据"),
    ])
    func terms(_ body: String, _ expected: Verdict, _ missing: String) throws {
        let check = try makeCheck(TextContainsAllCheck.self, "terms: [事项名称, 设定依据]")
        let r = evaluate(check, "<div id=\"t\">\(body)</div>")
        #expect(r.verdict == expected)
        #expect(r.data["missing"] == missing)
    }
}

@Suite struct LabelCoversGroupsCheckTests {
    static func fact(_ file: String, _ value: String) -> SiteFact {
        let p = SourcePosition(line: 1, column: 1, offset: 0)
        return SiteFact(file: file, value: value, range: SourceRange(start: p, end: p), snippet: "")
    }

    @Test(arguments: [
        (["index.html": "首页", "a.html": "工作动态、政策解读"], 0, ""),
        (["a.html": "工作动态", "index.html": "首页"], 1, "B"),
        (["a.html": "", "index.html": ""], 1, "A、B"),
    ])
    func groups(_ pages: [String: String], _ count: Int, _ missing: String) throws {
        let node = try YAMLReader.load("groups: {A: [工作动态], B: [政策解读, 回应关切]}", file: "t.yaml")
        var options = try CheckOptions(node, file: "t.yaml", anchor: node)
        let check = try LabelCoversGroupsCheck(options: &options)
        let facts = pages.keys.sorted().map { Self.fact($0, pages[$0]!) }
        let verdicts = check.evaluate(facts, in: SiteContext(info: SiteInfo()))
        #expect(verdicts.count == count)
        if let v = verdicts.first {
            #expect(facts[v.factIndex].file == "index.html")
            #expect(v.data["missing"] == missing)
        }
    }
}

@Suite struct DateNotAfterNowCheckTests {
    @Test(arguments: [("2026-11-25 23:00", Verdict.holds), ("2026-11-27 00:00", .doesNotHold), ("garbage", .holds), ("2026年12月1日", .doesNotHold)])
    func future(_ value: String, _ expected: Verdict) throws {
        let check = try makeCheck(DateNotAfterNowCheck.self)
        let p = GovWebsiteCheckTests.page("<html><head><meta id=\"t\" name=\"PubDate\" content=\"\(value)\"></head></html>")
        #expect(check.evaluate(p.document.element(withID: "t")!, in: p).verdict == expected)
    }
}
