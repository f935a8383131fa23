import Foundation
import GovlintCore
import GovlintTestSupport
import Testing

/// The archive and site-phase limits: configurable, and hitting one is a
/// `file-not-fully-checked` finding while the rest of the run goes on.
@Suite struct LimitTests {
    static let page = Array(Export.goodPage.utf8)

    @Test func theArchiveEntryCountIsALimit() throws {
        let zip = try ArchiveTests.makeZip([("good.html", Self.page), ("b.html", Self.page), ("c.html", Self.page), ("d.html", Self.page)])
        defer { try? FileManager.default.removeItem(at: zip.deletingLastPathComponent()) }
        let result = try ArchiveTests.run(zip) { $0.limits.maxArchiveEntries = 2 }
        let limit = result.findings("site.zip", "file-not-fully-checked")
        #expect(limit.count == 1, "\(result.findings.map(\.file))")
        #expect(limit.first?.message.en.contains("more than 2 entries") == true)
        #expect(limit.first?.message.en.contains("max-archive-entries") == true)
        #expect(result.findings("good.html", "image-alt").count == 1)
        #expect(result.findings("b.html", "image-alt").count == 1)
        #expect(result.findings("c.html").isEmpty && result.findings("d.html").isEmpty)
    }

    @Test func theArchiveSizeIsALimit() throws {
        let zip = try ArchiveTests.makeZip([("good.html", Self.page), ("b.html", Self.page), ("c.html", Self.page)])
        defer { try? FileManager.default.removeItem(at: zip.deletingLastPathComponent()) }
        let result = try ArchiveTests.run(zip) { $0.limits.maxArchiveSize = Self.page.count * 2 + 10 }
        let limit = result.findings("site.zip", "file-not-fully-checked")
        #expect(limit.count == 1)
        #expect(limit.first?.message.en.contains("max-archive-size") == true, "\(limit)")
        #expect(result.goodPageChecked)
        #expect(result.findings("c.html").isEmpty)
    }

    @Test(arguments: [(200, true), (5000, false)])
    func theCompressionRatioIsALimit(ratio: Int, refused: Bool) throws {
        // 4 MB of spaces after a page: deflate squeezes it about 1000:1.
        let page = Array("<!doctype html><html lang=en><title>Wide</title><body><img src=x>".utf8) + Array(repeating: 0x20, count: 4 << 20)
        let zip = try ArchiveTests.makeZip([("good.html", Self.page), ("wide.html", page)])
        defer { try? FileManager.default.removeItem(at: zip.deletingLastPathComponent()) }
        let result = try ArchiveTests.run(zip) { $0.limits.maxCompressionRatio = ratio }
        let limit = result.findings("site.zip!wide.html", "file-not-fully-checked")
        #expect(limit.count == (refused ? 1 : 0), "\(result.findings.map { "\($0.file) \($0.ruleID)" })")
        #expect(limit.allSatisfy { $0.message.en.contains("compression ratio over \(ratio):1") })
        #expect(result.findings("wide.html", "image-alt").count == (refused ? 0 : 1))
        #expect(result.goodPageChecked)
    }

    @Test func theSitePhaseHasATimeLimit() throws {
        let export = try Export(); defer { export.remove() }
        try export.write("other.html", Export.goodPage)
        let result = try export.run(profiles: ["starter", "site-hygiene"]) { $0.limits.siteTimeout = 1e-9 }
        let limit = result.findings(SiteRunner.siteFile, "file-not-fully-checked")
        #expect(limit.count == 1, "\(result.findings.map { "\($0.file) \($0.ruleID)" })")
        #expect(limit.first?.message.en.contains("limit site-timeout") == true)
        #expect(limit.first?.message.en.contains("unique-page-title") == true, "the rules not run are named")
        #expect(result.findings(ruleID: "unique-page-title").isEmpty)
        #expect(result.goodPageChecked, "page findings are kept")
        // Without the limit the same export yields the site finding.
        let unlimited = try export.run(profiles: ["starter", "site-hygiene"])
        #expect(!unlimited.findings(ruleID: "unique-page-title").isEmpty)
        #expect(unlimited.findings(SiteRunner.siteFile, "file-not-fully-checked").isEmpty)
    }

    @Test func limitsAreReadFromTheConfigurationFile() throws {
        let config = try ConfigurationLoader.parse("""
            limits:
              max-archive-entries: 10
              max-archive-size: 3MB
              max-compression-ratio: 50
              site-timeout: 7.5
            """, file: ".govlint.yml", catalog: SourcePacks.catalog())
        #expect(config.limits.maxArchiveEntries == 10)
        #expect(config.limits.maxArchiveSize == 3 << 20)
        #expect(config.limits.maxCompressionRatio == 50)
        #expect(config.limits.siteTimeout == 7.5)
        #expect(config.limits.archive.maxEntries == 10)
        let off = try ConfigurationLoader.parse("limits:\n  site-timeout: 0\n", file: ".govlint.yml", catalog: SourcePacks.catalog())
        #expect(off.limits.siteTimeout == nil)
    }

    @Test(arguments: ["max-archive-entries: 0", "max-archive-size: lots", "max-compression-ratio: -3", "site-timeout: soon"])
    func badLimitValuesAreLocatedErrors(line: String) throws {
        let catalog = try SourcePacks.catalog()
        do {
            _ = try ConfigurationLoader.parse("limits:\n  \(line)\n", file: ".govlint.yml", catalog: catalog)
            Issue.record("accepted \(line)")
        } catch {
            #expect(error.line == 2, "\(error)")
            #expect(error.message.contains(String(line.prefix(while: { $0 != ":" }))), "\(error)")
        }
    }
}

extension RunResult {
    func findings(ruleID: String) -> [Finding] { findings.filter { $0.ruleID == ruleID } }
}

/// Billion laughs wherever govlint reads YAML that someone else wrote.
@Suite struct AliasBombTests {
    static let bomb = HostileYAMLTests.billionLaughs

    @Test func inTheConfiguration() throws {
        let catalog = try SourcePacks.catalog()
        let started = Date()
        do {
            _ = try ConfigurationLoader.parse("profile: starter\n" + Self.bomb, file: ".govlint.yml", catalog: catalog)
            Issue.record("accepted")
        } catch {
            #expect(error.line == 3, "\(error)")
            #expect(error.message.contains("YAML aliases"))
        }
        #expect(Date().timeIntervalSince(started) < 5)
    }

    @Test func inASpectralRuleset() throws {
        do {
            _ = try SpectralRuleset.load(text: "rules: {}\n" + Self.bomb, file: ".spectral.yaml")
            Issue.record("accepted")
        } catch {
            #expect(error.line == 3, "\(error)")
            #expect(error.message.contains("YAML aliases"))
        }
    }

    @Test func inAPackManifest() throws {
        do {
            _ = try PackLoader.load([PackFile(displayPath: "bomb/pack.yaml", relativePath: "bomb/pack.yaml",
                                              contents: "id: bomb\ntitle: {en: B, zh-CN: 炸}\nversion: 1.0.0\n" + Self.bomb)], origin: "test")
            Issue.record("accepted")
        } catch {
            #expect("\(error)".contains("bomb/pack.yaml:5:"), "\(error)")
        }
    }

    @Test func inAScoringModel() throws {
        let started = Date()
        #expect(throws: (any Error).self) { try InspectionModel.load(yaml: "veto: *a10\n" + Self.bomb) }
        do { _ = try InspectionModel.load(yaml: Self.bomb) } catch { #expect("\(error)".contains("YAML aliases"), "\(error)") }
        #expect(Date().timeIntervalSince(started) < 5)
    }
}
