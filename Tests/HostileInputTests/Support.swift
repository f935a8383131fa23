import Foundation
import GovlintCore
import GovlintTestSupport

/// A throw-away export folder with one ordinary page (`good.html`, missing an
/// alt text) next to the hostile input, so each test can show the rest is still checked.
struct Export {
    let dir: URL

    init() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("govlint-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try write("good.html", Export.goodPage)
    }

    static let goodPage = #"<!doctype html><html lang="en"><head><title>Good</title></head><body><main><img src="a.png"></main></body></html>"#

    func write(_ relative: String, _ text: String) throws { try write(relative, Array(text.utf8)) }

    func write(_ relative: String, _ bytes: [UInt8]) throws {
        let url = dir.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    func url(_ relative: String) -> URL { dir.appendingPathComponent(relative) }

    func remove() { try? FileManager.default.removeItem(at: dir) }

    /// Runs the starter profile over the folder.
    func run(catalog: Catalog? = nil, profiles: [String] = ["starter"], _ configure: (inout Configuration) -> Void = { _ in }) throws -> RunResult {
        var configuration = Configuration()
        configure(&configuration)
        let linter = Linter(catalog: try catalog ?? SourcePacks.catalog(), configuration: configuration)
        return linter.run(paths: [dir], options: RunOptions(jobs: 2, profiles: profiles, now: Date(timeIntervalSince1970: 1_780_000_000)))
    }
}

extension RunResult {
    func findings(_ file: String, _ rule: String? = nil) -> [Finding] {
        findings.filter { $0.file == file && (rule == nil || $0.ruleID == rule) }
    }

    /// The ordinary page was checked: its missing alt text was found.
    var goodPageChecked: Bool { !findings("good.html", "image-alt").isEmpty }
}

/// Peak resident memory of this process so far (VmHWM), in MB.
func peakRSSMegabytes() -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return -1 }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        return (Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0) / 1024
    }
    return -1
}
