import Yams

/// A strict JSON (RFC 8259) reader that builds the same located tree as
/// ``YAMLReader`` would, without going through libyaml's event stream.
///
/// JSON descriptors can be large (a data.gov `data.json` is tens of megabytes):
/// this reader scans the bytes once, iteratively (deep nesting cannot overflow
/// the stack), shares one ``Tag`` per tag name instead of allocating one per node,
/// and computes line and column incrementally, in Unicode scalars like libyaml.
/// Nodes get the tags and styles YAML's core schema gives the same text, so rules
/// see no difference between a JSON file read here and one read by Yams.
/// Duplicate member names are refused, located at the second one (Yams refuses
/// them too, but at the start of the document).
public enum JSONReader {
    /// Nesting deeper than this is refused with a located error (libyaml's limit).
    public static let maxDepth = 1000

    /// Whether `bytes` (after an optional BOM and whitespace) start like a JSON
    /// object or array.
    public static func looksLikeJSON(_ bytes: [UInt8]) -> Bool {
        var i = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A || bytes[i] == 0x0D { i += 1 }
        return i < bytes.count && (bytes[i] == UInt8(ascii: "{") || bytes[i] == UInt8(ascii: "["))
    }

    public static func parse(_ bytes: [UInt8], file: String) throws(LocatedError) -> Node {
        var parser = Parser(file: file)
        var result: Result<Node, LocatedError> = .failure(LocatedError(file: file, line: 1, column: 1, message: "invalid JSON"))
        bytes.withUnsafeBufferPointer { buf in
            do throws(LocatedError) {
                result = .success(try parser.document(buf))
            } catch {
                result = .failure(error)
            }
        }
        return try result.get()
    }

    struct Parser {
        let file: String
        var line = 1
        /// A position on the current line whose column is known (positions only grow).
        var cursor = 0
        var cursorColumn = 1

        /// One tag instance per name for the whole document. Yams only resolves
        /// (mutates) implicit tags, so tags with explicit names can be shared.
        let strTag = Tag(.str), mapTag = Tag(.map), seqTag = Tag(.seq), boolTag = Tag(.bool), nullTag = Tag(.null)

        init(file: String) { self.file = file }

        /// An open object or array (mutated in place on the stack, so appends never copy).
        struct Frame {
            var isObject: Bool
            var pairs: [(Node, Node)] = []
            var items: [Node] = []
            var key: Node?
            var mark: Mark
            /// Member names seen so far, once the object is too big for a linear scan.
            var names: Set<String>?
        }

        mutating func column(_ buf: UnsafeBufferPointer<UInt8>, _ pos: Int) -> Int {
            while cursor < pos {
                if buf[cursor] & 0xC0 != 0x80 { cursorColumn += 1 }
                cursor += 1
            }
            return cursorColumn
        }

        mutating func mark(_ buf: UnsafeBufferPointer<UInt8>, _ pos: Int) -> Mark {
            Mark.make(line: line, column: column(buf, pos))
        }

        mutating func error(_ buf: UnsafeBufferPointer<UInt8>, _ pos: Int, _ message: String) -> LocatedError {
            LocatedError(file: file, line: line, column: column(buf, min(pos, buf.count)), message: "invalid JSON: \(message)")
        }

        mutating func skipSpace(_ buf: UnsafeBufferPointer<UInt8>, _ i: inout Int) {
            while i < buf.count {
                switch buf[i] {
                case 0x20, 0x09:
                    i += 1
                case 0x0A, 0x0D:
                    if buf[i] == 0x0D, i + 1 < buf.count, buf[i + 1] == 0x0A { i += 1 }
                    i += 1
                    line += 1
                    cursor = i
                    cursorColumn = 1
                default:
                    return
                }
            }
        }

        static func describe(_ b: UInt8) -> String {
            b >= 0x20 && b < 0x7F ? "'\(Character(UnicodeScalar(b)))'" : String(format: "byte 0x%02X", b)
        }

