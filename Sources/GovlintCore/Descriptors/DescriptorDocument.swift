import GovlintHTML
import Yams

/// A parsed YAML or JSON descriptor. Every node keeps its line and column.
///
/// YAML is a Yams tree with marks. JSON is a ``JSONTree`` (a flat node table over
/// the file's bytes), so large JSON files stay small in memory; rules reach both
/// through ``DescriptorMatch``.
public final class DescriptorDocument: @unchecked Sendable {
    public let file: String
    public let source: SourceText
    /// The JSON node table, for JSON documents.
    public let json: JSONTree?
    private let yamlRoot: Node?

    /// The whole document as a Yams tree. For JSON this is built on each call
    /// (the whole file): prefer ``rootMatch``.
    public var root: Node { yamlRoot ?? json!.node(0) }

    /// The root, for JSONPath and rules.
    public var rootMatch: DescriptorMatch {
        if let json { return DescriptorMatch(tree: json, node: 0, key: -1, path: []) }
        return DescriptorMatch(value: yamlRoot!, keyNode: nil, path: [])
    }

    public convenience init(file: String, text: String, maxAliasExpansion: Int = 100_000) throws(LocatedError) {
        try self.init(file: file, bytes: Array(text.utf8), maxAliasExpansion: maxAliasExpansion)
    }

    /// Reads UTF-8 `bytes`. JSON (a document starting with `{` or `[`) becomes a
    /// ``JSONTree`` over the bytes themselves (no copy of the text); if that fails
    /// on a file not named `.json`, the text is read as YAML (a flow mapping is
    /// YAML too). Everything else is YAML.
    public init(file: String, bytes: [UInt8], maxAliasExpansion: Int = 100_000) throws(LocatedError) {
        self.file = file
        self.source = SourceText(utf8: bytes)
        if JSONReader.looksLikeJSON(bytes) {
            do {
                self.json = try JSONTree(source: source, file: file)
                self.yamlRoot = nil
                return
            } catch {
                if file.lowercased().hasSuffix(".json") { throw error }
            }
        }
        self.json = nil
        let text = String(decoding: bytes, as: UTF8.self)
        let root = try YAMLReader.load(text, file: file, allowAliases: true)
        if let (line, column) = YAMLReader.firstAlias(in: text) {
            try Self.checkAliasExpansion(root, limit: maxAliasExpansion, file: file, line: line, column: column)
        }
        self.yamlRoot = root
    }

    /// Refuses documents whose aliases expand to more than `limit` nodes (billion
    /// laughs). An alias repeats its anchor's nodes with their marks, so nodes met
    /// again at an already seen position are the ones reached through aliases.
    static func checkAliasExpansion(_ root: Node, limit: Int, file: String, line: Int, column: Int) throws(LocatedError) {
        var seen: Set<Int> = []
        var repeated = 0
        var stack = [root]
        while let node = stack.popLast() {
            if let mark = node.mark, !seen.insert(mark.line &* 1_000_003 &+ mark.column).inserted {
                repeated += 1
                if repeated > limit {
                    throw LocatedError(file: file, line: line, column: column,
                                       message: "YAML aliases expand to more than \(limit) nodes; refusing to read further (alias bomb?)")
                }
            }
            switch node {
            case let .mapping(m): for (k, v) in m { stack.append(k); stack.append(v) }
            case let .sequence(seq): stack.append(contentsOf: seq)
            default: break
            }
        }
    }
}

extension Node {
    /// This scalar with a different mark.
    func located(_ mark: Mark) -> Node {
        guard case var .scalar(s) = self else { return self }
        s.mark = mark
        return .scalar(s)
    }
}

/// One step of a path into a descriptor.
public enum PathComponent: Sendable, Hashable, CustomStringConvertible {
    case key(String)
    case index(Int)

    public var description: String {
        switch self {
        case let .key(k): k
        case let .index(i): String(i)
        }
    }
}

/// What a descriptor value is, whatever the document's format.
public enum DescriptorKind: Sendable { case scalar, mapping, sequence }

/// A value reached in a descriptor, with the key node that named it.
///
/// Backed by a Yams node (YAML) or by a node of a ``JSONTree`` (JSON). Rules read
/// it through ``kind``, ``scalarText``, ``count``, ``json``, ``children`` and
/// ``child(_:)``, which never copy a JSON subtree; ``value`` and ``keyNode`` build
/// Yams nodes for JSON (the whole subtree for a container).
public struct DescriptorMatch: @unchecked Sendable {
    enum Storage {
        case yaml(value: Node, key: Node?)
        case json(tree: JSONTree, node: Int32, key: Int32)
    }

