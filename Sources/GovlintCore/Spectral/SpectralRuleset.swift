import Foundation
import Yams

/// A Spectral ruleset (`.spectral.yaml`) loaded into govlint descriptor rules.
///
/// Supported: `rules` (full definitions and severity shortcuts), `given`
/// (string or list, `#Alias` references), `then` (one check or a list — all
/// must hold), `field` (dotted, or `@key`), `function` (Spectral's core
/// functions), `functionOptions`, `severity` (`error`, `warn`, `info`, `hint`,
/// `off`, 0–3, `true`/`false`), `message` templates (`{{error}}`, `{{path}}`,
/// `{{property}}`, `{{value}}`, `{{description}}`; without a message, the
/// description; without either, the function's error), `description`,
/// `recommended`, `formats` (ruleset and rule level), `aliases` (plain), and
/// `extends` of local files with `recommended`/`all`/`off`.
///
/// A rule that needs something govlint cannot evaluate (a JavaScript custom
/// function, a JavaScript expression in `given`, a JSONPath `field`) is listed
/// once in ``unsupported`` with its name and why — never dropped silently.
/// Ruleset features that are not applied (built-in `spectral:*` rulesets,
/// URLs, `overrides`, `functions`) are listed in ``notes``.
public struct SpectralRuleset: Sendable {
    public struct Unsupported: Sendable, Equatable, CustomStringConvertible {
        public var rule: String
        public var reason: String
        public var description: String { "\(rule): \(reason)" }
    }

    /// The enabled rules that govlint runs, in ruleset order.
    public var rules: [Rule]
    /// Enabled rules govlint cannot run, once each.
    public var unsupported: [Unsupported]
    /// Names of rules switched off.
    public var disabled: [String]
    /// Ruleset features not applied.
    public var notes: [String]

    /// The pack name given to loaded rules.
    public static let pack = "spectral"

    public static func load(file url: URL) throws(LocatedError) -> SpectralRuleset {
        var loader = Loader()
        let entries = try loader.loadFile(url.standardizedFileURL, displayName: url.lastPathComponent)
        return try loader.compile(entries)
    }

    /// Loads a ruleset from text; `directory` resolves relative `extends`.
    public static func load(text: String, file: String, directory: URL? = nil) throws(LocatedError) -> SpectralRuleset {
        var loader = Loader()
        let entries = try loader.load(text: text, file: file, directory: directory)
        return try loader.compile(entries)
    }

    // MARK: Loading

    /// One rule as merged across `extends`.
    struct Entry {
        var name: String
        var definition: Node?
        var file: String
        var keyNode: Node
        var enabled: Bool
        var severity: String?
        var formats: [String]?
        var aliases: [String: [String]]
    }

    struct Loader {
        var visiting: [URL] = []
        var notes: [String] = []

        mutating func loadFile(_ url: URL, displayName: String) throws(LocatedError) -> [Entry] {
            guard !visiting.contains(url) else {
                throw LocatedError(file: displayName, line: 1, column: 1, message: "extends cycle: \(url.lastPathComponent) extends itself")
            }
            let text: String
            do { text = try String(contentsOf: url, encoding: .utf8) } catch {
                throw LocatedError(file: displayName, line: 1, column: 1, message: "cannot read ruleset \(url.path)")
            }
            visiting.append(url)
            defer { visiting.removeLast() }
            return try load(text: text, file: displayName, directory: url.deletingLastPathComponent())
        }

