import Foundation

/// Writes report files atomically (temporary file in the same folder, then
/// rename), and refuses to write inside the checked paths.
enum OutputWriter {
    static func validate(_ path: String, checkedPaths: [String]) throws {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        for checked in checkedPaths {
            let root = URL(fileURLWithPath: checked).standardizedFileURL.resolvingSymlinksInPath().path
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: root, isDirectory: &isDir), isDir.boolValue else { continue }
            let target = url.deletingLastPathComponent().resolvingSymlinksInPath().path + "/" + url.lastPathComponent
            if target.hasPrefix(root.hasSuffix("/") ? root : root + "/") {
                throw UsageFailure("\(path): refusing to write a report inside the checked path \(checked)")
            }
        }
        let dir = url.deletingLastPathComponent().path
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dir, isDirectory: &isDir), isDir.boolValue else {
            throw UsageFailure("\(path): the folder \(dir) does not exist")
        }
        guard FileManager.default.isWritableFile(atPath: dir) else {
            throw UsageFailure("\(path): the folder \(dir) is not writable")
        }
    }

    /// The cache folder must not be inside a checked path either.
    static func validateCache(_ path: String, checkedPaths: [String]) throws {
        let dir = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path + "/"
        for checked in checkedPaths {
            let root = URL(fileURLWithPath: checked).standardizedFileURL.resolvingSymlinksInPath().path
            if dir.hasPrefix(root.hasSuffix("/") ? root : root + "/") {
                throw UsageFailure("\(path): refusing to keep the cache inside the checked path \(checked)")
            }
        }
    }

    static func write(_ text: String, to path: String) throws {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        let temp = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).govlint-\(ProcessInfo.processInfo.processIdentifier).tmp")
        Signals.registerTemp(temp.path)
        defer { Signals.unregisterTemp(temp.path) }
        do {
            try Data(text.utf8).write(to: temp)
            if rename(temp.path, url.path) != 0 {
                throw UsageFailure("\(path): cannot replace the file (\(String(cString: strerror(errno))))")
            }
        } catch let e as UsageFailure {
            try? FileManager.default.removeItem(at: temp)
            throw e
        } catch {
            try? FileManager.default.removeItem(at: temp)
            throw UsageFailure("\(path): cannot write (\(error.localizedDescription))")
        }
    }
}
