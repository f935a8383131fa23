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
    /// Check only this share of the files.
    public var shard: Shard?
    /// Reuse and store per-file outcomes here (nil: no cache).
    public var cache: URL?
    /// Identifies the running build beyond its version (cache keys).
    public var buildIdentity = ""
    /// Where cache warnings go.
    public var warn: @Sendable (String) -> Void = { _ in }
    /// Called as files are checked with (done, total), from worker threads.
    public var progress: (@Sendable (_ done: Int, _ total: Int) -> Void)?
    /// Where the findings spool is made (default: the temporary directory); see ``FindingSpool``.
    public var spoolDirectory: URL?
    /// Measures each rule's time here (`--timings`); nil: not measured.
    public var times: RuleTimes?

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
        descriptorMatcher(rules)(relative)
    }

    /// `isDescriptor` with every glob compiled once, for discovery's call per file of the export.
    func descriptorMatcher(_ rules: [ActiveRule]) -> (String) -> Bool {
        var seen: Set<String> = []
        let patterns = rules.filter { $0.rule.target == .descriptor }.flatMap(\.rule.files).filter { seen.insert($0).inserted }
        let globs = configuration.descriptors.map(\.glob) + patterns.map { Glob($0) }
        guard !globs.isEmpty else { return { _ in false } }
        return { relative in
            let path = Glob.Path(relative) // split once for every glob
            return globs.contains { $0.matches(path) }
        }
    }

    // MARK: Whole runs

    public func run(paths: [URL], options: RunOptions = RunOptions()) -> RunResult {
        let started = Date()
        // A single part from `collect` always merges (shards, packs and files agree).
        var result = (try? finish([collect(paths: paths, options: options)], times: options.times)) ?? RunResult()
        result.durationSeconds = Date().timeIntervalSince(started)
        return result
    }

    /// The page phase: discovery, then every (shard's) page and descriptor
    /// checked in parallel, keeping findings and compact site facts.
    public func collect(paths: [URL], options: RunOptions = RunOptions()) -> RunPart {
        let active = options.parseOnly ? [] : activeRules(profiles: options.profiles)
        let isDescriptor = descriptorMatcher(active)
        let (files, problems, _) = Discovery.discover(paths: paths, configuration: configuration) { isDescriptor($0) }
        let now = options.now ?? configuration.now ?? Date()
        let siteFiles = files.map(\.relative)
        let site = SiteInfo(files: Set(siteFiles), now: now, pageTypes: configuration.pageTypes)
        let pageRules = active.filter { $0.rule.target != .descriptor }
        // Site files are read only when an active site check reads them.
        let fileReaders = pageRules.filter { $0.rule.siteFileCheck != nil }
        // Indices into `files`, not a second list of the export's files.
        let work = files.indices.filter { i in
            let file = files[i]
            guard options.shard?.includes(file.relative) ?? true else { return false }
            switch file.kind {
            case .other: return false
            case .siteFile: return fileReaders.contains { $0.rule.siteFileCheck!.reads(file.relative) }
            default: return true
            }
        }
        let descriptorRules = active.filter { $0.rule.target == .descriptor }
        let cache = options.cache.map { dir -> ResultCache in
            var key = SHA256()
            let nowDay = Int(now.timeIntervalSince1970 / 86_400)
            let ruleKey = active.map { "\($0.rule.id)=\($0.severity.rawValue)" }.joined(separator: ",")
            for part in [GovlintVersion.current, options.buildIdentity, catalog.digest, configuration.digest, ruleKey, String(nowDay)] {
                key.update(part); key.update([0])
            }
            for f in siteFiles { key.update(f); key.update([0]) }
            return ResultCache(directory: dir, runKey: key.finalize(), warn: options.warn)
        }
        // Read once: building the environment dictionary costs more than parsing a small page.
        let crashOn = ProcessInfo.processInfo.environment["GOVLINT_TEST_INTERNAL_ERROR"]
        let checkOne: @Sendable (DiscoveredFile) -> (FileOutcome, Bool) = { file in
            if let crashOn, crashOn == file.relative {
                fatalError("internal error requested by GOVLINT_TEST_INTERNAL_ERROR") // tests of the crash report only
            }
            let bytes: [UInt8]
            switch readLimited(file) {
            case let .success(b): bytes = b
            case let .failure(problem):
                // Large or unreadable XML that is not named as a sitemap is someone else's data: no finding.
                if file.kind == .siteFile, file.relative.lowercased().hasSuffix(".xml"),
                   !(file.relative.lowercased().split(separator: "/").last?.contains("sitemap") ?? false) {
                    return (FileOutcome(), false)
                }
                return (problem.outcome, false)
            }
            let key = cache?.key(relative: file.relative, bytes: bytes)
            if let cache, let key, let hit = cache.lookup(key) { return (hit, true) }
            let outcome: FileOutcome
            switch file.kind {
            case .page:
                outcome = checkPage(bytes: bytes, relative: file.relative, rules: rules(pageRules, for: file.relative), site: site,
                                    suppressions: !options.parseOnly, times: options.times)
            case .siteFile:
                outcome = checkSiteFile(bytes: bytes, relative: file.relative, rules: rules(fileReaders, for: file.relative), site: site)
            default:
                let applicable = rules(descriptorRules, for: file.relative).filter { applies($0.rule, to: file.relative) }
                if Self.isUTF8(bytes) {
                    // The bytes themselves, not a String copy: a data.json can be tens of megabytes.
                    outcome = checkDescriptor(bytes: bytes, relative: file.relative, rules: applicable,
                                              url: file.archive == nil ? file.url : nil)
                } else {
                    outcome = systemFinding(SystemRules.descriptorInvalid, file.relative, ["reason": "not UTF-8 text"])
                }
            }
            // Time limits depend on the machine's load: such outcomes are not reused.
            // Outcomes that read other files ($refs) are not reused: the key covers this file's bytes only.
            if let cache, let key, !outcome.dependsOnOtherFiles,
               !outcome.findings.contains(where: { $0.ruleID == SystemRules.fileNotFullyChecked.id }) {
                cache.store(outcome, key: key)
            }
            return (outcome, false)
        }
        // Each outcome is shrunk as soon as its file is done (see PageFold), so memory does not hold per-file
        // outcome tables or one fact per link of every page while the other workers run on. Its findings go
        // to the spool: memory then does not grow with them either. Without a usable temporary folder they
        // stay in memory, as before.
        let spool = try? FindingSpool(directory: options.spoolDirectory)
        spool?.reserveFiles(work.count)
        if spool == nil { options.warn("warning: cannot create the findings spool in the temporary folder; keeping findings in memory") }
        let fold = PageFold(rules: pageRules, spooling: spool != nil, files: site.files)
        var outcomes = WorkerPool.map(count: work.count, jobs: options.jobs, progress: options.progress) { i -> (FileOutcome, Bool) in
            let file = files[work[i]]
            let (outcome, hit) = CrashContext.checking(file.relative) { checkOne(file) }
            var kept = fold.fold(outcome)
            if let spool {
                spool.append(kept.findings, for: file.relative)
                kept.findings = []
                // Facts of locating site rules (one or more per page and rule) are read back rule by rule in finish.
                for (id, facts) in kept.facts { spool.appendFacts(facts, rule: id, path: file.relative) }
                kept.facts = [:]
            }
            return (kept, hit)
        }
        // Pages were parsed and freed in the workers' malloc arenas, which the site phase (on this thread)
        // does not reuse: their free pages go back to the system before it.
        MallocTrim.run()
        // The page phase's distinct values become the kept lists before the table by file is made, and the
        // workers' results are released once it is: the sets, the table and the results are not all held at once.
        let distinctFacts = fold.takeDistinctFactLists(site: site)
        let cacheHits = outcomes.count { $0.1 }
        var byFile: [String: FileOutcome] = [:]
        for (i, o) in outcomes.enumerated() { byFile[files[work[i]].relative] = o.0 }
        outcomes = []
        let problemFindings = problems.map {
            $0.limit ? PageRunner.notFullyChecked($0.path, $0.message)
                : Finding(ruleID: SystemRules.fileUnreadable.id, severity: .warning, file: $0.path, range: .fileStart,
                          message: SystemRules.fileUnreadable.message.filled(["reason": $0.message]))
        }
        var pages = 0, descriptors = 0
        for i in work {
            if files[i].kind == .page { pages += 1 } else if files[i].kind == .descriptor { descriptors += 1 }
        }
        var part = RunPart(toolVersion: GovlintVersion.current, catalogDigest: catalog.digest, shard: options.shard,
                       profile: (options.profiles.isEmpty ? configuration.profiles : options.profiles).first,
                       rules: Dictionary(uniqueKeysWithValues: active.map { ($0.rule.id, $0.severity) }), now: now,
                       siteFiles: siteFiles, files: byFile, problems: (options.shard?.index ?? 1) == 1 ? problemFindings : [],
                       pagesChecked: pages, descriptorsChecked: descriptors,
                       cacheHits: cacheHits,
                       outcomes: fold.outcomes, distinctFacts: distinctFacts, factCounts: fold.factCounts)
        part.profiles = options.profiles.isEmpty ? configuration.profiles : options.profiles
        part.spool = spool
        return part
    }

    /// The site phase over one or more parts (a whole run, or the shards of one).
    /// `times` receives each site rule's time.
    public func finish(_ input: consuming [RunPart], times: RuleTimes? = nil) throws -> RunResult {
        var parts = input // moved: the files are taken out of the parts as they are merged
        guard var first = parts.first else { throw MergeError(description: "nothing to merge") }
        first.files = [:] // only its settings are read; the files and facts are moved out of `parts` below
        first.distinctFacts = nil
        for p in parts {
            if p.schemaVersion != RunPart.currentSchemaVersion {
                throw MergeError(description: "part written by a different format version (\(p.schemaVersion), expected \(RunPart.currentSchemaVersion))")
            }
            if p.catalogDigest != first.catalogDigest || p.rules != first.rules {
                throw MergeError(description: "parts were made with different rule packs or rule settings")
            }
            if p.siteFiles != first.siteFiles { throw MergeError(description: "parts were made from different exports") }
        }
        if let n = first.shard?.count {
            let seen = Set(parts.compactMap(\.shard?.index))
            if parts.contains(where: { $0.shard?.count != n }) || seen.count != parts.count || seen != Set(1...n) {
                throw MergeError(description: "expected each of the shards 1/\(n)…\(n)/\(n) exactly once")
            }
        }
        var result = RunResult(profile: first.profile, now: first.now)
        result.profiles = first.profiles
        let problems = parts.flatMap(\.problems)
        // Findings stay where the page phase put them (a part's spool) and are read back one file at a time
        // when reports are written; findings parts carry in memory (decoded part files) are moved to a spool
        // here, so the merged run does not hold them either.
        var files: [String: FileOutcome] = [:]
        var sources: [String: FindingSource] = [:]
        var owner: [String: Int] = [:] // the part whose outcome of a file is used (the first)
        var mergeSpool: FindingSpool?
        for i in parts.indices {
            let partFiles = parts[i].files
            parts[i].files = [:]
            for (path, var outcome) in partFiles where files[path] == nil {
                if parts.count > 1 { owner[path] = i }
                if let slice = parts[i].spool?.slice(for: path), let spool = parts[i].spool {
                    // One part: its spool's index says where, when the findings are read (no second table by path).
                    if parts.count > 1 { sources[path] = .spooled(spool, slice) }
                } else if !outcome.findings.isEmpty {
                    if mergeSpool == nil { mergeSpool = try? FindingSpool() }
                    if let mergeSpool, let slice = mergeSpool.append(outcome.findings, for: path) {
                        sources[path] = .spooled(mergeSpool, slice)
                    } else {
                        sources[path] = .inline(outcome.findings)
                    }
                }
                outcome.findings = []
                files[path] = outcome
            }
        }
        var factCounts: [String: Int] = [:]
        var distinct: [String: Set<String>] = [:]
        // One part's lists are already one fact per value in order: used as they are, not rebuilt.
        var distinctLists: [String: [SiteFact]] = parts.count == 1 ? parts[0].distinctFacts ?? [:] : [:]
        for i in parts.indices {
            let p = parts[i]
            for (id, c) in p.outcomes ?? [:] { result.outcomes[id, default: OutcomeCounts()].add(c) }
            for (id, n) in p.factCounts ?? [:] { factCounts[id, default: 0] += n }
            if parts.count > 1 {
                for (id, list) in p.distinctFacts ?? [:] {
                    distinct[id, default: []].formUnion(list.lazy.map(\.value))
                }
            }
            parts[i].distinctFacts = nil
        }
        // Findings not from a page's own outcome (problems, then site findings), by file: spooled as they come,
        // so site rules that report on many pages (duplicate titles, orphan pages) do not hold them all.
        var extra: [String: [Finding]] = [:]
        // Spooled site findings: where each file's are, in the order spooled (a flat list, grouped by file below).
        var extraSlices: [(file: String, slice: FindingSpool.Slice)] = []
        let extraSpool = try? FindingSpool()
        func addExtra(_ findings: [Finding]) {
            guard let extraSpool else {
                for f in findings { extra[f.file, default: []].append(f) }
                return
            }
            var byFile: [String: [Finding]] = [:]
            var order: [String] = []
            for f in findings {
                if byFile[f.file] == nil { order.append(f.file) }
                byFile[f.file, default: []].append(f)
            }
            for file in order {
                if let slice = extraSpool.appendDetached(byFile[file]!) { extraSlices.append((file, slice)) }
            }
        }
        addExtra(problems)
        // Site facts by rule: in memory (decoded parts) or in a part's spool, read back one rule at a time while
        // the site rules run (SiteRunner orders them by file and position). With several parts, a file's facts
        // come from the part whose outcome of the file is used.
        var facts: [String: [FactSource]] = [:]
        var factEntries: [String: [(path: String, source: FactSource)]] = [:]
        let owners = parts.count > 1 ? owner : [:]
        for (i, part) in parts.enumerated() {
            guard let spool = part.spool else { continue }
            let keep: ((String) -> Bool)? = parts.count == 1 ? nil : { owners[$0] == i }
            for id in spool.factRules { facts[id, default: []].append(.spooled(spool, keep)) }
        }
        owner = [:]
        var paths = files.keys.sorted()
        for path in paths {
            let o = files[path]!
            for (id, c) in o.outcomes { result.outcomes[id, default: OutcomeCounts()].add(c) }
            for (id, f) in o.facts { factEntries[id, default: []].append((path, .list(f))) }
        }
        files = [:]
        for (id, list) in factEntries {
            // Stable: one file's facts of a rule are one entry.
            facts[id, default: []] += list.sorted { $0.path < $1.path }.map(\.source)
        }
        factEntries = [:]
        for (id, values) in distinct { distinctLists[id] = values.sorted().map(PageFold.valueFact) }
        distinct = [:]
        // Held compactly while the rules before theirs run.
        for id in Array(distinctLists.keys) { facts[id, default: []].append(.inline(SiteFacts(distinctLists.removeValue(forKey: id)!))) }
        distinctLists = [:]
        let active = catalog.rules.compactMap { rule in first.rules[rule.id].map { ActiveRule(rule: rule, severity: $0) } }
        let site = SiteContext(info: SiteInfo(files: Set(first.siteFiles), now: first.now, pageTypes: configuration.pageTypes))
        // Each rule's sources are taken out when it runs: lists held in memory (distinct values) go with them.
        var factSources = facts
        facts = [:]
        let sitePaths = site.info.files
        let siteOutcome = SiteRunner.run(active.filter { $0.rule.target == .site }, facts: { id in
            func read(_ source: FactSource) -> SiteFacts {
                switch source {
                case let .list(list): SiteFacts(list)
                case let .inline(table): table
                case let .spooled(spool, keep): spool.readFacts(rule: id, keep: keep, paths: sitePaths)
                }
            }
            let sources = factSources.removeValue(forKey: id) ?? []
            if sources.count == 1, case let .spooled(spool, keep) = sources[0] {
                // One spool (an unsharded run): snippets stay there until a finding needs one.
                let (list, snippets) = spool.readFactsWithoutSnippets(rule: id, keep: keep, paths: sitePaths)
                return .init(facts: list, snippet: { spool.snippet(at: snippets[$0]) })
            }
            if sources.count == 1 { return .init(facts: read(sources[0])) }
            var all = SiteFacts()
            for source in sources { all.append(contentsOf: read(source)) }
            return .init(facts: all)
        }, factCounts: factCounts, site: site, limits: configuration.limits, spill: { addExtra($0) }, times: times)
        factSources = [:]
        for (id, c) in siteOutcome.outcomes { result.outcomes[id, default: OutcomeCounts()].add(c) }
        addExtra(siteOutcome.findings)
        paths = Array(Set(paths).union(extra.keys).union(extraSlices.lazy.map(\.file))).sorted()
        extraSlices.sort { $0.file < $1.file } // stable: a file's slices stay in the order spooled
        var nextSlice = 0
        // Per file, in path order: the page's findings, then problems, then site findings, filtered and sorted
        // stably when read (SpooledFindings.batch) — the order one in-memory list had.
        var steps: [SpooledFindings.Step] = []
        for path in paths {
            var step = SpooledFindings.Step(slices: [], extra: [])
            switch sources.removeValue(forKey: path) {
            case let .spooled(spool, slice)?: step.slices = [(spool, slice)]
            case let .inline(list)?: step.extra = list
            case nil:
                if parts.count == 1, let spool = parts[0].spool, let slice = spool.slice(for: path) { step.slices = [(spool, slice)] }
            }
            if let more = extra.removeValue(forKey: path) { step.extra += more }
            while nextSlice < extraSlices.count, extraSlices[nextSlice].file < path { nextSlice += 1 } // (none: paths has them all)
            var more: [FindingSpool.Slice] = []
            while nextSlice < extraSlices.count, extraSlices[nextSlice].file == path {
                more.append(extraSlices[nextSlice].slice)
                nextSlice += 1
            }
            if !more.isEmpty, let extraSpool {
                // Read after the page's findings: kept in the spool unless those are in memory.
                if step.extra.isEmpty {
                    step.slices += more.map { (extraSpool, $0) }
                } else {
                    for slice in more { step.extra += extraSpool.read(slice) }
                }
            }
            if step.slices.isEmpty && step.extra.isEmpty { continue }
            steps.append(step)
        }
        let linter = self
        result.stream = FindingStream(storage: .spooled(SpooledFindings(steps: steps) { linter.reports(rule: $0, file: $1) }))
        result.rulesRun = active.map(\.rule.id)
        result.pagesChecked = parts.map(\.pagesChecked).reduce(0, +)
        result.descriptorsChecked = parts.map(\.descriptorsChecked).reduce(0, +)
        result.filesSeen = first.siteFiles.count
        result.cacheHits = parts.map(\.cacheHits).reduce(0, +)
        // Scoring models are validated when the catalog loads.
        if let model = try? inspectionModel(for: first.profile) { result.inspection = model.score(result) }
        return result
    }

    /// The scoring model a profile names (`scoring:` in its pack manifest), if any.
    public func inspectionModel(for profile: String?) throws -> InspectionModel? {
        guard let profile, let path = catalog.profiles[profile]?.scoring else { return nil }
        guard let text = catalog.dataFiles[path] else {
            throw MergeError(description: "profile '\(profile)' names a missing scoring model \(path)")
        }
        return try InspectionModel.load(yaml: text).resolvingTags(catalog.rules)
    }

    func applies(_ rule: Rule, to relative: String) -> Bool {
        if rule.files.contains(where: { Glob($0).matches(relative) }) { return true }
        return configuration.descriptors.contains { $0.glob.matches(relative) && $0.pack == rule.pack }
    }

    enum FindingSource {
        case spooled(FindingSpool, FindingSpool.Slice)
        case inline([Finding])
    }

    enum FactSource {
        /// One rule's facts in a part's spool, of the files `keep` accepts (nil: all).
        case spooled(FindingSpool, ((String) -> Bool)?)
        /// Facts held in memory: one file's (a decoded part's), or a rule's distinct values.
        case list([SiteFact])
        case inline(SiteFacts)
    }

    /// System-rule findings switched off in the configuration are dropped.
    /// Whether a finding of `rule` in `file` is reported (engine rules can be switched off per file).
    func reports(rule: String, file: String) -> Bool {
        // Most rule ids start with none of the letters of the rules tested below.
        switch rule.utf8.first {
        case UInt8(ascii: "f"), UInt8(ascii: "d"), UInt8(ascii: "u"): break
        default: return true
        }
        guard rule.hasPrefix("file-") || rule == SystemRules.descriptorInvalid.id
                || rule == SystemRules.unusedSuppression.id else { return true }
        return configuration.setting(for: rule, file: file) != .off
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

    /// `suppressions: false` (the parse-only benchmark pass) leaves the page's comments unread; `times` receives
    /// the decoding and parsing time and each rule's.
    public func checkPage(bytes: [UInt8], relative: String, rules: [ActiveRule], site: SiteInfo,
                          suppressions: Bool = true, times: RuleTimes? = nil) -> FileOutcome {
        let clock = times == nil ? 0 : RuleTimes.now()
        let source: SourceText
        switch HTMLDecoder.decode(bytes) {
        case let .success(s): source = s
        case .failure(.empty): return systemFinding(SystemRules.fileEmpty, relative, [:])
        case .failure(.binary): return systemFinding(SystemRules.fileBinary, relative, [:])
        case let .failure(.unsupportedEncoding(e)): return systemFinding(SystemRules.fileUnreadable, relative, ["reason": "unsupported encoding \(e)"])
        }
        let limits = configuration.limits
        let (document, depthLimited, attributesLimited) = HTMLParser.parse(source, maxDepth: limits.maxDepth, maxAttributes: limits.maxAttributes)
        times?.add([(RuleTimes.parsing, RuleTimes.now() - clock)])
        let page = PageContext(document: document, file: relative, site: site)
        var outcome = PageRunner.run(rules, on: page, limits: limits, times: times)
        if attributesLimited {
            outcome.findings.append(PageRunner.notFullyChecked(relative,
                "attributes past the \(limits.maxAttributes)th on one element were left out (limit max-attributes)"))
        }
        if depthLimited {
            outcome.findings.append(PageRunner.notFullyChecked(relative,
                "elements nested deeper than \(limits.maxDepth) levels were flattened or left out (limit max-depth)"))
        }
        if let offset = Self.truncationOffset(source.utf8) {
            outcome.findings.append(Finding(ruleID: SystemRules.fileTruncated.id, severity: SystemRules.fileTruncated.severity,
                                            file: relative, range: source.range(offset, offset),
                                            message: SystemRules.fileTruncated.message))
        }
        guard suppressions else { return outcome }
        outcome.findings = Suppressions.apply(outcome.findings, document: document, file: relative,
                                              activeRules: PageRunner.RulePlan.of(rules).pageRuleIDs)
        return outcome
    }

    /// Runs the site checks that read this site file (robots.txt, a sitemap, security.txt):
    /// problems become findings located in the file, facts wait for the site phase.
    public func checkSiteFile(bytes: [UInt8], relative: String, rules: [ActiveRule], site: SiteInfo) -> FileOutcome {
        var out = FileOutcome()
        let file = SiteTextFile(path: relative, bytes: bytes)
        for active in rules {
            guard let check = active.rule.siteFileCheck, check.reads(relative) else { continue }
            let result = check.check(file, site: site)
            var counts = OutcomeCounts()
            for p in result.problems {
                let failed = p.verdict == .doesNotHold
                if failed { counts.failed += 1 } else { counts.cantTell += 1 }
                out.findings.append(Finding(ruleID: active.rule.id, severity: active.severity, outcome: failed ? .failed : .cantTell,
                                            file: relative, range: file.range(p.offset, length: p.length),
                                            message: active.rule.message.filled(p.data), snippet: file.lineText(at: p.offset)))
            }
            if result.problems.isEmpty { counts.passed = 1 }
            for f in result.facts {
                out.facts[active.rule.id, default: []].append(SiteFact(
                    file: relative, value: f.value, range: file.range(f.offset, length: f.length), snippet: file.lineText(at: f.offset)))
            }

            out.outcomes[active.rule.id] = counts
        }
        return out
    }

    public func checkDescriptor(at url: URL, relative: String, rules: [ActiveRule]) -> FileOutcome {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            return systemFinding(SystemRules.fileUnreadable, relative, ["reason": "cannot read file"])
        }
        let bytes = [UInt8](data)
        guard Self.isUTF8(bytes) else {
            return systemFinding(SystemRules.descriptorInvalid, relative, ["reason": "not UTF-8 text"])
        }
        return checkDescriptor(bytes: bytes, relative: relative, rules: rules, url: url)
    }

    /// `url`, when given, is the file on disk: Spectral rules resolve relative `$ref`s from it,
    /// within the folder it was found in (the part of its path before `relative`).
    public func checkDescriptor(text: String, relative: String, rules: [ActiveRule], url: URL? = nil) -> FileOutcome {
        checkDescriptor(bytes: Array(text.utf8), relative: relative, rules: rules, url: url)
    }

    /// Checks a descriptor from its UTF-8 bytes (see ``checkDescriptor(text:relative:rules:url:)``).
    public func checkDescriptor(bytes: [UInt8], relative: String, rules: [ActiveRule], url: URL? = nil) -> FileOutcome {
        let document: DescriptorDocument
        do {
            document = try DescriptorDocument(file: relative, bytes: bytes, maxAliasExpansion: configuration.limits.maxAliasExpansion)
        } catch {
            var out = FileOutcome()
            let source = SourceText(utf8: bytes)
            let offset = source.offset(line: error.line, column: error.column)
            out.findings.append(Finding(ruleID: SystemRules.descriptorInvalid.id, severity: .error, file: relative,
                                        range: source.range(offset, offset),
                                        message: SystemRules.descriptorInvalid.message.filled(["reason": error.message])))
            return out
        }
        var outcome = DescriptorRunner.run(rules, on: document, limits: configuration.limits, url: url)
        outcome.findings = Suppressions.apply(outcome.findings, yaml: document.source, file: relative,
                                              activeRules: Set(rules.map(\.rule.id)))
        return outcome
    }

    struct ReadProblem: Error { var outcome: FileOutcome }

    /// Whether `bytes` are valid UTF-8, without making a String of them.
    static func isUTF8(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buf in
            // ASCII runs are the common case; the decoder checks the rest.
            var i = 0
            while i < buf.count, buf[i] < 0x80 { i += 1 }
            if i == buf.count { return true }
            let failed = transcode(UnsafeBufferPointer(rebasing: buf[i...]).makeIterator(), from: UTF8.self, to: UTF32.self,
                                   stoppingOnError: true, into: { _ in })
            return !failed
        }
    }

    /// The file's bytes, read straight into one array (`Data` then `[UInt8]` would hold two copies).
    static func readBytes(_ url: URL) throws -> [UInt8] {
        guard let handle = fopen(url.path, "rb") else { return [UInt8](try Data(contentsOf: url)) }
        defer { fclose(handle) }
        var bytes: [UInt8] = []
        if let size = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? Int, size > 0 {
            bytes.reserveCapacity(size + 1)
        }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, handle) }
            if n > 0 { bytes.append(contentsOf: chunk[0..<n]) }
            if n < chunk.count {
                if ferror(handle) != 0 { return [UInt8](try Data(contentsOf: url)) }
                return bytes
            }
        }
    }

    /// Reads a file unless it is larger than the size limit (then a finding says so).
    func readLimited(_ file: DiscoveredFile) -> Result<[UInt8], ReadProblem> {
        let limit = configuration.limits.maxFileSize
        let relative = file.relative
        if let archive = file.archive, let entry = file.entry {
            let tooLarge = { (size: String) in
                ReadProblem(outcome: self.systemFinding(SystemRules.fileNotFullyChecked, relative,
                    ["reason": "the file is \(size), larger than the limit of \(Self.sizeText(limit)) (max-file-size); not checked"]))
            }
            if let size = archive.size(of: entry), size > UInt64(limit) { return .failure(tooLarge(Self.sizeText(Int(clamping: size)))) }
            do {
                return .success(try archive.read(entry, limit: limit))
            } catch {
                if error.tooLarge { return .failure(tooLarge("more than its header says")) }
                return .failure(ReadProblem(outcome: systemFinding(SystemRules.fileUnreadable, relative, ["reason": error.description])))
            }
        }
        let url = file.url
        if let size = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? Int, size > limit {
            return .failure(ReadProblem(outcome: systemFinding(SystemRules.fileNotFullyChecked, relative,
                ["reason": "the file is \(Self.sizeText(size)), larger than the limit of \(Self.sizeText(limit)) (max-file-size); not checked"])))
        }
        do {
            let bytes = try Self.readBytes(url)
            if bytes.count > limit {
                return .failure(ReadProblem(outcome: systemFinding(SystemRules.fileNotFullyChecked, relative,
                    ["reason": "the file is \(Self.sizeText(bytes.count)), larger than the limit of \(Self.sizeText(limit)) (max-file-size); not checked"])))
            }
            return .success(bytes)
        } catch {
            return .failure(ReadProblem(outcome: systemFinding(SystemRules.fileUnreadable, relative, ["reason": (error as NSError).localizedDescription])))
        }
    }

    static func sizeText(_ n: Int) -> String {
        if n >= 1 << 20 { return String(format: "%.1f MB", Double(n) / Double(1 << 20)) }
        if n >= 1 << 10 { return String(format: "%.1f KB", Double(n) / Double(1 << 10)) }
        return "\(n) bytes"
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
        // An unclosed comment: the last `<!--` starts after the last `-->`. Both end in a `-`, found by memchr.
        return bytes.withUnsafeBufferPointer { b -> Int? in
            guard let base = b.baseAddress else { return nil }
            var lastOpen = -1, lastClose = -1
            var k = 0
            while k < end, let hit = memchr(base + k, 0x2D, end - k) {
                k = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if k >= 1, k + 1 < end, b[k - 1] == 0x2D, b[k + 1] == 0x3E { lastClose = k - 1 }
                if k >= 3, b[k - 3] == 0x3C, b[k - 2] == 0x21, b[k - 1] == 0x2D { lastOpen = k - 3 }
                k += 1
            }
            return lastOpen > lastClose ? lastOpen : nil
        }
    }
}
