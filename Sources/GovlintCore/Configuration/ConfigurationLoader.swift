import Foundation
import Yams

/// Finds and reads `.govlint.yml`, with located errors for every mistake.
public enum ConfigurationLoader {
    public static let fileName = ".govlint.yml"

    /// `.govlint.yml` (or `.govlint.yaml`) in `directory` or the nearest ancestor.
    public static func find(from directory: URL) -> URL? {
        var dir = directory.standardizedFileURL
        while true {
            for name in [fileName, ".govlint.yaml"] {
                let candidate = dir.appendingPathComponent(name)
                if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
            }
            let parent = dir.deletingLastPathComponent()
            if parent.path == dir.path { return nil }
            dir = parent
        }
    }

    public static func load(_ url: URL, catalog: Catalog) throws(LocatedError) -> Configuration {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw LocatedError(file: url.path, line: 1, column: 1, message: "cannot read configuration file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw LocatedError(file: url.path, line: 1, column: 1, message: "configuration is not UTF-8")
        }
        return try parse(text, file: url.path, catalog: catalog)
    }

    /// `limits:` — max-file-size and max-archive-size (bytes or 50MB), max-depth, max-archive-entries,
    /// max-compression-ratio, file-timeout, rule-timeout and site-timeout (seconds; 0 = none).
    static func limits(_ node: Node, file: String) throws(LocatedError) -> Limits {
        var lm = try YAMLMap(node, file: file, what: "'limits'")
        var limits = Limits()
        if let v = lm.value("max-file-size") {
            guard let s = v.string, let n = Limits.parseSize(s) else { throw lm.error(v, "'max-file-size' must be a size such as 50MB or 1048576") }
            limits.maxFileSize = n
        }
        if let v = lm.value("max-archive-size") {
            guard let s = v.string, let n = Limits.parseSize(s) else { throw lm.error(v, "'max-archive-size' must be a size such as 2GB or 1048576") }
            limits.maxArchiveSize = n
        }
        for key in ["max-depth", "max-archive-entries", "max-compression-ratio"] {
            guard let v = lm.value(key) else { continue }
            guard let n = v.int, n >= 1 else { throw lm.error(v, "'\(key)' must be a positive integer") }
            switch key {
            case "max-depth": limits.maxDepth = n
            case "max-archive-entries": limits.maxArchiveEntries = n
            default: limits.maxCompressionRatio = n
            }
        }
        for key in ["file-timeout", "rule-timeout", "site-timeout"] {
            guard let v = lm.value(key) else { continue }
            guard let s = v.string, let t = Limits.parseSeconds(s) else { throw lm.error(v, "'\(key)' must be a number of seconds (0: no limit)") }
            switch key {
            case "file-timeout": limits.fileTimeout = t
            case "rule-timeout": limits.ruleTimeout = t
            default: limits.siteTimeout = t
            }
        }
        try lm.finish("'limits'")
        return limits
    }

