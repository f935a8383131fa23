import Foundation
@testable import GovlintCore
import Testing

/// RFC 9535 slices, unions and filters, as Spectral rulesets use them.
@Suite struct JSONPathFilterTests {
    static let doc = try! DescriptorDocument(file: "d.yml", text: """
        n: [0, 1, 2, 3, 4, 5]
        paths:
          /a:
            get: {operationId: getA}
            post: {operationId: postA}
            parameters:
              - {name: q, in: query, required: true}
              - {name: id, in: path, required: true}
              - {name: limit, in: query, required: false, max: 10}
          /b:
            get: {}
        people:
          - {name: Ann, age: 30, tags: [x], "odd key": 1}
          - {name: Bo, age: 17, email: null}
          - {name: Cy, age: 45.5, admin: true}
          - {name: "12", age: "30"}
        """)

    static func select(_ path: String) throws -> [String] {
        let root = DescriptorMatch(value: doc.root, keyNode: nil, path: [])
        return try JSONPath(path).select(root).map(\.pathText)
    }

    static func people(_ ids: Int...) -> [String] { ids.map { "$.people[\($0)]" } }

    @Test(arguments: [
        // slices
        ("$.n[1:3]", ["$.n[1]", "$.n[2]"]),
        ("$.n[:2]", ["$.n[0]", "$.n[1]"]),
        ("$.n[4:]", ["$.n[4]", "$.n[5]"]),
        ("$.n[-2:]", ["$.n[4]", "$.n[5]"]),
        ("$.n[::2]", ["$.n[0]", "$.n[2]", "$.n[4]"]),
        ("$.n[5:1:-2]", ["$.n[5]", "$.n[3]"]),
        ("$.n[::-1]", ["$.n[5]", "$.n[4]", "$.n[3]", "$.n[2]", "$.n[1]", "$.n[0]"]),
        ("$.n[0:10:0]", []),
        ("$.n[10:20]", []),
        ("$.people[1:2].name", ["$.people[1].name"]),
        // unions
        ("$.n[0,5]", ["$.n[0]", "$.n[5]"]),
        ("$.n[5,0,0]", ["$.n[5]", "$.n[0]", "$.n[0]"]),
        ("$.paths['/a']['get','post'].operationId", ["$.paths['/a'].get.operationId", "$.paths['/a'].post.operationId"]),
        ("$.paths[*][get,post]", ["$.paths['/a'].get", "$.paths['/a'].post", "$.paths['/b'].get"]),
        ("$.n[0, 1:3]", ["$.n[0]", "$.n[1]", "$.n[2]"]),
        // selectors only apply to the right kind of node
        ("$.people[0][0]", []),
        ("$.n['0']", []),
    ])
    func slicesAndUnions(_ path: String, _ expected: [String]) throws {
        #expect(try Self.select(path) == expected)
    }

