import Foundation

/// The `check` progress line on standard error: files done / total, rate and
/// time left, redrawn at most ten times a second. On a terminal it rewrites
/// itself in place and is erased at the end; elsewhere (`--progress always`
/// into a pipe) each redraw starts with a carriage return and the last ends the line.
final class ProgressLine: @unchecked Sendable {
    enum Mode: String, CaseIterable { case auto, always, never }

    /// Whether to show progress: `auto` means standard error is a terminal and `CI` is not set.
    static func enabled(_ mode: Mode, environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        switch mode {
        case .never: false
        case .always: true
        case .auto: isatty(STDERR_FILENO) == 1 && (environment["CI"] ?? "").isEmpty
        }
    }

    private let lock = NSLock()
    private let start = Date()
    private var lastDraw = Date.distantPast
    private var drawn = false
    private let terminal = isatty(STDERR_FILENO) == 1
    static let interval = 0.1

    func update(done: Int, total: Int) {
        lock.lock(); defer { lock.unlock() }
        let now = Date()
        guard done == total || now.timeIntervalSince(lastDraw) >= Self.interval else { return }
        lastDraw = now
        let elapsed = now.timeIntervalSince(start)
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        var line = "govlint: \(done)/\(total) files"
        if total > 0 { line += " (\(done * 100 / total)%)" }
        if elapsed >= 0.05 && rate > 0 {
            line += String(format: " · %.1f files/s", rate)
            if done < total { line += " · \(Self.duration(Double(total - done) / rate)) left" }
        }
        write((terminal ? "\r\u{1B}[K" : "\r") + line)
        drawn = true
    }

    /// Ends the line: erased on a terminal, finished with a newline elsewhere.
    func finish() {
        lock.lock(); defer { lock.unlock() }
        guard drawn else { return }
        write(terminal ? "\r\u{1B}[K" : "\n")
        drawn = false
    }

    static func duration(_ seconds: Double) -> String {
        let s = Int(seconds.rounded(.up))
        return s >= 3600 ? String(format: "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String(format: "%d:%02d", s / 60, s % 60)
    }

    private func write(_ s: String) { FileHandle.standardError.write(Data(s.utf8)) }
}
