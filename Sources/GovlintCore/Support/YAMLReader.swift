import Foundation
import Yams

/// Reads YAML with source marks and turns every mistake into a ``LocatedError``.
public enum YAMLReader {
    /// Parses a whole YAML document. Aliases are refused when `allowAliases` is
    /// false (rule packs and configuration never need them).
    ///
    /// `plainScalarsAsText`: plain scalars are not typed while parsing (Yams' `.basic` resolver). Typing a plain
    /// scalar runs up to seven regular expressions, and Yams types every mapping key to check for duplicates:
    /// that was a third of loading the built-in packs. Readers that want a number or a flag type the one
    /// value they read (``typed(_:)``, as ``YAMLMap`` does), with the same YAML 1.1 rules.
    public static func load(_ text: String, file: String, allowAliases: Bool = false,
                            plainScalarsAsText: Bool = false) throws(LocatedError) -> Node {
        if !allowAliases, let mark = firstAlias(in: text) {
            throw LocatedError(file: file, line: mark.0, column: mark.1,
                               message: "YAML aliases (*name) are not allowed here")
        }
        do {
            // An explicit encoding: Yams' default reads the whole process environment on every parse (~0.4 M instructions).
            guard let node = try Yams.compose(yaml: text, plainScalarsAsText ? .basic : .default, .default, .utf8) else {
                return .mapping(Node.Mapping([]))
            }
            return node
        } catch let error as YamlError {
            throw locate(error, file: file)
        } catch {
            throw LocatedError(file: file, line: 1, column: 1, message: "\(error)")
        }
    }

    /// A plain scalar not yet typed (read with `plainScalarsAsText`) as the default resolver types it
    /// (`true`, `on`, `42`, `0x1F`…); any other node as it is.
    public static func typed(_ node: Node) -> Node {
        guard case let .scalar(s) = node, s.style == .plain, s.tag.rawValue.isEmpty else { return node }
        return .scalar(Node.Scalar(s.string, Tag(.implicit), .plain, s.mark))
    }

    static func locate(_ error: YamlError, file: String) -> LocatedError {
        switch error {
        case let .scanner(context, problem, mark, _):
            return LocatedError(file: file, line: mark.line, column: mark.column,
                                message: "invalid YAML: \(problem)\(context.map { " \($0.text)" } ?? "")")
        case let .parser(context, problem, mark, _):
            return LocatedError(file: file, line: mark.line, column: mark.column,
                                message: "invalid YAML: \(problem)\(context.map { " \($0.text)" } ?? "")")
        case let .composer(context, problem, mark, _):
            return LocatedError(file: file, line: mark.line, column: mark.column,
                                message: "invalid YAML: \(problem)\(context.map { " \($0.text)" } ?? "")")
        case let .reader(problem, offset, _, _):
            return LocatedError(file: file, line: 1, column: max(1, offset ?? 1), message: "invalid YAML: \(problem)")
        default:
            return LocatedError(file: file, line: 1, column: 1, message: "invalid YAML: \(error)")
        }
    }

    /// Line and column of the first `*alias` token outside quotes and comments. Lines are found on bytes and
    /// only those with a `*` are read as characters: this runs on every rule file at start-up, and reading
    /// every file character by character was a third of the start-up.
    static func firstAlias(in text: String) -> (Int, Int)? {
        var text = text
        return text.withUTF8 { bytes -> (Int, Int)? in
            guard let base = bytes.baseAddress, memchr(base, 0x2A, bytes.count) != nil else { return nil }
            var line = 1, start = 0
            while start <= bytes.count {
                let end = memchr(base + start, 0x0A, bytes.count - start)
                    .map { UnsafeRawPointer(base).distance(to: UnsafeRawPointer($0)) } ?? bytes.count
                if memchr(base + start, 0x2A, end - start) != nil,
                   let column = aliasColumn(in: String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)) {
                    return (line, column)
                }
                line += 1
                start = end + 1
            }
            return nil
        }
    }

    /// The column (in characters) of the first `*alias` token of one line outside quotes and comments.
    static func aliasColumn(in raw: String) -> Int? {
        var column = 0
        var quote: Character?
        var previous: Character = " "
        for ch in raw {
            column += 1
            if let q = quote {
                if ch == q { quote = nil }
            } else if ch == "\"" || ch == "'" {
                if previous == " " || previous == ":" || previous == "[" || previous == "," || previous == "-" { quote = ch }
            } else if ch == "#", previous == " " || column == 1 {
                break
            } else if ch == "*", previous == " " || previous == "[" || previous == "," || column == 1 {
                let rest = raw.dropFirst(column)
                if let next = rest.first, next.isLetter || next.isNumber || next == "_" || next == "-" {
                    // `* ` is a plain scalar; `*word` right after `key: ` or `- ` is an alias.
                    return column
                }
            }
            previous = ch
        }
        return nil
    }
}

