import Foundation
import GovlintCore
import GovlintTestSupport
import Testing

/// `Rules/schema/rule.schema.json` (for editors) must accept every rule file
/// and agree with `RuleLoader` on what is valid. Validation runs in python3
/// with PyYAML and jsonschema (draft 2020-12).
@Suite struct RuleSchemaTests {
    static let schema = RepositoryPaths.rules.appendingPathComponent("schema/rule.schema.json")

    /// Every `Rules/<pack>/<rule>.yaml`, relative to `Rules/`.
    static let ruleFiles: [String] = {
        let fm = FileManager.default
        let root = RepositoryPaths.rules
        let packs = (try? fm.contentsOfDirectory(atPath: root.path)) ?? []
        var files: [String] = []
        for pack in packs where !pack.hasPrefix(".") && !pack.hasPrefix("_") {
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: root.appendingPathComponent(pack).path, isDirectory: &isDir), isDir.boolValue else { continue }
            for name in (try? fm.contentsOfDirectory(atPath: root.appendingPathComponent(pack).path)) ?? []
            where name.hasSuffix(".yaml") && name != "pack.yaml" {
                files.append("\(pack)/\(name)")
            }
        }
        return files.sorted()
    }()

    /// Loads YAML as the rule loader reads it (dates and keys stay text) and
    /// validates each file; prints `{"path": ["error", ...]}`.
    static let script = """
        import datetime, json, sys, yaml, jsonschema
        def text(v):
            if isinstance(v, dict): return {str(k): text(x) for k, x in v.items()}
            if isinstance(v, list): return [text(x) for x in v]
            if isinstance(v, (datetime.date, datetime.datetime)): return v.isoformat()
            return v
        schema = json.load(open(sys.argv[1], encoding="utf-8"))
        jsonschema.Draft202012Validator.check_schema(schema)
        validator = jsonschema.Draft202012Validator(schema)
        out = {}
        for path in sys.argv[2:]:
            with open(path, encoding="utf-8") as f:
                doc = text(yaml.safe_load(f))
            out[path] = ["/".join(map(str, e.absolute_path)) + ": " + e.message
                         for e in sorted(validator.iter_errors(doc), key=lambda e: list(map(str, e.absolute_path)))]
        print(json.dumps(out))
        """

    /// Validates files against the schema: path → errors (empty = valid).
    static func validate(_ paths: [String]) throws -> [String: [String]] {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", script, schema.path] + paths
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        guard p.terminationStatus == 0 else { throw SchemaRunFailure(message: errors) }
        return try JSONDecoder().decode([String: [String]].self, from: data)
    }

    struct SchemaRunFailure: Error, CustomStringConvertible {
        var message: String
        var description: String { "python3 jsonschema validation failed to run:\n\(message)" }
    }

    /// One run for all rule files; the parameterized test reads its line.
    static let results: Result<[String: [String]], any Error> = Result {
        try validate(ruleFiles.map { RepositoryPaths.rules.appendingPathComponent($0).path })
    }

    @Test func thereAreRuleFiles() {
        #expect(Self.ruleFiles.count >= 5)
        #expect(!Self.ruleFiles.contains { $0.hasSuffix("pack.yaml") })
    }

    @Test(arguments: ruleFiles)
    func ruleFileMatchesSchema(_ relative: String) throws {
        let results = try Self.results.get()
        let errors = try #require(results[RepositoryPaths.rules.appendingPathComponent(relative).path])
        #expect(errors.isEmpty, "Rules/\(relative):\n\(errors.joined(separator: "\n"))")
    }

    @Test func templateMatchesSchema() throws {
        let path = RepositoryPaths.rules.appendingPathComponent("_template.yaml").path
        let errors = try #require(try Self.validate([path])[path])
        #expect(errors.isEmpty, "Rules/_template.yaml:\n\(errors.joined(separator: "\n"))")
    }

    // MARK: - The schema and the loader agree

    struct Sample: Sendable, CustomStringConvertible {
        var name: String
        var yaml: String
        var valid: Bool
        var description: String { "\(valid ? "valid" : "invalid"): \(name)" }
    }

    static let head = """
        id: sample-rule
        title: { en: Sample, zh-CN: 示例 }
        message: { en: Wrong, zh-CN: 错误 }

        """
    static let page = head + "severity: error\nselector: img\n"
    static let alt = "check: { function: attribute-present, options: { name: alt } }\n"
    static let descriptor = head + "severity: warning\ntarget: descriptor\nfiles: publiccode.yml\n"
    static let site = head + "severity: info\ntarget: site\nselector: \"head > title\"\n"
    static let unique = "check: { function: unique-across-site, options: { value: text } }\n"

    static let samples: [Sample] = [
        Sample(name: "page rule", yaml: page + alt, valid: true),
        Sample(name: "everything a page rule can say", yaml: page + """
            summary: { en: S, zh-CN: 摘要 }
            rationale: |
              Why.
            target: page
            references:
              - { standard: WCAG, version: 2.2, clause: "1.1.1", level: A, url: "https://www.w3.org/TR/WCAG22/" }
            axe: image-alt
            act: [23a2a8, 123456]
            tags: [a, b]
            hidden: exclude
            any:
              - function: attribute-present
                options: { name: alt }
              - none:
                - function: attribute-present
                  options: { name: role }
                  message: { en: M, zh-CN: 信息 }
            examples:
              pass:
                - <img alt="">
                - { name: named, code: <img alt="">, file: a.html, docs: false, now: 2026-01-31 }
              fail:
                - ↓<img>
              review:
                - { name: reviewed, code: ↓<img alt="x"> }
            """, valid: true),
        Sample(name: "descriptor rule", yaml: descriptor + """
            given: [$, $.description]
            all:
              - { function: truthy, field: name }
              - any: [{ function: defined, field: url }, { function: defined, field: landingURL }]
            examples:
              fail:
                - { file: publiccode.yml, code: "↓a: 1" }
            """, valid: true),
        Sample(name: "site rule", yaml: site + unique + """
            examples:
              fail:
                - pages: { a.html: <title>A</title>, b.html: ↓<title>A</title> }
            """, valid: true),
        Sample(name: "unknown key", yaml: page + alt + "severty: error\n", valid: false),
        Sample(name: "unknown severity", yaml: head + "severity: fatal\nselector: img\n" + alt, valid: false),
        Sample(name: "unknown target", yaml: page + "target: pages\n" + alt, valid: false),
        Sample(name: "no check", yaml: page, valid: false),
        Sample(name: "check and all", yaml: page + alt + "all: [{ function: attribute-present, options: { name: alt } }]\n", valid: false),
        Sample(name: "empty all", yaml: page + "all: []\n", valid: false),
        Sample(name: "check is a list", yaml: page + "check: [{ function: attribute-present, options: { name: alt } }]\n", valid: false),
        Sample(name: "options not a mapping", yaml: page + "check: { function: attribute-present, options: alt }\n", valid: false),
        Sample(name: "unknown key in a check", yaml: page + "check: { function: attribute-present, option: { name: alt } }\n", valid: false),
        Sample(name: "title without zh-CN", yaml: page.replacingOccurrences(of: ", zh-CN: 示例", with: "") + alt, valid: false),
        Sample(name: "empty message", yaml: page.replacingOccurrences(of: "en: Wrong", with: "en: \"\"") + alt, valid: false),
        Sample(name: "id not kebab-case", yaml: page.replacingOccurrences(of: "id: sample-rule", with: "id: Sample_Rule") + alt, valid: false),
        Sample(name: "hidden yes", yaml: page + "hidden: yes\n" + alt, valid: false),
        Sample(name: "references not a list", yaml: page + "references: { standard: WCAG }\n" + alt, valid: false),
        Sample(name: "reference without standard", yaml: page + "references: [{ clause: \"1.1.1\" }]\n" + alt, valid: false),
        Sample(name: "field on a page rule", yaml: page + "check: { function: attribute-present, options: { name: alt }, field: x }\n", valid: false),
        Sample(name: "nested field on a page rule", yaml: page + "all: [{ any: [{ function: attribute-present, options: { name: alt }, field: x }] }]\n", valid: false),
        Sample(name: "files on a page rule", yaml: page + "files: a.yml\n" + alt, valid: false),
        Sample(name: "given on a page rule", yaml: page + "given: $\n" + alt, valid: false),
        Sample(name: "descriptor rule without files", yaml: head + "severity: error\ntarget: descriptor\ncheck: { function: truthy, field: name }\n", valid: false),
        Sample(name: "descriptor rule with selector", yaml: descriptor + "selector: img\ncheck: { function: truthy, field: name }\n", valid: false),
        Sample(name: "given is not a path", yaml: descriptor + "given: name\ncheck: { function: truthy, field: name }\n", valid: false),
        Sample(name: "site rule with a list", yaml: site + "any: [{ function: unique-across-site, options: { value: text } }]\n", valid: false),
        Sample(name: "pages on a page rule", yaml: page + alt + "examples: { fail: [{ pages: { a.html: ↓<img> } }] }\n", valid: false),
        Sample(name: "code and pages", yaml: site + unique + "examples: { fail: [{ code: x, pages: { a.html: x } }] }\n", valid: false),
        Sample(name: "example without code", yaml: page + alt + "examples: { pass: [{ name: nothing }] }\n", valid: false),
        Sample(name: "review is a mapping", yaml: page + alt + "examples: { review: { code: ↓<img> } }\n", valid: false),
        Sample(name: "pages in a review of a page rule", yaml: page + alt + "examples: { review: [{ pages: { a.html: ↓<img> } }] }\n", valid: false),
        Sample(name: "review-on-fail on a page rule", yaml: page + alt + "review-on-fail: true\nexamples: { review: [↓<img>] }\n", valid: true),
        Sample(name: "review-on-fail not a boolean", yaml: page + alt + "review-on-fail: sometimes\n", valid: false),
        Sample(name: "review-on-fail on a site rule", yaml: site + unique + "review-on-fail: true\n", valid: false),
        Sample(name: "review-on-fail on a descriptor rule", yaml: descriptor + "review-on-fail: true\ncheck: { function: truthy, field: name }\n", valid: false),
        Sample(name: "unknown example kind", yaml: page + alt + "examples: { ok: [<img alt=\"\">] }\n", valid: false),
    ]

    static func loaderAccepts(_ yaml: String) -> (Bool, String) {
        let files = [
            PackFile(displayPath: "sample/pack.yaml", relativePath: "sample/pack.yaml",
                     contents: "id: sample\ntitle: { en: Sample, zh-CN: 示例 }\nversion: 1.0.0\n"),
            PackFile(displayPath: "sample/sample-rule.yaml", relativePath: "sample/sample-rule.yaml", contents: yaml),
        ]
        do {
            _ = try Catalog.load(builtin: files)
            return (true, "")
        } catch {
            return (false, "\(error)")
        }
    }

    static let sampleResults: Result<[String: [String]], any Error> = Result {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("govlint-schema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var paths: [String] = []
        for (i, s) in samples.enumerated() {
            let url = dir.appendingPathComponent("\(i).yaml")
            try Data(s.yaml.utf8).write(to: url)
            paths.append(url.path)
        }
        let byPath = try validate(paths)
        var byName: [String: [String]] = [:]
        for (i, s) in samples.enumerated() { byName[s.name] = byPath[paths[i]] }
        return byName
    }

    @Test(arguments: samples)
    func schemaAndLoaderAgree(_ sample: Sample) throws {
        let (loaderOK, loaderError) = Self.loaderAccepts(sample.yaml)
        #expect(loaderOK == sample.valid, "the loader \(loaderOK ? "accepts" : "rejects") it: \(loaderError)")
        let errors = try #require(try Self.sampleResults.get()[sample.name])
        #expect(errors.isEmpty == sample.valid,
                "the schema \(errors.isEmpty ? "accepts" : "rejects") it: \(errors.joined(separator: "; "))")
    }
}
