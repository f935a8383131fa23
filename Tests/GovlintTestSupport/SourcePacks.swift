import Foundation
import GovlintCore

/// Loads `Rules/` from the checkout.
public enum SourcePacks {
    public static func files() throws -> [PackFile] {
        let root = RepositoryPaths.rules.standardizedFileURL.path + "/"
        var result: [PackFile] = []
        let walker = FileManager.default.enumerator(atPath: root)
        while let rel = walker?.nextObject() as? String {
            let ext = (rel as NSString).pathExtension.lowercased()
            guard ["yaml", "yml", "json", "txt", "md"].contains(ext) else { continue }
            let text = try String(contentsOfFile: root + rel, encoding: .utf8)
            result.append(PackFile(displayPath: root + rel, relativePath: rel, contents: text))
        }
        return result.sorted { $0.relativePath < $1.relativePath }
    }

    nonisolated(unsafe) private static var cached: Catalog?
    private static let lock = NSLock()

    /// The catalog of the checkout's packs (loaded once per test process).
    public static func catalog() throws -> Catalog {
        lock.lock(); defer { lock.unlock() }
        if let cached { return cached }
        let c = try Catalog.load(builtin: files())
        cached = c
        return c
    }
}