/// A YAML mapping being read key by key; ``finish()`` rejects unknown keys.
public struct YAMLMap {
    public let node: Node
    public let file: String
    private let pairs: [(key: String, keyNode: Node, value: Node)]
    /// Every key asked for (present or not: an unknown key's error lists them) and which pairs were read.
    /// Arrays, not sets: a rule file's mappings are small and are read at every start-up.
    private var asked: [String] = []
    private var read: [Bool]

    public init(_ node: Node, file: String, what: String) throws(LocatedError) {
        self.node = node
        self.file = file
        guard case let .mapping(mapping) = node else {
            throw YAMLMap.error(node, file: file, "\(what) must be a mapping")
        }
        var seen: Set<String> = []
        var pairs: [(String, Node, Node)] = []
        pairs.reserveCapacity(mapping.count)
        let small = mapping.count <= 16
        for (k, v) in mapping {
            guard let key = k.string else { throw YAMLMap.error(k, file: file, "keys must be strings") }
            if small ? pairs.contains(where: { $0.0 == key }) : !seen.insert(key).inserted {
                throw YAMLMap.error(k, file: file, "duplicate key '\(key)'")
            }
            pairs.append((key, k, v))
        }
        self.pairs = pairs
        read = Array(repeating: false, count: pairs.count)
    }

    public static func error(_ node: Node, file: String, _ message: String) -> LocatedError {
        LocatedError(file: file, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1, message: message)
    }

    public func error(_ node: Node, _ message: String) -> LocatedError { Self.error(node, file: file, message) }

    public var keys: [String] { pairs.map(\.key) }
    public var entries: [(key: String, keyNode: Node, value: Node)] { pairs }

    public mutating func value(_ key: String) -> Node? {
        asked.append(key)
        guard let i = pairs.firstIndex(where: { $0.key == key }) else { return nil }
        read[i] = true
        return pairs[i].value
    }

    public func keyNode(_ key: String) -> Node? { pairs.first { $0.key == key }?.keyNode }

    public mutating func require(_ key: String) throws(LocatedError) -> Node {
        guard let v = value(key) else { throw error(node, "missing required key '\(key)'") }
        return v
    }

    public mutating func string(_ key: String) throws(LocatedError) -> String? {
        guard let v = value(key) else { return nil }
        guard case .scalar = v, let s = v.string else { throw error(v, "'\(key)' must be a string") }
        return s
    }

    public mutating func requireString(_ key: String) throws(LocatedError) -> String {
        guard let s = try string(key) else { throw error(node, "missing required key '\(key)'") }
        return s
    }

    public mutating func int(_ key: String) throws(LocatedError) -> Int? {
        guard let v = value(key) else { return nil }
        guard let i = YAMLReader.typed(v).int else { throw error(v, "'\(key)' must be an integer") }
        return i
    }

    public mutating func bool(_ key: String) throws(LocatedError) -> Bool? {
        guard let v = value(key) else { return nil }
        guard let b = YAMLReader.typed(v).bool else { throw error(v, "'\(key)' must be true or false") }
        return b
    }

    /// A string or a list of strings.
    public mutating func strings(_ key: String) throws(LocatedError) -> [String]? {
        guard let v = value(key) else { return nil }
        return try YAMLMap.strings(v, file: file, key: key)
    }

    public static func strings(_ v: Node, file: String, key: String) throws(LocatedError) -> [String] {
        if case .scalar = v, let s = v.string { return [s] }
        guard case let .sequence(seq) = v else { throw error(v, file: file, "'\(key)' must be a string or a list of strings") }
        var result: [String] = []
        for item in seq {
            guard case .scalar = item, let s = item.string else { throw error(item, file: file, "'\(key)' items must be strings") }
            result.append(s)
        }
        return result
    }

    /// Rejects keys that were never read.
    public func finish(_ what: String) throws(LocatedError) {
        for (i, pair) in pairs.enumerated() where !read[i] {
            let known = Set(asked).sorted().joined(separator: ", ")
            throw error(pair.keyNode, "unknown key '\(pair.key)' in \(what) (expected one of: \(known))")
        }
    }
}
