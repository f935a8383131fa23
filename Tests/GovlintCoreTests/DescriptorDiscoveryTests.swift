import Foundation
@testable import GovlintCore
import GovlintTestSupport
import Testing

/// `govlint check DIR` finds descriptors by the `files:` globs of the packs'
/// rules, and `.govlint.yml` `descriptors:` maps other names to a pack.
@Suite struct DescriptorDiscoveryTests {
    static let catalogEntry = """
        resources:
          - name: 人口基础信息
            updateCycle: 不定期

        """
    static let openAPI = """
        openapi: 3.0.3
        servers:
          - url: http://api.example.gov.nl/v1

        """

    static func tree(_ files: [String: String]) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("govlint-discovery-\(UUID().uuidString)")
        for (path, text) in files {
            let url = dir.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return dir
    }

    static func findings(_ result: RunResult, _ rule: String) -> [String] {
        result.findings.filter { $0.ruleID == rule }.map(\.file).sorted()
    }

    @Test(arguments: [
        ("health.catalog.yml", true), ("dept/health.catalog.yaml", true), ("a/b/health.catalog.json", true),
        ("openapi.yaml", true), ("api/openapi.yml", true), ("specs/v2/openapi-public.json", true),
        ("catalog.yml", false), ("health.yml", false), ("api/swagger.yaml", false),
    ])
    func packGlobsMakeFilesDescriptors(_ path: String, _ isDescriptor: Bool) throws {
        let linter = Linter(catalog: try SourcePacks.catalog())
        let rules = linter.activeRules(profiles: ["cn-resource-catalog", "api-design"])
        #expect(linter.isDescriptor(path, rules: rules) == isDescriptor)
    }

    @Test func checkingAFolderRunsTheRightPackOnEachDescriptor() throws {
        let dir = try Self.tree([
            "catalogue/health.catalog.yml": Self.catalogEntry,
            "api/openapi.yaml": Self.openAPI,
            "notes/health.yml": Self.catalogEntry,
        ])
        defer { try? FileManager.default.removeItem(at: dir) }
        let linter = Linter(catalog: try SourcePacks.catalog())
        let result = linter.run(paths: [dir], options: RunOptions(jobs: 1, profiles: ["cn-resource-catalog", "api-design"]))
        #expect(result.descriptorsChecked == 2)
        #expect(Self.findings(result, "cn-catalog-update-cycle") == ["catalogue/health.catalog.yml"])
        #expect(Self.findings(result, "api-servers-https") == ["api/openapi.yaml"])
    }

    @Test func configurationMapsOtherNamesToAPack() throws {
        let dir = try Self.tree([
            "catalogue/health.yml": Self.catalogEntry,
            "interfaces/register-api.yaml": Self.openAPI,
        ])
        defer { try? FileManager.default.removeItem(at: dir) }
        let config = try ConfigurationLoader.parse("""
            descriptors:
              "catalogue/*.yml": cn-resource-catalog
              "interfaces/*-api.yaml": api-design
            """, file: ".govlint.yml", catalog: try SourcePacks.catalog())
        let linter = Linter(catalog: try SourcePacks.catalog(), configuration: config)
        let result = linter.run(paths: [dir], options: RunOptions(jobs: 1, profiles: ["cn-resource-catalog", "api-design"]))
        #expect(result.descriptorsChecked == 2)
        #expect(Self.findings(result, "cn-catalog-update-cycle") == ["catalogue/health.yml"])
        #expect(Self.findings(result, "api-servers-https") == ["interfaces/register-api.yaml"])
        // A mapping runs only that pack's rules on the file.
        #expect(!result.findings.contains { $0.file == "catalogue/health.yml" && $0.ruleID.hasPrefix("api-") })
    }

    @Test func unknownPackInTheMappingIsALocatedError() {
        #expect(throws: LocatedError.self) {
            try ConfigurationLoader.parse("descriptors:\n  \"x/*.yml\": no-such-pack\n",
                                          file: ".govlint.yml", catalog: try SourcePacks.catalog())
        }
    }

    /// Discovered files keep their root's path once; the absolute path they give is still the file's.
    @Test func discoveredPathsAreTheFiles() throws {
        let dir = try Self.tree(["index.html": "<p>a", "sub/deep/页面.html": "<p>b", "openapi.yaml": Self.openAPI])
        let root = dir.standardizedFileURL.path
        for inputs in [[dir], [dir.appendingPathComponent("sub"), dir.appendingPathComponent("index.html")]] {
            let (files, problems, _) = Discovery.discover(paths: inputs, configuration: Configuration()) { _ in false }
            #expect(problems.isEmpty)
            #expect(files.count == (inputs.count == 1 ? 3 : 2))
            for f in files {
                #expect(FileManager.default.fileExists(atPath: f.path), "\(f.path)")
                #expect(f.url.path == f.path)
                if inputs.count == 1 { #expect(f.path == root + "/" + f.relative) }
                #expect(f == DiscoveredFile(url: f.url, relative: f.relative, kind: f.kind), "equal however it was made")
            }
        }
    }
}

/// A file's extension is read on bytes for ASCII paths: it must be what splitting by characters gives.
@Suite struct FileExtensionTests {
    @Test(arguments: [
        "index.html", "a/b/INDEX.HTM", "a.b/c", "a.b/c.", "a..b", "a.b..", "...", "", ".htaccess", "dir.v2/readme",
        "x.Tar.GZ", "noext", "a/b/.hidden.XHTML", "a./b", "/", ".", "a.", "ä/b.HTML", "e\u{301}.Html", "dir.\u{301}x/y",
        "a.\u{301}html", "数据/目录.JSON", "x.y.z/ÅB.ÄÖ",
    ])
    func extensionIsTheLastNonEmptyPieceAfterADot(_ path: String) {
        #expect(Discovery.fileExtension(path) == (path.split(separator: ".").last.map { $0.lowercased() } ?? ""))
    }
}
