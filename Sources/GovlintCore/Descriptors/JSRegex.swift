import Foundation

/// Compiles JavaScript (ECMAScript) regular expressions — the dialect of Spectral
/// rulesets and JSON Schema `pattern` — with ICU: a `{` that does not begin a
/// quantifier (`{n}`, `{n,}`, `{n,m}`) is a literal in JavaScript but an error in
/// ICU, so it is escaped first.
public enum JSRegex {
    public static func compile(_ pattern: String, options: NSRegularExpression.Options = []) throws -> NSRegularExpression {
        try NSRegularExpression(pattern: translate(pattern), options: options)
    }

    static func translate(_ pattern: String) -> String {
        guard pattern.contains("{") else { return pattern }
        let chars = Array(pattern)
        var out = ""
        var i = 0
        var inClass = false
        while i < chars.count {
            let c = chars[i]
            if c == "\\", i + 1 < chars.count {
                out.append(c); out.append(chars[i + 1]); i += 2; continue
            }
            if inClass {
                if c == "]" { inClass = false }
                out.append(c); i += 1; continue
            }
            if c == "[" { inClass = true; out.append(c); i += 1; continue }
            if c == "{" {
                // Quantifier?  {digits(,digits?)?}
                var j = i + 1
                var digits = 0
                while j < chars.count, chars[j].isASCII, chars[j].isNumber { j += 1; digits += 1 }
                if digits > 0, j < chars.count, chars[j] == "," {
                    j += 1
                    while j < chars.count, chars[j].isASCII, chars[j].isNumber { j += 1 }
                }
                if digits > 0, j < chars.count, chars[j] == "}" {
                    out.append(contentsOf: chars[i...j]); i = j + 1; continue
                }
                out.append("\\{"); i += 1; continue
            }
            if c == "}" { out.append("\\}"); i += 1; continue }
            out.append(c); i += 1
        }
        return out
    }
}
