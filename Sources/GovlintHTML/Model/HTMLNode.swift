/// The kind of a node in an ``HTMLDocument``.
public enum HTMLNodeKind: UInt8, Sendable {
    case document, element, text, comment
}

/// The namespace an element was parsed into.
public enum HTMLNamespace: UInt8, Sendable {
    case html, svg, mathml
}

/// One node, stored flat in document (pre-)order. Indices refer to
/// ``HTMLDocument/nodes``; `-1` means none. The descendants of node `i` are
/// exactly the nodes `i+1 ..< subtreeEnd`.
public struct HTMLNode: Sendable {
    public var kind: HTMLNodeKind
    public var namespace: HTMLNamespace
    /// Lower-case tag name for elements, empty otherwise.
    public var name: String
    /// Text of text and comment nodes (entities resolved), empty otherwise.
    public var text: String
    public var parent: Int32
    public var firstChild: Int32
    public var nextSibling: Int32
    public var previousSibling: Int32
    public var subtreeEnd: Int32
    public var attributeStart: Int32
    public var attributeCount: Int32
    /// Decoded byte offset of the node's start (the `<` of a start tag); -1 when
    /// the parser inserted the node (an implied `<head>`).
    public var startOffset: Int32
    /// Decoded byte offset just past the start tag or the text; -1 when inserted.
    public var endOffset: Int32
    /// Decoded byte offset of the matching end tag, -1 when there is none.
    public var endTagOffset: Int32
    public var depth: Int32

    public var hasPosition: Bool { startOffset >= 0 }
}

/// An attribute of an element, with the position of its name and value.
public struct HTMLAttribute: Sendable, Hashable {
    /// Lower-case name, as the parser normalised it.
    public var name: String
    /// Value with character references resolved.
    public var value: String
    public var nameOffset: Int32
    public var valueStartOffset: Int32
    public var valueEndOffset: Int32
}

/// The document type declaration, if the page has one.
public struct HTMLDoctype: Sendable, Hashable {
    public var name: String
    public var publicIdentifier: String
    public var systemIdentifier: String
}
