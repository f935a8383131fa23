import Foundation

/// All loaded packs, their rules and profiles, validated together.
public struct Catalog: Sendable {
    public let packs: [RulePack]
    /// Every rule, sorted by id.
    public let rules: [Rule]
    public let profiles: [String: Profile]
    private let byID: [String: Int]
    /// Extra files of the packs (data, scoring models), by path relative to the packs root.
    public let dataFiles: [String: String]
    /// SHA-256 over every pack file: part of cache keys, so editing a rule invalidates results.
    public let digest: String

    public init(packs: [RulePack], dataFiles: [String: String] = [:], digest: String = "") throws(LocatedErrors) {
        var errors: [LocatedError] = []
        var seen: [String: Rule] = [:]
        var profiles: [String: Profile] = [:]
        for pack in packs {
            for rule in pack.rules {
                if let other = seen[rule.id] {
                    errors.append(LocatedError(file: rule.sourceFile, line: rule.sourceLine, column: 1,
                                               message: "rule id '\(rule.id)' is also defined in \(other.sourceFile)"))
                } else {
                    seen[rule.id] = rule
                }
            }
            for profile in pack.profiles {
                if let other = profiles[profile.id] {
                    errors.append(LocatedError(file: profile.definedIn, line: 1, column: 1,
                                               message: "profile '\(profile.id)' is also defined in \(other.definedIn)"))
                }
                profiles[profile.id] = profile
            }
        }
        self.packs = packs
        self.rules = seen.values.sorted { $0.id < $1.id }
        self.byID = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($1.id, $0) })
        self.profiles = profiles
        self.dataFiles = dataFiles
        self.digest = digest
        let packIDs = Set(packs.map(\.id))
        for profile in profiles.values.sorted(by: { $0.id < $1.id }) {
            for r in profile.rules where seen[r] == nil {
                errors.append(LocatedError(file: profile.definedIn, line: 1, column: 1, message: "profile '\(profile.id)' names unknown rule '\(r)'"))
            }
            for p in profile.packs where !packIDs.contains(p) {
                errors.append(LocatedError(file: profile.definedIn, line: 1, column: 1, message: "profile '\(profile.id)' names unknown pack '\(p)'"))
            }
            if let scoring = profile.scoring {
                if let text = dataFiles[scoring] {
                    do {
                        let unknown = try InspectionModel.load(yaml: text).ruleIDs.filter { seen[$0] == nil }.sorted()
                        if !unknown.isEmpty {
                            errors.append(LocatedError(file: profile.definedIn, line: 1, column: 1,
                                                       message: "profile '\(profile.id)': scoring model \(scoring) names unknown rules \(unknown.joined(separator: ", "))"))
                        }
                    } catch {
                        errors.append(LocatedError(file: profile.definedIn, line: 1, column: 1,
                                                   message: "profile '\(profile.id)': scoring model \(scoring) is invalid: \(error)"))
                    }
                } else if !dataFiles.isEmpty {
                    errors.append(LocatedError(file: profile.definedIn, line: 1, column: 1,
                                               message: "profile '\(profile.id)' names a missing scoring model \(scoring)"))
                }
            }
            for e in profile.extends where profiles[e] == nil {
                errors.append(LocatedError(file: profile.definedIn, line: 1, column: 1, message: "profile '\(profile.id)' extends unknown profile '\(e)'"))
            }
        }
        if !errors.isEmpty { throw LocatedErrors(errors) }
    }

    public func rule(_ id: String) -> Rule? { byID[id].map { rules[$0] } }

    /// Rule ids a profile selects (following `extends`, cycles ignored).
    public func ruleIDs(forProfile id: String) -> Set<String>? {
        guard profiles[id] != nil else { return nil }
        var result: Set<String> = []
        var visited: Set<String> = []
        var stack = [id]
        while let current = stack.popLast() {
            guard visited.insert(current).inserted, let p = profiles[current] else { continue }
            result.formUnion(p.rules)
            for rule in rules where p.packs.contains(rule.pack) || !Set(rule.tags).isDisjoint(with: p.tags) {
                result.insert(rule.id)
            }
            stack.append(contentsOf: p.extends)
        }
        return result
    }

    /// The built-in packs plus those in `rulesDirectories`.
    public static func load(builtin: [PackFile], rulesDirectories: [URL] = []) throws(LocatedErrors) -> Catalog {
        var packs = try PackLoader.load(builtin, origin: "builtin")
        var hash = SHA256()
        for f in builtin.sorted(by: { $0.relativePath < $1.relativePath }) {
            hash.update(f.relativePath); hash.update([0]); hash.update(f.contents); hash.update([0])
        }
        var data: [String: String] = [:]
        for f in builtin where !f.relativePath.hasSuffix("pack.yaml") && !PackLoader.isRuleFile(f.relativePath, folder: "") {
            data[f.relativePath] = f.contents
        }
        for dir in rulesDirectories {
            let files = try PackLoader.files(inDirectory: dir)
            let loaded = try PackLoader.load(files, origin: dir.path)
            for f in files.sorted(by: { $0.relativePath < $1.relativePath }) {
                hash.update(f.displayPath); hash.update([0]); hash.update(f.contents); hash.update([0])
            }
            if loaded.isEmpty {
                throw LocatedErrors([LocatedError(file: dir.path, line: 1, column: 1,
                                                  message: "no pack found (a pack is a folder with a pack.yaml)")])
            }
            packs += loaded
        }
        return try Catalog(packs: packs, dataFiles: data, digest: hash.finalize())
    }
}
