/// A style rule of a style sheet with the conditions around it.
public struct ScannedStyleRule: Sendable, Equatable {
    /// The selector list as written (trimmed).
    public var selector: String
    /// The declarations of the rule's block.
    public var style: InlineStyle
    /// Preludes of the enclosing at-rules, outermost first (`media (orientation: portrait)`, …).
    public var conditions: [String]
}

/// An `@import` of a style sheet with its media/condition text.
public struct ScannedImport: Sendable, Equatable {
    public var prelude: String
}

/// A small, forgiving CSS reader: enough structure to find style rules and
/// the conditional group rules (`@media`, `@supports`, `@container`,
/// `@layer`, `@document`, `@scope`) around them. Comments are dropped;
/// strings, escapes and nested blocks are respected; unknown at-rules are
/// skipped whole. It never fails: malformed input ends the current block.
public struct StyleSheetScanner {
    public private(set) var rules: [ScannedStyleRule] = []
    public private(set) var imports: [ScannedImport] = []

    /// At-rules whose block holds rules (not declarations).
    static let groupingRules: Set<String> = ["media", "supports", "container", "layer", "document", "-moz-document", "scope", "starting-style"]

    public init(_ text: String) {
        let chars = Array(Self.stripComments(text).unicodeScalars)
        var i = 0
        parseRules(chars, &i, end: chars.count, conditions: [])
    }

    static func stripComments(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        let s = Array(text.unicodeScalars)
        var i = 0
        var quote: Unicode.Scalar?
        while i < s.count {
            let c = s[i]
            if let q = quote {
                out.append(c)
                if c == "\\", i + 1 < s.count { out.append(s[i + 1]); i += 2; continue }
                if c == q { quote = nil }
                i += 1
            } else if c == "/", i + 1 < s.count, s[i + 1] == "*" {
                i += 2
                while i + 1 < s.count, !(s[i] == "*" && s[i + 1] == "/") { i += 1 }
                i += 2
                out.append(" ")
            } else {
                if c == "\"" || c == "'" { quote = c }
                out.append(c)
                i += 1
            }
        }
        return String(out)
    }

    /// Reads up to (not including) the first of `stops` at nesting depth 0,
    /// skipping strings and bracketed parts.
    static func scan(_ s: [Unicode.Scalar], _ i: inout Int, end: Int, stops: Set<Unicode.Scalar>) -> String {
        var out = String.UnicodeScalarView()
        var depth = 0
        var quote: Unicode.Scalar?
        while i < end {
            let c = s[i]
            if let q = quote {
                if c == "\\", i + 1 < end { out.append(c); out.append(s[i + 1]); i += 2; continue }
                if c == q { quote = nil }
            } else if c == "\\", i + 1 < end {
                out.append(c); out.append(s[i + 1]); i += 2; continue
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == "(" || c == "[" {
                depth += 1
            } else if (c == ")" || c == "]") && depth > 0 {
                depth -= 1
            } else if depth == 0 && stops.contains(c) {
                return String(out)
            }
            out.append(c)
            i += 1
        }
        return String(out)
    }

    /// The index just past the `}` matching the `{` at `open`, and the block's inner range.
    static func block(_ s: [Unicode.Scalar], open: Int, end: Int) -> (inner: Range<Int>, next: Int) {
        var i = open + 1
        var depth = 1
        var quote: Unicode.Scalar?
        while i < end {
            let c = s[i]
            if let q = quote {
                if c == "\\" { i += 2; continue }
                if c == q { quote = nil }
            } else if c == "\\" {
                i += 2; continue
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == "{" {
                depth += 1
            } else if c == "}" {
                depth -= 1
                if depth == 0 { return ((open + 1)..<i, i + 1) }
            }
            i += 1
        }
        return ((open + 1)..<end, end)
    }

    private mutating func parseRules(_ s: [Unicode.Scalar], _ i: inout Int, end: Int, conditions: [String]) {
        while i < end {
            while i < end, s[i].properties.isWhitespace || s[i] == ";" || s[i] == "}" { i += 1 }
            guard i < end else { return }
            if s[i] == "@" {
                i += 1
                var name = String.UnicodeScalarView()
                while i < end, s[i] == "-" || s[i].properties.isAlphabetic || ("0"..."9").contains(s[i]) {
                    name.append(s[i]); i += 1
                }
                let atName = String(name).lowercased()
                let prelude = Self.scan(s, &i, end: end, stops: ["{", ";"]).trimmingWhitespace()
                if i >= end || s[i] == ";" {
                    if atName == "import" { imports.append(ScannedImport(prelude: prelude)) }
                    i += 1
                    continue
                }
                let (inner, next) = Self.block(s, open: i, end: end)
                if Self.groupingRules.contains(atName) {
                    var j = inner.lowerBound
                    parseRules(s, &j, end: inner.upperBound, conditions: conditions + ["\(atName) \(prelude)"])
                }
                i = next
            } else {
                let selector = Self.scan(s, &i, end: end, stops: ["{"]).trimmingWhitespace()
                guard i < end else { return }
                let (inner, next) = Self.block(s, open: i, end: end)
                let body = String(String.UnicodeScalarView(s[inner]))
                rules.append(ScannedStyleRule(selector: selector, style: InlineStyle(parsing: body), conditions: conditions))
                i = next
            }
        }
    }
}

extension String {
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }
}
