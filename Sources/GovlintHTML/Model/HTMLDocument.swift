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
    /// `nodes` without their strings, index for index (tree walks and matching).
    public let cores: [NodeCore]
    /// `attributes` as name atoms and value ranges, index for index.
    public let attributeCores: [AttributeCore]
    /// The UTF-8 bytes of all attribute values, back to back.
    public let attributeValueBytes: [UInt8]
    /// The greatest `depth` of any node.
    public let deepestElement: Int32

    public convenience init(nodes: [HTMLNode], attributes: [HTMLAttribute], doctype: HTMLDoctype?, source: SourceText) {
        self.init(nodes: nodes, attributes: attributes, doctype: doctype, source: source,
                  nameAtoms: nil, attributeAtoms: nil)
    }

    /// `nameAtoms` and `attributeAtoms`, when the parser knows them, spare hashing every name again.
    init(nodes: [HTMLNode], attributes: [HTMLAttribute], doctype: HTMLDoctype?, source: SourceText,
         nameAtoms: [Int32]?, attributeAtoms: [Int32]?) {
        self.nodes = nodes
        self.attributes = attributes
        self.doctype = doctype
        self.source = source
        var attributeCores: [AttributeCore] = []
        attributeCores.reserveCapacity(attributes.count)
        var valueBytes: [UInt8] = []
        for j in attributes.indices {
            let start = Int32(valueBytes.count)
            valueBytes.append(contentsOf: attributes[j].value.utf8)
            attributeCores.append(AttributeCore(nameAtom: attributeAtoms?[j] ?? NameAtom.of(attributes[j].name),
                                                valueStart: start, valueCount: Int32(valueBytes.count) - start))
        }
        var cores: [NodeCore] = []
        cores.reserveCapacity(nodes.count)
        var ids: [String: Int32] = [:]
        var comments: [Int32] = []
        var deepest: Int32 = 0
        for i in nodes.indices {
            let node = nodes[i]
            if node.depth > deepest { deepest = node.depth }
            cores.append(NodeCore(
                kind: node.kind, namespace: node.namespace,
                nameAtom: node.kind != .element ? 0 : nameAtoms?[i] ?? NameAtom.of(node.name),
                parent: node.parent, firstChild: node.firstChild, nextSibling: node.nextSibling,
                previousSibling: node.previousSibling, subtreeEnd: node.subtreeEnd,
                attributeStart: node.attributeStart, attributeCount: node.attributeCount))
            if node.kind == .comment { comments.append(Int32(i)) }
            guard node.kind == .element, node.attributeCount > 0 else { continue }
            let a = Int(node.attributeStart)
            for j in a..<(a + Int(node.attributeCount)) where attributeCores[j].nameAtom == NameAtom.id {
                if ids[attributes[j].value] == nil { ids[attributes[j].value] = Int32(i) }
            }
        }
        self.cores = cores
        self.deepestElement = deepest
        self.attributeCores = attributeCores
        self.attributeValueBytes = valueBytes
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
