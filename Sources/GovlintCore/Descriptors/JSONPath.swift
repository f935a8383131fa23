import Foundation
import Yams

/// A JSONPath expression over descriptors: the RFC 9535 subset Spectral
/// rulesets use — root, dotted and bracketed names, wildcards, indexes,
/// slices `[start:end:step]`, unions `[a,'b',0]`, recursive descent and
/// filters `[?(@.x == 'y' && !@.z)]` — plus Spectral's `@property`/`@key`
/// (the name or index of the candidate) and JavaScript's `undefined` / `void 0`
/// (equal only to a missing value) in filters.
public struct JSONPath: Sendable, CustomStringConvertible {
    enum Selector: Sendable {
        case name(String)
        case index(Int)
        case wildcard
        case slice(Int?, Int?, Int?)
        case filter(FilterExpr)
    }

    enum Segment: Sendable {
        case child([Selector])
        case descendant([Selector])
        /// jsonpath-plus `~`: the names (keys) of the selected values instead of the values.
        case keys
    }

    indirect enum FilterExpr: Sendable {
        case or(FilterExpr, FilterExpr)
        case and(FilterExpr, FilterExpr)
        case not(FilterExpr)
        case exists(Operand)
        case compare(Operand, CompareOp, Operand)
        /// JavaScript string tests Spectral rulesets use: `x.match(/re/)`, `startsWith`, `endsWith`, `includes`.
        case method(Operand, StringMethod)
    }

    enum StringMethod: @unchecked Sendable {
        case match(NSRegularExpression)
        case startsWith(String)
        case endsWith(String)
        case includes(String)
    }

    enum Operand: Sendable {
        case literal(JSONValue)
        /// `@…` (relative) or `$…` (absolute) singular-ish path.
        case path(relative: Bool, [Segment])
        /// `@property` / `@key`: the candidate's member name or index.
        case property
        /// `@.length` on a list or string (JavaScript's length).
        case length(relative: Bool, [Segment])
        /// JavaScript's `undefined` (or `void 0`): equal only to a missing value.
        case undefined
    }

    enum CompareOp: String, Sendable { case eq = "==", ne = "!=", lt = "<", le = "<=", gt = ">", ge = ">=" }

    public let text: String
    let segments: [Segment]
    public var description: String { text }

    /// Parses a path; errors carry the 1-based column within the text.
    public init(_ text: String) throws(JSONPathError) {
        self.text = text
        var p = Parser(chars: Array(text))
        guard p.peek == "$" else { throw JSONPathError(message: "a path must start with '$'", column: 1) }
        p.i = 1
        segments = try p.segments(inFilter: false)
        if !p.atEnd { throw p.error("unexpected '\(p.chars[p.i])'") }
    }

    // MARK: Selection

    /// Every value the path selects, in document order.
    public func select(_ root: DescriptorMatch) -> [DescriptorMatch] {
        Self.run(segments, from: root, root: root)
    }

    static func run(_ segments: [Segment], from start: DescriptorMatch, root: DescriptorMatch) -> [DescriptorMatch] {
        var current = [start]
        for segment in segments {
            var next: [DescriptorMatch] = []
            for m in current {
                switch segment {
                case let .child(selectors):
                    for s in selectors { apply(s, to: m, root: root, into: &next) }
                case .keys:
                    if let k = m.keyMatch { next.append(k) }
                    continue
                case let .descendant(selectors):
                    // Iterative pre-order walk: no recursion per nesting level.
                    var stack = [m]
                    var visited = 0
                    while let node = stack.popLast() {
                        visited += 1
                        // Nested filters over recursive descent multiply (N^depth): a hostile path stops
                        // at the running rule's deadline, and the runner reports the rule as cut short.
                        if visited & 1023 == 0, RuleDeadline.isPast { break }
                        for s in selectors { apply(s, to: node, root: root, into: &next) }
                        stack.append(contentsOf: node.children.reversed())
                    }
                }
            }
            current = next
        }
        return current
    }

