import Foundation
import GovlintTestSupport
import Testing

/// `check --progress`: a progress line on standard error only when asked or on a terminal.
@Suite(.serialized) struct ProgressCLITests {
    @Test func alwaysWritesProgressToAPipe() throws {
        let r = try CLITests.govlint(["check", CLITests.demo, "--profile", "starter", "--no-cache", "--fail-on", "never",
                                      "--progress", "always", "--format", "json", "--jobs", "1"])
        #expect(r.status == 0, "\(r.stderr)")
        let files = try FileManager.default.subpathsOfDirectory(atPath: CLITests.demo)
            .filter { $0.hasSuffix(".html") || $0.hasSuffix(".yml") }.count
        #expect(r.stderr.contains("govlint: \(files)/\(files) files (100%)"), "\(r.stderr.debugDescription)")
        #expect(r.stderr.hasPrefix("\r"))
        #expect(r.stderr.hasSuffix("\n"))
        #expect(!r.stderr.contains("\u{1B}"), "no terminal escapes into a pipe")
        #expect(!r.stdout.contains("files (100%)"), "progress never goes to standard output")
        #expect((try? JSONSerialization.jsonObject(with: Data(r.stdout.utf8))) != nil)
    }

    @Test(arguments: ["auto", "never"])
    func nothingWhenPipedOrNever(_ mode: String) throws {
        let r = try CLITests.govlint(["check", CLITests.demo, "--profile", "starter", "--no-cache", "--fail-on", "never",
                                      "--progress", mode])
        #expect(r.status == 0)
        #expect(!r.stderr.contains("files"), "\(r.stderr)")
    }

    @Test func badModeIsAUsageError() throws {
        let r = try CLITests.govlint(["check", CLITests.demo, "--progress", "sometimes"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("--progress must be auto, always or never"))
    }
}
