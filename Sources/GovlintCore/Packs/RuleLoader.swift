import GovlintHTML
import Yams

/// Parses one rule file into a ``Rule``, validating every key, check and
/// option; any mistake is a ``LocatedError`` pointing into the file.
enum RuleLoader {
    static func load(text: String, file: String, pack: String, expectedID: String) throws(LocatedError) -> Rule {
        let root = try YAMLReader.load(text, file: file, plainScalarsAsText: true)
        var map = try YAMLMap(root, file: file, what: "a rule")
        let idNode = try map.require("id")
        guard let id = idNode.string else { throw map.error(idNode, "'id' must be a string") }
        guard id == expectedID else {
            throw map.error(idNode, "rule id '\(id)' must equal the file name '\(expectedID)'")
        }
        guard isKebabCase(id) else { throw map.error(idNode, "rule id '\(id)' must be kebab-case") }
        let title = try localized(map.require("title"), file: file, key: "title")
        let summary = try map.value("summary").map { (n) throws(LocatedError) in try localized(n, file: file, key: "summary") }
        let rationale = try map.string("rationale")
        let message = try localized(map.require("message"), file: file, key: "message")
        let severityNode = try map.require("severity")
        guard let severity = severityNode.string.flatMap(Severity.init(rawValue:)) else {
            throw map.error(severityNode, "'severity' must be one of: error, warning, info")
        }
        let targetNode = map.value("target") ?? Node("page")
        guard let target = targetNode.string.flatMap(RuleTarget.init(rawValue:)) else {
            throw map.error(targetNode, "'target' must be one of: page, site, descriptor")
        }
        var references: [StandardReference] = []
        if let refs = map.value("references") {
            guard case let .sequence(seq) = refs else { throw map.error(refs, "'references' must be a list") }
            for r in seq {
                var rm = try YAMLMap(r, file: file, what: "a reference")
                references.append(StandardReference(
                    standard: try rm.requireString("standard"), version: try rm.string("version"),
                    clause: try rm.string("clause"), level: try rm.string("level"), url: try rm.string("url")))
                try rm.finish("a reference")
            }
        }
        let axe = try map.strings("axe") ?? []
        let act = try map.strings("act") ?? []
        let tags = try map.strings("tags") ?? []
        var selector: Selector?
        if let s = map.value("selector") {
            guard let text = s.string else { throw map.error(s, "'selector' must be a string") }
            selector = try CheckOptions.compileSelector(text, node: s, file: file)
        }
        let reviewOnFail = try map.bool("review-on-fail") ?? false
        var excludeHidden = false
        if let h = map.value("hidden") {
            switch h.string {
            case "exclude": excludeHidden = true
            case "include": excludeHidden = false
            default: throw map.error(h, "'hidden' must be 'exclude' or 'include'")
            }
        }
        let files = try map.strings("files") ?? []
        var given: [String] = []
        if let g = map.value("given") {
            given = try YAMLMap.strings(g, file: file, key: "given")
            for path in given {
                do { _ = try JSONPath(path) } catch {
                    throw LocatedError(file: file, line: g.mark?.line ?? 1, column: (g.mark?.column ?? 1) + error.column - 1,
                                       message: "invalid path '\(path)': \(error.message)")
                }
            }
        }
        // Target-specific keys.
        switch target {
        case .page:
            if !files.isEmpty { throw map.error(map.keyNode("files")!, "'files' is only for descriptor rules") }
            if !given.isEmpty { throw map.error(map.keyNode("given")!, "'given' is only for descriptor rules") }
        case .site:
            if !files.isEmpty { throw map.error(map.keyNode("files")!, "'files' is only for descriptor rules") }
            if reviewOnFail { throw map.error(map.keyNode("review-on-fail")!, "'review-on-fail' is only for page rules") }
        case .descriptor:
            if reviewOnFail { throw map.error(map.keyNode("review-on-fail")!, "'review-on-fail' is only for page rules") }
            if files.isEmpty { throw map.error(root, "descriptor rules need 'files' (globs of the files they read)") }
            if selector != nil { throw map.error(map.keyNode("selector")!, "descriptor rules use 'given', not 'selector'") }
            if given.isEmpty { given = ["$"] }
        }
        let check = try checkTree(&map, root: root, file: file, target: target)
        var examples: [RuleExample] = []
        if let ex = map.value("examples") {
            examples = try loadExamples(ex, file: file, target: target)
        }
        try map.finish("a rule")
        return Rule(id: id, pack: pack, title: title, summary: summary, rationale: rationale, message: message,
                    severity: severity, target: target, references: references, axe: axe, act: act, tags: tags,
                    selector: selector, excludeHidden: excludeHidden, files: files, given: given, check: check,
                    examples: examples, sourceFile: file, sourceLine: root.mark?.line ?? 1, reviewOnFail: reviewOnFail)
    }

    static func isKebabCase(_ s: String) -> Bool {
        !s.isEmpty && s.first!.isLetter && s.last != "-" && !s.contains("--")
            && s.allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" }
    }

    static func localized(_ node: Node, file: String, key: String) throws(LocatedError) -> LocalizedText {
        var m = try YAMLMap(node, file: file, what: "'\(key)' (give 'en' and 'zh-CN')")
        let en = try m.requireString("en")
        let zh = try m.requireString("zh-CN")
        try m.finish("'\(key)'")
        if en.isEmpty || zh.isEmpty { throw m.error(node, "'\(key)' texts must not be empty") }
        return LocalizedText(en: en, zhCN: zh)
    }

