import Foundation
import GovlintTestSupport
import Testing

/// Runs the built binary: exit codes, outputs, errors.
@Suite(.serialized) struct CLITests {
    struct Run { var status: Int32; var stdout: String; var stderr: String }

    static func govlint(_ args: [String], binary: URL = RepositoryPaths.binary, cwd: URL? = nil,
                        environment extra: [String: String] = [:]) throws -> Run {
        let p = Process()
        p.executableURL = binary
        p.arguments = args
        if let cwd { p.currentDirectoryURL = cwd }
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        env.merge(extra) { _, new in new }
        p.environment = env
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Run(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    static func tempDir() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("govlint-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    static let demo = RepositoryPaths.fixtures.appendingPathComponent("sites/demo-agency").path

    /// Without a usable temporary folder the findings stay in memory: same report, and a warning
    /// on stderr even with the cache off.
    @Test func noSpoolFolderWarnsAndStillReports() throws {
        let args = ["check", Self.demo, "--no-cache", "--fail-on", "never", "--format", "json", "--now", "2026-11-25"]
        let normal = try Self.govlint(args)
        let noTemp = try Self.govlint(args, environment: ["TMPDIR": "/nonexistent/govlint-test"])
        #expect(noTemp.status == 0)
        #expect(noTemp.stderr.contains("cannot create the findings spool"))
        #expect(!normal.stderr.contains("findings spool"))
        #expect(noTemp.stdout == normal.stdout)
    }

    @Test func rulesListShowsBuiltinRules() throws {
        let r = try Self.govlint(["rules", "list"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("document-title"))
        #expect(r.stdout.contains("2.4.2"))
    }

    @Test func rulesShowExplainsARule() throws {
        let r = try Self.govlint(["rules", "show", "image-alt"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("WCAG 2.2 1.1.1"))
        #expect(!r.stdout.contains("↓"))
    }

    @Test func checkDemoReportsFindingsAndExitsOne() throws {
        let r = try Self.govlint(["check", Self.demo, "--profile", "starter"])
        #expect(r.status == 1)
        #expect(r.stdout.contains("services/licences.html:2:1: error [document-title]"))
    }

    @Test func failOnNeverExitsZero() throws {
        #expect(try Self.govlint(["check", Self.demo, "--profile", "starter", "--fail-on", "never"]).status == 0)
    }

    @Test func cleanPageExitsZero() throws {
        let dir = try Self.tempDir()
        try "<!DOCTYPE html><html lang=\"en\"><head><title>Fine</title></head><body><p>ok</p></body></html>"
            .write(to: dir.appendingPathComponent("index.html"), atomically: true, encoding: .utf8)
        let r = try Self.govlint(["check", dir.path, "--profile", "starter"])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
    }

    @Test func severalFormatsInOneRun() throws {
        let out = try Self.tempDir()
        let r = try Self.govlint(["check", Self.demo, "--profile", "starter", "--fail-on", "never",
                                  "--format", "sarif=\(out.path)/r.sarif", "--format", "json=\(out.path)/r.json"])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("r.json"))) as? [String: Any]
        #expect(json?["schemaVersion"] as? Int == 1)
        let sarif = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("r.sarif"))) as? [String: Any]
        #expect(sarif?["version"] as? String == "2.1.0")
        let files = try FileManager.default.contentsOfDirectory(atPath: out.path)
        #expect(files.sorted() == ["r.json", "r.sarif"], "no temporary files left behind")
    }

    @Test func sarifValidatesAgainstTheOfficialSchema() throws {
        let schema = RepositoryPaths.root.appendingPathComponent("../shared/schemas/sarif-schema-2.1.0.json").standardizedFileURL
        guard FileManager.default.fileExists(atPath: schema.path) else {
            Issue.record("SARIF schema not found at \(schema.path)")
            return
        }
        let out = try Self.tempDir()
        _ = try Self.govlint(["check", Self.demo, "--profile", "starter", "--format", "sarif=\(out.path)/r.sarif"])
        let (status, text) = try Python.run("""
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1])); doc = json.load(open(sys.argv[2]))
            jsonschema.Draft7Validator(schema).validate(doc)
            assert doc["runs"][0]["results"], "no results"
            print("valid")
            """, [schema.path, out.appendingPathComponent("r.sarif").path])
        #expect(status == 0, "\(text)")
    }

    @Test func jsonValidatesAgainstItsPublishedSchema() throws {
        let schema = RepositoryPaths.root.appendingPathComponent("docs/schemas/govlint-report.schema.json")
        let out = try Self.tempDir()
        _ = try Self.govlint(["check", Self.demo, "--profile", "starter", "--no-cache", "--format", "json=\(out.path)/r.json"])
        let (status, text) = try Python.run("""
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1])); doc = json.load(open(sys.argv[2]))
            jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).validate(doc)
            assert doc["findings"], "no findings"
            """, [schema.path, out.appendingPathComponent("r.json").path])
        #expect(status == 0, "\(text)")
    }

    @Test func brokenRuleInRulesDirIsLocatedAndExitsTwo() throws {
        let dir = try Self.tempDir()
        let pack = dir.appendingPathComponent("mypack")
        try FileManager.default.createDirectory(at: pack, withIntermediateDirectories: true)
        try "id: mypack\ntitle: { en: Mine, zh-CN: 我的 }\nversion: 1.0.0\n".write(to: pack.appendingPathComponent("pack.yaml"), atomically: true, encoding: .utf8)
        try """
            id: my-rule
            title: { en: T, zh-CN: 标 }
            message: { en: M, zh-CN: 信 }
            severity: error
            check:
              function: no-such-check
            """.write(to: pack.appendingPathComponent("my-rule.yaml"), atomically: true, encoding: .utf8)
        let r = try Self.govlint(["rules", "list", "--rules-dir", dir.path])
        #expect(r.status == 2)
        #expect(r.stderr.contains("my-rule.yaml:6:13: unknown page check 'no-such-check'"), "\(r.stderr)")
        let out = try Self.tempDir()
        let c = try Self.govlint(["check", Self.demo, "--rules-dir", dir.path, "--format", "json=\(out.path)/x.json"])
        #expect(c.status == 2)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).isEmpty, "nothing written on a bad pack")
    }

    @Test func badSelectorIsLocated() throws {
        let dir = try Self.tempDir()
        let pack = dir.appendingPathComponent("p")
        try FileManager.default.createDirectory(at: pack, withIntermediateDirectories: true)
        try "id: p\ntitle: { en: P, zh-CN: 包 }\nversion: 1.0.0\n".write(to: pack.appendingPathComponent("pack.yaml"), atomically: true, encoding: .utf8)
        try """
            id: r
            title: { en: T, zh-CN: 标 }
            message: { en: M, zh-CN: 信 }
            severity: error
            selector: "img:hover"
            check: { function: attribute-present, options: { name: alt } }
            """.write(to: pack.appendingPathComponent("r.yaml"), atomically: true, encoding: .utf8)
        let r = try Self.govlint(["rules", "list", "--rules-dir", dir.path])
        #expect(r.status == 2)
        #expect(r.stderr.contains("r.yaml:5:"), "\(r.stderr)")
        #expect(r.stderr.contains("img:hover"))
    }

    @Test func badConfigurationIsLocated() throws {
        let dir = try Self.tempDir()
        try "profile: starter\nrules:\n  no-such-rule: off\n".write(to: dir.appendingPathComponent(".govlint.yml"), atomically: true, encoding: .utf8)
        let r = try Self.govlint(["check", Self.demo], cwd: dir)
        #expect(r.status == 2)
        #expect(r.stderr.contains(".govlint.yml:3:3: unknown rule 'no-such-rule'"), "\(r.stderr)")
    }

    /// The parse-only pass (the benchmarks' baseline) parses the pages lint checks, without rules; it loads
    /// the packs only to check a configuration, a profile or a rules folder it is given.
    @Test func parseOnlyParsesThePagesAndStillChecksAConfiguration() throws {
        let dir = try Self.tempDir()
        let lint = try Self.govlint(["check", Self.demo, "--no-cache", "--fail-on", "never"], cwd: dir)
        let parse = try Self.govlint(["check", Self.demo, "--no-cache", "--fail-on", "never", "--parse-only"], cwd: dir)
        #expect(parse.status == 0)
        let pages = { (r: Run) in r.stdout.split(separator: "\n").last { $0.contains("pages and") }?.split(separator: " ").first }
        #expect(pages(parse) != nil && pages(parse) == pages(lint), "\(parse.stdout)")
        #expect(parse.stdout.contains("checked with 0 rules: 0 errors"))
        let unknown = try Self.govlint(["check", Self.demo, "--parse-only", "--profile", "no-such-profile"], cwd: dir)
        #expect(unknown.status == 2)
        try "rules:\n  no-such-rule: off\n".write(to: dir.appendingPathComponent(".govlint.yml"), atomically: true, encoding: .utf8)
        let configured = try Self.govlint(["check", Self.demo, "--parse-only"], cwd: dir)
        #expect(configured.status == 2)
        #expect(configured.stderr.contains(".govlint.yml:2:3: unknown rule 'no-such-rule'"), "\(configured.stderr)")
    }

    @Test func unknownPageTypeInTheConfigurationExitsTwo() throws {
        let dir = try Self.tempDir()
        try "profile: cn-gov\npage-types:\n  \"zwdt/*.html\": news\n".write(to: dir.appendingPathComponent(".govlint.yml"), atomically: true, encoding: .utf8)
        let r = try Self.govlint(["check", Self.demo], cwd: dir)
        #expect(r.status == 2)
        #expect(r.stderr.contains(".govlint.yml:3:18: unknown page type 'news' for 'zwdt/*.html'"), "\(r.stderr)")
    }

    @Test func configurationSwitchesRulesOffAndChangesSeverity() throws {
        let dir = try Self.tempDir()
        try """
            profile: starter
            rules:
              document-title: off
              html-has-lang: warning
            """.write(to: dir.appendingPathComponent(".govlint.yml"), atomically: true, encoding: .utf8)
        let r = try Self.govlint(["check", Self.demo, "--fail-on", "never"], cwd: dir)
        #expect(!r.stdout.contains("[document-title]"))
        #expect(r.stdout.contains("warning [html-has-lang]"))
    }

    @Test func unknownFormatAndUnwritableOutputExitTwo() throws {
        #expect(try Self.govlint(["check", Self.demo, "--format", "bogus"]).status == 2)
        let r = try Self.govlint(["check", Self.demo, "--format", "json=/nonexistent-dir/x.json"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("does not exist"))
    }

    @Test func refusesToWriteInsideTheCheckedPath() throws {
        let dir = try Self.tempDir()
        try "<html lang=en><title>x</title></html>".write(to: dir.appendingPathComponent("a.html"), atomically: true, encoding: .utf8)
        let r = try Self.govlint(["check", dir.path, "--format", "json=\(dir.path)/report.json"])
        #expect(r.status == 2)
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("report.json").path))
    }

