import Foundation
import Testing
@testable import GovlintHTML

struct MatchCase: Sendable, CustomTestStringConvertible {
    let html: String
    let selector: String
    let ids: [String]
    init(_ html: String, _ selector: String, _ ids: [String]) {
        self.html = html
        self.selector = selector
        self.ids = ids
    }
    var testDescription: String { "\(selector) → \(ids)" }
}

/// The ids of the selected elements ("?" for an element without one).
private func selectIDs(_ html: String, _ selector: String) throws -> [String] {
    let doc = HTMLParser.parse(html)
    return doc.select(try Selector(selector)).map { $0.id ?? "?" }
}

private let list = """
<ul id=u>
  <li id=l1 class="a x">1</li><li id=l2 class=b>2</li><li id=l3 class="a b">3</li>
  <li id=l4>4</li><li id=l5 class=a>5</li><li id=l6>6</li>
</ul>
"""

private let mixed = """
<div id=d><p id=p1>a</p><span id=s1></span><p id=p2>b</p><span id=s2></span><p id=p3>c</p></div>
"""

private let form = """
<form id=f>
<input id=i1 type=checkbox checked><input id=i2 type=RADIO checked><input id=i3 type=text checked>
<input id=i4 disabled><button id=b1>go</button>
<select id=sel><optgroup id=og disabled><option id=o1 selected>x</option></optgroup><option id=o2>y</option></select>
<fieldset id=fs disabled><legend id=lg><input id=i5></legend><input id=i6><legend><input id=i7></legend></fieldset>
<textarea id=ta></textarea>
</form>
"""

@Suite struct SelectorMatchingTests {
    static let basics: [MatchCase] = [
        MatchCase("<p id=a></p><div id=b></div>", "p", ["a"]),
        MatchCase("<P id=a></P><div id=b></div>", "P", ["a"]),
        MatchCase("<p id=a></p><div id=b></div>", "DiV", ["b"]),
        MatchCase("<p id=a><b id=c></b></p><div id=b></div>", "body *", ["a", "c", "b"]),
        MatchCase("<p id=a></p><p id=b></p>", "#b", ["b"]),
        MatchCase("<p id=a></p><p id=B></p>", "#b", []),
        MatchCase("<p id=a class='x y'></p><p id=b class=xy></p><p id=c class=' y  x '></p>", ".x", ["a", "c"]),
        MatchCase("<p id=a class='x y'></p><p id=b class=x></p>", ".x.y", ["a"]),
        MatchCase("<p id=a class='X'></p>", ".x", []),
        MatchCase("<p id=a class=x></p><div id=b class=x></div>", "div.x", ["b"]),
        MatchCase("<p id=a class=x></p><div id=b class=x></div>", "p, div", ["a", "b"]),
        MatchCase("<p id=a class=x></p><div id=b class=x></div>", "div, p", ["a", "b"]),
        MatchCase("<p id=a class=x></p><div id=b class=x></div>", "div,p,div", ["a", "b"]),
        MatchCase("<p id=a></p>", "#a#a", ["a"]),
    ]

