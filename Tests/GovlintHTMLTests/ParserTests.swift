import Foundation
@testable import GovlintHTML
import Testing
import GovlintTestSupport

@Suite struct ParserTests {
    @Test func positionsAreOneBasedLinesAndScalarColumns() {
        let doc = HTMLParser.parse("<p>\n\t<b>é中</b><i>x</i></p>")
        let b = doc.elements.first { $0.name == "b" }!
        #expect(b.startPosition == SourcePosition(line: 2, column: 2, offset: 5))
        let i = doc.elements.first { $0.name == "i" }!
        // "\t<b>é中</b>" — é and 中 are one column each.
        #expect(i.startPosition.line == 2)
        #expect(i.startPosition.column == 11)
    }

    @Test func crlfAndLoneCRBreakLines() {
        let doc = HTMLParser.parse("<p>a</p>\r\n<p>b</p>\r<p>c</p>")
        let lines = Array(doc.elements.filter { $0.name == "p" }.map(\.startPosition.line))
        #expect(lines == [1, 2, 3])
    }

    @Test func insertedElementsFallBackToAnAncestor() {
        let doc = HTMLParser.parse("<title>x</title><p>y</p>")
        let head = doc.head!
        #expect(!head.node.hasPosition)
        #expect(head.sourceRange == .fileStart)
        let body = doc.body!
        #expect(!body.node.hasPosition)
    }

    @Test func attributesKeepValuesAndPositions() {
        let doc = HTMLParser.parse(#"<img src="a.png" ALT="A &amp; B" hidden>"#)
        let img = doc.elements.first { $0.name == "img" }!
        #expect(img.attribute("alt") == "A & B")
        #expect(img.hasAttribute("hidden"))
        #expect(img.attribute("hidden") == "")
        let alt = img.attributeEntry("alt")!
        #expect(alt.nameOffset == 17)
    }

    @Test func textCommentsAndDoctype() {
        let doc = HTMLParser.parse("<!DOCTYPE html><html><body><!-- note --><p>Hello <b>world</b></p></body></html>")
        #expect(doc.doctype?.name == "html")
        #expect(doc.commentIndices.count == 1)
        #expect(doc[Int(doc.commentIndices[0])].textContent == " note ")
        #expect(doc.elements.first { $0.name == "p" }!.textContent == "Hello world")
    }

    /// Every node's `textContent` (a run of the document's text bytes) is its descendant text nodes joined,
    /// through comments, scripts, nested and foreign content, and the flattened tree of an over-deep page.
    @Test(arguments: [
        "<!DOCTYPE html><p>Hello <b>wor<!-- x -->ld</b></p><script>a<b</script><ul><li>1<ul><li>2</li></ul>3</li></ul>",
        "<svg><title>t</title><text>é中</text></svg><math><mi>x</mi></math><template><p>in</p></template>",
        "plain", "", "<table><tr><td>a</td>b</tr></table>c", String(repeating: "<div>x", count: 40),
    ])
    func textContentIsTheJoinedTextNodes(_ html: String) {
        let doc = HTMLParser.parse(SourceText(html), maxDepth: 12).document
        for i in doc.nodes.indices where doc.cores[i].kind != .comment {
            let joined = (i..<Int(doc.cores[i].subtreeEnd)).filter { doc.cores[$0].kind == .text }.map { doc.nodes[$0].text }.joined()
            #expect(doc[i].textContent == joined, "node \(i) of \(html)")
            #expect(doc[i].withTextContentUTF8 { Array($0) } == Array(joined.utf8))
        }
        for c in doc.commentIndices { #expect(doc[Int(c)].textContent == doc.nodes[Int(c)].text) }
    }

    @Test func treeLinksAreConsistent() {
        let doc = HTMLParser.parse("<ul><li>a</li><li>b</li><li>c</li></ul>")
        let ul = doc.elements.first { $0.name == "ul" }!
        let items = ul.children
        #expect(items.map(\.textContent) == ["a", "b", "c"])
        #expect(items[1].previousElementSibling == items[0])
        #expect(items[1].nextElementSibling == items[2])
        #expect(items.allSatisfy { $0.parent == ul && $0.isDescendant(of: ul) })
        #expect(ul.descendants.count == 3)
    }

    @Test func unknownElementsKeepTheirNames() {
        let doc = HTMLParser.parse("<my-widget data-x=1></my-widget><o:p></o:p>")
        #expect(doc.elements.contains { $0.name == "my-widget" })
        #expect(doc.elements.contains { $0.name == "o:p" })
    }

    @Test func templateContentIsKeptUnderTheTemplate() {
        let doc = HTMLParser.parse("<template><img src=x></template>")
        let img = doc.elements.first { $0.name == "img" }!
        #expect(img.parent?.name == "template")
    }

    /// Conversion is iterative; gumbo's own clean-up recurses, so run on a big stack like the engine.
    @Test func veryDeepNestingDoesNotOverflow() {
        let depth = 100_000
        let html = String(repeating: "<div>", count: depth) + "deep" + String(repeating: "</div>", count: depth)
        let box = Box()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            let doc = HTMLParser.parse(html)
            box.count = doc.elements.filter { $0.name == "div" }.count
            box.maxDepth = Int(doc.nodes.map(\.depth).max() ?? 0)
            done.signal()
        }
        thread.stackSize = 512 << 20
        thread.start()
        done.wait()
        #expect(box.count == depth)
        #expect(box.maxDepth >= depth)
    }

    final class Box: @unchecked Sendable {
        var count = 0
        var maxDepth = 0
    }
}

@Suite struct SourceTextTests {
    /// The eight-bytes-at-a-time scalar count equals a byte-by-byte count on every range.
    @Test func scalarCountMatchesAPlainCount() {
        let bytes = Array("a\u{e9}中😀\r\nxy\u{301}z 😀😀 中文 ok".utf8) + Array(repeating: 0x62, count: 9)
        for start in 0...bytes.count {
            for end in start...bytes.count {
                let plain = bytes[start..<end].filter { $0 & 0xC0 != 0x80 }.count
                #expect(SourceText.scalarCount(bytes, start, end) == plain, "\(start)..<\(end)")
            }
        }
    }

