import Foundation
import GovlintTestSupport
import Testing

/// The command line on a 100 MB page, in a child process so that its peak
/// memory is its own (the in-process tests share one address space).
@Suite struct LargePageCLITests {
    struct Child {
        var status: Int32
        var peakRSSMegabytes: Int
        var seconds: Double
        var stderr: String
    }

    /// Runs the built `govlint` with `arguments`; exit status and peak RSS from wait4.
    static func govlint(_ arguments: [String], in dir: URL) throws -> Child {
        let binary = RepositoryPaths.binary.path
        let errPath = dir.appendingPathComponent("stderr.txt").path
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let argv = ([binary] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid = pid_t()
        let started = Date()
        let spawned = posix_spawn(&pid, binary, &actions, nil, argv, environ)
        guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EINVAL) }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        let exited = status & 0x7f == 0
        return Child(status: exited ? (status >> 8) & 0xff : 128 + (status & 0x7f),
                     peakRSSMegabytes: usage.ru_maxrss / 1024, seconds: Date().timeIntervalSince(started),
                     stderr: (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "")
    }

    /// 100 MB of paragraphs (about 420,000 elements), streamed to disk. The
    /// starter profile: the whole rule set takes minutes in a debug build.
    @Test func aHundredMegabytePageIsChecked() throws {
        let export = try Export(); defer { export.remove() }
        let page = export.url("big.html")
        FileManager.default.createFile(atPath: page.path, contents: nil)
        let handle = try FileHandle(forWritingTo: page)
        let paragraph = "<p>Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et "
            + "dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris nisi ut aliquip.</p>\n"
        let chunk = Data(String(repeating: paragraph, count: (1 << 20) / paragraph.utf8.count).utf8)
        try handle.write(contentsOf: Data("<!doctype html><html lang=en><title>Big</title><body>".utf8))
        for _ in 0..<(100 << 20) / chunk.count { try handle.write(contentsOf: chunk) }
        try handle.write(contentsOf: Data("<img src=x></body></html>".utf8))
        try handle.close()
        let size = try FileManager.default.attributesOfItem(atPath: page.path)[.size] as? Int ?? 0
        #expect(size >= 100_000_000)

        let out = FileManager.default.temporaryDirectory.appendingPathComponent("govlint-big-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: out) }
        let report = out.appendingPathComponent("report.json")
        let run = try Self.govlint(["check", export.dir.path, "--profile", "starter", "--max-file-size", "200MB",
                                    "--no-cache", "--progress", "never", "--format", "json=\(report.path)"], in: out)
        print("100 MB page: \(String(format: "%.1f", run.seconds)) s, peak RSS \(run.peakRSSMegabytes) MB (child process)")
        #expect([0, 1].contains(run.status), "\(run.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: report)) as? [String: Any]
        let findings = json?["findings"] as? [[String: Any]] ?? []
        let onBig = findings.filter { $0["file"] as? String == "big.html" }.compactMap { $0["ruleId"] as? String }
        #expect(onBig.contains("image-alt"), "\(onBig)")
        #expect(!onBig.contains("file-not-fully-checked"), "\(onBig)")
        #expect(findings.contains { $0["file"] as? String == "good.html" })
    }
}
