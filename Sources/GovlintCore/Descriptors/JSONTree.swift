import Foundation
import GovlintHTML
import Yams

/// A JSON document as a flat node table over its bytes: about 21 bytes per node
/// (kind, byte offset, end, first child, next sibling, member count) instead of a
/// tree of objects, so a 50 MB data.json stays within a small multiple of its size.
///
/// Strings and numbers are decoded from the bytes when read; line and column come
/// from the byte offset when a finding needs them (``SourceText``). An object's
/// children alternate member name and value. Node 0 is the root.
public final class JSONTree: @unchecked Sendable {
    public enum Kind: UInt8 { case object, array, string, number, `true`, `false`, null }

    public let source: SourceText
    var kinds: [Kind] = []
    var starts: [UInt32] = []
    var ends: [UInt32] = []
    var firstChild: [Int32] = []
    var nextSibling: [Int32] = []
    /// Members (objects) or items (arrays); 0 for scalars.
    var counts: [Int32] = []

    /// Tags for materialized nodes, one per name (Yams mutates only implicit tags).
    let strTag = Tag(.str), mapTag = Tag(.map), seqTag = Tag(.seq), boolTag = Tag(.bool), nullTag = Tag(.null)

    public var nodeCount: Int { kinds.count }

    /// Parses strict JSON (RFC 8259). Errors are located; nesting deeper than
    /// ``JSONReader/maxDepth`` is refused; duplicate member names are refused at the duplicate.
    public init(source: SourceText, file: String) throws(LocatedError) {
        self.source = source
        guard source.utf8.count < Int(UInt32.max) else {
            throw LocatedError(file: file, line: 1, column: 1, message: "invalid JSON: the file is larger than 4 GB")
        }
        var failure: LocatedError?
        source.utf8.withUnsafeBufferPointer { buf in
            do throws(LocatedError) {
                try parse(buf, file: file)
            } catch {
                failure = error
            }
        }
        if let failure { throw failure }
    }

    // MARK: Reading

    public func kind(_ n: Int32) -> Kind { kinds[Int(n)] }
    public func count(_ n: Int32) -> Int { Int(counts[Int(n)]) }
    public func offset(_ n: Int32) -> Int { Int(starts[Int(n)]) }

    /// Children in order (objects: name, value, name, value…).
    public func children(_ n: Int32) -> [Int32] {
        var out: [Int32] = []
        out.reserveCapacity(kinds[Int(n)] == .object ? 2 * count(n) : count(n))
        var c = firstChild[Int(n)]
        while c >= 0 {
            out.append(c)
            c = nextSibling[Int(c)]
        }
        return out
    }

    /// The (name, value) node pairs of an object.
    public func members(_ n: Int32) -> [(key: Int32, value: Int32)] {
        var out: [(Int32, Int32)] = []
        out.reserveCapacity(count(n))
        var c = firstChild[Int(n)]
        while c >= 0 {
            let v = nextSibling[Int(c)]
            out.append((c, v))
            c = nextSibling[Int(v)]
        }
        return out
    }

    /// The value of the first member named `name`, with its name node.
    public func member(_ n: Int32, _ name: String) -> (key: Int32, value: Int32)? {
        var target = name
        return target.withUTF8 { want in
            var c = firstChild[Int(n)]
            while c >= 0 {
                let v = nextSibling[Int(c)]
                if keyEquals(c, want) { return (c, v) }
                c = nextSibling[Int(v)]
            }
            return nil
        }
    }

    public func item(_ n: Int32, _ index: Int) -> Int32? {
        guard index >= 0, index < count(n) else { return nil }
        var c = firstChild[Int(n)]
        for _ in 0..<index { c = nextSibling[Int(c)] }
        return c
    }

    func keyEquals(_ key: Int32, _ want: UnsafeBufferPointer<UInt8>) -> Bool {
        let s = Int(starts[Int(key)]) + 1, e = Int(ends[Int(key)]) - 1
        let bytes = source.utf8
        if e - s == want.count, !bytes[s..<e].contains(UInt8(ascii: "\\")) {
            return bytes[s..<e].elementsEqual(want)
        }
        // Escaped names (rare) compare decoded.
        return Array(string(key).utf8).elementsEqual(want)
    }

