import Foundation
@testable import GovlintCore
import Testing
import Yams

/// Spectral core functions as descriptor checks: each case is
/// (options YAML, document YAML, paths of the failures) on `$` unless given.
enum DescriptorFunctionHarness {
    static func check(_ fn: String, _ options: String) throws -> any DescriptorCheck {
        let node = options.isEmpty ? nil : try Yams.compose(yaml: options)
        var opts = try CheckOptions(node, file: "rule.yml", anchor: Node(fn))
        let type = try #require(CheckRegistry.descriptor[fn])
        return try type.init(options: &opts)
    }

    /// Failure paths (`$.a.b`) of `fn` on every value `given` selects, with an optional `field`.
    static func failures(_ fn: String, _ options: String, _ yaml: String, given: String = "$", field: String? = nil) throws -> [String] {
        let c = try check(fn, options)
        let doc = try DescriptorDocument(file: "d.yml", text: yaml)
        let root = DescriptorMatch(value: doc.root, keyNode: nil, path: [])
        return try JSONPath(given).select(root).flatMap { target in
            let value = field.map { target.field($0) } ?? target
            return c.evaluate(value, parent: target, field: field).map(\.at.pathText)
        }
    }
}

@Suite struct DescriptorFunctionTests {
    typealias H = DescriptorFunctionHarness

    @Test(arguments: [
        ("a: false", "a", [String]()),
        ("a: 0", "a", []),
        ("a: ''", "a", []),
        ("a: null", "a", []),
        ("a: ~", "a", []),
        ("b: 1", "a", []),           // missing is falsy
        ("a: true", "a", ["$.a"]),
        ("a: 'false'", "a", ["$.a"]), // a quoted string is a non-empty string
        ("a: x", "a", ["$.a"]),
        ("a: [ ]", "a", ["$.a"]),     // [] is truthy in JavaScript
        ("a: {}", "a", ["$.a"]),
    ])
    func falsy(_ yaml: String, _ field: String, _ expected: [String]) throws {
        #expect(try H.failures("falsy", "", yaml, field: field) == expected)
    }

    @Test(arguments: [
        // (type, options beyond type, value, holds)
        ("flat", "", "foo", true), ("flat", "", "fooBar", false), ("flat", "", "foo1", true),
        ("flat", "disallowDigits: true", "foo1", false),
        ("camel", "", "fooBar", true), ("camel", "", "FooBar", false), ("camel", "", "foo_bar", false),
        ("camel", "", "fooBarBAZ", false), ("camel", "", "fooB", true), ("camel", "", "foo2Bar", true),
        ("camel", "disallowDigits: true", "foo2Bar", false),
        ("pascal", "", "FooBar", true), ("pascal", "", "fooBar", false), ("pascal", "", "Foo", true),
        ("kebab", "", "foo-bar", true), ("kebab", "", "foo--bar", false), ("kebab", "", "-foo", false),
        ("kebab", "", "Foo-bar", false), ("kebab", "", "foo-bar-", false),
        ("cobol", "", "FOO-BAR", true), ("cobol", "", "FOO-bar", false),
        ("snake", "", "foo_bar", true), ("snake", "", "foo_Bar", false), ("snake", "", "foo_bar2", true),
        ("macro", "", "FOO_BAR", true), ("macro", "", "FOO-BAR", false),
        ("camel", "separator: {char: '/'}", "fooBar/bazQux", true),
        ("camel", "separator: {char: '/'}", "/fooBar/bazQux", false),
        ("camel", "separator: {char: '/', allowLeading: true}", "/fooBar/bazQux", true),
        ("camel", "separator: {char: '/', allowLeading: true}", "/", true),
        ("kebab", "separator: {char: '.'}", "foo-bar.baz", true),
        ("kebab", "separator: {char: '.'}", "foo-bar..baz", false),
        ("snake", "separator: {char: ']'}", "a]b", true),
    ])
    func casing(_ type: String, _ extra: String, _ value: String, _ holds: Bool) throws {
        let options = "type: \(type)" + (extra.isEmpty ? "" : "\n" + extra)
        let failures = try H.failures("casing", options, "v: '\(value)'", field: "v")
        #expect(failures == (holds ? [] : ["$.v"]), "\(type) \(extra) '\(value)'")
    }

    @Test func casingSkipsNonStringsAndEmptyStrings() throws {
        #expect(try H.failures("casing", "type: camel", "v: ''\nw: 12\nx: {A: 1}", given: "$.*").isEmpty)
    }