    static func apply(_ selector: Selector, to m: DescriptorMatch, root: DescriptorMatch, into out: inout [DescriptorMatch]) {
        switch selector {
        case let .name(n):
            if m.kind == .mapping, let c = m.child(.key(n)) { out.append(c) }
        case let .index(i):
            if m.kind == .sequence, let c = m.child(.index(i)) { out.append(c) }
        case .wildcard:
            out.append(contentsOf: m.children)
        case let .slice(start, end, step):
            guard m.kind == .sequence else { return }
            for i in sliceIndexes(count: m.count, start, end, step) {
                if let c = m.child(.index(i)) { out.append(c) }
            }
        case let .filter(expr):
            for c in m.children {
                if RuleDeadline.isPast { return }
                if evaluate(expr, c, root: root) { out.append(c) }
            }
        }
    }

    /// RFC 9535 §2.3.4.2 slice semantics.
    static func sliceIndexes(count n: Int, _ start: Int?, _ end: Int?, _ step: Int?) -> [Int] {
        let step = step ?? 1
        guard step != 0 else { return [] }
        func norm(_ i: Int) -> Int { i >= 0 ? i : n + i }
        var result: [Int] = []
        if step > 0 {
            let lower = min(max(norm(start ?? 0), 0), n)
            let upper = min(max(norm(end ?? n), 0), n)
            var i = lower
            while i < upper { result.append(i); i += step }
        } else {
            let upper = min(max(norm(start ?? n - 1), -1), n - 1)
            let lower = min(max(end.map(norm) ?? -1, -1), n - 1)
            var i = upper
            while lower < i { result.append(i); i += step }
        }
        return result
    }

    // MARK: Filters

    enum FilterValue {
        case nothing
        case value(JSONValue)
    }

    static func evaluate(_ e: FilterExpr, _ c: DescriptorMatch, root: DescriptorMatch) -> Bool {
        switch e {
        case let .or(a, b): return evaluate(a, c, root: root) || evaluate(b, c, root: root)
        case let .and(a, b): return evaluate(a, c, root: root) && evaluate(b, c, root: root)
        case let .not(a): return !evaluate(a, c, root: root)
        case let .exists(op):
            switch op {
            case .length: return { if case let .value(v) = value(op, c, root: root), v != .number(0) { true } else { false } }()
            case let .path(relative, segs): return !run(segs, from: relative ? c : root, root: root).isEmpty
            case .property: return true
            case .undefined: return false
            case let .literal(v):
                if case let .bool(b) = v { return b }
                return v != .null
            }
        case let .compare(l, op, r):
            return compare(value(l, c, root: root), op, value(r, c, root: root))
        case let .method(op, method):
            guard case let .value(v) = value(op, c, root: root) else { return false }
            let text: String
            switch v {
            case let .string(s): text = s
            case .number, .bool: text = v.description
            default: return false
            }
            switch method {
            case let .match(re): return re.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
            case let .startsWith(p): return text.hasPrefix(p)
            case let .endsWith(p): return text.hasSuffix(p)
            case let .includes(p): return p.isEmpty || text.contains(p)
            }
        }
    }

    static func value(_ op: Operand, _ c: DescriptorMatch, root: DescriptorMatch) -> FilterValue {
        switch op {
        case let .literal(v): return .value(v)
        case .undefined: return .nothing
        case .property:
            switch c.path.last {
            case let .key(k)?: return .value(.string(k))
            case let .index(i)?: return .value(.number(Double(i)))
            case nil: return .nothing
            }
        case let .path(relative, segs):
            let found = run(segs, from: relative ? c : root, root: root)
            return found.count == 1 ? .value(found[0].json) : .nothing
        case let .length(relative, segs):
            let found = run(segs, from: relative ? c : root, root: root)
            guard found.count == 1 else { return .nothing }
            switch found[0].shallowJSON {
            case let .array(a): return .value(.number(Double(a.count)))
            case let .string(s): return .value(.number(Double(s.utf16.count)))
            default: return .nothing
            }
        }
    }

    static func compare(_ l: FilterValue, _ op: CompareOp, _ r: FilterValue) -> Bool {
        switch op {
        case .eq: return equal(l, r)
        case .ne: return !equal(l, r)
        case .lt: return less(l, r)
        case .le: return less(l, r) || equal(l, r)
        case .gt: return less(r, l)
        case .ge: return less(r, l) || equal(l, r)
        }
    }

