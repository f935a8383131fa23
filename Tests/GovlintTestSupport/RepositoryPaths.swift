import Foundation

/// Paths inside the source checkout, so tests read the editable files (and
/// failures point at them), not build copies.
public enum RepositoryPaths {
    public static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    public static let rules = root.appendingPathComponent("Rules")
    public static let fixtures = root.appendingPathComponent("Fixtures")

    /// The built `govlint` binary (debug build folder next to the tests).
    public static var binary: URL {
        let env = ProcessInfo.processInfo.environment
        if let explicit = env["GOVLINT_BINARY"] { return URL(fileURLWithPath: explicit) }
        // The test bundle lives in the same build folder as the executable.
        var dir = Bundle.main.bundleURL
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("govlint")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return root.appendingPathComponent(".build/debug/govlint")
    }
}