    static let attributes: [MatchCase] = [
        MatchCase("<a id=a href=x></a><a id=b></a>", "[href]", ["a"]),
        MatchCase("<a id=a HREF=x></a><a id=b></a>", "[HrEf]", ["a"]),
        MatchCase("<a id=a href=x></a><a id=b href=''></a>", "[href='']", ["b"]),
        MatchCase("<a id=a title=foo></a><a id=b title=Foo></a>", "[title=foo]", ["a"]),
        MatchCase("<a id=a title=foo></a><a id=b title=Foo></a>", "[title=foo i]", ["a", "b"]),
        MatchCase("<a id=a title=foo></a><a id=b title=Foo></a>", "[title='FOO' I]", ["a", "b"]),
        MatchCase("<input id=a type=Submit><input id=b type=submit>", "[type=submit]", ["a", "b"]),
        MatchCase("<input id=a type=Submit><input id=b type=submit>", "[type=submit s]", ["b"]),
        MatchCase("<a id=a rel='noopener nofollow'></a><a id=b rel=nofollower></a>", "[rel~=nofollow]", ["a"]),
        MatchCase("<a id=a title='a b'></a>", "[title~='a b']", []),
        MatchCase("<a id=a title=''></a>", "[title~='']", []),
        MatchCase("<p id=a lang=en></p><p id=b lang=en-GB></p><p id=c lang=eng></p>", "[lang|=en]", ["a", "b"]),
        MatchCase("<a id=a href='https://x'></a><a id=b href='http://x'></a>", "[href^='https:']", ["a"]),
        MatchCase("<a id=a href='f.pdf'></a><a id=b href='f.PDF'></a><a id=c href=f.pdfx></a>", "[href$=\".pdf\" i]", ["a", "b"]),
        MatchCase("<a id=a href='/gov/x'></a><a id=b href='/x'></a>", "[href*=gov]", ["a"]),
        MatchCase("<a id=a href=''></a>", "[href^='']", []),
        MatchCase("<a id=a href=''></a>", "[href$='']", []),
        MatchCase("<a id=a href=''></a>", "[href*='']", []),
        MatchCase("<a id=a data-x='a]b'></a>", "[data-x='a]b']", ["a"]),
        MatchCase("<a id=a data-x=\"it's\"></a>", "[data-x=\"it's\"]", ["a"]),
        MatchCase("<a id=a data-x='q\"'></a>", "[data-x='q\\\"']", ["a"]),
        MatchCase("<a id=a data-x=ab></a>", "[ data-x = ab ]", ["a"]),
        MatchCase("<a id=a data-x=ab></a>", "[data-x=a\\62]", ["a"]),
        MatchCase("<svg id=s viewBox='0 0 1 1'></svg>", "[viewbox]", ["s"]),
        MatchCase("<a id=a rel='NoOpener'></a><a id=b data-k='X Y'></a>", "[rel~=noopener], [data-k~=y i]", ["a", "b"]),
        MatchCase("<a id=a data-k='X Y'></a>", "[data-k~=y]", []),
        MatchCase("<p id=a lang=EN-gb></p><p id=b xml-lang=EN-gb></p>", "[lang|=en], [xml-lang|=en i]", ["a", "b"]),
        MatchCase("<p id=a data-v=abc></p>", "[data-v^=a][data-v$=c][data-v*=b]", ["a"]),
        MatchCase("<p id=a data-v=abc></p>", "[data-v*=abcd]", []),
    ]

    static let escapes: [MatchCase] = [
        MatchCase("<p id=123></p><p id=x></p>", "#\\31 23", ["123"]),
        MatchCase("<p id=123></p><p id=x></p>", "#\\00003123", ["123"]),
        MatchCase("<p id=a class='a:b'></p>", ".a\\:b", ["a"]),
        MatchCase("<p id=a class='sm:hidden'></p>", ".sm\\:hidden", ["a"]),
        MatchCase("<p id='a.b'></p>", "#a\\.b", ["a.b"]),
        MatchCase("<p id=a class='1/2'></p>", ".\\31 \\/2", ["a"]),
        MatchCase("<p id=a class='é'></p>", ".é", ["a"]),
        MatchCase("<p id=a class='é'></p>", ".\\e9", ["a"]),
        MatchCase("<p id=a class='-x'></p><p id=b class='--'></p>", ".-x, .--", ["a", "b"]),
    ]

    static let combinators: [MatchCase] = [
        MatchCase("<div id=a><p id=b><span id=c></span></p></div><span id=d></span>", "div span", ["c"]),
        MatchCase("<div id=a><p id=b><span id=c></span></p><span id=e></span></div>", "div > span", ["e"]),
        MatchCase("<div id=a><p id=b><span id=c></span></p><span id=e></span></div>", "div>span", ["e"]),
        MatchCase("<div id=a><p id=b><span id=c></span></p><span id=e></span></div>", "div\n\t>  span", ["e"]),
        MatchCase(mixed, "p + span", ["s1", "s2"]),
        MatchCase(mixed, "span+p", ["p2", "p3"]),
        MatchCase(mixed, "span ~ p", ["p2", "p3"]),
        MatchCase(mixed, "p ~ p", ["p2", "p3"]),
        MatchCase(mixed, "#p1 ~ *", ["s1", "p2", "s2", "p3"]),
        MatchCase("<div id=a><div id=b><p id=c></p></div></div>", "div div p", ["c"]),
        MatchCase("<div id=a class=x><div id=b><p id=c></p></div></div>", ".x > div > p", ["c"]),
        MatchCase("<div id=a class=x><div id=b><p id=c></p></div></div>", ".x > p", []),
        // Backtracking: the first matching ancestor is not the right one.
        MatchCase("<section id=s><div id=a><div id=b><div id=c><span id=d></span></div></div></div></section>",
                  "section > div span", ["d"]),
        MatchCase("<ul><li id=a><p id=p1></p></li><li id=b></li></ul>", "li + li, li > p", ["p1", "b"]),
        MatchCase("<div id=a><h2 id=h></h2>text<!--c--><p id=p></p></div>", "h2 + p", ["p"]),
    ]

