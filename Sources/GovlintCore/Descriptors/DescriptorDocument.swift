import GovlintHTML
import Yams

/// A parsed YAML or JSON descriptor. Every node keeps its line and column.
public final class DescriptorDocument: @unchecked Sendable {
    public let file: String
    public let root: Node
    public let source: SourceText

    public convenience init(file: String, text: String, maxAliasExpansion: Int = 100_000) throws(LocatedError) {
        try self.init(file: file, bytes: Array(text.utf8), maxAliasExpansion: maxAliasExpansion)
    }

    /// Reads UTF-8 `bytes`. JSON (a document starting with `{` or `[`) goes through
    /// ``JSONReader``, which needs no copy of the text beyond `bytes` themselves;
    /// if that fails on a file not named `.json`, the text is read as YAML (a flow
    /// mapping is YAML too). Everything else is YAML.
    public init(file: String, bytes: [UInt8], maxAliasExpansion: Int = 100_000) throws(LocatedError) {
        self.file = file
        self.source = SourceText(utf8: bytes)
        if JSONReader.looksLikeJSON(bytes) {
            do {
                self.root = try JSONReader.parse(bytes, file: file)
                return
            } catch {
                if file.lowercased().hasSuffix(".json") { throw error }
            }
        }
        let text = String(decoding: bytes, as: UTF8.self)
        let root = try YAMLReader.load(text, file: file, allowAliases: true)
        if let (line, column) = YAMLReader.firstAlias(in: text) {
            try Self.checkAliasExpansion(root, limit: maxAliasExpansion, file: file, line: line, column: column)
        }
        self.root = root
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

/// A value reached in a descriptor, with the key node that named it.
public struct DescriptorMatch: @unchecked Sendable {
    public var value: Node
    public var keyNode: Node?
    public var path: [PathComponent]

    /// Where findings on this value point: the key that names it, else the value.
    public var anchor: Node { keyNode ?? value }

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
    }

    /// Immediate children in order.
    public var children: [DescriptorMatch] {
        switch value {
        case let .mapping(m):
            m.map { DescriptorMatch(value: $0.value, keyNode: $0.key, path: path + [.key($0.key.string ?? "")]) }
        case let .sequence(s):
            s.enumerated().map { DescriptorMatch(value: $0.element, keyNode: nil, path: path + [.index($0.offset)]) }
        default:
            []
        }
    }

    /// Resolves a dotted field (`a.b.0`) below this value.
    public func field(_ dotted: String) -> DescriptorMatch? {
        var current: DescriptorMatch? = self
        for part in dotted.split(separator: ".") {
            guard let c = current else { return nil }
            if case .sequence = c.value, let i = Int(part) {
                current = c.child(.index(i))
            } else {
                current = c.child(.key(String(part)))
            }
        }
        return current
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
