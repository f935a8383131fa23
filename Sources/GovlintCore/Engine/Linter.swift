import Foundation
import GovlintHTML

/// Settings of one run, beyond the configuration file.
public struct RunOptions: Sendable {
    public var jobs: Int
    /// Profiles from the command line (win over the configuration's).
    public var profiles: [String]
    public var now: Date?
    /// Benchmark baseline: read, decode and parse every page, run no rule.
    public var parseOnly = false

    public init(jobs: Int = ProcessInfo.processInfo.activeProcessorCount, profiles: [String] = [], now: Date? = nil,
                parseOnly: Bool = false) {
        self.jobs = jobs
        self.profiles = profiles
        self.now = now
        self.parseOnly = parseOnly
    }
}

/// The engine: discovers files, parses each once, runs page and descriptor
/// rules in parallel, keeps only compact facts, then runs site rules.
public struct Linter: Sendable {
    public let catalog: Catalog
    public let configuration: Configuration

    public init(catalog: Catalog, configuration: Configuration = Configuration()) {
        self.catalog = catalog
        self.configuration = configuration
    }

    /// Rules enabled by the profiles (or every default-on rule when none is
    /// given), with configuration switches and severities applied.
    public func activeRules(profiles: [String]) -> [ActiveRule] {
        var selected: Set<String>
        let chosen = profiles.isEmpty ? configuration.profiles : profiles
        if chosen.isEmpty {
            selected = Set(catalog.rules.map(\.id))
        } else {
            selected = []
            for p in chosen { selected.formUnion(catalog.ruleIDs(forProfile: p) ?? []) }
        }
        for (id, setting) in configuration.rules {
            if setting == .off { selected.remove(id) } else { selected.insert(id) }
        }
        return catalog.rules.filter { selected.contains($0.id) }.map { rule in
            var severity = rule.severity
            if case let .on(s?) = configuration.rules[rule.id] { severity = s }
            return ActiveRule(rule: rule, severity: severity)
        }
    }

    /// Rules for one file: overrides may switch rules off or change severities per glob.
    func rules(_ rules: [ActiveRule], for file: String) -> [ActiveRule] {
        guard !configuration.overrides.isEmpty else { return rules }
        var result: [ActiveRule] = []
        for var active in rules {
            switch configuration.setting(for: active.rule.id, file: file) {
            case .off?: continue
            case let .on(s?)?: active.severity = s
            default: break
            }
            result.append(active)
        }
        return result
    }

    public func isDescriptor(_ relative: String, rules: [ActiveRule]) -> Bool {
        if configuration.descriptors.contains(where: { $0.glob.matches(relative) }) { return true }
        return rules.contains { $0.rule.target == .descriptor && $0.rule.files.contains { Glob($0).matches(relative) } }
    }

    // MARK: Whole runs

    public func run(paths: [URL], options: RunOptions = RunOptions()) -> RunResult {
        let started = Date()
        let active = options.parseOnly ? [] : activeRules(profiles: options.profiles)
        let (files, problems, _) = Discovery.discover(paths: paths, configuration: configuration) {
            isDescriptor($0, rules: active)
        }
        let now = options.now ?? configuration.now ?? Date()
        let site = SiteInfo(files: Set(files.map(\.relative)), now: now)
        let work = files.filter { $0.kind != .other }
        let pageRules = active.filter { $0.rule.target != .descriptor }
        let descriptorRules = active.filter { $0.rule.target == .descriptor }
        let outcomes = WorkerPool.map(count: work.count, jobs: options.jobs) { i -> FileOutcome in
            let file = work[i]
            switch file.kind {
            case .page:
                return checkPage(at: file.url, relative: file.relative, rules: rules(pageRules, for: file.relative), site: site)
            default:
                let applicable = rules(descriptorRules, for: file.relative).filter { applies($0.rule, to: file.relative) }
                return checkDescriptor(at: file.url, relative: file.relative, rules: applicable)
            }
        }
        var result = RunResult(profile: (options.profiles.isEmpty ? configuration.profiles : options.profiles).first, now: now)
        var facts: [String: [SiteFact]] = [:]
        for o in outcomes { merge(o, into: &result, facts: &facts) }
        for p in problems {
            result.findings.append(Finding(ruleID: SystemRules.fileUnreadable.id, severity: .warning, file: p.path,
                                           range: .fileStart, message: SystemRules.fileUnreadable.message.filled(["reason": p.message])))
        }
        let site2 = SiteContext(info: site)
        merge(SiteRunner.run(pageRules, facts: facts, site: site2), into: &result, facts: &facts)
        result.findings = filterSuppressed(result.findings)
        result.findings.sort(by: Finding.ordered)
        result.rulesRun = active.map(\.rule.id)
        result.pagesChecked = work.filter { $0.kind == .page }.count
        result.descriptorsChecked = work.count - result.pagesChecked
        result.filesSeen = files.count
        result.durationSeconds = Date().timeIntervalSince(started)
        return result
    }

    func applies(_ rule: Rule, to relative: String) -> Bool {
        if rule.files.contains(where: { Glob($0).matches(relative) }) { return true }
        return configuration.descriptors.contains { $0.glob.matches(relative) && $0.pack == rule.pack }
    }