    static let logical: [MatchCase] = [
        MatchCase(list, "li:not(.a)", ["l2", "l4", "l6"]),
        MatchCase(list, "li:not(.a, .b)", ["l4", "l6"]),
        MatchCase(list, "li:not(.a):not(.b)", ["l4", "l6"]),
        MatchCase(list, "li:not(ul > :first-child)", ["l2", "l3", "l4", "l5", "l6"]),
        MatchCase(list, ":is(.a, .b).x", ["l1"]),
        MatchCase(list, "li:is(.b)", ["l2", "l3"]),
        MatchCase(list, ":where(#l1, #l6)", ["l1", "l6"]),
        MatchCase(list, ":is(ul li)", ["l1", "l2", "l3", "l4", "l5", "l6"]),
        MatchCase(list, ":is(ol li)", []),
        MatchCase(list, "li:not(:not(.b))", ["l2", "l3"]),
        MatchCase("<p id=a></p><div id=b><p id=c></p></div>", ":not(div) > p", ["a"]),
    ]

    static let has: [MatchCase] = [
        MatchCase("<a id=a href=x><img id=i></a><a id=b><span><img></span></a>", "a:has(> img)", ["a"]),
        MatchCase("<a id=a href=x><img id=i></a><a id=b><span><img></span></a>", "a:has(img)", ["a", "b"]),
        MatchCase("<li id=a><a href=x></a></li><li id=b><a></a></li><li id=c><span><a href=y></a></span></li>",
                  "li:has(> a[href])", ["a"]),
        MatchCase(mixed, "p:has(+ span)", ["p1", "p2"]),
        MatchCase(mixed, "p:has(+ p)", []),
        MatchCase(mixed, "p:has(~ p)", ["p1", "p2"]),
        MatchCase(mixed, "span:has(~ p)", ["s1", "s2"]),
        MatchCase("<div id=a><p><b id=x></b></p></div><div id=b><b></b></div>", "div:has(p b)", ["a"]),
        MatchCase("<div id=a><p><b id=x></b></p></div><div id=b><b></b></div>", "div:has(> p > b)", ["a"]),
        MatchCase("<div id=a></div><div id=b></div><p><b></b></p>", "div:has(+ p b)", ["b"]),
        MatchCase("<div id=a></div><div id=b></div><p><b></b></p>", "div:has(~ p b)", ["a", "b"]),
        MatchCase("<div id=a><p id=p></p></div><div id=b></div>", "div:has(p, span)", ["a"]),
        MatchCase("<div id=a><p id=p></p></div><div id=b></div>", "div:not(:has(p))", ["b"]),
        // The anchor's own ancestors must not satisfy the relative part.
        MatchCase("<section><article><div id=a><b></b></div></article></section>", "div:has(article b)", []),
        MatchCase("<div id=a><section id=s><h2></h2></section></div>", ":has(> h2)", ["s"]),
        MatchCase("<div id=a><section id=s><h2></h2></section></div>", "div :has(h2)", ["s"]),
        MatchCase("<div id=a><p id=b><img></p></div>", ":has(> :has(> img))", ["a"]),
        MatchCase("<nav id=n><ul><li><a href=x></a></li></ul></nav><nav id=m></nav>", "nav:has(:is(ul, ol) a[href])", ["n"]),
        MatchCase("<form id=f><label>x<input></label></form><form id=g><input></form>", "form:not(:has(label input))", ["g"]),
        MatchCase("<h2 id=a></h2><p></p><h2 id=b></h2><h3></h3>", "h2:has(+ :is(h2, h3, h4))", ["b"]),
    ]