    var storage: Storage
    public var path: [PathComponent]

    public init(value: Node, keyNode: Node?, path: [PathComponent]) {
        storage = .yaml(value: value, key: keyNode)
        self.path = path
    }

    init(tree: JSONTree, node: Int32, key: Int32, path: [PathComponent]) {
        storage = .json(tree: tree, node: node, key: key)
        self.path = path
    }

    public var value: Node {
        get {
            switch storage {
            case let .yaml(v, _): v
            case let .json(t, n, _): t.node(n)
            }
        }
        set { storage = .yaml(value: newValue, key: keyNode) }
    }

    public var keyNode: Node? {
        get {
            switch storage {
            case let .yaml(_, k): k
            case let .json(t, _, k): k >= 0 ? t.node(k) : nil
            }
        }
        set { storage = .yaml(value: value, key: newValue) }
    }

    /// Where findings on this value point: the key that names it, else the value.
    public var anchor: Node { keyNode ?? value }

    public var kind: DescriptorKind {
        switch storage {
        case let .yaml(v, _):
            switch v {
            case .mapping: .mapping
            case .sequence: .sequence
            default: .scalar
            }
        case let .json(t, n, _):
            switch t.kind(n) {
            case .object: .mapping
            case .array: .sequence
            default: .scalar
            }
        }
    }

    /// The scalar as plain text, whatever its type; nil for containers.
    public var scalarText: String? {
        switch storage {
        case let .yaml(v, _): v.scalarText
        case let .json(t, n, _): kind == .scalar ? t.string(n) : nil
        }
    }

    /// Members of a mapping, items of a sequence, characters of a scalar.
    public var count: Int {
        switch storage {
        case let .yaml(v, _):
            switch v {
            case let .mapping(m): m.count
            case let .sequence(s): s.count
            case let .scalar(s): s.string.count
            default: 0
            }
        case let .json(t, n, _):
            kind == .scalar ? t.string(n).count : t.count(n)
        }
    }

    /// Spectral truthiness (see ``Node/isTruthy``).
    public var isTruthy: Bool {
        switch storage {
        case let .yaml(v, _): v.isTruthy
        case let .json(t, n, _): t.isTruthy(n)
        }
    }

    /// The whole value as JSON.
    public var json: JSONValue {
        switch storage {
        case let .yaml(v, _): JSONValue(v)
        case let .json(t, n, _): t.json(n)
        }
    }

    /// A scalar as JSON; a mapping as its member names (values left `null`); a
    /// sequence as that many `null`s — enough for types, `required` and counts.
    public var shallowJSON: JSONValue {
        switch kind {
        case .mapping:
            var o: [String: JSONValue] = [:]
            for c in children { if case let .key(k)? = c.path.last { o[k] = .null } }
            return .object(o)
        case .sequence:
            return .array(Array(repeating: .null, count: count))
        case .scalar:
            return json
        }
    }

    /// The source range findings on this value point at (see ``anchor``).
    public func range(in source: SourceText) -> SourceRange {
        switch storage {
        case let .yaml(v, k):
            return DescriptorMatch.range(of: k ?? v, in: source)
        case let .json(t, n, k):
            let at = k >= 0 ? k : n
            let start = t.offset(at)
            // Plain scalars (numbers, literals) span their text, as YAML plain scalars do.
            switch t.kind(at) {
            case .number, .true, .false, .null: return source.range(start, Int(t.ends[Int(at)]))
            default: return source.range(start, start)
            }
        }
    }

    static func range(of node: Node, in source: SourceText) -> SourceRange {
        guard let mark = node.mark else { return .fileStart }
        let start = source.offset(line: mark.line, column: mark.column)
        var end = start
        if case let .scalar(s) = node, s.style == .plain, !s.string.contains("\n") {
            end = source.offset(line: mark.line, column: mark.column + s.string.count)
        }
        return source.range(start, end)
    }

