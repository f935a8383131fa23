import Foundation

/// A file found under the checked paths.
public struct DiscoveredFile: Sendable, Hashable {
    /// `siteFile`: robots.txt, security.txt and XML files, read by site checks (``SiteFiles``).
    public enum Kind: String, Sendable { case page, descriptor, siteFile, other }
    /// Path relative to its root, `/`-separated (what reports show).
    public var relative: String
    public var kind: Kind
    /// Where the file is: for a file under a checked folder, the folder's path shared by all its files (the
    /// absolute path is that and `relative`); otherwise the whole path, and the archive and entry of a file
    /// inside a zipped export. One reference per file of a large export (32 bytes a file, not 80).
    private var place: Place

    final class Place: Sendable {
        /// The whole path, or the shared prefix of `relative` when `underRoot`.
        let path: String
        let underRoot: Bool
        let archive: ArchiveSource?
        let entry: String?

        init(path: String, underRoot: Bool, archive: ArchiveSource? = nil, entry: String? = nil) {
            self.path = path
            self.underRoot = underRoot
            self.archive = archive
            self.entry = entry
        }
    }

    /// For a file inside a zipped export: the archive and the entry's path in it
    /// (then `url` is the archive's).
    public var archive: ArchiveSource? { place.archive }
    public var entry: String? { place.entry }

    public init(url: URL, relative: String, kind: Kind, archive: ArchiveSource? = nil, entry: String? = nil) {
        self.relative = relative
        self.kind = kind
        place = Place(path: url.path, underRoot: false, archive: archive, entry: entry)
    }

    init(path: String, relative: String, kind: Kind) {
        self.relative = relative
        self.kind = kind
        place = Place(path: path, underRoot: false)
    }

    /// A file at `root` + `relative` (`root` ends in `/`), sharing `root`'s place with the other files under it.
    init(root: Place, relative: String, kind: Kind) {
        self.relative = relative
        self.kind = kind
        place = root
    }

    /// Absolute path on disk.
    public var path: String { place.underRoot ? place.path + relative : place.path }
    public var url: URL { URL(fileURLWithPath: path, isDirectory: false) }

    public static func == (a: DiscoveredFile, b: DiscoveredFile) -> Bool {
        a.relative == b.relative && a.kind == b.kind && a.archive == b.archive && a.entry == b.entry && a.path == b.path
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(path)
        hasher.combine(relative)
        hasher.combine(entry)
    }
}

/// Problems met while walking the inputs (not findings on a file's content).
public struct DiscoveryProblem: Sendable {
    public var path: String
    public var message: String
    /// A limit was hit (reported as `file-not-fully-checked`, not `file-unreadable`).
    public var limit = false
}

/// Walks the given paths: directories recursively (symbolic links are not
/// followed; links are listed as problems when they point outside the root),
/// files as given.
public enum Discovery {
    public static let pageExtensions: Set<String> = ["html", "htm", "shtml", "xhtml"]