    @Test func copiedBinaryCarriesItsPacks() throws {
        let dir = try Self.tempDir()
        let copy = dir.appendingPathComponent("govlint")
        try FileManager.default.copyItem(at: RepositoryPaths.binary, to: copy)
        let r = try Self.govlint(["rules", "list", "--profile", "starter"], binary: copy, cwd: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("image-alt"))
    }

    @Test func unreadableAndBinaryFilesAreFindingsAndTheRestIsChecked() throws {
        let dir = try Self.tempDir()
        try Data([0x00, 0x01, 0xFF, 0x00]).write(to: dir.appendingPathComponent("binary.html"))
        try Data().write(to: dir.appendingPathComponent("empty.html"))
        try "<html lang=en><head><title>x</title></head><body><img src=a.png".write(to: dir.appendingPathComponent("cut.html"), atomically: true, encoding: .utf8)
        try "<html><head></head></html>".write(to: dir.appendingPathComponent("ok.html"), atomically: true, encoding: .utf8)
        let r = try Self.govlint(["check", dir.path, "--profile", "starter"])
        #expect(r.status == 1)
        #expect(r.stdout.contains("binary.html:1:1: error [file-binary]"))
        #expect(r.stdout.contains("empty.html:1:1: error [file-empty]"))
        #expect(r.stdout.contains("cut.html:1:50: warning [file-truncated]"), "\(r.stdout)")
        #expect(r.stdout.contains("ok.html:1:1: error [html-has-lang]"))
    }
}