        mutating func load(text: String, file: String, directory: URL?) throws(LocatedError) -> [Entry] {
            let root = try YAMLReader.load(text, file: file)
            var map = try YAMLMap(root, file: file, what: "a Spectral ruleset")
            var entries: [Entry] = []
            func merge(_ e: Entry) {
                if let i = entries.firstIndex(where: { $0.name == e.name }) { entries[i] = e } else { entries.append(e) }
            }

            // extends: "file" | ["file", ["file", "all"]]
            if let ext = map.value("extends") {
                let items: [Node]
                if case let .sequence(seq) = ext {
                    // A two-element list ["file", "mode"] alone is one extension, as in Spectral.
                    if seq.count == 2, let mode = seq[1].string, ["recommended", "all", "off"].contains(mode), seq[0].string != nil {
                        items = [ext]
                    } else {
                        items = Array(seq)
                    }
                } else {
                    items = [ext]
                }
                for item in items {
                    var target: String
                    var mode = "recommended"
                    switch item {
                    case let .sequence(pair):
                        guard pair.count == 2, let t = pair[0].string, let m = pair[1].string, ["recommended", "all", "off"].contains(m) else {
                            throw YAMLMap.error(item, file: file, "an extends entry is a ruleset or [ruleset, recommended|all|off]")
                        }
                        target = t; mode = m
                    default:
                        guard let t = item.string else { throw YAMLMap.error(item, file: file, "an extends entry is a ruleset or [ruleset, recommended|all|off]") }
                        target = t
                    }
                    if target == SpectralOASRuleset.name {
                        for e in try load(text: SpectralOASRuleset.text, file: target, directory: nil) {
                            merge(Self.applying(mode, to: e))
                        }
                        continue
                    }
                    // Local files: explicit relative or absolute paths, or a bare name that exists next to
                    // the ruleset. Built-in rulesets, URLs and npm packages are reported, not loaded.
                    let explicit = target.hasPrefix("./") || target.hasPrefix("../") || target.hasPrefix("/")
                    let url = directory.map { URL(fileURLWithPath: target, relativeTo: $0).standardizedFileURL }
                    let exists = url.map { FileManager.default.fileExists(atPath: $0.path) } ?? false
                    let isLocal = !target.hasPrefix("spectral:") && !target.contains("://") && !target.hasPrefix("@")
                        && (explicit || exists)
                    guard isLocal else {
                        let kind = target.hasPrefix("spectral:") ? "a built-in Spectral ruleset" : (target.contains("://") ? "a URL" : "an npm package")
                        notes.append("\(file): extends '\(target)' (\(kind)) is not supported, only local ruleset files; its rules are not loaded")
                        continue
                    }
                    guard let url else {
                        throw YAMLMap.error(item, file: file, "cannot resolve extends '\(target)' without a ruleset folder")
                    }
                    for e in try loadFile(url, displayName: target) { merge(Self.applying(mode, to: e)) }
                }
            }

            let formats = try map.value("formats").map { (n) throws(LocatedError) in try YAMLMap.strings(n, file: file, key: "formats") }
            var aliases: [String: [String]] = [:]
            if let a = map.value("aliases") {
                let am = try YAMLMap(a, file: file, what: "'aliases'")
                for entry in am.entries {
                    if case .mapping = entry.value {
                        notes.append("\(file): scoped alias '\(entry.key)' (with targets) is not supported")
                        continue
                    }
                    aliases[entry.key] = try YAMLMap.strings(entry.value, file: file, key: "aliases.\(entry.key)")
                }
            }
            for key in ["overrides", "functions", "functionsDir", "parserOptions"] where map.value(key) != nil {
                notes.append("\(file): '\(key)' is not supported and is ignored")
            }
            _ = map.value("documentationUrl"); _ = map.value("description"); _ = map.value("$schema")

            if let rulesNode = map.value("rules") {
                let rm = try YAMLMap(rulesNode, file: file, what: "'rules'")
                for entry in rm.entries {
                    switch entry.value {
                    case .mapping:
                        var severity: String?
                        if case let .mapping(m) = entry.value {
                            for (k, v) in m where k.string == "severity" { severity = v.string }
                        }
                        merge(Entry(name: entry.key, definition: entry.value, file: file, keyNode: entry.keyNode,
                                    enabled: SpectralRuleset.severity(severity) != nil || severity == nil,
                                    severity: severity, formats: formats, aliases: aliases))
                    default:
                        // A shortcut changes an inherited rule: off/false, true, or a severity.
                        let text = entry.value.string ?? ""
                        guard ["false", "off", "-1", "true"].contains(text) || SpectralRuleset.severity(text) != nil else {
                            throw YAMLMap.error(entry.value, file: file, "rule '\(entry.key)': expected a rule, true/false, or a severity (error, warn, info, hint, off)")
                        }
                        guard let i = entries.firstIndex(where: { $0.name == entry.key }) else {
                            notes.append("\(file): rule '\(entry.key)' is not defined by an extended ruleset govlint loaded; its setting is ignored")
                            continue
                        }
                        if text == "false" || text == "off" || text == "-1" {
                            entries[i].enabled = false
                        } else if text == "true" {
                            entries[i].enabled = true
                        } else {
                            entries[i].enabled = true
                            entries[i].severity = text
                        }
                    }
                }
            }
            return entries
        }