    static func equal(_ l: FilterValue, _ r: FilterValue) -> Bool {
        switch (l, r) {
        case (.nothing, .nothing): return true
        case let (.value(a), .value(b)): return a == b
        default: return false
        }
    }

    static func less(_ l: FilterValue, _ r: FilterValue) -> Bool {
        guard case let .value(a) = l, case let .value(b) = r else { return false }
        switch (a, b) {
        case let (.number(x), .number(y)): return x < y
        case let (.string(x), .string(y)): return x < y
        default: return false
        }
    }

    // MARK: Parser

    struct Parser {
        let chars: [Character]
        var i = 0

        var atEnd: Bool { i >= chars.count }
        var peek: Character? { i < chars.count ? chars[i] : nil }
        func peek(_ offset: Int) -> Character? { i + offset < chars.count ? chars[i + offset] : nil }
        func error(_ message: String, at column: Int? = nil) -> JSONPathError {
            JSONPathError(message: message, column: column ?? (i + 1))
        }
        mutating func skipSpaces() { while peek == " " { i += 1 } }

        /// Segments until the end, or (inside a filter) until a character that cannot continue a path.
        mutating func segments(inFilter: Bool) throws(JSONPathError) -> [Segment] {
            var result: [Segment] = []
            while let c = peek {
                if c == "." {
                    if peek(1) == "." {
                        i += 2
                        if peek == "[" {
                            result.append(.descendant(try bracket()))
                        } else if peek == "*" {
                            i += 1; result.append(.descendant([.wildcard]))
                        } else {
                            let name = readName()
                            guard !name.isEmpty else { throw error("expected a name after '..'") }
                            result.append(.descendant([.name(name)]))
                        }
                    } else {
                        let dot = i
                        i += 1
                        if peek == "*" {
                            i += 1; result.append(.child([.wildcard]))
                        } else if peek == "[" {
                            // jsonpath-plus accepts `.[…]` as `[…]`
                            result.append(.child(try bracket()))
                        } else {
                            let start = i
                            let name = readName()
                            guard !name.isEmpty else { throw error("expected a name after '.'") }
                            if inFilter, peek == "(" {
                                guard ["match", "startsWith", "endsWith", "includes"].contains(name) else {
                                    throw error("JavaScript method calls like '\(name)(…)' are not supported", at: start + 1)
                                }
                                i = dot // the operand parser reads the call
                                return result
                            }
                            result.append(.child([.name(name)]))
                        }
                    }
                } else if c == "[" {
                    result.append(.child(try bracket()))
                } else if c == "~", !inFilter {
                    i += 1
                    result.append(.keys)
                    guard atEnd else { throw error("'~' must end the path") }
                } else if inFilter {
                    break
                } else {
                    throw error("unexpected '\(c)'")
                }
            }
            return result
        }

        mutating func readName() -> String {
            var name = ""
            while let c = peek, c != ".", c != "[" {
                if c == " " || c == ")" || c == "]" || c == "=" || c == "!" || c == "<" || c == ">" || c == "&" || c == "|" || c == "(" || c == "," || c == "~" {
                    break
                }
                name.append(c); i += 1
            }
            return name
        }

        /// `[ selector (, selector)* ]`
        mutating func bracket() throws(JSONPathError) -> [Selector] {
            let open = i
            i += 1
            var selectors: [Selector] = []
            while true {
                skipSpaces()
                guard !atEnd else { throw error("unclosed '['", at: open + 1) }
                selectors.append(try selector(open: open))
                skipSpaces()
                guard let c = peek else { throw error("expected ']'") }
                if c == "]" { i += 1; return selectors }
                guard c == "," else { throw error("expected ']' or ','") }
                i += 1
            }
        }

        mutating func selector(open: Int) throws(JSONPathError) -> Selector {
            let c = peek!
            if c == "*" { i += 1; return .wildcard }
            if c == "'" || c == "\"" { return .name(try quoted()) }
            if c == "?" {
                i += 1
                skipSpaces()
                return .filter(try orExpr())
            }
            if c == "-" || c == ":" || c.isASCIIDigit {
                let start = try optionalInt()
                skipSpaces()
                guard peek == ":" else {
                    guard let start else { throw error("bad index") }
                    return .index(start)
                }
                i += 1; skipSpaces()
                let end = try optionalInt()
                skipSpaces()
                var step: Int?
                if peek == ":" { i += 1; skipSpaces(); step = try optionalInt() }
                return .slice(start, end, step)
            }
            if c.isLetter || c == "_" || c == "$" {
                // jsonpath-plus style bare member names: [get,post]
                var name = ""
                while let d = peek, d.isLetter || d.isNumber || d == "_" || d == "-" || d == "$" { name.append(d); i += 1 }
                return .name(name)
            }
            throw error("unsupported selector '\(c)' in brackets")
        }