@Suite(.serialized) struct ShardCLITests {
    @Test func shardPartsMergeToTheUnshardedReport() throws {
        let out = try CLITests.tempDir()
        let demo = CLITests.demo
        let base = ["--profile", "starter", "--now", "2026-11-25", "--no-cache"]
        _ = try CLITests.govlint(["check", demo] + base + ["--fail-on", "never", "--format", "json=\(out.path)/whole.json"])
        for i in 1...3 {
            let r = try CLITests.govlint(["check", demo] + base + ["--shard", "\(i)/3", "--output", "\(out.path)/p\(i).json"])
            #expect(r.status == 0, "\(r.stderr)")
        }
        let m = try CLITests.govlint(["report", "merge", "\(out.path)/p1.json", "\(out.path)/p2.json", "\(out.path)/p3.json",
                                      "--format", "json=\(out.path)/merged.json", "--fail-on", "never"])
        #expect(m.status == 0, "\(m.stderr)")
        let whole = try String(contentsOf: out.appendingPathComponent("whole.json"), encoding: .utf8)
        let merged = try String(contentsOf: out.appendingPathComponent("merged.json"), encoding: .utf8)
        #expect(whole == merged)
        let missing = try CLITests.govlint(["report", "merge", "\(out.path)/p1.json", "\(out.path)/p2.json"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("exactly once"))
    }

    @Test func mergeNamesAPartCutShortAndWhere() throws {
        let out = try CLITests.tempDir()
        let base = ["--profile", "starter", "--now", "2026-11-25", "--no-cache"]
        for i in 1...2 {
            let r = try CLITests.govlint(["check", CLITests.demo] + base + ["--shard", "\(i)/2", "--output", "\(out.path)/p\(i).json"])
            #expect(r.status == 0, "\(r.stderr)")
        }
        let cut = out.appendingPathComponent("p2.json")
        let bytes = try Data(contentsOf: cut)
        try bytes.prefix(bytes.count / 2).write(to: cut)
        let m = try CLITests.govlint(["report", "merge", "\(out.path)/p1.json", cut.path])
        #expect(m.status == 2)
        #expect(m.stderr.hasPrefix("\(cut.path): not a govlint part file ("), "\(m.stderr)")
        #expect(m.stderr.contains("unexpected end of file"), "\(m.stderr)")
        #expect(m.stderr.contains(" at byte "), "\(m.stderr)")
    }

    @Test func secondRunUsesTheCache() throws {
        let cache = try CLITests.tempDir()
        let args = ["check", CLITests.demo, "--profile", "starter", "--now", "2026-11-25", "--cache-dir", cache.path, "--fail-on", "never", "--format", "json"]
        let a = try CLITests.govlint(args)
        let b = try CLITests.govlint(args)
        #expect(a.stdout == b.stdout)
        let entries = FileManager.default.enumerator(atPath: cache.path)?.allObjects.compactMap { $0 as? String }.filter { $0.hasSuffix(".json") } ?? []
        #expect(entries.count == 5)
        #expect(try CLITests.govlint(["check", CLITests.demo, "--cache-dir", CLITests.demo + "/c"]).status == 2)
    }
}

@Suite struct InspectionCLITests {
    static let county = RepositoryPaths.fixtures.appendingPathComponent("sites/cn-county-gov").path