    /// JSONPath-like text (`$.maintenance.contacts[0]`).
    public var pathText: String {
        var s = "$"
        for c in path {
            switch c {
            case let .key(k):
                s += k.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) ? ".\(k)" : "['\(k)']"
            case let .index(i): s += "[\(i)]"
            }
        }
        return s
    }

    /// The child value under `key` (mappings) or index (sequences).
    public func child(_ component: PathComponent) -> DescriptorMatch? {
        switch storage {
        case let .yaml(value, _):
            switch (value, component) {
            case let (.mapping(m), .key(k)):
                for (kn, v) in m where kn.string == k {
                    return DescriptorMatch(value: v, keyNode: kn, path: path + [component])
                }
                return nil
            case let (.sequence(s), .index(i)):
                let i = i < 0 ? s.count + i : i
                guard i >= 0, i < s.count else { return nil }
                return DescriptorMatch(value: s[i], keyNode: nil, path: path + [.index(i)])
            default:
                return nil
            }
        case let .json(t, n, _):
            switch (t.kind(n), component) {
            case let (.object, .key(k)):
                guard let (kn, v) = t.member(n, k) else { return nil }
                return DescriptorMatch(tree: t, node: v, key: kn, path: path + [component])
            case let (.array, .index(i)):
                let i = i < 0 ? t.count(n) + i : i
                guard let c = t.item(n, i) else { return nil }
                return DescriptorMatch(tree: t, node: c, key: -1, path: path + [.index(i)])
            default:
                return nil
            }
        }
    }

    /// Immediate children in order.
    public var children: [DescriptorMatch] {
        switch storage {
        case let .yaml(value, _):
            switch value {
            case let .mapping(m):
                m.map { DescriptorMatch(value: $0.value, keyNode: $0.key, path: path + [.key($0.key.string ?? "")]) }
            case let .sequence(s):
                s.enumerated().map { DescriptorMatch(value: $0.element, keyNode: nil, path: path + [.index($0.offset)]) }
            default:
                []
            }
        case let .json(t, n, _):
            switch t.kind(n) {
            case .object:
                t.members(n).map { DescriptorMatch(tree: t, node: $0.value, key: $0.key, path: path + [.key(t.string($0.key))]) }
            case .array:
                t.children(n).enumerated().map { DescriptorMatch(tree: t, node: $0.element, key: -1, path: path + [.index($0.offset)]) }
            default:
                []
            }
        }
    }

    /// Resolves a dotted field (`a.b.0`) below this value.
    public func field(_ dotted: String) -> DescriptorMatch? {
        var current: DescriptorMatch? = self
        for part in dotted.split(separator: ".") {
            guard let c = current else { return nil }
            if c.kind == .sequence, let i = Int(part) {
                current = c.child(.index(i))
            } else {
                current = c.child(.key(String(part)))
            }
        }
        return current
    }

    /// The key (or index) naming this value, as a string value located at the key —
    /// what Spectral's `field: "@key"` checks. Nil for the root.
    public var keyMatch: DescriptorMatch? {
        switch (path.last, storage) {
        case let (.key?, .json(t, _, k)) where k >= 0:
            return DescriptorMatch(tree: t, node: k, key: -1, path: path)
        case let (.key(k)?, _):
            let node = keyNode ?? Node(k)
            return DescriptorMatch(value: node, keyNode: nil, path: path)
        case let (.index(i)?, .json(t, n, _)):
            // Located at the item itself (an index has no text of its own); a container item only by its start.
            let at = t.kind(n) == .object || t.kind(n) == .array ? Node("", Tag(.str), .doubleQuoted).located(t.mark(n)) : t.node(n)
            return DescriptorMatch(value: Node(String(i), Tag(.int)), keyNode: at, path: path)
        case let (.index(i)?, _):
            return DescriptorMatch(value: Node(String(i), Tag(.int)), keyNode: value, path: path)
        case (nil, _):
            return nil
        }
    }
}

extension Node {
    /// JSON-like truthiness (Spectral's `truthy`): false, 0, "", null and missing are falsy.
    public var isTruthy: Bool {
        switch self {
        case let .scalar(s):
            if s.style == .plain {
                if self.null != nil { return false }
                if let b = self.bool { return b }
                if let i = self.int { return i != 0 }
                if let f = self.float { return f != 0 }
            }
            return !s.string.isEmpty
        case .mapping, .sequence, .alias:
            return true
        }
    }

    /// The scalar as plain text, whatever its YAML type.
    public var scalarText: String? {
        if case let .scalar(s) = self { return s.string }
        return nil
    }
}