        /// `extends: [ruleset, recommended|all|off]` applied to one inherited rule.
        static func applying(_ mode: String, to entry: Entry) -> Entry {
            var e = entry
            switch mode {
            case "all": e.enabled = true
            case "off": e.enabled = false
            default:
                var recommended = true
                if let d = e.definition, case let .mapping(m) = d {
                    for (k, v) in m where k.string == "recommended" { recommended = v.bool ?? true }
                }
                e.enabled = e.enabled && recommended
            }
            return e
        }

        func compile(_ entries: [Entry]) throws(LocatedError) -> SpectralRuleset {
            var result = SpectralRuleset(rules: [SpectralRuleset.invalidRef], unsupported: [], disabled: [], notes: notes)
            for e in entries {
                guard e.enabled, e.severity.map({ SpectralRuleset.severity($0) != nil }) ?? true else {
                    result.disabled.append(e.name)
                    continue
                }
                do {
                    if let rule = try SpectralRuleset.rule(e) { result.rules.append(rule) }
                } catch let u as UnsupportedError {
                    if !result.unsupported.contains(where: { $0.rule == e.name }) {
                        result.unsupported.append(Unsupported(rule: e.name, reason: u.reason))
                    }
                } catch let located as LocatedError {
                    throw located
                } catch {
                    throw LocatedError(file: e.file, line: e.keyNode.mark?.line ?? 1, column: e.keyNode.mark?.column ?? 1, message: "\(error)")
                }
            }
            return result
        }
    }

    struct UnsupportedError: Error { var reason: String }

    /// Spectral's `invalid-ref`: a `$ref` that cannot be followed, reported by every Spectral run
    /// (not a ruleset rule, so rulesets cannot switch it off).
    static let invalidRef: Rule = {
        let text = LocalizedText(en: "{error}", zhCN: "{error}")
        let title = LocalizedText(en: "$ref must point at an existing value", zhCN: "$ref 必须指向存在的值")
        return Rule(id: "invalid-ref", pack: pack, title: title, summary: nil, rationale: nil, message: text, severity: .error,
                    target: .descriptor,
                    references: [StandardReference(standard: "Spectral ruleset", version: nil, clause: "invalid-ref", level: nil, url: nil)],
                    axe: [], act: [], tags: ["spectral"], selector: nil, excludeHidden: false,
                    files: ["*.yaml", "*.yml", "*.json"], given: ["$"],
                    check: .descriptor(DescriptorCheckInvocation(id: InvalidRef.id, check: InvalidRef(), field: nil, message: nil)),
                    examples: [], sourceFile: "spectral", sourceLine: 1, formats: [], resolved: true)
    }()

    /// Spectral severity text to govlint's; nil for `off`.
    static func severity(_ text: String?) -> Severity? {
        switch text ?? "warn" {
        case "error", "0": .error
        case "warn", "1": .warning
        case "info", "2", "hint", "3": .info
        default: nil
        }
    }

    // MARK: Compiling one rule

