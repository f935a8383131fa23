/// Recursive-descent parser for CSS selector lists (Selectors Level 4 subset).
/// Recursion is per nesting of the *selector* (`:not(:is(...))`), never of
/// the document. Positions are indices into the text's Unicode scalars.
struct SelectorParser {
    private let s: [Unicode.Scalar]
    private var i = 0

    init(_ text: String) {
        s = Array(text.unicodeScalars)
    }

    /// Attribute names whose values HTML compares ASCII case-insensitively
    /// (HTML Standard, "case-sensitivity of selectors").
    private static let caseInsensitiveAttributes: Set<String> = [
        "accept", "accept-charset", "align", "alink", "axis", "bgcolor", "charset", "checked", "clear",
        "codetype", "color", "compact", "declare", "defer", "dir", "direction", "disabled", "enctype", "face",
        "frame", "hreflang", "http-equiv", "lang", "language", "link", "media", "method", "multiple",
        "nohref", "noresize", "noshade", "nowrap", "readonly", "rel", "rev", "rules", "scope", "scrolling",
        "selected", "shape", "target", "text", "type", "valign", "valuetype", "vlink",
    ]

    private static let pseudoElements: Set<String> = ["before", "after", "first-line", "first-letter"]

    // MARK: Entry

    mutating func parseSelectorList() throws(SelectorError) -> [ComplexSelector] {
        let list = try parseList(relative: false, context: nil)
        if i < s.count {
            if s[i] == ")" { throw error("unmatched ')'", at: i) }
            throw unexpected(at: i)
        }
        return list
    }

    // MARK: Lists and complex selectors

    /// A comma-separated list. Stops at the end of input or at `)`; the caller
    /// checks what it stopped at. `context` names the enclosing pseudo-class.
    private mutating func parseList(relative: Bool, context: String?) throws(SelectorError) -> [ComplexSelector] {
        var result: [ComplexSelector] = []
        while true {
            skipWhitespace()
            if i >= s.count || s[i] == "," || s[i] == ")" {
                if i < s.count, s[i] == "," {
                    throw error(result.isEmpty ? "expected a selector before ','" : "empty selector between commas", at: i)
                }
                if !result.isEmpty { throw error("expected a selector after ','", at: i) }
                if let context { throw error("expected a selector inside '\(context)'", at: i) }
                throw error("empty selector", at: i)
            }
            result.append(try parseComplex(relative: relative))
            skipWhitespace()
            if i < s.count, s[i] == "," {
                i += 1
                continue
            }
            if i < s.count, s[i] != ")" { throw unexpected(at: i) }
            return result
        }
    }

    private func combinator(at j: Int) -> Combinator? {
        guard j < s.count else { return nil }
        switch s[j] {
        case ">": return .child
        case "+": return .nextSibling
        case "~": return .subsequentSibling
        default: return nil
        }
    }

    private mutating func parseComplex(relative: Bool) throws(SelectorError) -> ComplexSelector {
        var compounds: [CompoundSelector] = []
        var combinators: [Combinator] = []
        if relative {
            compounds.append(CompoundSelector(simples: []))
            if let c = combinator(at: i) {
                let at = i
                i += 1
                skipWhitespace()
                try requireCompoundAfter(c, combinatorAt: at)
                combinators.append(c)
            } else {
                combinators.append(.descendant)
            }
        } else if let c = combinator(at: i) {
            throw error("a selector cannot start with the combinator '\(c.symbol)'", at: i)
        }
        compounds.append(try parseCompound())
        while true {
            let before = i
            skipWhitespace()
            if let c = combinator(at: i) {
                let at = i
                i += 1
                skipWhitespace()
                try requireCompoundAfter(c, combinatorAt: at)
                combinators.append(c)
                compounds.append(try parseCompound())
            } else if i > before, i < s.count, s[i] != ",", s[i] != ")" {
                combinators.append(.descendant)
                compounds.append(try parseCompound())
            } else {
                i = before
                break
            }
        }
        return ComplexSelector(compounds: compounds, combinators: combinators, isRelative: relative)
    }