    static let structural: [MatchCase] = [
        MatchCase(list, "li:first-child", ["l1"]),
        MatchCase(list, "li:last-child", ["l6"]),
        MatchCase(list, "li:only-child", []),
        MatchCase("<div><p id=a></p></div><div>t<p id=b></p><!--c--></div>", "p:only-child", ["a", "b"]),
        MatchCase(mixed, "p:first-of-type, span:last-of-type", ["p1", "s2"]),
        MatchCase(mixed, "span:first-of-type", ["s1"]),
        MatchCase(mixed, "p:last-of-type", ["p3"]),
        MatchCase("<div><p id=a></p><span id=b></span><span id=c></span></div>", "div > :only-of-type", ["a"]),
        MatchCase(list, "li:nth-child(2)", ["l2"]),
        MatchCase(list, "li:nth-child(odd)", ["l1", "l3", "l5"]),
        MatchCase(list, "li:nth-child(EVEN)", ["l2", "l4", "l6"]),
        MatchCase(list, "li:nth-child(2n+1)", ["l1", "l3", "l5"]),
        MatchCase(list, "li:nth-child(3n)", ["l3", "l6"]),
        MatchCase(list, "li:nth-child(-n+3)", ["l1", "l2", "l3"]),
        MatchCase(list, "li:nth-child( -n + 3 )", ["l1", "l2", "l3"]),
        MatchCase(list, "li:nth-child(n+4)", ["l4", "l5", "l6"]),
        MatchCase(list, "li:nth-child(+n-0)", ["l1", "l2", "l3", "l4", "l5", "l6"]),
        MatchCase(list, "li:nth-child(0n+5)", ["l5"]),
        MatchCase(list, "li:nth-child(-2n+4)", ["l2", "l4"]),
        MatchCase(list, "li:nth-child(n-1)", ["l1", "l2", "l3", "l4", "l5", "l6"]),
        MatchCase(list, "li:nth-child(0)", []),
        MatchCase(list, "li:nth-last-child(1)", ["l6"]),
        MatchCase(list, "li:nth-last-child(-n+2)", ["l5", "l6"]),
        MatchCase(list, "li:nth-child(2 of .a)", ["l3"]),
        MatchCase(list, "li:nth-child(odd of .a, .b)", ["l1", "l3"]),
        MatchCase(list, "li:nth-last-child(1 of .a)", ["l5"]),
        MatchCase(list, "li:nth-child(N+2 OF li.a)", ["l3", "l5"]),
        MatchCase(list, "li:nth-child(n)", ["l1", "l2", "l3", "l4", "l5", "l6"]),
        MatchCase(list, "li:nth-child(-n)", []),
        MatchCase(list, "li:nth-child(+5)", ["l5"]),
        MatchCase(list, "li:nth-child(n- 5)", ["l1", "l2", "l3", "l4", "l5", "l6"]),
        MatchCase(mixed, "p:nth-of-type(2)", ["p2"]),
        MatchCase(mixed, "span:nth-of-type(even)", ["s2"]),
        MatchCase(mixed, "#d > :nth-last-of-type(1)", ["s2", "p3"]),
        MatchCase(mixed, "p:nth-last-of-type(n+2)", ["p1", "p2"]),
        MatchCase("<p id=a></p><p id=b><!--c--></p><p id=c> </p><p id=d><b></b></p><p id=e>x</p>", "p:empty", ["a", "b"]),
        MatchCase("<html id=h><body id=b></body></html>", ":root", ["h"]),
        MatchCase("<html id=h><body id=b></body></html>", "body:root", []),
    ]

    static let state: [MatchCase] = [
        MatchCase(form, ":checked", ["i1", "i2", "o1"]),
        MatchCase(form, ":disabled", ["i4", "og", "o1", "fs", "i6", "i7"]),
        MatchCase(form, "input:enabled", ["i1", "i2", "i3", "i5"]),
        MatchCase(form, ":enabled:not(input)", ["b1", "sel", "o2", "ta"]),
        MatchCase("<a id=a href=x></a><a id=b></a><area id=c href=y><link id=d href=z rel=stylesheet>", ":link", ["a", "c"]),
        MatchCase("<a id=a href=x></a><a id=b></a><area id=c href=y>", ":any-link", ["a", "c"]),
        MatchCase("<a id=a href=x></a><a id=b></a>", "a:not(:any-link)", ["b"]),
    ]

