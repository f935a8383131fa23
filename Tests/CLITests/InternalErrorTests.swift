import Foundation
import GovlintTestSupport
import Testing

/// An internal error (a trap while checking a file, triggered through the
/// hidden GOVLINT_TEST_INTERNAL_ERROR hook) is reported in one line naming the
/// file and the cause, exits 2 and prints no stack dump, with or without
/// Swift's backtracer. (`SWIFT_BACKTRACE=enable=no` makes a debug build's
/// runtime print its own "Current stack trace"; release builds do not.)
@Suite struct InternalErrorTests {
    @Test(arguments: [nil, "enable=yes"], [1, 2])
    func oneLineNamingTheFileAndExitTwo(backtrace: String?, jobs: Int) throws {
        let site = try CLITests.tempDir(), out = try CLITests.tempDir()
        defer { try? FileManager.default.removeItem(at: site); try? FileManager.default.removeItem(at: out) }
        for name in ["a.html", "boom.html", "c.html"] {
            try "<!doctype html><html lang=en><title>\(name)</title></html>".write(to: site.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        let p = Process()
        p.executableURL = RepositoryPaths.binary
        p.arguments = ["check", site.path, "--no-cache", "--jobs", String(jobs), "--format", "json=\(out.path)/report.json"]
        var env = ProcessInfo.processInfo.environment
        env["GOVLINT_TEST_INTERNAL_ERROR"] = "boom.html"
        env["SWIFT_BACKTRACE"] = backtrace
        p.environment = env
        p.standardOutput = FileHandle.nullDevice
        let err = Pipe()
        p.standardError = err
        try p.run()
        let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationStatus == 2, "\(text)")
        let lines = text.split(separator: "\n")
        let last = String(lines.last ?? "")
        #expect(last.hasPrefix("govlint: internal error while checking boom.html: "), "\(text)")
        #expect(last.contains("Fatal error: internal error requested by GOVLINT_TEST_INTERNAL_ERROR (please report it)"), "\(text)")
        // At most the runtime's own report of the cause before it.
        #expect(lines.count <= 2, "\(text)")
        for dump in ["Thread 0", "Backtrace", "Current stack trace", "💣", "Stack dump", "#0 "] {
            #expect(!text.contains(dump), "no stack dump: \(text)")
        }
        // No half-written report is left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).isEmpty)
    }
}
