/// An immutable parsed HTML page: nodes in document order with source positions.
public final class HTMLDocument: Sendable {
    public let nodes: [HTMLNode]
    public let attributes: [HTMLAttribute]
    public let doctype: HTMLDoctype?
    public let source: SourceText
    /// Ids to the first element carrying them, built once.
    public let idIndex: [String: Int32]
    /// Comments in document order (suppressions, CMS placeholders).
    public let commentIndices: [Int32]

    public init(nodes: [HTMLNode], attributes: [HTMLAttribute], doctype: HTMLDoctype?, source: SourceText) {
        self.nodes = nodes
        self.attributes = attributes
        self.doctype = doctype
        self.source = source
        var ids: [String: Int32] = [:]
        var comments: [Int32] = []
        for i in nodes.indices {
            let node = nodes[i]
            if node.kind == .comment { comments.append(Int32(i)) }
            guard node.kind == .element, node.attributeCount > 0 else { continue }
            let a = Int(node.attributeStart)
            for j in a..<(a + Int(node.attributeCount)) where attributes[j].name == "id" {
                if ids[attributes[j].value] == nil { ids[attributes[j].value] = Int32(i) }
            }
        }
        self.idIndex = ids
        self.commentIndices = comments
    }

    public var document: HTMLElement { HTMLElement(document: self, index: 0) }

    /// The root `<html>` element.
    public var root: HTMLElement? { document.children.first { $0.isElement } }

    /// Every element in document order.
    public var elements: LazyFilterSequence<LazyMapSequence<Range<Int>, HTMLElement>> {
        (0..<nodes.count).lazy.map { HTMLElement(document: self, index: $0) }.filter { $0.isElement }
    }

    public func element(withID id: String) -> HTMLElement? {
        idIndex[id].map { HTMLElement(document: self, index: Int($0)) }
    }

    public subscript(index: Int) -> HTMLElement { HTMLElement(document: self, index: index) }

    public var head: HTMLElement? { root?.firstChild(named: "head") }
    public var body: HTMLElement? { root?.firstChild(named: "body") }
}