    @Test(arguments: basics + attributes + escapes + combinators)
    func simpleAndCombinators(_ c: MatchCase) throws {
        #expect(try selectIDs(c.html, c.selector) == c.ids)
    }

    @Test(arguments: logical + has)
    func logicalAndHas(_ c: MatchCase) throws {
        #expect(try selectIDs(c.html, c.selector) == c.ids)
    }

    @Test(arguments: structural + state)
    func structuralAndState(_ c: MatchCase) throws {
        #expect(try selectIDs(c.html, c.selector) == c.ids)
    }

    /// `matches` agrees with `select` for every case.
    @Test(arguments: basics + combinators + logical + has + structural + state)
    func matchesAgreesWithSelect(_ c: MatchCase) throws {
        let doc = HTMLParser.parse(c.html)
        let selector = try Selector(c.selector)
        let viaMatches = Array(doc.elements.filter { $0.matches(selector) })
        #expect(viaMatches == doc.select(selector))
    }
}

@Suite struct SelectorAPITests {
    @Test func elementSelectFindsOnlyDescendants() throws {
        let doc = HTMLParser.parse("<div id=a><p id=b><span id=x></span></p></div><div id=c><p id=d></p></div>")
        let a = try #require(doc.element(withID: "a"))
        #expect(a.select(try Selector("p, span")).map { $0.id } == ["b", "x"])
        // Combinators may look outside the element, as querySelectorAll does.
        #expect(a.select(try Selector("body p")).map { $0.id } == ["b"])
        #expect(a.select(try Selector("div")).isEmpty)
    }

    @Test func matchesNonElementsIsFalse() throws {
        let doc = HTMLParser.parse("<p>text</p>")
        let star = try Selector("*")
        #expect(!doc.document.matches(star))
        let text = try #require(doc.elements.first { $0.name == "p" }?.childNodes.first)
        #expect(!text.matches(star))
    }

    @Test func textAndEquality() throws {
        let a = try Selector("a > b")
        #expect(a.text == "a > b")
        #expect(a.description == "a > b")
        #expect(a == (try Selector("a > b")))
        #expect(a != (try Selector("a>b")))
        #expect(Set([a, try Selector("a > b")]).count == 1)
    }

    @Test func errorValueAndDescription() {
        #expect(throws: SelectorError(message: "unknown pseudo-class ':hover'", column: 2)) {
            try Selector("a:hover")
        }
        let e = SelectorError(message: "x", column: 3)
        #expect(e.description == "column 3: x")
    }
}

struct BadCase: Sendable, CustomTestStringConvertible {
    let selector: String
    let column: Int
    let message: String?
    init(_ selector: String, _ column: Int, _ message: String? = nil) {
        self.selector = selector
        self.column = column
        self.message = message
    }
    var testDescription: String { "'\(selector)' @\(column)" }
}