        mutating func document(_ buf: UnsafeBufferPointer<UInt8>) throws(LocatedError) -> Node {
            // A BOM counts as one column, as libyaml (and SourceText) count it.
            var i = buf.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            var stack: [Frame] = []
            var finished: Node?
            skipSpace(buf, &i)
            while true {
                // Parse one value (or open a container) at i.
                guard i < buf.count else { throw error(buf, i, stack.isEmpty ? "the document is empty" : "unexpected end of file") }
                var value: Node
                let b = buf[i]
                switch b {
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    guard stack.count < JSONReader.maxDepth else {
                        throw error(buf, i, "nesting deeper than \(JSONReader.maxDepth) levels")
                    }
                    let m = mark(buf, i)
                    i += 1
                    skipSpace(buf, &i)
                    let closer = b == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
                    if i < buf.count, buf[i] == closer {
                        i += 1
                        value = b == UInt8(ascii: "{") ? .mapping(Node.Mapping([], mapTag, .flow, m))
                            : .sequence(Node.Sequence([], seqTag, .flow, m))
                        break
                    }
                    if b == UInt8(ascii: "{") {
                        stack.append(Frame(isObject: true, key: try key(buf, &i), mark: m))
                    } else {
                        stack.append(Frame(isObject: false, mark: m))
                    }
                    continue
                case UInt8(ascii: "\""):
                    value = try string(buf, &i)
                case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                    value = try number(buf, &i)
                case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
                    value = try literal(buf, &i)
                case UInt8(ascii: "}"), UInt8(ascii: "]"), UInt8(ascii: ","):
                    throw error(buf, i, "expected a value, found \(Self.describe(b))")
                default:
                    throw error(buf, i, "expected a value, found \(Self.describe(b))")
                }
                // Attach the value, closing every container that ends after it.
                while true {
                    skipSpace(buf, &i)
                    guard !stack.isEmpty else {
                        finished = value
                        break
                    }
                    let top = stack.count - 1
                    let isObject = stack[top].isObject
                    if isObject {
                        let k = stack[top].key!
                        let name = k.scalarText ?? ""
                        var duplicate = false
                        if stack[top].names != nil {
                            duplicate = !stack[top].names!.insert(name).inserted
                        } else {
                            duplicate = stack[top].pairs.contains { $0.0.scalarText == name }
                            if stack[top].pairs.count >= 16 {
                                stack[top].names = Set(stack[top].pairs.map { $0.0.scalarText ?? "" } + [name])
                            }
                        }
                        if duplicate {
                            let at = k.mark!
                            throw LocatedError(file: file, line: at.line, column: at.column,
                                               message: "invalid JSON: duplicate member name \"\(name)\" (keys must be unique, as YAML requires)")
                        }
                        stack[top].pairs.append((k, value))
                    } else {
                        stack[top].items.append(value)
                    }
                    if i < buf.count, buf[i] == UInt8(ascii: ",") {
                        i += 1
                        skipSpace(buf, &i)
                        if isObject { stack[top].key = try key(buf, &i) }
                        break
                    }
                    let closer = isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
                    guard i < buf.count, buf[i] == closer else {
                        throw error(buf, i, i < buf.count
                            ? "expected ',' or '\(Character(UnicodeScalar(closer)))', found \(Self.describe(buf[i]))"
                            : "unexpected end of file, expected '\(Character(UnicodeScalar(closer)))'")
                    }
                    i += 1
                    let frame = stack.removeLast()
                    value = isObject ? .mapping(Node.Mapping(frame.pairs, mapTag, .flow, frame.mark))
                        : .sequence(Node.Sequence(frame.items, seqTag, .flow, frame.mark))
                }
                if let finished {
                    skipSpace(buf, &i)
                    if i < buf.count { throw error(buf, i, "unexpected \(Self.describe(buf[i])) after the end of the JSON value") }
                    return finished
                }
            }
        }

        /// A member name and its colon; leaves `i` on the value.
        mutating func key(_ buf: UnsafeBufferPointer<UInt8>, _ i: inout Int) throws(LocatedError) -> Node {
            guard i < buf.count, buf[i] == UInt8(ascii: "\"") else {
                throw error(buf, i, i < buf.count ? "expected a quoted member name, found \(Self.describe(buf[i]))" : "unexpected end of file, expected a member name")
            }
            let k = try string(buf, &i)
            skipSpace(buf, &i)
            guard i < buf.count, buf[i] == UInt8(ascii: ":") else {
                throw error(buf, i, i < buf.count ? "expected ':' after the member name, found \(Self.describe(buf[i]))" : "unexpected end of file, expected ':'")
            }
            i += 1
            skipSpace(buf, &i)
            return k
        }

