import Foundation

/// A file found under the checked paths.
public struct DiscoveredFile: Sendable, Hashable {
    /// `siteFile`: robots.txt, security.txt and XML files, read by site checks (``SiteFiles``).
    public enum Kind: String, Sendable { case page, descriptor, siteFile, other }
    /// Path relative to its root, `/`-separated (what reports show).
    public var relative: String
    public var kind: Kind
    /// For a file inside a zipped export: the archive and the entry's path in it
    /// (then `url` is the archive's).
    public var archive: ArchiveSource? = nil
    public var entry: String? = nil
    /// The absolute path on disk as a prefix every file under one root shares and the rest (usually the same
    /// string as `relative`): no `URL` and no second path string per file of a large export.
    private var prefix: String
    private var suffix: String

    public init(url: URL, relative: String, kind: Kind, archive: ArchiveSource? = nil, entry: String? = nil) {
        self.init(prefix: "", suffix: url.path, relative: relative, kind: kind, archive: archive, entry: entry)
    }

    init(prefix: String, suffix: String, relative: String, kind: Kind, archive: ArchiveSource? = nil, entry: String? = nil) {
        self.prefix = prefix
        self.suffix = suffix
        self.relative = relative
        self.kind = kind
        self.archive = archive
        self.entry = entry
    }

    /// Absolute path on disk.
    public var path: String { prefix + suffix }
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
                var stack = [url]
                while let dir = stack.popLast() {
                    guard let entries = try? fm.contentsOfDirectory(at: dir, includingPropertiesForKeys: [.isSymbolicLinkKey, .isDirectoryKey, .isRegularFileKey]) else {
                        problems.append(DiscoveryProblem(path: dir.path, message: "cannot list directory"))
                        continue
                    }
                    for entry in entries.sorted(by: { $0.path < $1.path }) {
                        let entryPath = entry.path
                        let relative = paths.count == 1 ? String(entryPath.dropFirst(rootPath.count)) : relativeToCWD(entry)
                        let values = try? entry.resourceValues(forKeys: [.isSymbolicLinkKey, .isDirectoryKey, .isRegularFileKey])
                        if values?.isSymbolicLink == true {
                            let target = entry.resolvingSymlinksInPath().path
                            if let resolved = realpath(entry.path, nil) {
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
                        if values?.isDirectory == true {
                            if !Configuration.defaultExcludes.contains(where: { $0.matches(relative + "/x") }) { stack.append(entry) }
                            continue
                        }
                        guard values?.isRegularFile == true, configuration.isIncluded(relative) else { continue }
                        let underRoot = paths.count == 1 && entryPath.hasPrefix(rootPath) && entryPath.hasSuffix(relative)
                            && entryPath.utf8.count == rootPath.utf8.count + relative.utf8.count
                        files.append(DiscoveredFile(prefix: underRoot ? rootPath : "", suffix: underRoot ? relative : entryPath,
                                                    relative: relative, kind: kind(of: relative, isDescriptor)))
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
        return (files, problems, firstRoot)
    }

    public static func kind(of relative: String, _ isDescriptor: (String) -> Bool) -> DiscoveredFile.Kind {
        let ext = relative.split(separator: ".").last.map { $0.lowercased() } ?? ""
        if pageExtensions.contains(ext) { return .page }
        if isDescriptor(relative) { return .descriptor }
        if SiteFiles.isSiteFile(relative) { return .siteFile }
        return .other
    }

    static func relativeToCWD(_ url: URL) -> String {
        let cwd = FileManager.default.currentDirectoryPath + "/"
        return url.path.hasPrefix(cwd) ? String(url.path.dropFirst(cwd.count)) : url.path
    }
}
