import Foundation
import GovlintHTML
import Yams

/// The `options:` of one check invocation in a rule, read with located errors.
/// Each check reads the keys it knows; ``finish()`` rejects the rest.
public struct CheckOptions {
    var map: YAMLMap?
    public let file: String
    public let anchor: Node

    public init(_ node: Node?, file: String, anchor: Node) throws(LocatedError) {
        self.file = file
        self.anchor = anchor
        if let node { map = try YAMLMap(node, file: file, what: "check options") }
    }

    /// Empty options (used by tests and for checks without options).
    public static func empty() -> CheckOptions {
        // swiftlint-style: a bare anchor node; nothing to read.
        try! CheckOptions(nil, file: "<none>", anchor: Node("", Tag(.str)))
    }

    public func error(_ message: String) -> LocatedError {
        YAMLMap.error(map?.node ?? anchor, file: file, message)
    }

    public func error(at key: String, _ message: String) -> LocatedError {
        if let node = map?.keyNode(key) { return YAMLMap.error(node, file: file, message) }
        return error(message)
    }

    public mutating func string(_ key: String) throws(LocatedError) -> String? { try map?.string(key) }
    public mutating func int(_ key: String) throws(LocatedError) -> Int? { try map?.int(key) }
    public mutating func bool(_ key: String) throws(LocatedError) -> Bool? { try map?.bool(key) }
    public mutating func strings(_ key: String) throws(LocatedError) -> [String]? { try map?.strings(key) }
    public mutating func node(_ key: String) -> Node? { map?.value(key) }

    public mutating func requireString(_ key: String) throws(LocatedError) -> String {
        guard let s = try string(key) else { throw error("missing required option '\(key)'") }
        return s
    }

    /// A compiled regular expression; a bad pattern is a located error.
    public mutating func regex(_ key: String, caseInsensitive: Bool = false) throws(LocatedError) -> NSRegularExpression? {
        guard let pattern = try string(key) else { return nil }
        do {
            return try NSRegularExpression(pattern: pattern, options: caseInsensitive ? [.caseInsensitive] : [])
        } catch {
            throw self.error(at: key, "invalid regular expression '\(pattern)'")
        }
    }

    /// A compiled CSS selector; a bad selector is a located error pointing into it.
    public mutating func selector(_ key: String) throws(LocatedError) -> Selector? {
        guard let text = try string(key) else { return nil }
        return try CheckOptions.compileSelector(text, node: map?.value(key) ?? anchor, file: file)
    }

    /// A required selector option.
    public mutating func requireSelector(_ key: String) throws(LocatedError) -> Selector {
        guard let s = try selector(key) else { throw error("missing required option '\(key)'") }
        return s
    }

    /// `missing: pass` (default) or `missing: fail`: whether a check about an
    /// attribute's value holds when the attribute is absent.
    public mutating func missingAttributeHolds() throws(LocatedError) -> Bool {
        switch try string("missing") ?? "pass" {
        case "pass": return true
        case "fail": return false
        default: throw error(at: "missing", "'missing' must be 'pass' or 'fail'")
        }
    }

    static func compileSelector(_ text: String, node: Node, file: String) throws(LocatedError) -> Selector {
        do {
            return try Selector(text)
        } catch {
            let mark = node.mark
            // Point at the column inside the selector when the scalar is on one line.
            let column = (mark?.column ?? 1) + max(0, error.column - 1) + (node.scalar?.style == .plain ? 0 : 1)
            throw LocatedError(file: file, line: mark?.line ?? 1, column: column,
                               message: "invalid selector '\(text)': \(error.message)")
        }
    }

    public func finish() throws(LocatedError) { try map?.finish("check options") }
}