    /// The text of a scalar: a string decoded, a number or literal as written.
    public func string(_ n: Int32) -> String {
        let s = Int(starts[Int(n)]), e = Int(ends[Int(n)])
        let bytes = source.utf8
        switch kinds[Int(n)] {
        case .string:
            let body = bytes[(s + 1)..<(e - 1)]
            guard body.contains(UInt8(ascii: "\\")) else { return String(decoding: body, as: UTF8.self) }
            return Self.unescape(body)
        case .object, .array:
            return ""
        default:
            return String(decoding: bytes[s..<e], as: UTF8.self)
        }
    }

    /// Decodes the escapes of a string body the parser already validated.
    static func unescape(_ body: ArraySlice<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(body.count)
        var i = body.startIndex
        func hex(_ at: Int) -> UInt32 { UInt32(String(decoding: body[at..<at + 4], as: UTF8.self), radix: 16) ?? 0xFFFD }
        while i < body.endIndex {
            let c = body[i]
            guard c == UInt8(ascii: "\\") else { out.append(c); i += 1; continue }
            let e = body[i + 1]
            i += 2
            switch e {
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var unit = hex(i)
                i += 4
                if (0xD800..<0xDC00).contains(unit) {
                    unit = 0x10000 + ((unit - 0xD800) << 10) + (hex(i + 2) - 0xDC00)
                    i += 6
                }
                out.append(contentsOf: Array(String(Character(UnicodeScalar(unit) ?? "\u{FFFD}")).utf8))
            default: out.append(e)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The value as JSON (numbers as YAML's core schema reads the same plain text).
    public func json(_ n: Int32) -> JSONValue {
        switch kinds[Int(n)] {
        case .object:
            var o: [String: JSONValue] = [:]
            for (k, v) in members(n) { o[string(k)] = json(v) }
            return .object(o)
        case .array: return .array(children(n).map(json))
        case .string: return .string(string(n))
        case .number: return JSONValue.plain(string(n))
        case .true: return .bool(true)
        case .false: return .bool(false)
        case .null: return .null
        }
    }

    /// Spectral's truthiness, as ``Node/isTruthy`` gives it for the same text.
    public func isTruthy(_ n: Int32) -> Bool {
        switch kinds[Int(n)] {
        case .object, .array, .true: true
        case .false, .null: false
        case .string: ends[Int(n)] - starts[Int(n)] > 2
        case .number: (Double(string(n)) ?? 1) != 0
        }
    }

    public func mark(_ n: Int32) -> Mark {
        let p = source.position(ofOffset: offset(n))
        return Mark.make(line: p.line, column: p.column)
    }

    /// Yams nodes already built, by node index (see ``node(_:)``).
    private var built: [Int32: Node] = [:]
    private let builtLock = NSLock()

    /// The node as a Yams node with marks (a whole subtree for containers), for
    /// code written against `Node`; rules read the table directly. Built once:
    /// every node of a built subtree is kept, so walking it with `value` again
    /// (as `$ref` resolution does from the root) costs a lookup.
    public func node(_ n: Int32) -> Node {
        builtLock.lock()
        defer { builtLock.unlock() }
        return build(n)
    }

    private func build(_ n: Int32) -> Node {
        if let done = built[n] { return done }
        let node = make(n)
        built[n] = node
        return node
    }

    private func make(_ n: Int32) -> Node {
        let m = mark(n)
        switch kinds[Int(n)] {
        case .object:
            return .mapping(Node.Mapping(members(n).map { (build($0.key), build($0.value)) }, mapTag, .flow, m))
        case .array:
            return .sequence(Node.Sequence(children(n).map(build), seqTag, .flow, m))
        case .string:
            return .scalar(Node.Scalar(string(n), strTag, .doubleQuoted, m))
        case .number:
            return .scalar(Node.Scalar(string(n), Tag(.implicit), .plain, m))
        case .true, .false:
            return .scalar(Node.Scalar(string(n), boolTag, .plain, m))
        case .null:
            return .scalar(Node.Scalar("null", nullTag, .plain, m))
        }
    }

    // MARK: Parsing

    struct Open {
        var node: Int32
        var last: Int32 = -1
        /// Objects: whether the next child is a member name.
        var expectKey: Bool
        var names: Set<String>?
    }

    /// Member-name nodes of an object being read, up to (not including) `stop`.
    func keys(of object: Int32, before stop: Int32) -> [Int32] {
        var out: [Int32] = []
        var c = firstChild[Int(object)]
        while c >= 0, c != stop {
            out.append(c)
            let v = nextSibling[Int(c)]
            c = v >= 0 ? nextSibling[Int(v)] : -1
        }
        return out
    }

    func append(_ kind: Kind, _ start: Int, _ end: Int) -> Int32 {
        kinds.append(kind)
        starts.append(UInt32(start))
        ends.append(UInt32(end))
        firstChild.append(-1)
        nextSibling.append(-1)
        counts.append(0)
        return Int32(kinds.count - 1)
    }

    func error(_ file: String, _ at: Int, _ message: String) -> LocatedError {
        let p = source.position(ofOffset: at)
        return LocatedError(file: file, line: p.line, column: p.column, message: "invalid JSON: \(message)")
    }

    static func describe(_ buf: UnsafeBufferPointer<UInt8>, _ i: Int) -> String {
        guard i < buf.count else { return "the end of the file" }
        let b = buf[i]
        return b >= 0x20 && b < 0x7F ? "'\(Character(UnicodeScalar(b)))'" : String(format: "byte 0x%02X", b)
    }

    /// The node count of a valid document, from one byte scan (strings, openers,
    /// and other scalars at the start of a value); an estimate for an invalid one.
    static func nodeBound(_ buf: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0, i = 0
        var inString = false, valueMayStart = true
        let n = buf.count
        while i < n {
            let b = buf[i]
            i += 1
            if inString {
                if b == UInt8(ascii: "\\") { i += 1 } else if b == UInt8(ascii: "\"") { inString = false }
                continue
            }
            switch b {
            case UInt8(ascii: "\""): inString = true; count += 1; valueMayStart = false
            case UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: ","), UInt8(ascii: ":"):
                if b == UInt8(ascii: "[") || b == UInt8(ascii: "{") { count += 1 }
                valueMayStart = true
            case UInt8(ascii: "]"), UInt8(ascii: "}"): valueMayStart = false
            case 0x20, 0x09, 0x0A, 0x0D: break
            default:
                if valueMayStart { count += 1 }
                valueMayStart = false
            }
        }
        return count
    }

    static func skipSpace(_ buf: UnsafeBufferPointer<UInt8>, _ i: inout Int) {
        while i < buf.count, buf[i] == 0x20 || buf[i] == 0x0A || buf[i] == 0x0D || buf[i] == 0x09 { i += 1 }
    }

    func parse(_ buf: UnsafeBufferPointer<UInt8>, file: String) throws(LocatedError) {
        // Reserve once: growing six arrays by doubling would briefly need twice the table.
        let estimate = Self.nodeBound(buf)
        kinds.reserveCapacity(estimate); starts.reserveCapacity(estimate); ends.reserveCapacity(estimate)
        firstChild.reserveCapacity(estimate); nextSibling.reserveCapacity(estimate); counts.reserveCapacity(estimate)
        var i = buf.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var stack: [Open] = []
        Self.skipSpace(buf, &i)
        guard i < buf.count else { throw error(file, i, "the document is empty") }
        while true {
            // A value (or a member name) starts at i.
            let isKey = stack.last?.expectKey ?? false
            let node: Int32
            let b = buf[i]
            if isKey, b != UInt8(ascii: "\"") {
                throw error(file, i, "expected a quoted member name, found \(Self.describe(buf, i))")
            }
            switch b {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                guard stack.count < JSONReader.maxDepth else {
                    throw error(file, i, "nesting deeper than \(JSONReader.maxDepth) levels")
                }
                node = append(b == UInt8(ascii: "{") ? .object : .array, i, i + 1)
            case UInt8(ascii: "\""):
                node = append(.string, i, try scanString(buf, i, file: file))
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                node = append(.number, i, try scanNumber(buf, i, file: file))
            case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
                var matched: (Kind, Int)?
                for (word, kind) in [("true", Kind.true), ("false", .false), ("null", .null)] {
                    let w = Array(word.utf8)
                    if i + w.count <= buf.count, buf[i..<i + w.count].elementsEqual(w),
                       !(i + w.count < buf.count && buf[i + w.count] >= UInt8(ascii: "a") && buf[i + w.count] <= UInt8(ascii: "z")) {
                        matched = (kind, i + w.count)
                    }
                }
                guard let (kind, end) = matched else {
                    throw error(file, i, "expected a value (true, false, null, a number, a string, an object or an array)")
                }
                node = append(kind, i, end)
            default:
                throw error(file, i, "expected a value, found \(Self.describe(buf, i))")
            }
            // Link it into its container.
            if !stack.isEmpty {
                let top = stack.count - 1
                let parent = stack[top].node
                if stack[top].last < 0 { firstChild[Int(parent)] = node } else { nextSibling[Int(stack[top].last)] = node }
                stack[top].last = node
                if kinds[Int(parent)] == .array || isKey { counts[Int(parent)] += 1 }
                if isKey {
                    let name = string(node)
                    var duplicate = false
                    if stack[top].names != nil {
                        duplicate = !stack[top].names!.insert(name).inserted
                    } else {
                        let earlier = keys(of: parent, before: node)
                        duplicate = earlier.contains { string($0) == name }
                        if earlier.count >= 16 { stack[top].names = Set(earlier.map(string) + [name]) }
                    }
                    if duplicate {
                        throw error(file, i, "duplicate member name \"\(name)\" (keys must be unique, as YAML requires)")
                    }
                }
            }
            i = Int(ends[Int(node)])
            Self.skipSpace(buf, &i)
            if isKey {
                guard i < buf.count, buf[i] == UInt8(ascii: ":") else {
                    throw error(file, i, "expected ':' after the member name, found \(Self.describe(buf, i))")
                }
                stack[stack.count - 1].expectKey = false
                i += 1
                Self.skipSpace(buf, &i)
                guard i < buf.count else { throw error(file, i, "unexpected end of file, expected a value") }
                continue
            }
            if kinds[Int(node)] == .object || kinds[Int(node)] == .array {
                let isObject = kinds[Int(node)] == .object
                let closer = isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
                if i < buf.count, buf[i] == closer {
                    i += 1
                    ends[Int(node)] = UInt32(i)
                } else {
                    stack.append(Open(node: node, expectKey: isObject))
                    guard i < buf.count else { throw error(file, i, "unexpected end of file, expected a value") }
                    continue
                }
            }
            // After a complete value: close every container that ends here.
            while true {
                Self.skipSpace(buf, &i)
                guard let top = stack.last else {
                    guard i >= buf.count else { throw error(file, i, "unexpected \(Self.describe(buf, i)) after the end of the JSON value") }
                    return
                }
                let isObject = kinds[Int(top.node)] == .object
                let closer = isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
                if i < buf.count, buf[i] == UInt8(ascii: ",") {
                    i += 1
                    Self.skipSpace(buf, &i)
                    if isObject { stack[stack.count - 1].expectKey = true }
                    guard i < buf.count else { throw error(file, i, "unexpected end of file, expected a value") }
                    break
                }
                guard i < buf.count, buf[i] == closer else {
                    throw error(file, i, i < buf.count
                        ? "expected ',' or '\(Character(UnicodeScalar(closer)))', found \(Self.describe(buf, i))"
                        : "unexpected end of file, expected '\(Character(UnicodeScalar(closer)))'")
                }
                i += 1
                ends[Int(top.node)] = UInt32(i)
                stack.removeLast()
            }
        }
    }

    /// The offset after the closing quote; validates escapes.
    func scanString(_ buf: UnsafeBufferPointer<UInt8>, _ start: Int, file: String) throws(LocatedError) -> Int {
        var j = start + 1
        while true {
            guard j < buf.count else { throw error(file, start, "unterminated string") }
            let c = buf[j]
            if c == UInt8(ascii: "\"") { return j + 1 }
            if c < 0x20, c != 0x09 {
                throw error(file, j, "control character \(Self.describe(buf, j)) in a string (escape it)")
            }
            if c != UInt8(ascii: "\\") { j += 1; continue }
            guard j + 1 < buf.count else { throw error(file, start, "unterminated string") }
            let e = buf[j + 1]
            switch e {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                 UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                j += 2
            case UInt8(ascii: "u"):
                guard let unit = Self.hex4(buf, j + 2) else { throw error(file, j, "invalid \\u escape") }
                if (0xD800..<0xDC00).contains(unit) {
                    guard j + 7 < buf.count, buf[j + 6] == UInt8(ascii: "\\"), buf[j + 7] == UInt8(ascii: "u"),
                          let low = Self.hex4(buf, j + 8), (0xDC00..<0xE000).contains(low) else {
                        throw error(file, j, "unpaired surrogate in \\u escape")
                    }
                    j += 12
                } else if (0xDC00..<0xE000).contains(unit) {
                    throw error(file, j, "unpaired surrogate in \\u escape")
                } else {
                    j += 6
                }
            default:
                throw error(file, j, "invalid escape '\\\(Character(UnicodeScalar(e)))'")
            }
        }
    }

    static func hex4(_ buf: UnsafeBufferPointer<UInt8>, _ at: Int) -> UInt32? {
        guard at + 4 <= buf.count else { return nil }
        var v: UInt32 = 0
        for k in at..<at + 4 {
            let c = buf[k]
            let d: UInt8
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = c - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = c - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = c - UInt8(ascii: "A") + 10
            default: return nil
            }
            v = v << 4 | UInt32(d)
        }
        return v
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?`, kept as text (big numbers lose nothing).
    func scanNumber(_ buf: UnsafeBufferPointer<UInt8>, _ start: Int, file: String) throws(LocatedError) -> Int {
        var j = start
        func digits(_ j: inout Int) -> Int {
            let s = j
            while j < buf.count, buf[j] >= UInt8(ascii: "0"), buf[j] <= UInt8(ascii: "9") { j += 1 }
            return j - s
        }
        if buf[j] == UInt8(ascii: "-") { j += 1 }
        let intStart = j
        let n = digits(&j)
        guard n > 0 else { throw error(file, start, "invalid number") }
        if n > 1, buf[intStart] == UInt8(ascii: "0") { throw error(file, start, "invalid number (leading zero)") }
        if j < buf.count, buf[j] == UInt8(ascii: ".") {
            j += 1
            guard digits(&j) > 0 else { throw error(file, start, "invalid number (digits expected after '.')") }
        }
        if j < buf.count, buf[j] == UInt8(ascii: "e") || buf[j] == UInt8(ascii: "E") {
            j += 1
            if j < buf.count, buf[j] == UInt8(ascii: "+") || buf[j] == UInt8(ascii: "-") { j += 1 }
            guard digits(&j) > 0 else { throw error(file, start, "invalid number (digits expected in the exponent)") }
        }
        return j
    }
}

/// Reads JSON descriptors (see ``JSONTree``).
public enum JSONReader {
    /// Nesting deeper than this is refused with a located error (libyaml's limit).
    public static let maxDepth = 1000

    /// Whether `bytes` (after an optional BOM and whitespace) start like a JSON object or array.
    public static func looksLikeJSON(_ bytes: [UInt8]) -> Bool {
        var i = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A || bytes[i] == 0x0D { i += 1 }
        return i < bytes.count && (bytes[i] == UInt8(ascii: "{") || bytes[i] == UInt8(ascii: "["))
    }

    /// The whole document as a Yams tree, as Yams would build it from the same text.
    public static func parse(_ bytes: [UInt8], file: String) throws(LocatedError) -> Node {
        try JSONTree(source: SourceText(utf8: bytes), file: file).node(0)
    }
}

extension Mark {
    /// Yams keeps `Mark`'s initialiser internal; its layout is two `Int`s (line, column).
    static func make(line: Int, column: Int) -> Mark {
        unsafeBitCast((line, column), to: Mark.self)
    }
}