@Suite struct SelectorErrorTests {
    static let bad: [BadCase] = [
        BadCase("", 1, "empty selector"),
        BadCase("   ", 4, "empty selector"),
        BadCase("a:hover", 2, "unknown pseudo-class ':hover'"),
        BadCase("a:HOVER", 2, "unknown pseudo-class ':HOVER'"),
        BadCase("a:focus-visible", 2, "unknown pseudo-class ':focus-visible'"),
        BadCase("a:lang(en)", 2, "unknown pseudo-class ':lang()'"),
        BadCase("p::before", 2, "pseudo-elements are not supported ('::before')"),
        BadCase("p:before", 2, "pseudo-elements are not supported (':before')"),
        BadCase("a,", 3, "expected a selector after ','"),
        BadCase(",a", 1, "expected a selector before ','"),
        BadCase("a,,b", 3, "empty selector between commas"),
        BadCase("a, ,b", 4, "empty selector between commas"),
        BadCase("a >", 3, "dangling combinator '>': expected a selector after it"),
        BadCase("a + , b", 3),
        BadCase("> a", 1, "a selector cannot start with the combinator '>'"),
        BadCase("a > > b", 5, "unexpected combinator '>' after '>'"),
        BadCase("[href", 1, "unclosed '['"),
        BadCase("a[href=x", 2, "unclosed '['"),
        BadCase("a[]", 3, "expected an attribute name"),
        BadCase("a[href=]", 8, "expected an attribute value after the operator"),
        BadCase("a[href!=x]", 7),
        BadCase("a[href=x y]", 10, "unknown attribute selector flag 'y' (expected 'i' or 's')"),
        BadCase("a[href=x i j]", 12, "expected ']'"),
        BadCase("[width=100]", 8, "attribute value '100' is not an identifier; quote it"),
        BadCase("[title='abc]", 8, "unterminated string"),
        BadCase("a]", 2, "unmatched ']'"),
        BadCase("a)", 2, "unmatched ')'"),
        BadCase(":not(a", 5, "unclosed '('"),
        BadCase(":not()", 6, "expected a selector inside ':not()'"),
        BadCase(":is(a,)", 7, "expected a selector after ','"),
        BadCase(":has()", 6),
        BadCase(":has(>)", 6, "dangling combinator '>': expected a selector after it"),
        BadCase(":not", 1, "pseudo-class ':not()' needs an argument"),
        BadCase(":first-child(1)", 1, "pseudo-class ':first-child' does not take arguments"),
        BadCase(":nth-child(foo)", 12),
        BadCase(":nth-child()", 12),
        BadCase(":nth-child(2n+)", 12),
        BadCase(":nth-child(- n)", 12),
        BadCase(":nth-child(2 n)", 14),
        BadCase(":nth-child(1.5)", 12),
        BadCase(":nth-of-type(2 of p)", 16),
        BadCase(":nth-child(2 of)", 16),
        BadCase(":nth-child(2n1)", 12),
        BadCase(":nth-child(oddx)", 12),
        BadCase(":nth-child(2n of.a)", 17, "expected whitespace after 'of'"),
        BadCase("a[x|=y", 2, "unclosed '['"),
        BadCase("*|a", 2, "namespace prefixes are not supported"),
        BadCase("a:is(b, c", 5, "unclosed '('"),
        BadCase("a:is(b c]", 9, "unmatched ']'"),
        BadCase("#", 2, "expected an id after '#'"),
        BadCase("#123", 2),
        BadCase(".", 2, "expected a class name after '.'"),
        BadCase("a.1x", 3),
        BadCase("a$", 2, "unexpected character '$'"),
        BadCase("a !b", 3, "unexpected character '!'"),
        BadCase("div[x]span", 7, "unexpected character 's'"),
        BadCase("svg|rect", 4, "namespace prefixes are not supported"),
        BadCase("é:nope", 2, "unknown pseudo-class ':nope'"),
        BadCase(":", 2, "expected a pseudo-class name after ':'"),
        BadCase("a:not(b:hover)", 8, "unknown pseudo-class ':hover'"),
    ]

    @Test(arguments: bad)
    func rejects(_ c: BadCase) {
        do {
            let s = try Selector(c.selector)
            Issue.record("parsed '\(c.selector)' as \(s)")
        } catch {
            #expect(error.column == c.column, "\(error.message)")
            if let message = c.message { #expect(error.message == message) }
        }
    }
}

@Suite struct SelectorDepthTests {
    /// 100,000 nested divs: only the innermost has no div inside it. gumbo's
    /// tree destruction recurses, so parse on a thread with a big stack.
    @Test func deeplyNestedDocument() throws {
        let depth = 100_000
        nonisolated(unsafe) var doc: HTMLDocument?
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            doc = HTMLParser.parse(String(repeating: "<div>", count: depth))
            done.signal()
        }
        thread.stackSize = 512 << 20
        thread.start()
        done.wait()
        let document = try #require(doc)
        let leaves = document.select(try Selector("div:not(:has(div))"))
        #expect(leaves.count == 1)
        #expect(document.select(try Selector("body > div > div")).count == 1)
        #expect(document.select(try Selector("html div div:only-child:empty")).count == 1)
        #expect(document.select(try Selector("div:first-child:last-of-type")).count == depth)
        // Ancestor walks are loops: the innermost div reaches :root through 100,000 parents.
        #expect(document.select(try Selector(":root > body div:empty")).count == 1)
        // Missing ancestors are rejected without walking 100,000 parents per element.
        #expect(document.select(try Selector("section div, article > div, .x div")).isEmpty)
        #expect(document.select(try Selector("div > div > div:empty")).count == 1)
    }

