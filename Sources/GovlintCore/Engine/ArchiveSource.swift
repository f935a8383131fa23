import Foundation
import ZIPFoundation

/// A zipped export read in place: entries are listed with limits and read into
/// memory on demand, never extracted to disk. Reads are serialized (the archive
/// handle is not thread-safe); parsing and checking still run in parallel.
public final class ArchiveSource: @unchecked Sendable, Hashable {
    /// Limits on what an archive may contain (zip bombs, hostile paths).
    public struct Limits: Sendable {
        public var maxEntries = 100_000
        public var maxTotalUncompressed: UInt64 = 2 << 30
        /// Uncompressed size over compressed size, per entry.
        public var maxCompressionRatio: UInt64 = 200
        public init() {}
    }

    public let url: URL
    private let archive: Archive
    private let lock = NSLock()
    private var entries: [String: Entry] = [:]

    private init(url: URL, archive: Archive) {
        self.url = url
        self.archive = archive
    }

    public static func == (a: ArchiveSource, b: ArchiveSource) -> Bool { a === b }
    public func hash(into h: inout Hasher) { h.combine(ObjectIdentifier(self)) }

    public static func isArchive(_ url: URL) -> Bool { url.pathExtension.lowercased() == "zip" }

    /// Opens an archive and lists its files (relative path within the archive),
    /// with the entries it refuses as problems named `archive.zip!entry`.
    public static func open(_ url: URL, limits: Limits = Limits()) -> (source: ArchiveSource?, files: [String], problems: [DiscoveryProblem]) {
        let name = url.lastPathComponent
        let archive: Archive
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            return (nil, [], [DiscoveryProblem(path: name, message: "not a readable ZIP archive (\(error))")])
        }
        let source = ArchiveSource(url: url, archive: archive)
        var files: [String] = []
        var problems: [DiscoveryProblem] = []
        var count = 0
        var total: UInt64 = 0
        for entry in archive {
            count += 1
            if count > limits.maxEntries {
                problems.append(DiscoveryProblem(path: name, message: "the archive has more than \(limits.maxEntries) entries; the rest is not read (limit max-archive-entries)", limit: true))
                break
            }
            let path = entry.path
            let shown = "\(name)!\(path)"
            let parts = path.split(separator: "/", omittingEmptySubsequences: false)
            if path.hasPrefix("/") || path.contains("\\") || parts.contains("..") || path.contains("\0") || path.first.map({ $0 == "~" }) == true
                || (path.count > 1 && path.dropFirst().first == ":") {
                problems.append(DiscoveryProblem(path: shown, message: "archive entry with an absolute or ../ path; not read"))
                continue
            }
            switch entry.type {
            case .directory: continue
            case .symlink:
                problems.append(DiscoveryProblem(path: shown, message: "symbolic link in the archive; not followed"))
                continue
            case .file: break
            }
            let size = entry.uncompressedSize
            if size > 1 << 20, size / max(entry.compressedSize, 1) > limits.maxCompressionRatio {
                problems.append(DiscoveryProblem(path: shown, message: "compression ratio over \(limits.maxCompressionRatio):1 (a zip bomb?); not read (limit max-compression-ratio)", limit: true))
                continue
            }
            total += size
            if total > limits.maxTotalUncompressed {
                problems.append(DiscoveryProblem(path: name, message: "the archive expands to more than \(Linter.sizeText(Int(clamping: limits.maxTotalUncompressed))); the rest is not read (limit max-archive-size)", limit: true))
                break
            }
            source.entries[path] = entry
            files.append(path)
        }
        return (source, files, problems)
    }

    public struct ReadError: Error, CustomStringConvertible {
        public var description: String
        public var tooLarge: Bool
    }

    /// The declared size of an entry.
    public func size(of path: String) -> UInt64? { lock.lock(); defer { lock.unlock() }; return entries[path]?.uncompressedSize }

    /// The bytes of one entry, refusing more than `limit` (headers may lie).
    public func read(_ path: String, limit: Int) throws(ReadError) -> [UInt8] {
        lock.lock(); defer { lock.unlock() }
        guard let entry = entries[path] else { throw ReadError(description: "no such archive entry", tooLarge: false) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(min(entry.uncompressedSize, UInt64(limit))))
        do {
            _ = try archive.extract(entry, skipCRC32: false) { data in
                if bytes.count + data.count > limit { throw ReadError(description: "larger than the limit", tooLarge: true) }
                bytes.append(contentsOf: data)
            }
        } catch let e as ReadError {
            throw e
        } catch {
            throw ReadError(description: "cannot read archive entry (\(error))", tooLarge: false)
        }
        return bytes
    }
}
