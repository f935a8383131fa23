import Foundation
import GovlintTestSupport
import Testing

/// `govlint check --timings`: a table of where the time went on standard error, the report unchanged.
@Suite struct TimingsCLITests {
    @Test func timingsGoToStandardErrorAndLeaveTheReportAlone() throws {
        let args = ["check", CLITests.demo, "--no-cache", "--fail-on", "never", "--format", "json", "--now", "2026-11-25"]
        let plain = try CLITests.govlint(args)
        let timed = try CLITests.govlint(args + ["--timings"])
        #expect(timed.status == 0, "\(timed.stderr)")
        #expect(timed.stdout == plain.stdout)
        #expect(!plain.stderr.contains("Time per rule"))
        let lines = timed.stderr.split(separator: "\n").map(String.init)
        let header = try #require(lines.firstIndex { $0.hasPrefix("Time per rule") })
        let table = lines[(header + 1)...]
        #expect(table.first?.hasPrefix("rule") == true)
        #expect(table.contains { $0.hasPrefix("(decode and parse) ") })
        #expect(table.contains { $0.hasPrefix("(selector matching) ") })
        #expect(table.contains { $0.hasPrefix("total ") })
    }
}
