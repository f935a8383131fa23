import Foundation
import Yams

/// A descriptor value seen as JSON (YAML 1.2 core schema for plain scalars),
/// for filter comparisons, `enum`/`const` and uniqueness in JSON Schema.
public indirect enum JSONValue: Sendable, Hashable, CustomStringConvertible {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// Converts a YAML node. Quoted scalars are strings; plain scalars follow the
    /// YAML 1.2 core schema (so `yes` and `on` stay strings, as in JSON-minded tools).
    public init(_ node: Node) {
        switch node {
        case let .scalar(s):
            self = s.style == .plain ? JSONValue.plain(s.string) : .string(s.string)
        case let .sequence(seq):
            self = .array(seq.map(JSONValue.init))
        case let .mapping(m):
            var o: [String: JSONValue] = [:]
            for (k, v) in m { o[k.string ?? ""] = JSONValue(v) }
            self = .object(o)
        case .alias:
            self = .null
        }
    }

    /// YAML 1.2 core-schema resolution of a plain scalar.
    static func plain(_ s: String) -> JSONValue {
        switch s {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .number(.infinity)
        case "-.inf", "-.Inf", "-.INF": return .number(-.infinity)
        case ".nan", ".NaN", ".NAN": return .number(.nan)
        default: break
        }
        if s.hasPrefix("0x"), let i = Int(s.dropFirst(2), radix: 16) { return .number(Double(i)) }
        if s.hasPrefix("0o"), let i = Int(s.dropFirst(2), radix: 8) { return .number(Double(i)) }
        if isNumberSyntax(s), let d = Double(s) { return .number(d) }
        return .string(s)
    }

    /// `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`
    static func isNumberSyntax(_ s: String) -> Bool {
        var c = Substring(s)
        if c.first == "-" || c.first == "+" { c = c.dropFirst() }
        let intDigits = c.prefix(while: \.isASCIIDigit)
        c = c.dropFirst(intDigits.count)
        var fracDigits = 0
        if c.first == "." {
            c = c.dropFirst()
            let f = c.prefix(while: \.isASCIIDigit)
            fracDigits = f.count
            c = c.dropFirst(f.count)
        }
        guard intDigits.count + fracDigits > 0 else { return false }
        if c.first == "e" || c.first == "E" {
            c = c.dropFirst()
            if c.first == "-" || c.first == "+" { c = c.dropFirst() }
            let e = c.prefix(while: \.isASCIIDigit)
            guard !e.isEmpty else { return false }
            c = c.dropFirst(e.count)
        }
        return c.isEmpty
    }

    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case let .number(d): d.rounded() == d && d.isFinite ? "integer" : "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    public var description: String {
        switch self {
        case .null: "null"
        case let .bool(b): String(b)
        case let .number(d): d.rounded() == d && abs(d) < 1e15 ? String(Int(d)) : String(d)
        case let .string(s): s
        case let .array(a): "[" + a.map(\.description).joined(separator: ", ") + "]"
        case let .object(o): "{" + o.keys.sorted().map { "\($0): \(o[$0]!)" }.joined(separator: ", ") + "}"
        }
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