    /// Failed descendant matches must not backtrack over every ancestor for
    /// every compound (that would be depth^4 here).
    @Test func backtrackingIsBounded() throws {
        let depth = 3_000
        let doc = HTMLParser.parse(String(repeating: "<div>", count: depth) + "<span></span>")
        #expect(doc.select(try Selector("section div div div span")).isEmpty)
        #expect(doc.select(try Selector("section div div div")).isEmpty)
        #expect(doc.select(try Selector("div div div div span")).count == 1)
        #expect(doc.select(try Selector("div > div div > div ~ span, p ~ div + div div span")).isEmpty)
        #expect(doc.select(try Selector("div:has(section div div span)")).isEmpty)
    }
}

@Suite struct MultiSelectTests {
    static let html = """
        <html><body><main id=m><section class=a><p>1</p><img alt=x><a href=#x>l</a></section>
        <ul><li class=a>1</li><li>2</li></ul><div role=button tabindex=0>b</div><p class=a>3</p></main></body></html>
        """

    /// One shared pass gives exactly what one pass per selector gives.
    @Test func sharedPassEqualsSeparatePasses() throws {
        let doc = HTMLParser.parse(Self.html)
        let selectors = try ["p", ".a", "section > p, li", "[role]", "main img[alt]", "*", "a[href]:not(.x)", "li:first-child", "div, p.a",
                "[role=button i], li", "#m", "[tabindex], .a", ":not(p)"]
            .map { try Selector($0) }
        let shared = doc.select(all: selectors)
        for (s, found) in zip(selectors, shared) {
            #expect(found.map(\.index) == doc.select(s).map(\.index), "\(s.text)")
        }
        let deep = doc.select(all: selectors, maxDepth: 1)
        #expect(deep.map { $0.map(\.index) } == shared.map { $0.map(\.index) })
    }

    /// The buckets of the last list are reused for the same list only: other lists, the same
    /// selectors in another order and fewer of them, answer for themselves.
    @Test func reusedBucketsFollowTheList() throws {
        let doc = HTMLParser.parse(Self.html)
        let texts = ["p", ".a", "[role]", "li", "a[href]", "*", "div, p.a"]
        let lists = [texts, texts.reversed(), Array(texts.dropFirst(2)), texts, ["li", "p"], ["p", "li"]]
        for list in lists {
            let selectors = try list.map { try Selector($0) }
            for _ in 0..<2 {
                let found = doc.select(all: selectors).map { $0.map(\.index) }
                #expect(found == selectors.map { doc.select($0).map(\.index) }, "\(list)")
            }
        }
    }

    @Test func subjectTagNames() throws {
        #expect(try Selector("section > p, li").subjectTagNames == ["p", "li"])
        #expect(try Selector("p, .a").subjectTagNames == nil)
        #expect(try Selector("a[href]").subjectTagNames == ["a"])
        #expect(try Selector(":is(h1, h2 b):not([role]), :where(:is(p, h1))").subjectTagNames == ["h1", "b", "p"])
        #expect(try Selector(":is(p, .a)").subjectTagNames == nil)
    }
}

/// The compiled matcher, the bucketed multi-selector pass and atoms for names.
@Suite struct CompiledMatchingTests {
    static let html = """
        <html lang=en><body><main id=m><section class="a b"><p data-k=v>1</p><img alt=x src=i.png><a href=#x>l</a></section>
        <my-widget id=w1 data-k=w><x-item id=x1>a</x-item><x-item id=x2 class=a>b</x-item><p id=pw>p</p><x-item id=x3>c</x-item></my-widget>
        <ul><li class=a>1</li><li>2</li><li aria-current=page>3</li></ul>
        <div role=button tabindex=0 aria-label="Go">b</div><p class=a>3</p>
        <svg viewBox="0 0 10 10" role=img><title>t</title><foreignObject><p id=fp>f</p></foreignObject></svg>
        <form><fieldset disabled><legend><input id=li1></legend><input id=in1 type=checkbox checked></fieldset>
        <select><optgroup disabled><option id=o1 selected>x</option></optgroup></select></form>
        <table><tr><th scope=col>h</th><td headers=h>d</td></tr></table></main></body></html>
        """

