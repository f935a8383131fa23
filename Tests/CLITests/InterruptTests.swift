import Foundation
import GovlintTestSupport
import Testing

/// Interrupted runs leave no half-written report; internal errors are one line and exit 2; limits options.
@Suite(.serialized) struct InterruptTests {
    static func slowExport() throws -> URL {
        let dir = try CLITests.tempDir()
        // A page that keeps a debug build busy for several seconds.
        let page = "<!doctype html><html lang=en><title>Slow</title><body>" + String(repeating: "<span>x</span>", count: 600_000) + "</body></html>"
        try page.write(to: dir.appendingPathComponent("slow.html"), atomically: true, encoding: .utf8)
        return dir
    }

    @Test(arguments: [(SIGTERM, Int32(143)), (SIGINT, Int32(130))])
    func aSignalLeavesThePreviousReportAndNoTemporaryFile(signal: Int32, expected: Int32) throws {
        let site = try Self.slowExport()
        let out = try CLITests.tempDir()
        let report = out.appendingPathComponent("report.json")
        try "previous report\n".write(to: report, atomically: true, encoding: .utf8)
        let p = Process()
        p.executableURL = RepositoryPaths.binary
        p.arguments = ["check", site.path, "--no-cache", "--jobs", "1", "--format", "json=\(report.path)", "--fail-on", "never"]
        p.standardOutput = FileHandle.nullDevice
        let err = Pipe()
        p.standardError = err
        try p.run()
        Thread.sleep(forTimeInterval: 1.5)
        #expect(p.isRunning, "the run finished before the signal; make the page larger")
        kill(p.processIdentifier, signal)
        p.waitUntilExit()
        #expect(p.terminationReason == .exit)
        #expect(p.terminationStatus == expected)
        #expect(try String(contentsOf: report, encoding: .utf8) == "previous report\n")
        let left = try FileManager.default.contentsOfDirectory(atPath: out.path)
        #expect(left == ["report.json"], "\(left)")
    }

    @Test func anInternalErrorIsOneLineNamingTheFileAndExitsTwo() throws {
        let site = try CLITests.tempDir()
        try "<!doctype html><html lang=en><title>A</title></html>".write(to: site.appendingPathComponent("a.html"), atomically: true, encoding: .utf8)
        try "<!doctype html><html lang=en><title>B</title></html>".write(to: site.appendingPathComponent("boom.html"), atomically: true, encoding: .utf8)
        let p = Process()
        p.executableURL = RepositoryPaths.binary
        p.arguments = ["check", site.path, "--no-cache", "--jobs", "1"]
        var env = ProcessInfo.processInfo.environment
        env["GOVLINT_TEST_INTERNAL_ERROR"] = "boom.html"
        env["SWIFT_BACKTRACE"] = "enable=no"
        p.environment = env
        p.standardOutput = FileHandle.nullDevice
        let err = Pipe()
        p.standardError = err
        try p.run()
        let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationStatus == 2, "\(text)")
        #expect(text.contains("govlint: internal error while checking boom.html"), "\(text)")
        #expect(!text.contains("Thread 0"), "no stack dump: \(text)")
    }

    @Test func limitOptionsAreApplied() throws {
        let site = try CLITests.tempDir()
        try ("<!doctype html><html lang=en><title>Big</title><body>" + String(repeating: "<p>text</p>", count: 500) + "</body></html>")
            .write(to: site.appendingPathComponent("big.html"), atomically: true, encoding: .utf8)
        let r = try CLITests.govlint(["check", site.path, "--no-cache", "--max-file-size", "1KB", "--format", "json"])
        #expect(r.stdout.contains("file-not-fully-checked"), "\(r.stdout.prefix(500)) \(r.stderr)")
        #expect(r.stdout.contains("larger than the limit of 1.0 KB"))
        let bad = try CLITests.govlint(["check", site.path, "--no-cache", "--max-file-size", "huge"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("--max-file-size must be a size"))
    }
}
