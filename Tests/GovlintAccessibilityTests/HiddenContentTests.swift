import Testing
import GovlintHTML
@testable import GovlintAccessibility

@Suite struct HiddenContentTests {
    // (html, hidden from rendering, hidden from accessibility tree)
    @Test(arguments: [
        (#"<p id=t>x</p>"#, false, false),
        (#"<p id=t hidden>x</p>"#, true, true),
        (#"<div hidden><p><span id=t>x</span></p></div>"#, true, true),
        (#"<div aria-hidden="true"><span id=t>x</span></div>"#, false, true),
        (#"<div aria-hidden="TRUE "><span id=t>x</span></div>"#, false, true),
        (#"<div aria-hidden="false"><span id=t>x</span></div>"#, false, false),
        (#"<template><span id=t>x</span></template>"#, true, true),
        (#"<input id=t type=hidden>"#, true, true),
        (#"<noscript><p id=t>x</p></noscript>"#, true, true),
        (#"<div style="display:none"><b id=t>x</b></div>"#, true, true),
        (#"<div style="color: red; DISPLAY : none !important"><b id=t>x</b></div>"#, true, true),
        (#"<div style="display:none"><b id=t style="display:block">x</b></div>"#, true, true),
        (#"<div style="display: none; display: block"><b id=t>x</b></div>"#, false, false),
        (#"<div style="display: none !important; display: block"><b id=t>x</b></div>"#, true, true),
        (#"<div style="/* display:none */ color:red"><b id=t>x</b></div>"#, false, false),
        (#"<div style="background:url('a;display:none')"><b id=t>x</b></div>"#, false, false),
        (#"<div style="visibility:hidden"><b id=t>x</b></div>"#, true, true),
        (#"<div style="visibility:hidden"><b id=t style="visibility:visible">x</b></div>"#, false, false),
        (#"<div style="visibility:collapse"><i><b id=t>x</b></i></div>"#, true, true),
        (#"<details><summary id=t>s</summary><p>x</p></details>"#, false, false),
        (#"<details><summary>s</summary><p id=t>x</p></details>"#, true, true),
        (#"<details open><summary>s</summary><p id=t>x</p></details>"#, false, false),
        (#"<dialog><p id=t>x</p></dialog>"#, true, true),
    ])
    func hidden(_ html: String, _ rendering: Bool, _ tree: Bool) {
        let (ctx, e) = fixture(html)
        #expect(ctx.isHiddenFromRendering(e) == rendering)
        #expect(ctx.isHiddenFromAccessibilityTree(e) == tree)
    }

    @Test func headContentIsHidden() {
        let doc = HTMLParser.parse("<html><head><title id=t>T</title></head><body></body></html>")
        let ctx = AccessibilityContext(document: doc)
        #expect(ctx.isHiddenFromRendering(doc.element(withID: "t")!))
    }

    @Test(arguments: [
        (#"<a id=t href=#>x</a>"#, true), (#"<a id=t>x</a>"#, false), (#"<button id=t>x</button>"#, true),
        (#"<button id=t disabled>x</button>"#, false), (#"<div id=t tabindex=-1>x</div>"#, true),
        (#"<div id=t tabindex=abc>x</div>"#, false), (#"<div id=t>x</div>"#, false),
        (#"<fieldset disabled><input id=t></fieldset>"#, false),
        (#"<fieldset disabled><legend><input id=t></legend></fieldset>"#, true),
        (#"<input id=t type=hidden>"#, false), (#"<div hidden><button id=t>x</button></div>"#, false),
        (#"<div aria-hidden=true><button id=t>x</button></div>"#, true),
        (#"<div inert><button id=t>x</button></div>"#, false), (#"<div id=t contenteditable>x</div>"#, true),
        (#"<details><summary id=t>s</summary></details>"#, true), (#"<video id=t controls></video>"#, true),
        (#"<select id=t><option>a</select>"#, true), (#"<iframe id=t></iframe>"#, true),
    ])
    func focusable(_ html: String, _ focusable: Bool) {
        let (ctx, e) = fixture(html)
        #expect(ctx.isFocusable(e) == focusable)
    }

    @Test func tabbable() {
        let (ctx, e) = fixture(#"<a id=t href=# tabindex=-1>x</a>"#)
        #expect(ctx.isFocusable(e) && !ctx.isTabbable(e))
    }

    @Test func deepNestingUsesNoRecursion() {
        let depth = 5000
        let html = String(repeating: "<div>", count: depth) + "<span id=t>x</span>" + String(repeating: "</div>", count: depth)
        let (ctx, e) = fixture("<div style=\"display:none\">" + html + "</div>")
        #expect(ctx.isHiddenFromRendering(e))
    }
}