    static let selectors = [
        "p", ".a", "section > p, li", "[role]", "main img[alt]", "*", "a[href]:not(.x)", "li:first-child", "div, p.a",
        "[role=button i], li", "#m", "[tabindex], .a", ":not(p)", "my-widget", "x-item", "x-item:nth-of-type(2)",
        "x-item:last-of-type", "my-widget > p", "my-widget x-item.a", "[data-k]", "[data-k=w]", "p[data-k]",
        "[viewbox]", "svg[viewBox]", "svg title", "foreignobject p", ":has(> x-item)", "main :has(+ p)",
        "section:has(img[src$='.png' i])", ":disabled", ":enabled", ":checked", "li:nth-child(2n+1 of .a, [aria-current])",
        "[aria-current=page]", "[aria-label|=go i]", "td[headers~=h], th[scope]", "x-item + x-item", "x-item ~ p",
        ":is(x-item, li):not(.a)", ":root", "body > main > *:only-of-type", ":empty", "a:any-link",
        // Bucketed by the tags of every `:is()` branch, or not at all when a branch allows any tag.
        ":is(p, x-item):not([role])", ":where(li, [role])", ":is(section p, td)[headers]", ":is(:is(li, th), my-widget)",
        ":is(p, li).a, [data-k]", "[tabindex]:is(div, span)", ":is([role=button i], [role=img i]):not(div)",
        ":is([data-k], [data-k=w] *)", ":is([role], p)", ":is([role], [tabindex])",
    ]

    static let document = HTMLParser.parse(html)

    /// Each selector: the bucketed shared pass, the single-selector pass and a plain per-element test agree.
    @Test(arguments: selectors) func bucketedPassEqualsPlainMatcher(_ text: String) throws {
        let doc = Self.document
        let selector = try Selector(text)
        let plain: [Int] = Array(doc.elements.filter { selector.matches($0) }.map(\.index))
        #expect(doc.select(selector).map(\.index) == plain)
        // Shared with every other selector, so buckets hold several selectors each.
        let all = try Self.selectors.map { try Selector($0) }
        let k = Self.selectors.firstIndex(of: text)!
        #expect(doc.select(all: all)[k].map(\.index) == plain)
        #expect(doc.select(all: all, maxDepth: 1)[k].map(\.index) == plain)
        // Scoped to a subtree (combinators may still reach outside it).
        let main = try #require(doc.element(withID: "m"))
        #expect(main.select(selector).map(\.index) == plain.filter { $0 > main.index && $0 < main.descendantIndices.upperBound })
    }

    @Test func unknownNamesStillMatchByString() throws {
        let doc = Self.document
        #expect(try doc.select(Selector("x-item")).compactMap(\.id) == ["x1", "x2", "x3"])
        #expect(try doc.select(Selector("x-item:nth-of-type(3)")).compactMap(\.id) == ["x3"])
        #expect(try doc.select(Selector("[data-k=w]")).compactMap(\.id) == ["w1"])
        #expect(try doc.select(Selector("svg[viewbox]")).count == 1)
    }

    @Test func coresMirrorNodes() {
        let doc = Self.document
        #expect(doc.cores.count == doc.nodes.count)
        for (node, core) in zip(doc.nodes, doc.cores) {
            #expect(core.kind == node.kind && core.namespace == node.namespace && core.parent == node.parent)
            #expect(core.firstChild == node.firstChild && core.nextSibling == node.nextSibling)
            #expect(core.previousSibling == node.previousSibling && core.subtreeEnd == node.subtreeEnd)
            #expect(core.attributeStart == node.attributeStart && core.attributeCount == node.attributeCount)
            #expect(core.nameAtom == (node.kind == .element ? NameAtom.of(node.name) : 0))
        }
        for (attribute, core) in zip(doc.attributes, doc.attributeCores) {
            #expect(core.nameAtom == NameAtom.of(attribute.name))
            let bytes = doc.attributeValueBytes[Int(core.valueStart)..<Int(core.valueStart + core.valueCount)]
            #expect(Array(bytes) == Array(attribute.value.utf8))
        }
    }

    @Test func atomsAndKeys() throws {
        #expect(NameAtom.of("div") != 0 && NameAtom.of("div") != NameAtom.of("p"))
        #expect(NameAtom.of("x-item") == 0 && NameAtom.of("DIV") == 0)
        #expect(NameAtom.name(NameAtom.href) == "href")
        #expect(try Selector("p, li").key == Selector("p, li").key)
        #expect(try Selector("p, li").key != Selector("p,li").key)
    }
}