    @Test(arguments: [
        ("$.people[?(@.name == 'Ann')]", people(0)),
        ("$.people[?@.name == \"Bo\"]", people(1)),
        ("$.people[?(@.name != 'Ann')]", people(1, 2, 3)),
        ("$.people[?(@.age > 20)]", people(0, 2)),
        ("$.people[?(@.age >= 30)]", people(0, 2)),
        ("$.people[?(@.age < 30)]", people(1)),
        ("$.people[?(@.age <= 30)]", people(0, 1)),
        ("$.people[?(@.age == 45.5)]", people(2)),
        ("$.people[?(@.age == '30')]", people(3)),
        ("$.people[?(@.name == 12)]", []),
        ("$.people[?(@.admin == true)]", people(2)),
        ("$.people[?(@.email == null)]", people(1)),
        ("$.people[?(@.email)]", people(1)),
        ("$.people[?(!@.email)]", people(0, 2, 3)),
        ("$.people[?(@.missing == @.other)]", people(0, 1, 2, 3)),
        ("$.people[?(@.tags)]", people(0)),
        ("$.people[?(@.tags[0] == 'x')]", people(0)),
        ("$.people[?(@['odd key'] == 1)]", people(0)),
        ("$.people[?(@.age > 20 && @.admin)]", people(2)),
        ("$.people[?(@.age < 20 || @.admin)]", people(1, 2)),
        ("$.people[?(!(@.age < 20 || @.admin))]", people(0, 3)),
        ("$.people[?(@.age > 20 && (@.name == 'Ann' || @.name == 'Cy'))]", people(0, 2)),
        ("$.people[?(@.name < 'B')]", people(0, 3)),
        ("$.people[?(@.age > 'a')]", []),
        ("$..parameters[?(@.in == 'query')].name", ["$.paths['/a'].parameters[0].name", "$.paths['/a'].parameters[2].name"]),
        ("$..[?(@.in == 'path' && @.required == true)]", ["$.paths['/a'].parameters[1]"]),
        ("$.paths['/a'].parameters[?(@.max)]", ["$.paths['/a'].parameters[2]"]),
        ("$.paths[?(@property == '/b')]", ["$.paths['/b']"]),
        ("$.paths['/a'][?(@key != 'parameters')]", ["$.paths['/a'].get", "$.paths['/a'].post"]),
        ("$.n[?(@property >= 4)]", ["$.n[4]", "$.n[5]"]),
        ("$.n[?(@ > 3)]", ["$.n[4]", "$.n[5]"]),
        ("$.people[?($.n[0] == 0)]", people(0, 1, 2, 3)),
        // JavaScript forms Spectral rulesets use
        ("$.people[?(@.name === 'Ann')]", people(0)),
        ("$.people[?(@.name !== 'Ann')]", people(1, 2, 3)),
        ("$.paths[?(@property.match(/^\\/a/))]", ["$.paths['/a']"]),
        ("$.paths[?(@property && !@property.match(/A$/i))]", ["$.paths['/b']"]),
        ("$.paths[?(@property.startsWith('/b'))]", ["$.paths['/b']"]),
        ("$.people[?(@.name.match(/^[ab]/i))]", people(0, 1)),
        ("$.people[?(@.name.endsWith('y'))]", people(2)),
        ("$.people[?(@.name.includes('n'))]", people(0)),
        ("$.people[?(@.age.match(/^3/))]", people(0, 3)),
        ("$.people[?(@.tags.length > 0)]", people(0)),
        ("$.people[?(@.name.length == 2)]", people(1, 2, 3)),
        ("$.people[?(@.tags && @.tags.length)]", people(0)),
        ("$..[?(@property.match(/^op/))]", ["$.paths['/a'].get.operationId", "$.paths['/a'].post.operationId"]),
        ("$.paths.[*].get", ["$.paths['/a'].get", "$.paths['/b'].get"]),
        ("$.paths['/a'].parameters.[?(@.in == 'path')].name", ["$.paths['/a'].parameters[1].name"]),
    ])
    func filters(_ path: String, _ expected: [String]) throws {
        #expect(try Self.select(path) == expected)
    }

    @Test(arguments: [
        ("$.n[1:x]", 7),
        ("$.n[0,]", 7),
        ("$.n[?]", 6),
        ("$.n[?(@.a == 'x']", 17),
        ("$.n[?(@.a = 'x')]", 11),
        ("$.n[?(@.a == )]", 14),
        ("$.n[?(@.a == 'x)]", 14),
        ("$.n[?(@.a == /x/)]", 14),
        ("$.n[?(@parent)]", 7),
        ("$.n[?('x')]", 7),
        ("$.n[?(@.a && )]", 14),
        ("$.n[0] x", 7),
        ("$.n[?(@.a.foo(1))]", 11),
        ("$.n[?(@.a.match('x'))]", 17),
        ("$.n[?(@.a.match(/x/q))]", 20),
        ("$.n[?(@.a.match(/(/))]", 17),
        ("$.n~.a", 5),
    ])
    func badPathsAreLocated(_ path: String, _ column: Int) {
        do {
            _ = try JSONPath(path)
            Issue.record("expected an error for \(path)")
        } catch {
            #expect(error.column == column, "\(path): \(error)")
        }
    }
}

@Suite struct JSONPathKeysTests {
    @Test func tildeSelectsKeysAtTheirPosition() throws {
        let doc = try DescriptorDocument(file: "d.yml", text: "paths:\n  /a: 1\n  /B: 2\nlist: [x, y]\n")
        let root = DescriptorMatch(value: doc.root, keyNode: nil, path: [])
        let keys = try JSONPath("$.paths[*]~").select(root)
        #expect(keys.map { $0.value.scalarText } == ["/a", "/B"])
        #expect(keys.map { $0.anchor.mark?.line } == [2, 3])
        #expect(keys.map { $0.anchor.mark?.column } == [3, 3])
        let indexes = try JSONPath("$.list[*]~").select(root)
        #expect(indexes.map { $0.value.scalarText } == ["0", "1"])
    }
}

@Suite struct JSRegexTests {
    @Test(arguments: [
        ("^/{[^}]+}$", "^/\\{[^}]+\\}$"),
        ("a{2}b{2,}c{2,3}", "a{2}b{2,}c{2,3}"),
        ("x{,3}", "x\\{,3\\}"),
        ("\\{a}", "\\{a\\}"),
        ("[{}]", "[{}]"),
        ("plain", "plain"),
    ])
    func bracesThatAreNotQuantifiersAreLiterals(_ js: String, _ icu: String) throws {
        #expect(JSRegex.translate(js) == icu)
        _ = try JSRegex.compile(js)
    }
}