    func merge(_ o: FileOutcome, into result: inout RunResult, facts: inout [String: [SiteFact]]) {
        result.findings += o.findings
        for (id, c) in o.outcomes { result.outcomes[id, default: OutcomeCounts()].add(c) }
        for (id, f) in o.facts { facts[id, default: []] += f }
    }

    /// System-rule findings switched off in the configuration are dropped.
    func filterSuppressed(_ findings: [Finding]) -> [Finding] {
        findings.filter { f in
            guard f.ruleID.hasPrefix("file-") || f.ruleID == SystemRules.descriptorInvalid.id else { return true }
            return configuration.setting(for: f.ruleID, file: f.file) != .off
        }
    }

    // MARK: Single files

    /// Reads, decodes, parses and checks one page. Never throws: problems become findings.
    public func checkPage(at url: URL, relative: String, rules: [ActiveRule], site: SiteInfo) -> FileOutcome {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            return systemFinding(SystemRules.fileUnreadable, relative, ["reason": (error as NSError).localizedDescription])
        }
        return checkPage(bytes: [UInt8](data), relative: relative, rules: rules, site: site)
    }

    public func checkPage(bytes: [UInt8], relative: String, rules: [ActiveRule], site: SiteInfo) -> FileOutcome {
        let source: SourceText
        switch HTMLDecoder.decode(bytes) {
        case let .success(s): source = s
        case .failure(.empty): return systemFinding(SystemRules.fileEmpty, relative, [:])
        case .failure(.binary): return systemFinding(SystemRules.fileBinary, relative, [:])
        case let .failure(.unsupportedEncoding(e)): return systemFinding(SystemRules.fileUnreadable, relative, ["reason": "unsupported encoding \(e)"])
        }
        let document = HTMLParser.parse(source)
        let page = PageContext(document: document, file: relative, site: site)
        var outcome = PageRunner.run(rules, on: page)
        if let offset = Self.truncationOffset(source.utf8) {
            outcome.findings.append(Finding(ruleID: SystemRules.fileTruncated.id, severity: SystemRules.fileTruncated.severity,
                                            file: relative, range: source.range(offset, offset),
                                            message: SystemRules.fileTruncated.message))
        }
        outcome.findings = Suppressions.apply(outcome.findings, document: document)
        return outcome
    }

    public func checkDescriptor(at url: URL, relative: String, rules: [ActiveRule]) -> FileOutcome {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            return systemFinding(SystemRules.fileUnreadable, relative, ["reason": "cannot read file"])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return systemFinding(SystemRules.descriptorInvalid, relative, ["reason": "not UTF-8 text"])
        }
        return checkDescriptor(text: text, relative: relative, rules: rules)
    }

    public func checkDescriptor(text: String, relative: String, rules: [ActiveRule]) -> FileOutcome {
        let document: DescriptorDocument
        do {
            document = try DescriptorDocument(file: relative, text: text)
        } catch {
            var out = FileOutcome()
            let source = SourceText(text)
            let offset = source.offset(line: error.line, column: error.column)
            out.findings.append(Finding(ruleID: SystemRules.descriptorInvalid.id, severity: .error, file: relative,
                                        range: source.range(offset, offset),
                                        message: SystemRules.descriptorInvalid.message.filled(["reason": error.message])))
            return out
        }
        return DescriptorRunner.run(rules, on: document)
    }

    func systemFinding(_ rule: Rule, _ file: String, _ data: [String: String]) -> FileOutcome {
        var out = FileOutcome()
        out.findings.append(Finding(ruleID: rule.id, severity: rule.severity, file: file, range: .fileStart,
                                    message: rule.message.filled(data)))
        return out
    }

    /// Offset of an unclosed tag or comment at the end of the file, if any.
    static func truncationOffset(_ bytes: [UInt8]) -> Int? {
        var end = bytes.count
        while end > 0, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[end - 1]) { end -= 1 }
        guard end > 0 else { return nil }
        let lt = UInt8(ascii: "<"), gt = UInt8(ascii: ">")
        guard let lastLT = bytes[..<end].lastIndex(of: lt) else { return nil }
        let lastGT = bytes[..<end].lastIndex(of: gt) ?? -1
        if lastLT > lastGT {
            // `<` followed by a letter, `/` or `!` opens a tag; a lone `<` in text does not.
            if lastLT + 1 < end {
                let next = bytes[lastLT + 1]
                if (next >= 0x41 && next <= 0x5A) || (next >= 0x61 && next <= 0x7A) || next == 0x2F || next == 0x21 { return lastLT }
            }
            return nil
        }
        // An unclosed comment.
        let text = bytes[..<end]
        if let open = lastRange(of: Array("<!--".utf8), in: text) {
            let close = lastRange(of: Array("-->".utf8), in: text) ?? -1
            if close < open { return open }
        }
        return nil
    }

    private static func lastRange(of needle: [UInt8], in hay: ArraySlice<UInt8>) -> Int? {
        guard hay.count >= needle.count else { return nil }
        var i = hay.endIndex - needle.count
        while i >= hay.startIndex {
            if hay[i] == needle[0], Array(hay[i..<(i + needle.count)]) == needle { return i }
            i -= 1
        }
        return nil
    }
}