    public static func discover(paths: [URL], configuration: Configuration,
                                isDescriptor: (String) -> Bool) -> (files: [DiscoveredFile], problems: [DiscoveryProblem], root: URL?) {
        let fm = FileManager.default
        var files: [DiscoveredFile] = []
        var problems: [DiscoveryProblem] = []
        var firstRoot: URL?
        for input in paths {
            let url = input.standardizedFileURL
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: url.path, isDirectory: &isDir) else {
                problems.append(DiscoveryProblem(path: input.path, message: "no such file or directory"))
                continue
            }
            if isDir.boolValue {
                if firstRoot == nil { firstRoot = url }
                let rootPath = url.path.hasSuffix("/") ? url.path : url.path + "/"
                let rootPlace = DiscoveredFile.Place(path: rootPath, underRoot: true)
                var stack = [url.path]
                while let dir = stack.popLast() {
                    // readdir and lstat, not FileManager and URL resource values: those cost ~1.5 M instructions
                    // per file, more than parsing a small page.
                    guard let names = listDirectory(dir) else {
                        problems.append(DiscoveryProblem(path: dir, message: "cannot list directory"))
                        continue
                    }
                    let base = dir.hasSuffix("/") ? dir : dir + "/"
                    for (entryPath, type) in names.map({ (base + $0.name, $0.type) }).sorted(by: { $0.0 < $1.0 }) {
                        let relative = paths.count == 1 ? String(entryPath.dropFirst(rootPath.count)) : relativeToCWD(entryPath)
                        guard let type = type ?? lstatType(entryPath) else { continue }
                        if type == .symbolicLink {
                            let target = URL(fileURLWithPath: entryPath).resolvingSymlinksInPath().path
                            if let resolved = realpath(entryPath, nil) {
                                free(resolved)
                            } else {
                                // A loop (ELOOP) or a dangling link: reported, never followed.
                                let reason = errno == ELOOP ? "symbolic link loop" : "symbolic link to a missing target"
                                problems.append(DiscoveryProblem(path: relative, message: "\(reason); not followed"))
                                continue
                            }
                            if !target.hasPrefix(rootPath) {
                                problems.append(DiscoveryProblem(path: relative, message: "symbolic link points outside the checked root; not followed"))
                            }
                            continue
                        }
                        if type == .directory {
                            let inside = Glob.Path(relative + "/x") // split once for every glob
                            if !Configuration.defaultExcludes.contains(where: { $0.matches(inside) }) { stack.append(entryPath) }
                            continue
                        }
                        guard type == .regular, configuration.isIncluded(relative) else { continue }
                        let underRoot = paths.count == 1 && entryPath.hasPrefix(rootPath) && entryPath.hasSuffix(relative)
                            && entryPath.utf8.count == rootPath.utf8.count + relative.utf8.count
                        let kind = kind(of: relative, isDescriptor)
                        files.append(underRoot ? DiscoveredFile(root: rootPlace, relative: relative, kind: kind)
                                     : DiscoveredFile(path: entryPath, relative: relative, kind: kind))
                    }
                }
            } else if ArchiveSource.isArchive(url) {
                // A zipped export: its entries are the files, read in place.
                let (source, entries, archiveProblems) = ArchiveSource.open(url, limits: configuration.limits.archive)
                problems += archiveProblems
                guard let source else { continue }
                for entry in entries {
                    let relative = paths.count == 1 ? entry : "\(url.lastPathComponent)!\(entry)"
                    guard configuration.isIncluded(entry) else { continue }
                    files.append(DiscoveredFile(url: url, relative: relative, kind: kind(of: entry, isDescriptor),
                                                archive: source, entry: entry))
                }
            } else {
                let name = url.lastPathComponent
                files.append(DiscoveredFile(url: url, relative: paths.count == 1 ? name : relativeToCWD(url), kind: kind(of: name, isDescriptor)))
            }
        }
        files.sort { $0.relative < $1.relative }
        // Grown by doubling, the list may be up to twice its size for the whole run: copied once at its size.
        if files.capacity > files.count + files.count / 8 { files = Array(unsafeUninitializedCapacity: files.count) { buffer, n in
            n = buffer.initialize(fromContentsOf: files)
        } }
        return (files, problems, firstRoot)
    }

    public static func kind(of relative: String, _ isDescriptor: (String) -> Bool) -> DiscoveredFile.Kind {
        let ext = fileExtension(relative)
        if pageExtensions.contains(ext) { return .page }
        if isDescriptor(relative) { return .descriptor }
        if SiteFiles.isSiteFile(relative) { return .siteFile }
        return .other
    }

    /// The lower-cased text after the path's last `.` that has something after it (the whole path when there
    /// is none): `relative.split(separator: ".").last?.lowercased()`, on bytes when the path is ASCII (splitting
    /// by characters cost more than the rest of discovering a file).
    static func fileExtension(_ relative: String) -> String {
        guard Glob.Path.isASCII(relative) else { return relative.split(separator: ".").last.map { $0.lowercased() } ?? "" }
        var relative = relative
        return relative.withUTF8 { b in
            var end = b.count
            while end > 0, b[end - 1] == UInt8(ascii: ".") { end -= 1 }
            var start = end
            while start > 0, b[start - 1] != UInt8(ascii: ".") { start -= 1 }
            return String(unsafeUninitializedCapacity: end - start) { out in
                for k in start..<end {
                    let x = b[k]
                    out[k - start] = x &- 0x41 < 26 ? x | 0x20 : x
                }
                return end - start
            }
        }
    }

    static func relativeToCWD(_ url: URL) -> String {
        relativeToCWD(url.path)
    }

    static func relativeToCWD(_ path: String) -> String {
        let cwd = FileManager.default.currentDirectoryPath + "/"
        return path.hasPrefix(cwd) ? String(path.dropFirst(cwd.count)) : path
    }

    enum EntryType { case regular, directory, symbolicLink, other }

    /// A directory's entries (without `.` and `..`) and their types where `readdir` knows them; nil if it
    /// cannot be listed.
    static func listDirectory(_ path: String) -> [(name: String, type: EntryType?)]? {
        guard let dir = opendir(path) else { return nil }
        defer { closedir(dir) }
        var out: [(name: String, type: EntryType?)] = []
        while let entry = readdir(dir) {
            let (name, kind) = withUnsafePointer(to: &entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { (String(cString: $0), entry.pointee.d_type) }
            }
            if name == "." || name == ".." { continue }
            let type: EntryType? = switch Int32(kind) {
            case Int32(DT_REG): .regular
            case Int32(DT_DIR): .directory
            case Int32(DT_LNK): .symbolicLink
            case Int32(DT_UNKNOWN): nil // the file system does not say: lstat
            default: .other
            }
            out.append((name, type))
        }
        return out
    }

    static func lstatType(_ path: String) -> EntryType? {
        var st = stat()
        guard lstat(path, &st) == 0 else { return nil }
        switch st.st_mode & S_IFMT {
        case S_IFREG: return .regular
        case S_IFDIR: return .directory
        case S_IFLNK: return .symbolicLink
        default: return .other
        }
    }
}
