import Synchronization

/// A parsed CSS selector list (`"a, b"` is one `Selector`).
///
/// Parsing happens once, in `init`; matching is right-to-left over the flat
/// node array of an ``HTMLDocument`` and walks ancestors and siblings in loops,
/// so document depth costs no stack.
public struct Selector: Sendable, Hashable, CustomStringConvertible {
    /// The selector text as given.
    public let text: String
    let list: [ComplexSelector]
    /// `list` compiled for matching.
    let program: SelectorProgram
    /// Equal for equal texts, unique otherwise, small: a cheap key for memo tables.
    public let key: Int

    public init(_ text: String) throws(SelectorError) {
        var parser = SelectorParser(text)
        self.list = try parser.parseSelectorList()
        self.text = text
        self.program = SelectorProgram(list)
        self.key = SelectorKeys.key(for: text)
    }

    public var description: String { text }

    // Equal text parses to an equal tree, so the text is identity enough.
    public static func == (a: Selector, b: Selector) -> Bool { a.text == b.text }
    public func hash(into hasher: inout Hasher) { hasher.combine(text) }

    /// Whether `element` (an element node) matches any selector of the list.
    public func matches(_ element: HTMLElement) -> Bool {
        let doc = element.document
        guard element.index > 0, element.index < doc.nodes.count, doc.nodes[element.index].kind == .element else {
            return false
        }
        return doc.withView { view in SelectorMatcher(view, program).matchesTop(element.index) }
    }
}

/// Interns selector texts to small integers (``Selector/key``).
enum SelectorKeys {
    private static let keys = Mutex<[String: Int]>([:])

    static func key(for text: String) -> Int {
        keys.withLock { keys in
            if let k = keys[text] { return k }
            let k = keys.count
            keys[text] = k
            return k
        }
    }
}

// MARK: - Syntax tree

/// How two compounds relate.
enum Combinator: UInt8, Sendable, Hashable {
    case descendant, child, nextSibling, subsequentSibling

    var symbol: String {
        switch self {
        case .descendant: " "
        case .child: ">"
        case .nextSibling: "+"
        case .subsequentSibling: "~"
        }
    }
}

/// Compounds left to right; `combinators[i]` joins `compounds[i]` and
/// `compounds[i + 1]`. A relative selector (the argument of `:has()`) has an
/// empty placeholder `compounds[0]` standing for the `:has()` anchor.
struct ComplexSelector: Sendable, Hashable {
    var compounds: [CompoundSelector]
    var combinators: [Combinator]
    var isRelative: Bool
}

struct CompoundSelector: Sendable, Hashable {
    var simples: [SimpleSelector]
}

enum AttributeOperator: UInt8, Sendable, Hashable {
    case exists, equals, includes, dashMatch, prefix, suffix, substring
}

/// How attribute values compare.
enum AttributeCase: UInt8, Sendable, Hashable {
    case sensitive
    case insensitive
    /// The HTML default for attributes such as `type` and `lang`: ASCII
    /// case-insensitive on HTML elements, sensitive elsewhere.
    case htmlInsensitive
}

struct AttributeSelector: Sendable, Hashable {
    /// ASCII lower-cased name.
    var name: String
    var nameBytes: [UInt8]
    var op: AttributeOperator
    var value: [UInt8]
    var caseMode: AttributeCase
}

/// `an+b`: matches 1-based positions `p` with `p = a*n + b` for some `n >= 0`.
struct NthPattern: Sendable, Hashable {
    var a: Int
    var b: Int

    @inline(__always) func matches(_ p: Int) -> Bool {
        if a == 0 { return p == b }
        let d = p - b
        return d % a == 0 && d / a >= 0
    }
}

indirect enum SimpleSelector: Sendable, Hashable {
    case type(String)
    case universal
    case id([UInt8])
    case className([UInt8])
    case attribute(AttributeSelector)
    case not([ComplexSelector])
    /// `:is()` and `:where()` (they differ only in specificity).
    case `is`([ComplexSelector])
    case has([ComplexSelector])
    /// `:nth-child()`, `:nth-last-child()` and the `:first-child` family; `of` restricts the siblings counted.
    case nthChild(NthPattern, last: Bool, of: [ComplexSelector]?)
    case nthOfType(NthPattern, last: Bool)
    case onlyChild
    case onlyOfType
    case empty
    case root
    case checked
    case disabled
    case enabled
    case anyLink
}
