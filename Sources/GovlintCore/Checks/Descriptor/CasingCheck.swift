import Foundation
import Yams

/// Spectral `casing`: a non-empty string is written in one casing style.
struct CasingCheck: DescriptorCheck {
    static let id = "casing"
    static let summary = "A string is in `type` case: flat, camel, pascal, kebab, cobol, snake or macro; `disallowDigits`, `separator` {char, allowLeading} (Spectral `casing`)."

    /// Spectral's patterns (`packages/functions/src/casing.ts`); `#` stands for the digit class.
    static let patterns: [String: String] = [
        "flat": "[a-z][a-z#]*",
        "camel": "[a-z][a-z#]*(?:[A-Z#](?:[a-z#]+|$))*",
        "pascal": "[A-Z][a-z#]*(?:[A-Z#](?:[a-z#]+|$))*",
        "kebab": "[a-z][a-z#]*(?:-[a-z#]+)*",
        "cobol": "[A-Z][A-Z#]*(?:-[A-Z#]+)*",
        "snake": "[a-z][a-z#]*(?:_[a-z#]+)*",
        "macro": "[A-Z][A-Z#]*(?:_[A-Z#]+)*",
    ]

    let type: String
    let regex: NSRegularExpression
    let separator: String?
    let allowLeading: Bool

    init(options: inout CheckOptions) throws(LocatedError) {
        let type = try options.requireString("type")
        guard let base = Self.patterns[type] else {
            throw options.error(at: "type", "'type' must be one of: \(Self.patterns.keys.sorted().joined(separator: ", "))")
        }
        self.type = type
        let digits = (try options.bool("disallowDigits") ?? false) ? "" : "0-9"
        let casing = base.replacingOccurrences(of: "#", with: digits)
        var separator: String?
        var allowLeading = false
        if let node = options.node("separator") {
            var m = try YAMLMap(node, file: options.file, what: "'separator' (give 'char' and 'allowLeading')")
            let char = try m.requireString("char")
            guard char.count <= 1 else { throw m.error(node, "'separator.char' must be one character") }
            // An empty char (allowed by Spectral's option schema) separates nothing.
            separator = char.isEmpty ? nil : char
            allowLeading = try m.bool("allowLeading") ?? false
            try m.finish("'separator'")
        }
        self.separator = separator
        self.allowLeading = allowLeading
        let pattern: String
        if let separator {
            let sep = "[" + NSRegularExpression.escapedPattern(for: separator).replacingOccurrences(of: "]", with: "\\]") + "]"
            pattern = "^\(allowLeading ? sep + "?" : "")\(casing)(?:\(sep)\(casing))*$"
        } else {
            pattern = "^\(casing)$"
        }
        regex = try! NSRegularExpression(pattern: pattern)
        try options.finish()
    }

    func evaluate(_ value: DescriptorMatch?, parent: DescriptorMatch, field: String?) -> [DescriptorFailure] {
        guard let value, value.kind == .scalar, case let .string(text) = value.json, !text.isEmpty else { return [] }
        if text.count == 1, allowLeading, text == separator { return [] }
        if regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil { return [] }
        return [DescriptorFailure(at: value, data: ["value": text, "type": type, "error": "must be \(type) case"])]
    }
}