    private static func checkTree(_ map: inout YAMLMap, root: Node, file: String, target: RuleTarget) throws(LocatedError) -> CheckTree {
        let present = ["check", "all", "any", "none"].filter { map.keys.contains($0) }
        guard present.count == 1 else {
            throw map.error(root, present.isEmpty ? "a rule needs one of 'check', 'all', 'any' or 'none'"
                                                  : "give only one of 'check', 'all', 'any' or 'none'")
        }
        let key = present[0]
        let node = map.value(key)!
        if key == "check" { return try invocation(node, file: file, target: target) }
        return try combinator(key, node, file: file, target: target)
    }

    private static func combinator(_ key: String, _ node: Node, file: String, target: RuleTarget) throws(LocatedError) -> CheckTree {
        guard target != .site else { throw YAMLMap.error(node, file: file, "site rules take a single 'check'") }
        guard case let .sequence(seq) = node, !seq.isEmpty else {
            throw YAMLMap.error(node, file: file, "'\(key)' must be a non-empty list of checks")
        }
        var children: [CheckTree] = []
        for item in seq {
            if case let .mapping(m) = item, m.count == 1, let k = m.first?.key.string, ["all", "any", "none"].contains(k) {
                children.append(try combinator(k, m.first!.value, file: file, target: target))
            } else {
                children.append(try invocation(item, file: file, target: target))
            }
        }
        switch key {
        case "all": return .all(children)
        case "any": return .any(children)
        default: return .none(children)
        }
    }

    private static func invocation(_ node: Node, file: String, target: RuleTarget) throws(LocatedError) -> CheckTree {
        var m = try YAMLMap(node, file: file, what: "a check (give 'function' and 'options')")
        let fnNode = try m.require("function")
        guard let fn = fnNode.string else { throw m.error(fnNode, "'function' must be a string") }
        let optionsNode = m.value("options")
        let message = try m.value("message").map { (n) throws(LocatedError) in try localized(n, file: file, key: "message") }
        let field = try m.string("field")
        if field != nil && target != .descriptor { throw m.error(m.keyNode("field")!, "'field' is only for descriptor rules") }
        try m.finish("a check")
        var options = try CheckOptions(optionsNode, file: file, anchor: fnNode)
        func unknown(_ names: some Collection<String>) -> LocatedError {
            m.error(fnNode, "unknown \(target.rawValue) check '\(fn)' (known: \(names.sorted().joined(separator: ", ")))")
        }
        switch target {
        case .page:
            guard let type = CheckRegistry.page[fn] else { throw unknown(CheckRegistry.page.keys) }
            return .page(PageCheckInvocation(id: fn, check: try type.init(options: &options), message: message))
        case .site:
            guard let type = CheckRegistry.site[fn] else { throw unknown(CheckRegistry.site.keys) }
            return .site(SiteCheckInvocation(id: fn, check: try type.init(options: &options), message: message))
        case .descriptor:
            guard let type = CheckRegistry.descriptor[fn] else { throw unknown(CheckRegistry.descriptor.keys) }
            return .descriptor(DescriptorCheckInvocation(id: fn, check: try type.init(options: &options), field: field, message: message))
        }
    }

    private static func loadExamples(_ node: Node, file: String, target: RuleTarget) throws(LocatedError) -> [RuleExample] {
        var m = try YAMLMap(node, file: file, what: "'examples' (give 'pass', 'fail' and 'review' lists)")
        var result: [RuleExample] = []
        for kind in RuleExample.Kind.allCases {
            guard let list = m.value(kind.rawValue) else { continue }
            guard case let .sequence(seq) = list else { throw m.error(list, "'\(kind.rawValue)' must be a list") }
            for (i, item) in seq.enumerated() {
                result.append(try example(item, kind: kind, index: i + 1, file: file, target: target))
            }
        }
        try m.finish("'examples'")
        return result
    }

    private static func example(_ item: Node, kind: RuleExample.Kind, index: Int, file: String, target: RuleTarget) throws(LocatedError) -> RuleExample {
        let line = item.mark?.line ?? 1
        let defaultFile = target == .descriptor ? "descriptor.yml" : "index.html"
        if case .scalar = item, let code = item.string {
            return RuleExample(kind: kind, name: nil, files: [(defaultFile, code)], docs: true, now: nil, line: line, index: index)
        }
        var m = try YAMLMap(item, file: file, what: "an example")
        let name = try m.string("name")
        let docs = try m.bool("docs") ?? true
        let now = try m.string("now")
        var files: [(String, String)] = []
        if let code = try m.string("code") {
            files.append((try m.string("file") ?? defaultFile, code))
        } else if let pages = m.value("pages") {
            guard target != .descriptor else { throw m.error(pages, "'pages' is only for page and site rules") }
            let pm = try YAMLMap(pages, file: file, what: "'pages'")
            for entry in pm.entries {
                guard let code = entry.value.string else { throw m.error(entry.value, "page code must be a string") }
                files.append((entry.key, code))
            }
        } else {
            throw m.error(item, "an example needs 'code' (or 'pages' for several files)")
        }
        try m.finish("an example")
        return RuleExample(kind: kind, name: name, files: files, docs: docs, now: now, line: line, index: index)
    }
}
