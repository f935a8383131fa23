import Testing
import GovlintHTML
@testable import GovlintAccessibility

struct NameCase: CustomTestStringConvertible, Sendable {
    var html: String
    var name: String
    var source: AccessibleNameSource
    var testDescription: String { html }
    init(_ html: String, _ name: String, _ source: AccessibleNameSource) {
        self.html = html; self.name = name; self.source = source
    }
}

@Suite struct AccessibleNameTests {
    static let cases: [NameCase] = [
        // aria-labelledby, chains not followed recursively.
        .init(#"<span id=a>Hello</span><span id=b>world</span><button id=t aria-labelledby="a b">x</button>"#, "Hello world", .ariaLabelledby),
        .init(#"<div id=t aria-labelledby="l1" role=button>x</div><span id=l1 aria-labelledby="l2">one</span><span id=l2>two</span>"#, "one", .ariaLabelledby),
        .init(#"<button id=t aria-labelledby="missing">Fallback</button>"#, "Fallback", .contents),
        // A self-reference takes the element's own aria-label or content (not its aria-labelledby again).
        .init(#"<button id=t aria-labelledby="t" aria-label="Self">x</button>"#, "Self", .ariaLabelledby),
        .init(#"<button id=t aria-labelledby="t lbl">x</button><span id=lbl>Label</span>"#, "x Label", .ariaLabelledby),
        .init(#"<button id=t aria-labelledby="lbl t">Delete</button><span id=lbl>File.pdf</span>"#, "File.pdf Delete", .ariaLabelledby),
        // One text child, visible or hidden, and the same text split over several children.
        .init(#"<a id=t href="/">  Learn   more </a>"#, "Learn more", .contents),
        .init(#"<a id=t href="/" style="visibility:hidden" title="T">x</a>"#, "T", .title),
        .init(#"<div style="visibility:hidden"><a id=t href="/" style="visibility:visible">Shown</a></div>"#, "Shown", .contents),
        .init(#"<input id=t aria-labelledby=h><div id=h style="visibility:hidden">Hidden text</div>"#, "Hidden text", .ariaLabelledby),
        .init(#"<a id=t href="/">Learn<!-- c --> more</a>"#, "Learn more", .contents),
        // Cycles terminate.
        .init(#"<div id=t role=button aria-labelledby=c1>x</div><span id=c1 aria-labelledby=c2>A<span aria-labelledby=c1>B</span></span><span id=c2 aria-labelledby=c1>C</span>"#, "AB", .ariaLabelledby),
        // Hidden referenced nodes are used, with their hidden content.
        .init(#"<input id=t aria-labelledby=h><div id=h hidden>Hidden <span style="display:none">label</span></div>"#, "Hidden label", .ariaLabelledby),
        .init(#"<input id=t aria-labelledby=h><div id=h aria-hidden=true>Secret</div>"#, "Secret", .ariaLabelledby),
        // Hidden content in a visible reference is skipped.
        .init(#"<input id=t aria-labelledby=v><div id=v>Shown <span hidden>not</span><span aria-hidden=true>no</span></div>"#, "Shown", .ariaLabelledby),
        // aria-label.
        .init(#"<a id=t href=# aria-label="  Go   home ">icon</a>"#, "Go home", .ariaLabel),
        .init(#"<a id=t href=# aria-label=" ">Text</a>"#, "Text", .contents),
        // Embedded controls.
        .init(#"<input type=checkbox id=t aria-labelledby="l"><span id=l>Flash the screen <input type=text value=3 aria-label=times> times</span>"#, "Flash the screen 3 times", .ariaLabelledby),
        .init(#"<label for=t>Flash <select aria-label=n><option>1</option><option selected>5</option></select> times</label><input id=t type=checkbox>"#, "Flash 5 times", .nativeLabel),
        .init(#"<div id=t role=link aria-labelledby=x></div><span id=x>Volume <span role=slider aria-valuenow=7 aria-valuetext="seven"></span></span>"#, "Volume seven", .ariaLabelledby),
        .init(#"<button id=t aria-labelledby=x></button><span id=x>Level <span role=spinbutton aria-valuenow=4></span></span>"#, "Level 4", .ariaLabelledby),
        // Native labels.
        .init(#"<label for=t>Email</label><input id=t>"#, "Email", .nativeLabel),
        .init(#"<label>Name <input id=t value=Bob></label>"#, "Name", .nativeLabel),
        .init(#"<label for=t>First</label><label for=t>Second</label><input id=t>"#, "First Second", .nativeLabel),
        .init(#"<label><span>Nested <b>bold</b></span> label <select id=t><option>x</option></select></label>"#, "Nested bold label", .nativeLabel),
        .init(#"<fieldset id=t><legend>Contact</legend><input></fieldset>"#, "Contact", .nativeLabel),
        .init(#"<figure id=t><img src=a alt=x><figcaption>Fig 1</figcaption></figure>"#, "Fig 1", .nativeLabel),
        .init(#"<table id=t><caption>Prices</caption><tr><td>1</td></tr></table>"#, "Prices", .nativeLabel),
        .init(#"<img id=t src=a.png alt="Logo">"#, "Logo", .alt),
        .init(#"<img id=t src=a.png alt="">"#, "", .none),
        .init(#"<input id=t type=image src=go.png alt="Search">"#, "Search", .alt),
        .init(#"<input id=t type=submit>"#, "Submit", .nativeLabel),
        .init(#"<input id=t type=reset>"#, "Reset", .nativeLabel),
        .init(#"<input id=t type=button value="Go">"#, "Go", .nativeLabel),
        .init(#"<input id=t type=button>"#, "", .none),
        .init(#"<input id=t title="Tip">"#, "Tip", .title),
        .init(#"<input id=t placeholder="Search the site">"#, "Search the site", .placeholder),
        .init(#"<input id=t title="T" placeholder="P">"#, "T", .title),
        .init(#"<svg id=t role=img><title>Chart</title><rect/></svg>"#, "Chart", .title),
        // Name from content.
        .init(#"<a id=t href=#>Read <em>more</em> about <img src=x alt="cats"></a>"#, "Read more about cats", .contents),
        .init(#"<button id=t><div>Line</div><div>Two</div></button>"#, "Line Two", .contents),
        .init(#"<a id=t href=#><span hidden>x</span><span style="visibility:hidden">y</span>Visible</a>"#, "Visible", .contents),
        .init(#"<a id=t href=#><span style="visibility:hidden">a <b style="visibility:visible">b</b></span></a>"#, "b", .contents),
        .init(#"<a id=t href=#><img src=x title="Home"></a>"#, "Home", .contents),
        .init(#"<div id=t>Not named from content</div>"#, "", .none),
        .init(#"<nav id=t>Links</nav>"#, "", .none),
        .init(#"<h2 id=t>Section <small>one</small></h2>"#, "Section one", .contents),
        .init(#"<a id=t href=# title="Tooltip"></a>"#, "Tooltip", .title),
        .init(#"<button id=t>  spaced &#10; out  </button>"#, "spaced out", .contents),
        .init(#"<div id=t role=button>Press<br>me</div>"#, "Press me", .contents),
        .init(#"<a id=t href=#>x<script>var a</script><style>b{}</style></a>"#, "x", .contents),
    ]

    @Test(arguments: cases)
    func name(_ c: NameCase) {
        let (ctx, e) = fixture(c.html)
        let n = ctx.accessibleName(of: e)
        #expect(n.text == c.name)
        #expect(n.source == c.source)
    }

    @Test func description() {
        let (ctx, e) = fixture(#"<button id=t aria-describedby="d1 d2" title="T">Go</button><p id=d1>First</p><p id=d2 hidden>second</p>"#)
        #expect(ctx.accessibleDescription(of: e) == "First second")
        let (ctx2, e2) = fixture(#"<a id=t href=# title="More info">Go</a>"#)
        #expect(ctx2.accessibleDescription(of: e2) == "More info")
        let (ctx3, e3) = fixture(#"<a id=t href=# title="Only">  </a>"#)
        #expect(ctx3.accessibleDescription(of: e3) == "")
    }

    @Test func selfReferenceTerminates() {
        let (ctx, e) = fixture(#"<div id=t role=button aria-labelledby="t"><span id=a aria-labelledby="t a">x</span></div>"#)
        #expect(ctx.accessibleName(of: e).text == "x")
    }
}