    /// Columns on long lines use block checkpoints; they must equal a plain count.
    @Test(arguments: [0, 1, 4095, 4096, 4097, 9000, 20_000, 39_999])
    func columnsOnLongLinesMatchAPlainCount(_ offset: Int) {
        var text = "ab\n"
        for i in 0..<8000 { text += i % 3 == 0 ? "中" : i % 7 == 0 ? "\r\n" : "x" }
        let source = SourceText(text)
        let bytes = Array(text.utf8)
        let clamped = min(offset, bytes.count)
        var line = 1, column = 1, i = 0
        while i < clamped {
            if bytes[i] == 0x0A { line += 1; column = 1 }
            else if bytes[i] == 0x0D { if i + 1 < bytes.count, bytes[i + 1] == 0x0A { i += 1; if i >= clamped { break } }; line += 1; column = 1 }
            else if bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        let p = source.position(ofOffset: clamped)
        if bytes.indices.contains(clamped), bytes[clamped] & 0xC0 == 0x80 { column -= 1 }
        #expect(p.line == line && p.column == column, "offset \(clamped)")
    }

    /// `range` counts an end on the start's line on from the start; it must equal two `position`s,
    /// for ends inside scalars, past the text, before the start, across blocks, lines and CR/CRLF breaks.
    @Test func rangeEqualsTwoPositions() {
        var text = "ab\r\n"
        for i in 0..<9000 { text += i % 5 == 0 ? "中" : i % 11 == 0 ? "😀" : i % 1500 == 0 ? "\r" : i % 2100 == 0 ? "\n" : "x" }
        text += "\r\n\u{e9}z"
        let source = SourceText(text)
        let n = source.utf8.count
        var rng = SplitMix64(seed: 7)
        var offsets = [-3, 0, 1, 2, 3, 4, 4095, 4096, 4097, 8191, 8192, n - 2, n - 1, n, n + 5]
        for _ in 0..<400 { offsets.append(Int.random(in: 0...n, using: &rng)) }
        for start in offsets {
            var ends = [start - 1, start, start + 1, start + 2, start + 3, start + 4000, start + 5000, n, n + 1]
            for _ in 0..<6 { ends.append(start + Int.random(in: 0...300, using: &rng)) }
            for end in ends {
                let r = source.range(start, end)
                #expect(r.start == source.position(ofOffset: start), "\(start)..<\(end)")
                #expect(r.end == source.position(ofOffset: max(start, end)), "\(start)..<\(end)")
            }
        }
    }
}
