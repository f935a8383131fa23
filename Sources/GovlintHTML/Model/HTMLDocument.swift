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
    /// The UTF-8 bytes of all text nodes in document order, back to back: the `textContent` of any node
    /// other than a comment is one run of it (see ``textRange(of:)``).
    public let textBytes: [UInt8]
    /// For each node, where the text of the text nodes from it on starts in `textBytes`; one more entry for the end.
    let textStarts: [Int32]

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
        let (valueBytes, valueStarts) = Self.pack(attributes.count) { attributes[$0].value }
        for j in attributes.indices {
            attributeCores.append(AttributeCore(nameAtom: attributeAtoms?[j] ?? NameAtom.of(attributes[j].name),
                                                valueStart: valueStarts[j], valueCount: valueStarts[j + 1] - valueStarts[j]))
        }
        let (textBytes, textStarts) = Self.pack(nodes.count) { nodes[$0].kind == .text ? nodes[$0].text : nil }
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
        self.textBytes = textBytes
        self.textStarts = textStarts
        self.cores = cores
        self.deepestElement = deepest
        self.attributeCores = attributeCores
        self.attributeValueBytes = valueBytes
        self.idIndex = ids
        self.commentIndices = comments
    }

    /// The UTF-8 bytes of `count` strings (nil: none) back to back, and where each starts (one more entry
    /// for the end). Sized first and copied whole: appending string by string went through generic code.
    static func pack(_ count: Int, _ string: (Int) -> String?) -> (bytes: [UInt8], starts: [Int32]) {
        var total = 0
        for i in 0..<count { total += string(i)?.utf8.count ?? 0 }
        var starts = [Int32](repeating: 0, count: count + 1)
        let bytes = [UInt8](unsafeUninitializedCapacity: total) { out, initialized in
            var at = 0
            for i in 0..<count {
                starts[i] = Int32(at)
                guard var s = string(i) else { continue }
                s.withUTF8 { b in
                    if let base = b.baseAddress { (out.baseAddress! + at).update(from: base, count: b.count) }
                    at += b.count
                }
            }
            starts[count] = Int32(at)
            initialized = at
        }
        return (bytes, starts)
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

    /// Where the node's `textContent` lies in ``textBytes`` (its own text for a text node, its descendants'
    /// text for an element or the document). Not meaningful for comments, whose text is not in `textBytes`.
    @inline(__always) public func textRange(of index: Int) -> Range<Int> {
        Int(textStarts[index])..<Int(textStarts[Int(cores[index].subtreeEnd)])
    }

    public var head: HTMLElement? { root?.firstChild(named: "head") }
    public var body: HTMLElement? { root?.firstChild(named: "body") }
}
