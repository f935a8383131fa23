import Testing
@testable import GovlintHTML
import GovlintTestSupport

/// The compiled fast tests of the bucketed pass (one compound of type, attribute,
/// id and class tests, and `:not()` of such) give the general matcher's answer.
@Suite struct SelectorFastPathTests {
    /// Random choices from a deterministic generator, so failures reproduce.
    struct Random {
        var source: SplitMix64
        init(state: UInt64) { source = SplitMix64(seed: state) }
        mutating func next() -> UInt64 { source.next() }
        mutating func int(_ n: Int) -> Int { Int(next() % UInt64(n)) }
        mutating func pick<T>(_ items: [T]) -> T { items[int(items.count)] }
        mutating func chance(_ percent: Int) -> Bool { int(100) < percent }
    }

    // Tags and attributes in and out of the atom table, HTML and foreign.
    static let tags = ["div", "p", "a", "img", "li", "input", "td", "th", "meta", "x-item", "section", "h1", "button"]
    static let attributes = ["href", "alt", "role", "type", "id", "class", "lang", "data-k", "aria-hidden", "hidden",
                             "tabindex", "src", "name"]
    static let values = ["", "a", "A", "a b", "b a", "a-b", "A-B", "ab", "#", "#/x", "#!", "http:x", "HTTP:X", "button",
                         "Button", "BUTTON", "true", "TRUE", "viewport", "img", "x.png", "X.PNG", "search", " a ", "a\tb"]

    static func document(_ r: inout Random) -> String {
        var html = "<html><head><meta name=viewport content=x></head><body>"
        var open: [String] = []
        func attrs(_ r: inout Random, foreign: Bool) -> String {
            var out = ""
            for _ in 0..<r.int(4) {
                var name = r.pick(attributes)
                if foreign, r.chance(30) { name = r.pick(["viewBox", "Role", "HREF", "data-K"]) }
                out += r.chance(15) ? " \(name)" : " \(name)=\"\(r.pick(values))\""
            }
            return out
        }
        for _ in 0..<(20 + r.int(60)) {
            switch r.int(10) {
            case 0 where !open.isEmpty:
                html += "</\(open.removeLast())>"
            case 1:
                // Foreign content: matched by the general matcher (mixed-case attribute names).
                html += "<svg\(attrs(&r, foreign: true))><title\(attrs(&r, foreign: true))>t</title>"
                    + "<a\(attrs(&r, foreign: true))>s</a><img\(attrs(&r, foreign: true))></svg>"
            default:
                let tag = r.pick(tags)
                html += "<\(tag)\(attrs(&r, foreign: false))>"
                if !["img", "input", "meta"].contains(tag) { open.append(tag) } else { continue }
                if r.chance(40) { html += "t" }
            }
        }
        return html + "</body></html>"
    }

    /// One compound of type, attribute, id and class tests.
    static func compound(_ r: inout Random, negated: Bool) -> String {
        var out = r.chance(50) ? r.pick(tags + ["svg", "*"]) : ""
        let count = r.int(negated ? 2 : 3) + (out.isEmpty ? 1 : 0)
        for _ in 0..<count {
            switch r.int(6) {
            case 0: out += "#\(r.pick(["a", "A", "b", "ab"]))"
            case 1: out += ".\(r.pick(["a", "b", "A", "ab"]))"
            case 2: out += "[\(r.pick(attributes + ["viewbox", "ROLE"]))]"
            default:
                let op = r.pick(["=", "~=", "|=", "^=", "$=", "*="])
                let value = r.pick(["", "a", "A", "a-b", "#", "#/", "http:", "button", "true", "b", "png", "x"])
                let flag = r.pick(["", " i", " s", ""])
                out += "[\(r.pick(attributes + ["viewbox"]))\(op)\"\(value)\"\(flag)]"
            }
        }
        return out.isEmpty ? "*" : out
    }

    static func selector(_ r: inout Random) -> String {
        var list: [String] = []
        for _ in 0..<(1 + r.int(3)) {
            var s = compound(&r, negated: false)
            if r.chance(50) {
                s += ":not(" + (0..<(1 + r.int(3))).map { _ in compound(&r, negated: true) }.joined(separator: ", ") + ")"
            }
            list.append(s)
        }
        return list.joined(separator: ", ")
    }