        mutating func string(_ buf: UnsafeBufferPointer<UInt8>, _ i: inout Int) throws(LocatedError) -> Node {
            let m = mark(buf, i)
            let start = i + 1
            var j = start
            var decoded: [UInt8]?
            var runStart = start
            while true {
                guard j < buf.count else { throw error(buf, i, "unterminated string") }
                let c = buf[j]
                if c == UInt8(ascii: "\"") { break }
                if c < 0x20, c != 0x09 {
                    throw error(buf, j, "control character \(Self.describe(c)) in a string (escape it)")
                }
                if c != UInt8(ascii: "\\") { j += 1; continue }
                if decoded == nil { decoded = [] }
                decoded!.append(contentsOf: buf[runStart..<j])
                guard j + 1 < buf.count else { throw error(buf, j, "unterminated string") }
                let e = buf[j + 1]
                j += 2
                switch e {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): decoded!.append(e)
                case UInt8(ascii: "b"): decoded!.append(0x08)
                case UInt8(ascii: "f"): decoded!.append(0x0C)
                case UInt8(ascii: "n"): decoded!.append(0x0A)
                case UInt8(ascii: "r"): decoded!.append(0x0D)
                case UInt8(ascii: "t"): decoded!.append(0x09)
                case UInt8(ascii: "u"):
                    let escapeStart = j - 2
                    guard var unit = hex4(buf, j) else { throw error(buf, escapeStart, "invalid \\u escape") }
                    j += 4
                    if (0xD800..<0xDC00).contains(unit) {
                        guard j + 1 < buf.count, buf[j] == UInt8(ascii: "\\"), buf[j + 1] == UInt8(ascii: "u"),
                              let low = hex4(buf, j + 2), (0xDC00..<0xE000).contains(low) else {
                            throw error(buf, escapeStart, "unpaired surrogate in \\u escape")
                        }
                        unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                        j += 6
                    } else if (0xDC00..<0xE000).contains(unit) {
                        throw error(buf, escapeStart, "unpaired surrogate in \\u escape")
                    }
                    decoded!.append(contentsOf: Array(String(Character(UnicodeScalar(unit)!)).utf8))
                default:
                    throw error(buf, j - 2, "invalid escape '\\\(Character(UnicodeScalar(e)))'")
                }
                runStart = j
            }
            let text: String
            if var d = decoded {
                d.append(contentsOf: buf[runStart..<j])
                text = String(decoding: d, as: UTF8.self)
            } else {
                text = String(decoding: UnsafeBufferPointer(rebasing: buf[start..<j]), as: UTF8.self)
            }
            i = j + 1
            return .scalar(Node.Scalar(text, strTag, .doubleQuoted, m))
        }

        func hex4(_ buf: UnsafeBufferPointer<UInt8>, _ at: Int) -> UInt32? {
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
        mutating func number(_ buf: UnsafeBufferPointer<UInt8>, _ i: inout Int) throws(LocatedError) -> Node {
            let m = mark(buf, i)
            let start = i
            var j = i
            func digits(_ j: inout Int) -> Int {
                let s = j
                while j < buf.count, buf[j] >= UInt8(ascii: "0"), buf[j] <= UInt8(ascii: "9") { j += 1 }
                return j - s
            }
            if buf[j] == UInt8(ascii: "-") { j += 1 }
            let intStart = j
            let n = digits(&j)
            guard n > 0 else { throw error(buf, start, "invalid number") }
            if n > 1, buf[intStart] == UInt8(ascii: "0") { throw error(buf, start, "invalid number (leading zero)") }
            if j < buf.count, buf[j] == UInt8(ascii: ".") {
                j += 1
                guard digits(&j) > 0 else { throw error(buf, start, "invalid number (digits expected after '.')") }
            }
            if j < buf.count, buf[j] == UInt8(ascii: "e") || buf[j] == UInt8(ascii: "E") {
                j += 1
                if j < buf.count, buf[j] == UInt8(ascii: "+") || buf[j] == UInt8(ascii: "-") { j += 1 }
                guard digits(&j) > 0 else { throw error(buf, start, "invalid number (digits expected in the exponent)") }
            }
            let text = String(decoding: UnsafeBufferPointer(rebasing: buf[start..<j]), as: UTF8.self)
            i = j
            // An implicit tag, resolved by Yams on use exactly as for a plain YAML scalar.
            return .scalar(Node.Scalar(text, Tag(.implicit), .plain, m))
        }

        mutating func literal(_ buf: UnsafeBufferPointer<UInt8>, _ i: inout Int) throws(LocatedError) -> Node {
            let m = mark(buf, i)
            for (word, tag) in [("true", boolTag), ("false", boolTag), ("null", nullTag)] {
                let w = Array(word.utf8)
                if i + w.count <= buf.count, buf[i..<i + w.count].elementsEqual(w) {
                    let end = i + w.count
                    if end < buf.count, (buf[end] >= UInt8(ascii: "a") && buf[end] <= UInt8(ascii: "z")) { break }
                    i = end
                    return .scalar(Node.Scalar(word, tag, .plain, m))
                }
            }
            throw error(buf, i, "expected a value (true, false, null, a number, a string, an object or an array)")
        }
    }
}

extension Mark {
    /// Yams keeps `Mark`'s initialiser internal; its layout is two `Int`s (line, column).
    static func make(line: Int, column: Int) -> Mark {
        unsafeBitCast((line, column), to: Mark.self)
    }
}
