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
    public var kind: HTMLNodeKind { node.kind }
    public var isElement: Bool { node.kind == .element }
    public var name: String { node.name }
    public var namespace: HTMLNamespace { node.namespace }

    // MARK: Tree

    public var parent: HTMLElement? {
        let p = node.parent
        return p < 0 ? nil : HTMLElement(document: document, index: Int(p))
    }

    /// Element ancestors, nearest first (the document node excluded).
    public var ancestors: [HTMLElement] {
        var result: [HTMLElement] = []
        var p = node.parent
        while p > 0 {
            result.append(HTMLElement(document: document, index: Int(p)))
            p = document.nodes[Int(p)].parent
        }
        return result
    }

    /// All child nodes (elements, text, comments).
    public var childNodes: [HTMLElement] {
        var result: [HTMLElement] = []
        var c = node.firstChild
        while c >= 0 {
            result.append(HTMLElement(document: document, index: Int(c)))
            c = document.nodes[Int(c)].nextSibling
        }
        return result
    }

    /// Child elements only.
    public var children: [HTMLElement] { childNodes.filter(\.isElement) }

    public func firstChild(named name: String) -> HTMLElement? {
        var c = node.firstChild
        while c >= 0 {
            let n = document.nodes[Int(c)]
            if n.kind == .element, n.name == name { return HTMLElement(document: document, index: Int(c)) }
            c = n.nextSibling
        }
        return nil
    }

    public var previousElementSibling: HTMLElement? {
        var s = node.previousSibling
        while s >= 0 {
            if document.nodes[Int(s)].kind == .element { return HTMLElement(document: document, index: Int(s)) }
            s = document.nodes[Int(s)].previousSibling
        }
        return nil
    }

    public var nextElementSibling: HTMLElement? {
        var s = node.nextSibling
        while s >= 0 {
            if document.nodes[Int(s)].kind == .element { return HTMLElement(document: document, index: Int(s)) }
            s = document.nodes[Int(s)].nextSibling
        }
        return nil
    }

    /// Descendant nodes in document order.
    public var descendantIndices: Range<Int> { (index + 1)..<Int(node.subtreeEnd) }

    /// Descendant elements in document order.
    public var descendants: [HTMLElement] {
        descendantIndices.compactMap { document.nodes[$0].kind == .element ? HTMLElement(document: document, index: $0) : nil }
    }

    public func descendants(named name: String) -> [HTMLElement] {
        descendantIndices.compactMap {
            let n = document.nodes[$0]
            return n.kind == .element && n.name == name ? HTMLElement(document: document, index: $0) : nil
        }
    }

    public func isDescendant(of other: HTMLElement) -> Bool {
        index > other.index && index < Int(other.node.subtreeEnd)
    }

    // MARK: Attributes

    public var attributes: ArraySlice<HTMLAttribute> {
        let n = node
        let s = Int(n.attributeStart)
        return document.attributes[s..<(s + Int(n.attributeCount))]
    }

    public func attribute(_ name: String) -> String? {
        let n = node
        guard n.attributeCount > 0 else { return nil }
        let s = Int(n.attributeStart)
        for i in s..<(s + Int(n.attributeCount)) where document.attributes[i].name == name {
            return document.attributes[i].value
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
        let n = node
        if n.kind == .text || n.kind == .comment { return n.text }
        var result = ""
        for i in descendantIndices where document.nodes[i].kind == .text {
            result += document.nodes[i].text
        }
        return result
    }

    // MARK: Positions

    /// The nearest node, this one or an ancestor, that has a source position.
    public var positionedAnchor: HTMLElement? {
        var e: HTMLElement? = self
        while let current = e {
            if current.node.hasPosition { return current }
            e = current.parent
        }
        return nil
    }

    /// The start tag's range, or the nearest positioned ancestor's, else the file start.
    public var sourceRange: SourceRange {
        guard let anchor = positionedAnchor else { return .fileStart }
        let n = anchor.node
        return document.source.range(Int(n.startOffset), Int(n.endOffset))
    }

    public var startPosition: SourcePosition { sourceRange.start }

    /// The raw source of the start tag (or the text), for snippets.
    public var sourceSnippet: String {
        guard let anchor = positionedAnchor else { return "" }
        let n = anchor.node
        return document.source.slice(Int(n.startOffset), Int(n.endOffset))
    }
}

extension Character {
    /// ASCII whitespace as HTML defines it (space, tab, LF, FF, CR).
    public var isHTMLWhitespace: Bool {
        self == " " || self == "\t" || self == "\n" || self == "\u{0C}" || self == "\r" || self == "\r\n"
    }
}