        mutating func optionalInt() throws(JSONPathError) -> Int? {
            let start = i
            var digits = ""
            if peek == "-" { digits.append("-"); i += 1 }
            while let d = peek, d.isASCIIDigit { digits.append(d); i += 1 }
            if digits.isEmpty { return nil }
            guard let n = Int(digits) else { throw error("bad index '\(digits)'", at: start + 1) }
            return n
        }

        mutating func quoted() throws(JSONPathError) -> String {
            let start = i
            let q = chars[i]
            i += 1
            var s = ""
            while let c = peek, c != q {
                if c == "\\", let n = peek(1) {
                    i += 2
                    switch n {
                    case "n": s.append("\n")
                    case "t": s.append("\t")
                    default: s.append(n)
                    }
                    continue
                }
                s.append(c); i += 1
            }
            guard peek == q else { throw error("unclosed string", at: start + 1) }
            i += 1
            return s
        }

        // expr := and ('||' and)* ; and := unary ('&&' unary)* ; unary := '!' unary | primary
        mutating func orExpr() throws(JSONPathError) -> FilterExpr {
            var left = try andExpr()
            while true {
                skipSpaces()
                guard peek == "|", peek(1) == "|" else { return left }
                i += 2
                left = .or(left, try andExpr())
            }
        }

        mutating func andExpr() throws(JSONPathError) -> FilterExpr {
            var left = try unary()
            while true {
                skipSpaces()
                guard peek == "&", peek(1) == "&" else { return left }
                i += 2
                left = .and(left, try unary())
            }
        }

        mutating func unary() throws(JSONPathError) -> FilterExpr {
            skipSpaces()
            if peek == "!", peek(1) != "=" {
                i += 1
                return .not(try unary())
            }
            return try primary()
        }

        mutating func primary() throws(JSONPathError) -> FilterExpr {
            skipSpaces()
            guard !atEnd else { throw error("expected a filter expression") }
            if peek == "(" {
                let open = i
                i += 1
                let e = try orExpr()
                skipSpaces()
                guard peek == ")" else { throw error(atEnd ? "unclosed '('" : "expected ')'", at: atEnd ? open + 1 : nil) }
                i += 1
                return e
            }
            let operandStart = i
            let left = try operand()
            if let call = try methodCall() {
                if case .property = left {} else if case .path = left {} else {
                    throw error("string methods apply to @property or a path", at: operandStart + 1)
                }
                return .method(left, call)
            }
            skipSpaces()
            // JavaScript's strict operators, common in Spectral rulesets, mean the same here.
            if (peek == "=" || peek == "!"), peek(1) == "=", peek(2) == "=" {
                let op: CompareOp = peek == "=" ? .eq : .ne
                i += 3
                skipSpaces()
                return .compare(left, op, try operand())
            }
            let ops: [CompareOp] = [.eq, .ne, .le, .ge, .lt, .gt]
            for op in ops {
                let s = Array(op.rawValue)
                if peek == s[0], s.count == 1 || peek(1) == s[1] {
                    if s.count == 1, peek(1) == "=" { continue }
                    i += s.count
                    skipSpaces()
                    let right = try operand()
                    return .compare(left, op, right)
                }
            }
            if peek == "=" { throw error("use '==' to compare") }
            if case .literal = left { throw error("a literal alone is not a test", at: operandStart + 1) }
            if case .undefined = left { throw error("a literal alone is not a test", at: operandStart + 1) }
            return .exists(left)
        }