    /// The bucketed pass (fast tests where they apply) against the general matcher, element by element.
    @Test func fastTestsAgreeWithGeneralMatcher() throws {
        var r = Random(state: 7)
        var fast = 0
        for round in 0..<300 {
            let doc = HTMLParser.parse(Self.document(&r))
            var texts: [String] = []
            for _ in 0..<40 { texts.append(Self.selector(&r)) }
            let selectors = try texts.map { try Selector($0) }
            fast += SubjectBuckets(selectors).fastCount
            let shared = doc.selectIndices(all: selectors)
            for (k, selector) in selectors.enumerated() {
                let plain = Array(doc.elements.filter { selector.matches($0) }.map { Int32($0.index) })
                let single = doc.selectIndices(selector)
                guard shared[k] == plain, single == plain else {
                    // The first disagreement only (a broken fast path would report thousands).
                    Issue.record("round \(round): \(selector.text): shared \(shared[k]), single \(single), general \(plain)")
                    return
                }
            }
        }
        // Most generated selectors have the fast shape.
        #expect(fast > 300 * 40)
    }

    /// Hand-picked edge cases: empty values, `:not()` of several tests, case flags, foreign elements.
    @Test(arguments: [
        "img[alt]", "a[href]", "meta[name=viewport i]", "meta[name=VIEWPORT]", "li:not([role])", "a[href^='#']:not([href='#'], [href^='#/'], [href^='#!'])",
        "[role=main i]:not([hidden])", "input:not([type=hidden i], [type=image i])", "[lang]:not(html)", "[class~='']",
        "[href^='']", "[href$='']", "[href*='']", "[lang|=en]", "[lang|=EN i]", "div:not(.a.b)", "p#x.y", "*:not(p)",
        "svg[role=img i]", "[viewbox]", "a:not(svg a)", "[role]:not(a[href], area)", "[type=BUTTON]", "[type=button s]",
    ])
    func edgeCases(_ text: String) throws {
        let doc = HTMLParser.parse("""
            <html lang=en-US><body><main role=MAIN><div class="a b" id=x><p id=x class="y z">p</p><a href="#">1</a><a href="#/r">2</a>
            <a href="#!x">3</a><a href="#top" role=button>4</a><a href="">5</a><img alt="" src=x.png><img src=y.png>
            <input type=HIDDEN><input type=Image><input type=text><input type=button><input>
            <li role=presentation>l</li><li>m</li><span lang=EN-gb>s</span><span lang=en>t</span><div hidden role=main>h</div>
            <svg viewBox="0 0 1 1" role=IMG><a href=#s>sa</a><title lang=en>t</title></svg>
            <meta name=Viewport content=x><area role=img></div></main></body></html>
            """)
        let selector = try Selector(text)
        let others = try ["img", "*", "[role]", "a[href]", "p"].map { try Selector($0) }
        let plain = Array(doc.elements.filter { selector.matches($0) }.map { Int32($0.index) })
        #expect(doc.selectIndices(all: [selector] + others)[0] == plain)
        #expect(doc.selectIndices(selector) == plain)
    }

    /// The shapes meant for the fast path get it; others do not.
    @Test func fastShapes() throws {
        func fast(_ text: String) throws -> Int { SubjectBuckets([try Selector(text)]).fastCount }
        #expect(try fast("img[alt]") == 1)
        #expect(try fast("meta[name=viewport i][content]") == 1)
        #expect(try fast("li:not([role]), dl:not([role]), dl[role=none i]") == 3)
        #expect(try fast("#a.b") == 1)
        #expect(try fast("img") == 0)  // every element of the bucket matches
        #expect(try fast("head > title") == 0)
        #expect(try fast(":is(h1, h2):not([role])") == 0)
        #expect(try fast("a:not(:has(img))") == 0)
        #expect(try fast("p:not(*)") == 0)
        #expect(try fast("x-item[role]") == 0)  // a name outside the atom table
    }
}