    public static func parse(_ text: String, file: String, catalog: Catalog) throws(LocatedError) -> Configuration {
        let root = try YAMLReader.load(text, file: file)
        var config = Configuration()
        config.file = file
        config.digest = SHA256.hex(text)
        if case let .scalar(s) = root, s.string.isEmpty { return config }
        var m = try YAMLMap(root, file: file, what: "the configuration")
        if let p = m.value("profile") ?? m.value("profiles") {
            config.profiles = try YAMLMap.strings(p, file: file, key: "profile")
            for id in config.profiles where catalog.profiles[id] == nil {
                throw m.error(p, "unknown profile '\(id)' (known: \(catalog.profiles.keys.sorted().joined(separator: ", ")))")
            }
        }
        if let r = m.value("rules") { config.rules = try ruleSettings(r, file: file, catalog: catalog) }
        config.include = (try m.strings("include") ?? []).map(Glob.init)
        config.exclude = (try m.strings("exclude") ?? []).map(Glob.init)
        if let o = m.value("overrides") {
            guard case let .sequence(seq) = o else { throw m.error(o, "'overrides' must be a list") }
            for item in seq {
                var om = try YAMLMap(item, file: file, what: "an override")
                guard let files = try om.strings("files"), !files.isEmpty else { throw om.error(item, "an override needs 'files'") }
                let rules = try om.value("rules").map { (n) throws(LocatedError) in try ruleSettings(n, file: file, catalog: catalog) } ?? [:]
                try om.finish("an override")
                config.overrides.append(.init(files: files.map(Glob.init), rules: rules))
            }
        }
        if let n = m.value("now") {
            guard let s = n.string, let date = parseDate(s) else { throw m.error(n, "'now' must be a date (YYYY-MM-DD)") }
            config.now = date
        }
        if let f = m.value("fail-on") {
            guard let s = f.string, let sev = Severity(rawValue: s) else { throw m.error(f, "'fail-on' must be error, warning or info") }
            config.failOn = sev
        }
        if let l = m.value("limits") { config.limits = try limits(l, file: file) }
        if let d = m.value("descriptors") {
            let dm = try YAMLMap(d, file: file, what: "'descriptors' (glob: pack)")
            for e in dm.entries {
                guard let pack = e.value.string else { throw m.error(e.value, "a descriptor mapping names a pack") }
                guard catalog.packs.contains(where: { $0.id == pack }) else { throw m.error(e.value, "unknown pack '\(pack)'") }
                config.descriptors.append((Glob(e.key), pack))
            }
        }
        if let p = m.value("page-types") { config.pageTypes = try pageTypes(p, file: file) }
        try m.finish("the configuration")
        return config
    }

    /// `page-types:` — a mapping of glob to page type, in order (the first matching glob wins).
    static func pageTypes(_ node: Node, file: String) throws(LocatedError) -> [PageTypeAssignment] {
        let m = try YAMLMap(node, file: file, what: "'page-types' (glob: home | column | article | service-guide | other | redirect)")
        var result: [PageTypeAssignment] = []
        for e in m.entries {
            guard !e.key.isEmpty else { throw m.error(e.keyNode, "a page-types glob must not be empty") }
            let known = PageTypeAssignment.known.joined(separator: ", ")
            guard let type = e.value.string else { throw m.error(e.value, "the page type for '\(e.key)' must be one of \(known)") }
            guard PageTypeAssignment.known.contains(type) else {
                throw m.error(e.value, "unknown page type '\(type)' for '\(e.key)' (known: \(known))")
            }
            result.append(PageTypeAssignment(glob: Glob(e.key), type: type))
        }
        return result
    }

    static func ruleSettings(_ node: Node, file: String, catalog: Catalog) throws(LocatedError) -> [String: RuleSetting] {
        let m = try YAMLMap(node, file: file, what: "'rules' (rule-id: off | error | warning | info)")
        var result: [String: RuleSetting] = [:]
        for e in m.entries {
            guard catalog.rule(e.key) != nil || SystemRules.all.contains(where: { $0.id == e.key }) else {
                throw m.error(e.keyNode, "unknown rule '\(e.key)'")
            }
            let value = e.value.bool.map { $0 ? "on" : "off" } ?? e.value.string
            switch value {
            case "off": result[e.key] = .off
            case "on": result[e.key] = .on(nil)
            case let s? where Severity(rawValue: s) != nil: result[e.key] = .on(Severity(rawValue: s))
            default: throw m.error(e.value, "rule setting must be off, on, error, warning or info")
            }
        }
        return result
    }

    public static func parseDate(_ s: String) -> Date? {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        for format in ["yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm:ssXXXXX", "yyyy-MM-dd'T'HH:mm:ss'Z'"] {
            f.dateFormat = format
            if let d = f.date(from: s) { return d }
        }
        return nil
    }
}