        /// `.match(/re/flags)`, `.startsWith('x')`, `.endsWith('x')`, `.includes('x')` after an operand.
        mutating func methodCall() throws(JSONPathError) -> StringMethod? {
            guard peek == "." else { return nil }
            let start = i
            var j = i + 1
            var name = ""
            while j < chars.count, chars[j].isLetter { name.append(chars[j]); j += 1 }
            guard j < chars.count, chars[j] == "(" else { return nil }
            guard ["match", "startsWith", "endsWith", "includes"].contains(name) else {
                throw error("JavaScript method calls like '\(name)(…)' are not supported", at: start + 2)
            }
            i = j + 1
            skipSpaces()
            let method: StringMethod
            if name == "match" {
                guard peek == "/" else { throw error("match() takes a regular expression literal /…/") }
                let reStart = i
                i += 1
                var body = ""
                var inClass = false
                while let c = peek, c != "/" || inClass {
                    if c == "\\", let n = peek(1) { body.append(c); body.append(n); i += 2; continue }
                    if c == "[" { inClass = true } else if c == "]" { inClass = false }
                    body.append(c); i += 1
                }
                guard peek == "/" else { throw error("unclosed regular expression", at: reStart + 1) }
                i += 1
                var options: NSRegularExpression.Options = []
                while let f = peek, f.isLetter {
                    switch f {
                    case "i": options.insert(.caseInsensitive)
                    case "m": options.insert(.anchorsMatchLines)
                    case "s": options.insert(.dotMatchesLineSeparators)
                    case "g", "u", "y", "d": break
                    default: throw error("unknown regular expression flag '\(f)'")
                    }
                    i += 1
                }
                guard let re = try? JSRegex.compile(body, options: options) else {
                    throw error("invalid regular expression /\(body)/", at: reStart + 1)
                }
                method = .match(re)
            } else {
                guard peek == "'" || peek == "\"" else { throw error("\(name)() takes a string") }
                let arg = try quoted()
                switch name {
                case "startsWith": method = .startsWith(arg)
                case "endsWith": method = .endsWith(arg)
                default: method = .includes(arg)
                }
            }
            skipSpaces()
            guard peek == ")" else { throw error("expected ')'") }
            i += 1
            return method
        }

        mutating func operand() throws(JSONPathError) -> Operand {
            skipSpaces()
            guard let c = peek else { throw error("expected a value") }
            if c == "@" || c == "$" {
                let start = i
                i += 1
                if c == "@" {
                    var word = ""
                    var j = i
                    while j < chars.count, chars[j].isLetter { word.append(chars[j]); j += 1 }
                    if word == "property" || word == "key" { i = j; return .property }
                    if !word.isEmpty { throw error("unsupported '@\(word)'", at: start + 1) }
                }
                var segs = try segments(inFilter: true)
                if case let .child(sel)? = segs.last, sel.count == 1, case .name("length") = sel[0] {
                    segs.removeLast()
                    return .length(relative: c == "@", segs)
                }
                return .path(relative: c == "@", segs)
            }
            if c == "'" || c == "\"" { return .literal(.string(try quoted())) }
            if c == "-" || c.isASCIIDigit {
                let start = i
                var s = ""
                while let d = peek, d.isASCIIDigit || d == "-" || d == "+" || d == "." || d == "e" || d == "E" { s.append(d); i += 1 }
                guard JSONValue.isNumberSyntax(s), let d = Double(s) else { throw error("bad number '\(s)'", at: start + 1) }
                return .literal(.number(d))
            }
            for (word, value) in [("true", JSONValue.bool(true)), ("false", .bool(false)), ("null", .null)] {
                let w = Array(word)
                if i + w.count <= chars.count, Array(chars[i..<(i + w.count)]) == w {
                    let after = i + w.count < chars.count ? chars[i + w.count] : " "
                    if !(after.isLetter || after.isNumber || after == "_") { i += w.count; return .literal(value) }
                }
            }
            for word in ["void 0", "undefined"] {
                let w = Array(word)
                if i + w.count <= chars.count, Array(chars[i..<(i + w.count)]) == w {
                    let after = i + w.count < chars.count ? chars[i + w.count] : " "
                    if !(after.isLetter || after.isNumber || after == "_") { i += w.count; return .undefined }
                }
            }
            if c == "/" { throw error("regular expressions in filters are not supported") }
            throw error("unexpected '\(c)' in filter")
        }
    }
}

public struct JSONPathError: Error, Sendable, Equatable {
    public var message: String
    public var column: Int
}