    private func requireCompoundAfter(_ c: Combinator, combinatorAt at: Int) throws(SelectorError) {
        if i >= s.count || s[i] == "," || s[i] == ")" {
            throw error("dangling combinator '\(c.symbol)': expected a selector after it", at: at)
        }
        if let d = combinator(at: i) {
            throw error("unexpected combinator '\(d.symbol)' after '\(c.symbol)'", at: i)
        }
    }

    // MARK: Compound selectors

    private mutating func parseCompound() throws(SelectorError) -> CompoundSelector {
        var simples: [SimpleSelector] = []
        let start = i
        if i < s.count, s[i] == "*" {
            i += 1
            if i < s.count, s[i] == "|" { throw error("namespace prefixes are not supported", at: i) }
            simples.append(.universal)
        } else if isIdentStart(at: i) {
            let name = parseIdent()
            if i < s.count, s[i] == "|" { throw error("namespace prefixes are not supported", at: i) }
            simples.append(.type(asciiLowercased(name)))
        } else if i < s.count, s[i] == "|" {
            throw error("namespace prefixes are not supported", at: i)
        }
        loop: while i < s.count {
            switch s[i] {
            case "#":
                let at = i
                i += 1
                simples.append(.id(Array(try parseNameAfter("#", at: at).utf8)))
            case ".":
                let at = i
                i += 1
                simples.append(.className(Array(try parseNameAfter(".", at: at).utf8)))
            case "[":
                simples.append(.attribute(try parseAttribute()))
            case ":":
                simples.append(try parsePseudo())
            default:
                break loop
            }
        }
        if simples.isEmpty {
            if start >= s.count { throw error("expected a selector", at: start) }
            throw unexpected(at: start)
        }
        return CompoundSelector(simples: simples)
    }

    /// The identifier of an id or class selector.
    private mutating func parseNameAfter(_ sigil: String, at: Int) throws(SelectorError) -> String {
        guard isIdentStart(at: i) else {
            let what = sigil == "#" ? "an id" : "a class name"
            if i < s.count, s[i].properties.numericType != nil || (s[i] == "-" && i + 1 < s.count && isDigit(s[i + 1])) {
                throw error("expected \(what) after '\(sigil)': an identifier cannot start with a digit (escape it, e.g. '\\31 ')", at: i)
            }
            throw error("expected \(what) after '\(sigil)'", at: i)
        }
        return parseIdent()
    }

    // MARK: Attribute selectors

