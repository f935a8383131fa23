import Foundation
import GovlintCore
import Testing

/// A generated DCAT-US catalog of several megabytes (the 50 MB case is in `make bench`):
/// every planted defect is found at its exact key or value, and nothing else is reported.
@Suite struct LargeDataJSONTests {
    struct Expected: Hashable, CustomStringConvertible {
        var rule: String
        var line: Int
        var column: Int
        var description: String { "\(line):\(column) \(rule)" }
    }

    /// Pretty-printed catalog text and the findings its defects must produce.
    static func catalog(datasets: Int) -> (String, Set<Expected>) {
        var lines = [
            "{",
            #"  "@type": "dcat:Catalog","#,
            #"  "conformsTo": "https://project-open-data.cio.gov/v1.1/schema","#,
            #"  "describedBy": "https://project-open-data.cio.gov/v1.1/schema/catalog.json","#,
            #"  "dataset": ["#,
        ]
        var expected: Set<Expected> = []
        func add(_ text: String, _ rule: String? = nil, column: Int = 0) {
            lines.append(text)
            if let rule { expected.insert(Expected(rule: rule, line: lines.count, column: column)) }
        }
        for i in 0..<datasets {
            let badAccess = i % 97 == 5, badEmail = i % 89 == 7, badDate = i % 83 == 11, noMedia = i % 79 == 13
            add("    {")
            add(#"      "@type": "dcat:Dataset","#)
            add(#"      "title": "Statistiques régionales \#(i) — 江滨市 统计数据","#)
            add(#"      "description": "Monthly figures published by the department, series \#(i), covering every district and all programmes.","#)
            add(#"      "keyword": ["statistics", "districts", "统计"],"#)
            add(#"      "modified": "\#(badDate ? "last week" : "2024-0\(i % 9 + 1)-1\(i % 10)")","#, badDate ? "dcat-modified-date" : nil, column: 7)
            add(#"      "publisher": {"@type": "org:Organization", "name": "Département des données"},"#)
            add(#"      "contactPoint": {"#)
            add(#"        "fn": "Open Data Team","#)
            add(#"        "hasEmail": "\#(badEmail ? "" : "mailto:")opendata\#(i % 50)@example.gov""#, badEmail ? "dcat-contact-point" : nil, column: 9)
            add("      },")
            add(#"      "identifier": "https://data.example.gov/id/\#(i)","#)
            add(#"      "accessLevel": "\#(badAccess ? "open" : "public")","#, badAccess ? "dcat-access-level" : nil, column: 7)
            add(#"      "bureauCode": ["015:\#(10 + i % 80)"],"#)
            add(#"      "programCode": ["015:\#(100 + i % 800)"],"#)
            add(#"      "license": "https://creativecommons.org/publicdomain/zero/1.0/","#)
            add(#"      "distribution": ["#)
            add(#"        {"@type": "dcat:Distribution", "downloadURL": "https://data.example.gov/files/\#(i).csv"\#(noMedia ? "" : #", "mediaType": "text/csv""#)},"#,
                noMedia ? "dcat-distribution-media-type" : nil, column: 9)
            add(#"        {"@type": "dcat:Distribution", "accessURL": "https://data.example.gov/api/\#(i)", "format": "API"}"#)
            add("      ]")
            add(i == datasets - 1 ? "    }" : "    },")
        }
        lines += ["  ]", "}", ""]
        return (lines.joined(separator: "\n"), expected)
    }

    @Test func aMultiMegabyteDataJSONGetsEveryFindingAtItsKeyOrValue() throws {
        let (text, expected) = Self.catalog(datasets: 5_000)
        #expect(text.utf8.count > 4_000_000)
        let export = try Export(); defer { export.remove() }
        try export.write("data.json", text)
        let result = try export.run(profiles: ["dcat-us"])
        let found = Set(result.findings("data.json").map { Expected(rule: $0.ruleID, line: $0.line, column: $0.column) })
        #expect(expected.count > 100)
        #expect(found.subtracting(expected).sorted { $0.line < $1.line }.prefix(5).map(\.description) == [], "unexpected findings")
        #expect(expected.subtracting(found).sorted { $0.line < $1.line }.prefix(5).map(\.description) == [], "missing findings")
        #expect(result.descriptorsChecked == 1)
    }
}
