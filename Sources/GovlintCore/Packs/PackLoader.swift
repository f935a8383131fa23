import Foundation
import Yams

/// A file of a pack as the loader sees it.
public struct PackFile: Sendable {
    /// Path shown in messages (e.g. `Rules/accessibility/img-alt.yaml` or a real path).
    public var displayPath: String
    /// Path relative to the packs root (`accessibility/img-alt.yaml`).
    public var relativePath: String
    public var contents: String

    public init(displayPath: String, relativePath: String, contents: String) {
        self.displayPath = displayPath
        self.relativePath = relativePath
        self.contents = contents
    }
}

/// Loads packs: a folder per pack with a `pack.yaml` and one YAML file per rule.
/// Files in a `data/` folder or starting with `_` are not rules.
public enum PackLoader {
    /// Loads every pack found in `files` (grouped by their first path component).
    public static func load(_ files: [PackFile], origin: String) throws(LocatedErrors) -> [RulePack] {
        var byPack: [String: [PackFile]] = [:]
        for f in files {
            let parts = f.relativePath.split(separator: "/")
            guard parts.count >= 2 else { continue }
            byPack[String(parts[0]), default: []].append(f)
        }
        var packs: [RulePack] = []
        var errors: [LocatedError] = []
        for (folder, packFiles) in byPack.sorted(by: { $0.key < $1.key }) {
            guard let manifest = packFiles.first(where: { $0.relativePath == "\(folder)/pack.yaml" }) else { continue }
            do {
                var pack = try loadManifest(manifest, folder: folder, origin: origin)
                for file in packFiles.sorted(by: { $0.relativePath < $1.relativePath }) where isRuleFile(file.relativePath, folder: folder) {
                    let name = String(file.relativePath.split(separator: "/").last!)
                    let id = String(name[..<name.lastIndex(of: ".")!])
                    do {
                        pack.rules.append(try RuleLoader.load(text: file.contents, file: file.displayPath, pack: pack.id, expectedID: id))
                    } catch {
                        errors.append(error)
                    }
                }
                packs.append(pack)
            } catch {
                errors.append(error)
            }
        }
        if !errors.isEmpty { throw LocatedErrors(errors) }
        return packs
    }

    static func isRuleFile(_ relative: String, folder: String) -> Bool {
        guard relative.hasSuffix(".yaml") || relative.hasSuffix(".yml") else { return false }
        let parts = relative.split(separator: "/").dropFirst()
        if parts.count == 1 && (parts.first == "pack.yaml") { return false }
        return !parts.contains { $0.hasPrefix("_") || $0 == "data" || $0 == "profiles" }
    }

    /// Reads `*/pack.yaml` packs below a directory on disk (or the directory itself if it is a pack).
    public static func files(inDirectory directory: URL) throws(LocatedErrors) -> [PackFile] {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: directory.path, isDirectory: &isDir), isDir.boolValue else {
            throw LocatedErrors([LocatedError(file: directory.path, line: 1, column: 1, message: "rules directory does not exist")])
        }
        // A directory that is itself a pack is treated as a packs root with one pack.
        let isPack = fm.fileExists(atPath: directory.appendingPathComponent("pack.yaml").path)
        let root = isPack ? directory.deletingLastPathComponent() : directory
        let prefix = root.standardizedFileURL.path.hasSuffix("/") ? root.standardizedFileURL.path : root.standardizedFileURL.path + "/"
        var result: [PackFile] = []
        guard let walker = fm.enumerator(at: isPack ? directory : root, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
        for case let url as URL in walker {
            let ext = url.pathExtension.lowercased()
            guard ["yaml", "yml", "json", "txt"].contains(ext) else { continue }
            let path = url.standardizedFileURL.path
            guard path.hasPrefix(prefix) else { continue }
            guard let text = try? String(contentsOf: url, encoding: .utf8) else {
                throw LocatedErrors([LocatedError(file: path, line: 1, column: 1, message: "cannot read rule file as UTF-8")])
            }
            result.append(PackFile(displayPath: path, relativePath: String(path.dropFirst(prefix.count)), contents: text))
        }
        return result
    }

    private static func loadManifest(_ file: PackFile, folder: String, origin: String) throws(LocatedError) -> RulePack {
        let root = try YAMLReader.load(file.contents, file: file.displayPath, plainScalarsAsText: true)
        var m = try YAMLMap(root, file: file.displayPath, what: "a pack manifest")
        let idNode = try m.require("id")
        guard let id = idNode.string, id == folder else {
            throw m.error(idNode, "pack id must equal its folder name '\(folder)'")
        }
        let title = try RuleLoader.localized(m.require("title"), file: file.displayPath, key: "title")
        let version = try m.requireString("version")
        let description = try m.string("description")
        var profiles: [Profile] = []
        if let p = m.value("profiles") {
            let pm = try YAMLMap(p, file: file.displayPath, what: "'profiles'")
            for entry in pm.entries {
                var em = try YAMLMap(entry.value, file: file.displayPath, what: "a profile")
                profiles.append(Profile(
                    id: entry.key,
                    title: try RuleLoader.localized(em.require("title"), file: file.displayPath, key: "title"),
                    description: try em.string("description"),
                    packs: try em.strings("packs") ?? [], rules: try em.strings("rules") ?? [],
                    tags: try em.strings("tags") ?? [], extends: try em.strings("extends") ?? [],
                    definedIn: file.displayPath, scoring: try em.string("scoring")))
                try em.finish("a profile")
            }
        }
        try m.finish("a pack manifest")
        return RulePack(id: id, title: title, version: version, description: description, rules: [], profiles: profiles, origin: origin)
    }
}