    @Test func countyExportGetsItsInspectionScore() throws {
        let out = try CLITests.tempDir()
        let r = try CLITests.govlint(["check", Self.county, "--profile", "cn-gov-inspection", "--now", "2026-11-25", "--no-cache",
                                      "--config", Self.county + "/.govlint.yml",
                                      "--format", "text", "--format", "json=\(out.path)/r.json"])
        #expect(r.status == 1)
        #expect(r.stdout.contains("Inspection score (cn-gov-inspection): 90.5 / 100, pass; no veto item triggered"), "\(r.stdout)")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("r.json"))) as? [String: Any]
        let inspection = try #require(json?["inspection"] as? [String: Any])
        #expect(inspection["score"] as? Double == 90.5)
        #expect((inspection["items"] as? [Any])?.count == 17)
        let schema = RepositoryPaths.root.appendingPathComponent("docs/schemas/govlint-report.schema.json")
        let (status, text) = try Python.run("""
            import json, sys, jsonschema
            jsonschema.Draft202012Validator(json.load(open(sys.argv[1]))).validate(json.load(open(sys.argv[2])))
            """, [schema.path, out.path + "/r.json"])
        #expect(status == 0, "\(text)")
    }
}

@Suite struct MonitoringCLITests {
    /// The UK council export scored with govlint's EU monitoring weights: the score and
    /// the note saying it is not an official score reach the text, JSON and HTML reports.
    @Test func ukCouncilGetsItsScoreWithTheNote() throws {
        let out = try CLITests.tempDir()
        let uk = RepositoryPaths.fixtures.appendingPathComponent("sites/uk-council").path
        let r = try CLITests.govlint(["check", uk, "--profile", "eu-monitoring", "--profile", "wcag22-aa", "--now", "2026-11-25", "--no-cache",
                                      "--format", "text", "--format", "json=\(out.path)/r.json", "--format", "html=\(out.path)/r.html"])
        #expect(r.status == 1, "\(r.stderr)")
        #expect(r.stdout.contains("Inspection score (eu-monitoring): 80 / 100, pass; no veto item triggered; 7 of 9 indicators assessed statically."), "\(r.stdout)")
        #expect(r.stdout.contains("Not an official score: govlint's own weighting"), "\(r.stdout)")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("r.json"))) as? [String: Any]
        let inspection = try #require(json?["inspection"] as? [String: Any])
        #expect((inspection["note"] as? [String: String])?["zh-CN"]?.hasPrefix("非官方评分") == true)
        let schema = RepositoryPaths.root.appendingPathComponent("docs/schemas/govlint-report.schema.json")
        let (status, text) = try Python.run("""
            import json, sys, jsonschema
            jsonschema.Draft202012Validator(json.load(open(sys.argv[1]))).validate(json.load(open(sys.argv[2])))
            """, [schema.path, out.path + "/r.json"])
        #expect(status == 0, "\(text)")
        let html = try String(contentsOf: out.appendingPathComponent("r.html"), encoding: .utf8)
        #expect(html.contains("<p class=\"note\">Not an official score"))
    }
}

@Suite struct InspectionHTMLTests {
    @Test func htmlReportShowsTheInspectionScoreAndPassesTheAccessibilityRules() throws {
        let out = try CLITests.tempDir()
        let r = try CLITests.govlint(["check", InspectionCLITests.county, "--profile", "cn-gov-inspection", "--now", "2026-11-25",
                                      "--no-cache", "--config", InspectionCLITests.county + "/.govlint.yml", "--lang", "zh-CN", "--format", "html=\(out.path)/report.html"])
        #expect(r.status == 1, "\(r.stderr)")
        let html = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(html.contains("检查指标评分"))
        #expect(html.contains("得分 90.5 / 100"))
        #expect(html.contains("无法静态评估"))
        let lint = try CLITests.govlint(["check", out.appendingPathComponent("report.html").path, "--profile", "wcag22-aa", "--no-cache"])
        #expect(lint.status == 0, "\(lint.stdout)")
    }
}

@Suite struct ProfileOverviewTests {
    @Test func htmlReportHasAnOverviewPerProfile() throws {
        let out = try CLITests.tempDir()
        let r = try CLITests.govlint(["check", CLITests.demo, "--profile", "starter", "--profile", "site-hygiene", "--no-cache",
                                      "--fail-on", "never", "--format", "html=\(out.path)/r.html"])
        #expect(r.status == 0, "\(r.stderr)")
        let html = try String(contentsOf: out.appendingPathComponent("r.html"), encoding: .utf8)
        #expect(html.contains("Overview per profile"))
        #expect(html.contains("<tr><th scope=\"row\"><code>starter</code></th>"))
        #expect(html.contains("<tr><th scope=\"row\"><code>site-hygiene</code></th>"))
        let lint = try CLITests.govlint(["check", out.appendingPathComponent("r.html").path, "--profile", "wcag22-aa", "--no-cache"])
        #expect(lint.status == 0, "\(lint.stdout)")
    }
}
