/// A lightweight view of one node of an ``HTMLDocument`` (elements mostly,
/// but text, comment and document nodes are reachable the same way).
public struct HTMLElement: Sendable, Hashable {
    public let document: HTMLDocument
    public let index: Int

    public init(document: HTMLDocument, index: Int) {
        self.document = document
        self.index = index
    }

    public static func == (a: HTMLElement, b: HTMLElement) -> Bool {
        a.index == b.index && a.document === b.document
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(index) }

    @inline(__always) public var node: HTMLNode { document.nodes[index] }
    /// The node's links and kind, without its strings (no reference counting to read).
    @inline(__always) public var core: NodeCore { document.cores[index] }
    public var kind: HTMLNodeKind { core.kind }
    public var isElement: Bool { core.kind == .element }
    public var name: String { document.nodes[index].name }
    public var namespace: HTMLNamespace { core.namespace }

    // MARK: Tree

    public var parent: HTMLElement? {
        let p = core.parent
        return p < 0 ? nil : HTMLElement(document: document, index: Int(p))
    }

    /// Element ancestors, nearest first (the document node excluded).
    public var ancestors: [HTMLElement] {
        var result: [HTMLElement] = []
        let cores = document.cores
        var p = cores[index].parent
        while p > 0 {
            result.append(HTMLElement(document: document, index: Int(p)))
            p = cores[Int(p)].parent
        }
        return result
    }

    /// All child nodes (elements, text, comments).
    public var childNodes: [HTMLElement] {
        var result: [HTMLElement] = []
        let cores = document.cores
        var c = cores[index].firstChild
        while c >= 0 {
            result.append(HTMLElement(document: document, index: Int(c)))
            c = cores[Int(c)].nextSibling
        }
        return result
    }

    /// Child elements only.
    public var children: [HTMLElement] {
        var result: [HTMLElement] = []
        let cores = document.cores
        var c = cores[index].firstChild
        while c >= 0 {
            if cores[Int(c)].kind == .element { result.append(HTMLElement(document: document, index: Int(c))) }
            c = cores[Int(c)].nextSibling
        }
        return result
    }

    public func firstChild(named name: String) -> HTMLElement? {
        let cores = document.cores
        var c = cores[index].firstChild
        while c >= 0 {
            if cores[Int(c)].kind == .element, document.nodes[Int(c)].name == name {
                return HTMLElement(document: document, index: Int(c))
            }
            c = cores[Int(c)].nextSibling
        }
        return nil
    }

    public var previousElementSibling: HTMLElement? {
        let cores = document.cores
        var s = cores[index].previousSibling
        while s >= 0 {
            if cores[Int(s)].kind == .element { return HTMLElement(document: document, index: Int(s)) }
            s = cores[Int(s)].previousSibling
        }
        return nil
    }

    public var nextElementSibling: HTMLElement? {
        let cores = document.cores
        var s = cores[index].nextSibling
        while s >= 0 {
            if cores[Int(s)].kind == .element { return HTMLElement(document: document, index: Int(s)) }
            s = cores[Int(s)].nextSibling
        }
        return nil
    }

    /// Descendant nodes in document order.
    public var descendantIndices: Range<Int> { (index + 1)..<Int(core.subtreeEnd) }

    /// Descendant elements in document order.
    public var descendants: [HTMLElement] {
        let cores = document.cores
        return descendantIndices.compactMap { cores[$0].kind == .element ? HTMLElement(document: document, index: $0) : nil }
    }

    public func descendants(named name: String) -> [HTMLElement] {
        let cores = document.cores
        return descendantIndices.compactMap {
            cores[$0].kind == .element && document.nodes[$0].name == name ? HTMLElement(document: document, index: $0) : nil
        }
    }

    public func isDescendant(of other: HTMLElement) -> Bool {
        index > other.index && index < Int(other.core.subtreeEnd)
    }

    // MARK: Attributes

    public var attributes: ArraySlice<HTMLAttribute> {
        let n = core
        let s = Int(n.attributeStart)
        return document.attributes[s..<(s + Int(n.attributeCount))]
    }

    public func attribute(_ name: String) -> String? {
        let n = core
        guard n.attributeCount > 0 else { return nil }
        let s = Int(n.attributeStart)
        let attributes = document.attributes
        for i in s..<(s + Int(n.attributeCount)) where attributes[i].name == name {
            return attributes[i].value
        }
        return nil
    }

    public func attributeEntry(_ name: String) -> HTMLAttribute? {
        attributes.first { $0.name == name }
    }

    public func hasAttribute(_ name: String) -> Bool { attribute(name) != nil }

    public var id: String? { attribute("id") }

    public var classList: [Substring] {
        guard let c = attribute("class") else { return [] }
        return c.split(whereSeparator: \.isHTMLWhitespace)
    }

    // MARK: Text

    /// Text of this node: the node's own text for text and comments, else the
    /// concatenated descendant text (like DOM `textContent`).
    public var textContent: String {
        let kind = document.cores[index].kind
        if kind == .comment { return document.nodes[index].text }
        return withTextContentUTF8 { String(decoding: $0, as: UTF8.self) }
    }

    /// Calls `body` with the UTF-8 bytes of ``textContent`` (a run of the document's ``HTMLDocument/textBytes``;
    /// a comment's own text), without making a string.
    public func withTextContentUTF8<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let doc = document
        if doc.cores[index].kind == .comment {
            var text = doc.nodes[index].text
            return try text.withUTF8(body)
        }
        let range = doc.textRange(of: index)
        return try doc.textBytes.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[range])) }
    }

    // MARK: Positions

    /// The nearest node, this one or an ancestor, that has a source position.
    public var positionedAnchor: HTMLElement? {
        var e: HTMLElement? = self
        while let current = e {
            if current.document.nodes[current.index].startOffset >= 0 { return current }
            e = current.parent
        }
        return nil
    }

    /// The start tag's range, or the nearest positioned ancestor's, else the file start.
    public var sourceRange: SourceRange {
        guard let anchor = positionedAnchor else { return .fileStart }
        let nodes = document.nodes
        return document.source.range(Int(nodes[anchor.index].startOffset), Int(nodes[anchor.index].endOffset))
    }

    public var startPosition: SourcePosition { sourceRange.start }

    /// The raw source of the start tag (or the text), for snippets.
    public var sourceSnippet: String {
        guard let anchor = positionedAnchor else { return "" }
        let nodes = document.nodes
        return document.source.slice(Int(nodes[anchor.index].startOffset), Int(nodes[anchor.index].endOffset))
    }
}

extension Character {
    /// ASCII whitespace as HTML defines it (space, tab, LF, FF, CR).
    /// (`asciiValue` is that of LF for CRLF, and nil for anything not ASCII, as a
    /// space joined by a combining mark: compares no strings.)
    @inline(__always) public var isHTMLWhitespace: Bool {
        guard let a = asciiValue else { return false }
        return a == 0x20 || a == 0x09 || a == 0x0A || a == 0x0C || a == 0x0D
    }
}