    static func rule(_ e: Entry) throws -> Rule? {
        guard let definition = e.definition else { return nil }
        let file = e.file
        var m = try YAMLMap(definition, file: file, what: "a Spectral rule")
        let description = try m.string("description")
        let messageTemplate = try m.string("message")
        _ = m.value("severity"); _ = m.value("recommended"); _ = m.value("documentationUrl"); _ = m.value("tags")
        let resolvedNode = m.value("resolved")
        guard resolvedNode == nil || resolvedNode?.bool != nil else {
            throw YAMLMap.error(resolvedNode!, file: file, "'resolved' must be true or false")
        }
        let resolved = resolvedNode?.bool ?? true
        let formats = try m.value("formats").map { (n) throws(LocatedError) in try YAMLMap.strings(n, file: file, key: "formats") } ?? e.formats ?? []
        let givenNode = try m.require("given")
        var given: [String] = []
        for g in try YAMLMap.strings(givenNode, file: file, key: "given") {
            given += try expand(g, aliases: e.aliases, depth: 0)
        }
        for path in given {
            do { _ = try JSONPath(path) } catch {
                throw UnsupportedError(reason: "given '\(path)' cannot be evaluated (\(error.message) at column \(error.column))")
            }
        }
        let thenNode = try m.require("then")
        var checks: [CheckTree] = []
        let thenItems: [Node]
        if case let .sequence(seq) = thenNode { thenItems = Array(seq) } else { thenItems = [thenNode] }
        for item in thenItems {
            var t = try YAMLMap(item, file: file, what: "'then' (give 'function', optional 'field' and 'functionOptions')")
            let fnNode = try t.require("function")
            guard let fn = fnNode.string else { throw t.error(fnNode, "'function' must be a string") }
            let field = try t.string("field")
            let optionsNode = t.value("functionOptions")
            try t.finish("'then'")
            guard let type = CheckRegistry.descriptor[fn] ?? SpectralOASFunctions.all[fn] else {
                throw UnsupportedError(reason: "function '\(fn)' is not a Spectral core function (a JavaScript custom function or a ruleset-specific one)")
            }
            if let field, field.hasPrefix("$") {
                throw UnsupportedError(reason: "field '\(field)' is a JSONPath; only property names, dotted paths and @key are supported")
            }
            var options = try CheckOptions(optionsNode, file: file, anchor: fnNode)
            let check = try type.init(options: &options)
            checks.append(.descriptor(DescriptorCheckInvocation(id: fn, check: check, field: field, message: nil)))
        }
        try m.finish("a Spectral rule")
        guard let severity = severity(e.severity) else { return nil }
        // As Spectral: without a message, the description; without either, the function's error.
        let template = convert(messageTemplate ?? description ?? "{{error}}", description: description ?? "")
        let title = LocalizedText(en: description ?? e.name, zhCN: description ?? e.name)
        return Rule(id: e.name, pack: pack, title: title, summary: nil, rationale: nil,
                    message: LocalizedText(en: template, zhCN: template), severity: severity, target: .descriptor,
                    references: [StandardReference(standard: "Spectral ruleset", version: nil, clause: e.name, level: nil, url: nil)],
                    axe: [], act: [], tags: ["spectral"], selector: nil, excludeHidden: false,
                    files: ["*.yaml", "*.yml", "*.json"], given: given,
                    check: checks.count == 1 ? checks[0] : .all(checks), examples: [],
                    sourceFile: file, sourceLine: e.keyNode.mark?.line ?? 1, formats: formats, resolved: resolved)
    }

    /// `#Alias` and `#Alias.more` (or `#Alias[…]`) expand to the alias's paths.
    static func expand(_ given: String, aliases: [String: [String]], depth: Int) throws -> [String] {
        guard given.hasPrefix("#") else { return [given] }
        let body = given.dropFirst()
        let nameEnd = body.firstIndex(where: { $0 == "." || $0 == "[" }) ?? body.endIndex
        let name = String(body[..<nameEnd])
        let rest = String(body[nameEnd...])
        guard depth < 16, let targets = aliases[name] else {
            throw UnsupportedError(reason: "alias '#\(name)' is not defined (or is scoped)")
        }
        return try targets.flatMap { try expand($0, aliases: aliases, depth: depth + 1).map { $0 + rest } }
    }

    /// Spectral `{{placeholders}}` to govlint's `{placeholders}`.
    static func convert(_ template: String, description: String) -> String {
        template
            .replacingOccurrences(of: "{{description}}", with: description)
            .replacingOccurrences(of: "{{error}}", with: "{error}")
            .replacingOccurrences(of: "{{path}}", with: "{spectralPath}")
            .replacingOccurrences(of: "{{property}}", with: "{property}")
            .replacingOccurrences(of: "{{value}}", with: "{value}")
    }
}

extension SpectralRuleset {
    /// The loaded rules as a pack `spectral` with a profile `spectral` selecting them all,
    /// to add to a ``Catalog``.
    public func pack(file: String) -> RulePack {
        let title = LocalizedText(en: "Spectral ruleset \(file)", zhCN: "Spectral 规则集 \(file)")
        let profile = Profile(id: Self.pack, title: title, description: nil, packs: [Self.pack], rules: [], tags: [],
                              extends: [], definedIn: file, scoring: nil)
        return RulePack(id: Self.pack, title: title, version: "0", description: "Rules loaded from \(file)",
                        rules: rules, profiles: [profile], origin: file)
    }
}