    private mutating func parseAttribute() throws(SelectorError) -> AttributeSelector {
        let open = i
        i += 1
        skipWhitespace()
        if i >= s.count { throw error("unclosed '['", at: open) }
        if s[i] == "*" || s[i] == "|" { throw error("namespace prefixes are not supported", at: i) }
        guard isIdentStart(at: i) else { throw error("expected an attribute name", at: i) }
        let name = asciiLowercased(parseIdent())
        if i < s.count, s[i] == "|", !(i + 1 < s.count && s[i + 1] == "=") {
            throw error("namespace prefixes are not supported", at: i)
        }
        skipWhitespace()
        if i >= s.count { throw error("unclosed '['", at: open) }
        if s[i] == "]" {
            i += 1
            return AttributeSelector(name: name, nameBytes: Array(name.utf8), op: .exists, value: [], caseMode: .sensitive)
        }
        let op: AttributeOperator
        let opAt = i
        if s[i] == "=" {
            op = .equals
            i += 1
        } else if i + 1 < s.count, s[i + 1] == "=" {
            switch s[i] {
            case "~": op = .includes
            case "|": op = .dashMatch
            case "^": op = .prefix
            case "$": op = .suffix
            case "*": op = .substring
            default: throw error("expected ']' or an attribute operator (=, ~=, |=, ^=, $=, *=)", at: i)
            }
            i += 2
        } else {
            throw error("expected ']' or an attribute operator (=, ~=, |=, ^=, $=, *=)", at: i)
        }
        skipWhitespace()
        if i >= s.count { throw error("unclosed '['", at: open) }
        let value: String
        if s[i] == "\"" || s[i] == "'" {
            value = try parseString()
        } else if isIdentStart(at: i) {
            value = parseIdent()
        } else if s[i] == "]" {
            throw error("expected an attribute value after the operator", at: i)
        } else {
            var j = i
            while j < s.count, s[j] != "]", !isWhitespace(s[j]) { j += 1 }
            let raw = String(String.UnicodeScalarView(s[i..<j]))
            throw error("attribute value '\(raw)' is not an identifier; quote it", at: i)
        }
        _ = opAt
        skipWhitespace()
        var mode: AttributeCase = Self.caseInsensitiveAttributes.contains(name) ? .htmlInsensitive : .sensitive
        if isIdentStart(at: i) {
            let flagAt = i
            let flag = asciiLowercased(parseIdent())
            switch flag {
            case "i": mode = .insensitive
            case "s": mode = .sensitive
            default: throw error("unknown attribute selector flag '\(flag)' (expected 'i' or 's')", at: flagAt)
            }
            skipWhitespace()
        }
        if i >= s.count { throw error("unclosed '['", at: open) }
        guard s[i] == "]" else { throw error("expected ']'", at: i) }
        i += 1
        return AttributeSelector(name: name, nameBytes: Array(name.utf8), op: op, value: Array(value.utf8), caseMode: mode)
    }

    // MARK: Pseudo-classes

    private mutating func parsePseudo() throws(SelectorError) -> SimpleSelector {
        let colon = i
        i += 1
        if i < s.count, s[i] == ":" {
            i += 1
            let name = isIdentStart(at: i) ? parseIdent() : ""
            throw error("pseudo-elements are not supported ('::\(name)')", at: colon)
        }
        guard isIdentStart(at: i) else { throw error("expected a pseudo-class name after ':'", at: i) }
        let raw = parseIdent()
        let name = asciiLowercased(raw)
        if i < s.count, s[i] == "(" {
            let paren = i
            switch name {
            case "not", "is", "where", "has":
                i += 1
                let list = try parseList(relative: name == "has", context: ":\(raw)()")
                try close(paren)
                switch name {
                case "not": return .not(list)
                case "has": return .has(list)
                default: return .is(list)
                }
            case "nth-child", "nth-last-child":
                i += 1
                let pattern = try parseNth()
                var of: [ComplexSelector]?
                if atKeyword("of") {
                    i += 2
                    guard i < s.count, isWhitespace(s[i]) else { throw error("expected whitespace after 'of'", at: i) }
                    of = try parseList(relative: false, context: ":\(raw)(… of …)")
                }
                try close(paren)
                return .nthChild(pattern, last: name == "nth-last-child", of: of)
            case "nth-of-type", "nth-last-of-type":
                i += 1
                let pattern = try parseNth()
                try close(paren)
                return .nthOfType(pattern, last: name == "nth-last-of-type")
            default:
                if Self.simplePseudo(name) != nil {
                    throw error("pseudo-class ':\(raw)' does not take arguments", at: colon)
                }
                throw error("unknown pseudo-class ':\(raw)()'", at: colon)
            }
        }
        if let simple = Self.simplePseudo(name) { return simple }
        switch name {
        case "not", "is", "where", "has", "nth-child", "nth-last-child", "nth-of-type", "nth-last-of-type":
            throw error("pseudo-class ':\(raw)()' needs an argument", at: colon)
        default:
            if Self.pseudoElements.contains(name) {
                throw error("pseudo-elements are not supported (':\(raw)')", at: colon)
            }
            throw error("unknown pseudo-class ':\(raw)'", at: colon)
        }
    }