    @Test(arguments: [
        ("", "{a: 1, b: 2, c: 3}", [String]()),
        ("", "{b: 1, a: 2}", ["$.b"]),
        ("", "{a: 1, B: 2, c: 3}", []),         // case-insensitive
        ("", "[a, b, c]", []),
        ("", "[b, a]", ["$[0]"]),
        ("", "[1, 2, 10]", []),                 // numbers numerically
        ("", "[1, 10, 2]", ["$[1]"]),
        ("", "[x]", []),
        ("", "'just a string'", []),
        ("keyedBy: name", "[{name: a}, {name: b}]", []),
        ("keyedBy: name", "[{name: b}, {name: a}]", ["$"]),
        ("keyedBy: name", "[{name: a}, plain]", ["$"]),
    ])
    func alphabetical(_ options: String, _ yaml: String, _ expected: [String]) throws {
        #expect(try H.failures("alphabetical", options, yaml) == expected)
    }

    @Test(arguments: [
        ("properties: [a, b]", "{a: 1}", [String]()),
        ("properties: [a, b]", "{b: 1, c: 2}", []),
        ("properties: [a, b]", "{a: 1, b: 2}", ["$"]),
        ("properties: [a, b]", "{c: 1}", ["$"]),
        ("properties: [a, b, c]", "{c: null}", []),   // defined, even as null
        ("properties: [a, b, c]", "{a: 1, c: 1}", ["$"]),
        ("properties: [a, b]", "[a]", []),             // not a mapping
    ])
    func xor(_ options: String, _ yaml: String, _ expected: [String]) throws {
        #expect(try H.failures("xor", options, yaml) == expected)
    }

    @Test(arguments: [
        ("properties: [a, b]", "{a: 1}", [String]()),
        ("properties: [a, b]", "{a: 1, b: 2}", []),
        ("properties: [a, b]", "{c: 1}", ["$"]),
        ("properties: [a]", "{}", ["$"]),
    ])
    func or(_ options: String, _ yaml: String, _ expected: [String]) throws {
        #expect(try H.failures("or", options, yaml) == expected)
    }

    @Test(arguments: [
        ("match: '^[a-z]+$'", "abc", true),
        ("match: '^[a-z]+$'", "ABC", false),
        ("match: '/^[a-z]+$/i'", "ABC", true),
        ("match: '/^[a-z]+$/'", "ABC", false),
        ("match: '/^b$/m'", "a\\nb", true),
        ("match: '/a.b/s'", "a\\nb", true),
        ("match: 'a.b'", "a\\nb", false),
        ("notMatch: '/^x-/i'", "X-Foo", false),
        ("notMatch: '/^x-/i'", "foo", true),
        ("match: '/'", "/", true),              // a lone slash is a plain pattern
        ("match: 'a/b'", "xa/by", true),
        ("match: '^https://'", "https://x.gov", true),
    ])
    func pattern(_ options: String, _ value: String, _ holds: Bool) throws {
        let failures = try H.failures("pattern", options, "v: \"\(value)\"", field: "v")
        #expect(failures == (holds ? [] : ["$.v"]), "\(options) on \(value)")
    }

    @Test(arguments: [
        ("match: '/x/q'", "invalid regular expression"),
        ("match: '('", "invalid regular expression"),
        ("type: Camel", "'type' must be one of"),
    ])
    func badOptionsAreRejected(_ options: String, _ message: String) {
        let fn = options.hasPrefix("type") ? "casing" : "pattern"
        do {
            _ = try H.check(fn, options)
            Issue.record("expected an error for \(options)")
        } catch {
            #expect("\(error)".contains(message), "\(error)")
        }
    }

    @Test func schemaReportsEachErrorAtItsValue() throws {
        let options = """
            schema:
              type: object
              required: [name, version]
              properties:
                name: {type: string, minLength: 2}
                tags: {type: array, items: {type: string}}
              additionalProperties: false
            """
        let failures = try H.failures("schema", options, "name: x\ntags: [a, 3]\nextra: 1\n")
        #expect(failures == ["$", "$.name", "$.tags[1]", "$.extra"])
    }

    @Test func schemaOnMissingFieldFails() throws {
        // Spectral: "must exist", at the target
        #expect(try H.failures("schema", "schema: {type: string}", "a: 1", field: "b") == ["$"])
        #expect(try H.failures("schema", "schema: {type: string}", "a: x", field: "a").isEmpty)
    }

    @Test func registryListsEverySpectralCoreFunction() {
        for id in ["truthy", "falsy", "defined", "undefined", "pattern", "enumeration", "length",
                   "casing", "alphabetical", "xor", "or", "schema"] {
            #expect(CheckRegistry.descriptor[id] != nil, "\(id)")
        }
    }
}
