import Foundation

/// A content-addressed cache of page and descriptor outcomes. The key is the
/// SHA-256 of the file's bytes, its path and a run key (rule packs, tool
/// version, configuration, the export's file list, `--now`), so an entry is
/// only ever reused for identical input. Unreadable or corrupt entries are
/// ignored with one warning, never trusted.
public final class ResultCache: @unchecked Sendable {
    public let directory: URL
    let runKey: String
    private let lock = NSLock()
    private var warned = false
    private let warn: @Sendable (String) -> Void

    public init(directory: URL, runKey: String, warn: @escaping @Sendable (String) -> Void) {
        self.directory = directory
        self.runKey = runKey
        self.warn = warn
    }

    /// `$XDG_CACHE_HOME/govlint`, else `~/.cache/govlint`.
    public static var defaultDirectory: URL {
        if let xdg = ProcessInfo.processInfo.environment["XDG_CACHE_HOME"], !xdg.isEmpty {
            return URL(fileURLWithPath: xdg).appendingPathComponent("govlint")
        }
        return FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache/govlint")
    }

    func key(relative: String, bytes: [UInt8]) -> String {
        var h = SHA256()
        h.update(runKey)
        h.update([0])
        h.update(relative)
        h.update([0])
        h.update(bytes)
        return h.finalize()
    }

    private func url(_ key: String) -> URL {
        directory.appendingPathComponent(String(key.prefix(2))).appendingPathComponent(key + ".json")
    }

    public func lookup(_ key: String) -> FileOutcome? {
        let u = url(key)
        guard let data = FileManager.default.contents(atPath: u.path) else { return nil }
        do {
            let entry = try JSONDecoder().decode(Entry.self, from: data)
            guard entry.key == key else { throw MergeError(description: "key mismatch") }
            return entry.outcome
        } catch {
            lock.lock()
            let first = !warned
            warned = true
            lock.unlock()
            if first { warn("warning: ignoring corrupt cache entry \(u.path)") }
            try? FileManager.default.removeItem(at: u)
            return nil
        }
    }

    public func store(_ outcome: FileOutcome, key: String) {
        let u = url(key)
        do {
            try FileManager.default.createDirectory(at: u.deletingLastPathComponent(), withIntermediateDirectories: true)
            let data = try JSONEncoder().encode(Entry(key: key, outcome: outcome))
            let temp = u.deletingLastPathComponent().appendingPathComponent(".\(key).\(UUID().uuidString).tmp")
            try data.write(to: temp)
            if rename(temp.path, u.path) != 0 { try? FileManager.default.removeItem(at: temp) }
        } catch {
            lock.lock()
            let first = !warned
            warned = true
            lock.unlock()
            if first { warn("warning: cannot write the cache in \(directory.path): \(error.localizedDescription)") }
        }
    }

    struct Entry: Codable {
        var key: String
        var outcome: FileOutcome
    }
}