    private static func simplePseudo(_ name: String) -> SimpleSelector? {
        switch name {
        case "first-child": .nthChild(NthPattern(a: 0, b: 1), last: false, of: nil)
        case "last-child": .nthChild(NthPattern(a: 0, b: 1), last: true, of: nil)
        case "only-child": .onlyChild
        case "first-of-type": .nthOfType(NthPattern(a: 0, b: 1), last: false)
        case "last-of-type": .nthOfType(NthPattern(a: 0, b: 1), last: true)
        case "only-of-type": .onlyOfType
        case "empty": .empty
        case "root": .root
        case "checked": .checked
        case "disabled": .disabled
        case "enabled": .enabled
        case "link", "any-link": .anyLink
        default: nil
        }
    }

    private mutating func close(_ paren: Int) throws(SelectorError) {
        skipWhitespace()
        if i >= s.count { throw error("unclosed '('", at: paren) }
        guard s[i] == ")" else { throw unexpected(at: i) }
        i += 1
    }

    /// `odd`, `even` or `an+b` (whitespace allowed around the `+`/`-` before b).
    private mutating func parseNth() throws(SelectorError) -> NthPattern {
        skipWhitespace()
        let start = i
        let bad = error("invalid an+b expression (expected e.g. 'odd', 'even', '3', '2n+1', '-n+3')", at: start)
        if atKeyword("odd") {
            i += 3
            skipWhitespace()
            return NthPattern(a: 2, b: 1)
        }
        if atKeyword("even") {
            i += 4
            skipWhitespace()
            return NthPattern(a: 2, b: 0)
        }
        var sign = 1
        if i < s.count, s[i] == "+" || s[i] == "-" {
            sign = s[i] == "-" ? -1 : 1
            i += 1
        }
        let digits = try parseDigits()
        if i < s.count, s[i] == "n" || s[i] == "N" {
            i += 1
            let a = sign * (digits ?? 1)
            if i < s.count, isNameChar(s[i]) && s[i] != "-" || s[i] == "\\" { throw bad }
            skipWhitespace()
            var b = 0
            if i < s.count, s[i] == "+" || s[i] == "-" {
                let bSign = s[i] == "-" ? -1 : 1
                i += 1
                skipWhitespace()
                guard let d = try parseDigits() else { throw bad }
                if i < s.count, isNameChar(s[i]) || s[i] == "." { throw bad }
                b = bSign * d
                skipWhitespace()
            }
            return NthPattern(a: a, b: b)
        }
        guard let d = digits else { throw bad }
        if i < s.count, isNameChar(s[i]) || s[i] == "." { throw bad }
        skipWhitespace()
        return NthPattern(a: 0, b: sign * d)
    }

    private mutating func parseDigits() throws(SelectorError) -> Int? {
        let start = i
        var value = 0
        while i < s.count, isDigit(s[i]) {
            value = value * 10 + Int(s[i].value - 48)
            if value > 1_000_000_000 { throw error("number too large in an+b expression", at: start) }
            i += 1
        }
        return i > start ? value : nil
    }

    /// Whether the identifier at `i` is exactly `word` (ASCII case-insensitive).
    private func atKeyword(_ word: String) -> Bool {
        var j = i
        for c in word.unicodeScalars {
            guard j < s.count, asciiLower(s[j]) == c else { return false }
            j += 1
        }
        return j >= s.count || !isNameChar(s[j]) && s[j] != "\\"
    }

    // MARK: Tokens

    private func isWhitespace(_ c: Unicode.Scalar) -> Bool {
        c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\u{0C}"
    }

    private mutating func skipWhitespace() {
        while i < s.count, isWhitespace(s[i]) { i += 1 }
    }

