import Foundation
import GovlintReporters

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
        try write(to: path) { $0.write(text) }
    }

    /// Streams a report into the file at `path`: written to a temporary file next to it, renamed into place when complete.
    static func write(to path: String, _ body: (FileOutput) throws -> Void) throws {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        let temp = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).govlint-\(ProcessInfo.processInfo.processIdentifier).tmp")
        Signals.registerTemp(temp.path)
        defer { Signals.unregisterTemp(temp.path) }
        do {
            do {
                let output = try FileOutput(path: temp.path)
                try body(output)
                try output.finish()
            } catch let e as FileOutput.OutputError {
                throw UsageFailure("\(path): cannot write (\(e.description))")
            }
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

extension Reporter {
    /// Writes the report to `path`, or to standard output.
    static func write(_ context: ReportContext, to path: String?) throws {
        if let path {
            try OutputWriter.write(to: path) { output in
                var sink = output
                try write(context, to: &sink)
            }
        } else {
            var sink = try FileOutput.standardOutput()
            try write(context, to: &sink)
            do { try sink.finish() } catch let e as FileOutput.OutputError {
                throw UsageFailure("standard output: cannot write (\(e.description))")
            }
        }
    }
}
