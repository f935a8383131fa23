import Foundation
import GovlintTestSupport
import Testing

/// The archive and site-phase limit options: documented in `check --help`,
/// validated, and applied.
@Suite struct LimitOptionsCLITests {
    @Test func helpDocumentsEveryLimit() throws {
        let help = try CLITests.govlint(["check", "--help"]).stdout
        for option in ["--max-file-size", "--max-depth", "--file-timeout", "--rule-timeout", "--site-timeout",
                       "--max-archive-entries", "--max-archive-size", "--max-compression-ratio"] {
            #expect(help.contains(option), "\(option) missing from check --help")
        }
    }

    @Test(arguments: [["--max-archive-entries", "0"], ["--max-archive-size", "big"], ["--max-compression-ratio", "-1"],
                      ["--site-timeout", "-5"]])
    func badValuesAreUsageErrors(_ option: [String]) throws {
        let r = try CLITests.govlint(["check", CLITests.demo, "--no-cache"] + option)
        #expect(r.status == 2, "\(r.stderr)")
        #expect(r.stderr.contains(option[0]), "\(r.stderr)")
    }

    @Test func theSiteTimeoutIsApplied() throws {
        let r = try CLITests.govlint(["check", CLITests.demo, "--no-cache", "--profile", "starter", "--site-timeout", "0.000001",
                                      "--format", "json", "--fail-on", "never"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("limit site-timeout"), "\(r.stdout.prefix(400))")
    }
}