    private func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 48 && c.value <= 57 }

    private func isHex(_ c: Unicode.Scalar) -> Bool {
        isDigit(c) || (c.value >= 65 && c.value <= 70) || (c.value >= 97 && c.value <= 102)
    }

    private func isNameStartChar(_ c: Unicode.Scalar) -> Bool {
        (c.value >= 65 && c.value <= 90) || (c.value >= 97 && c.value <= 122) || c == "_" || c.value >= 0x80
    }

    private func isNameChar(_ c: Unicode.Scalar) -> Bool {
        isNameStartChar(c) || isDigit(c) || c == "-"
    }

    private func isValidEscape(at j: Int) -> Bool {
        j < s.count && s[j] == "\\" && j + 1 < s.count && s[j + 1] != "\n" && s[j + 1] != "\r" && s[j + 1] != "\u{0C}"
    }

    private func isIdentStart(at j: Int) -> Bool {
        guard j < s.count else { return false }
        let c = s[j]
        if isNameStartChar(c) { return true }
        if c == "\\" { return isValidEscape(at: j) }
        if c == "-" {
            guard j + 1 < s.count else { return false }
            return isNameStartChar(s[j + 1]) || s[j + 1] == "-" || isValidEscape(at: j + 1)
        }
        return false
    }

    private mutating func parseIdent() -> String {
        var out = String.UnicodeScalarView()
        while i < s.count {
            if isNameChar(s[i]) {
                out.append(s[i])
                i += 1
            } else if isValidEscape(at: i) {
                out.append(consumeEscape())
            } else {
                break
            }
        }
        return String(out)
    }

    /// At a backslash known to start a valid escape.
    private mutating func consumeEscape() -> Unicode.Scalar {
        i += 1
        guard isHex(s[i]) else {
            defer { i += 1 }
            return s[i]
        }
        var value: UInt32 = 0
        var n = 0
        while i < s.count, n < 6, isHex(s[i]) {
            value = value * 16 + UInt32(Int(String(Character(s[i])), radix: 16)!)
            i += 1
            n += 1
        }
        if i < s.count, isWhitespace(s[i]) {
            if s[i] == "\r", i + 1 < s.count, s[i + 1] == "\n" { i += 1 }
            i += 1
        }
        if value == 0 { return "\u{FFFD}" }
        return Unicode.Scalar(value) ?? "\u{FFFD}"
    }

    private mutating func parseString() throws(SelectorError) -> String {
        let open = i
        let quote = s[i]
        i += 1
        var out = String.UnicodeScalarView()
        while true {
            guard i < s.count else { throw error("unterminated string", at: open) }
            let c = s[i]
            if c == quote {
                i += 1
                return String(out)
            }
            if c == "\n" || c == "\r" || c == "\u{0C}" { throw error("unterminated string (newline inside)", at: open) }
            if c == "\\" {
                if i + 1 >= s.count {
                    i += 1
                } else if s[i + 1] == "\n" || s[i + 1] == "\u{0C}" {
                    i += 2
                } else if s[i + 1] == "\r" {
                    i += (i + 2 < s.count && s[i + 2] == "\n") ? 3 : 2
                } else {
                    out.append(consumeEscape())
                }
                continue
            }
            out.append(c)
            i += 1
        }
    }

    // MARK: Errors

    private func error(_ message: String, at index: Int) -> SelectorError {
        SelectorError(message: message, column: index + 1)
    }

    private func unexpected(at index: Int) -> SelectorError {
        guard index < s.count else { return error("unexpected end of selector", at: index) }
        let c = s[index]
        switch c {
        case ")": return error("unmatched ')'", at: index)
        case "]": return error("unmatched ']'", at: index)
        default: return error("unexpected character '\(Character(c))'", at: index)
        }
    }

    private func asciiLower(_ c: Unicode.Scalar) -> Unicode.Scalar {
        (c.value >= 65 && c.value <= 90) ? Unicode.Scalar(c.value + 32)! : c
    }

    private func asciiLowercased(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for c in text.unicodeScalars { out.append(asciiLower(c)) }
        return String(out)
    }
}
