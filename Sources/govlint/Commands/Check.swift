import ArgumentParser
import Foundation
import GovlintCore
import GovlintReporters

extension Govlint {
    /// `govlint check PATH...`
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check site exports (folders of HTML) and project descriptors.")

        @Argument(help: "Folders and files to check (default: the current folder).")
        var paths: [String] = []

        @Option(name: .long, help: "Profile selecting the rules (repeatable), e.g. wcag22-aa, starter.")
        var profile: [String] = []

        @Option(name: .long, help: "Configuration file (default: .govlint.yml found upward from the current folder).")
        var config: String?

        @Option(name: .long, help: ArgumentHelp("Output format, optionally with a file: \(ReporterRegistry.ids.joined(separator: ", ")), or FORMAT=PATH (repeatable).", valueName: "format"))
        var format: [String] = []

        @Option(name: .shortAndLong, help: "Write the (single) output to this file instead of standard output.")
        var output: String?

        @Option(name: .customLong("fail-on"), help: "Lowest severity that makes the exit code 1: error, warning, info or never.")
        var failOn: String?

        @Option(name: .customLong("rules-dir"), help: "Folder of additional rule packs (repeatable).")
        var rulesDir: [String] = []

        @Option(name: .long, help: "Spectral ruleset (YAML) to run on the descriptors; without --profile only its rules run.")
        var ruleset: String?

        @Option(name: .long, help: "Parallel jobs (default: number of cores).")
        var jobs: Int?

        @Option(name: .long, help: "The date rules treat as today (YYYY-MM-DD).")
        var now: String?

        @Option(name: .long, help: "Language of messages: en or zh-CN.")
        var lang: String = "en"

        @Flag(name: .customLong("no-color"), help: "Never colour the text output.")
        var noColor = false

        @Flag(name: .long, help: "After the run, print the time each rule took (summed over files and jobs) to standard error.")
        var timings = false

        @Flag(name: .customLong("parse-only"), help: .hidden)
        var parseOnly = false

        @Option(name: .long, help: "Check one share of the files, I/N (1-based), and write a part file for 'govlint report merge' to --output.")
        var shard: String?

        @Flag(name: .customLong("no-cache"), help: "Do not read or write the result cache.")
        var noCache = false

        @Option(name: .customLong("cache-dir"), help: "Result cache folder (default: $XDG_CACHE_HOME/govlint or ~/.cache/govlint).")
        var cacheDir: String?

        @Option(name: .long, help: "Baseline file from 'govlint baseline create': report only findings it does not know.")
        var baseline: String?

        @Option(name: .long, help: "Progress line on standard error: auto (on a terminal, not in CI), always or never.")
        var progress: String = "auto"

        typealias Output = (format: any Reporter.Type, path: String?)

        @Option(name: .customLong("max-file-size"), help: "Largest file checked, e.g. 50MB (default: 50MB, or limits.max-file-size).")
        var maxFileSize: String?

        @Option(name: .customLong("max-depth"), help: "Deepest element nesting checked (default: 10000, or limits.max-depth).")
        var maxDepth: Int?

        @Option(name: .customLong("file-timeout"), help: "Seconds all rules may spend on one file; 0: no limit (default: 60).")
        var fileTimeout: Double?

        @Option(name: .customLong("rule-timeout"), help: "Seconds one rule may spend on one file; 0: no limit (default: 10).")
        var ruleTimeout: Double?

        @Option(name: .customLong("site-timeout"), help: "Seconds the site rules may spend on the whole export; 0: no limit (default: 120).")
        var siteTimeout: Double?

        @Option(name: .customLong("max-archive-entries"), help: "Entries read from a .zip export (default: 100000, or limits.max-archive-entries).")
        var maxArchiveEntries: Int?

        @Option(name: .customLong("max-archive-size"), help: "Size a .zip export may expand to, e.g. 2GB (default: 2GB, or limits.max-archive-size).")
        var maxArchiveSize: String?

        @Option(name: .customLong("max-compression-ratio"), help: "Largest uncompressed/compressed ratio of a .zip entry (default: 200).")
        var maxCompressionRatio: Int?

        /// Command-line limits win over the configuration's `limits:`.
        func applyLimits(to configuration: inout Configuration) throws {
            if let maxFileSize {
                guard let n = Limits.parseSize(maxFileSize) else { throw UsageFailure("--max-file-size must be a size such as 50MB or 1048576") }
                configuration.limits.maxFileSize = n
            }
            if let maxDepth {
                guard maxDepth >= 1 else { throw UsageFailure("--max-depth must be at least 1") }
                configuration.limits.maxDepth = maxDepth
            }
            for (name, value) in [("--file-timeout", fileTimeout), ("--rule-timeout", ruleTimeout), ("--site-timeout", siteTimeout)] {
                guard let value else { continue }
                guard value >= 0, value.isFinite else { throw UsageFailure("\(name) must be a number of seconds (0: no limit)") }
                switch name {
                case "--file-timeout": configuration.limits.fileTimeout = value == 0 ? nil : value
                case "--rule-timeout": configuration.limits.ruleTimeout = value == 0 ? nil : value
                default: configuration.limits.siteTimeout = value == 0 ? nil : value
                }
            }
            if let maxArchiveSize {
                guard let n = Limits.parseSize(maxArchiveSize) else { throw UsageFailure("--max-archive-size must be a size such as 2GB or 1048576") }
                configuration.limits.maxArchiveSize = n
            }
            for (name, value) in [("--max-archive-entries", maxArchiveEntries), ("--max-compression-ratio", maxCompressionRatio)] {
                guard let value else { continue }
                guard value >= 1 else { throw UsageFailure("\(name) must be at least 1") }
                if name == "--max-archive-entries" { configuration.limits.maxArchiveEntries = value }
                else { configuration.limits.maxCompressionRatio = value }
            }
        }

        func run() throws {
            guard let (result, configuration, catalog, outputs) = try lint() else { return }
            guard let language = Language(rawValue: lang) else { throw UsageFailure("--lang must be en or zh-CN") }
            for o in outputs {
                let colour = o.path == nil && !noColor && isatty(STDOUT_FILENO) == 1
                    && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
                let context = ReportContext(result: result, catalog: catalog, toolVersion: Govlint.version,
                                            language: language, colour: colour)
                try o.format.write(context, to: o.path)
            }
            let threshold = failOn.flatMap { Severity(rawValue: $0) }
            let effective = failOn == "never" ? nil : (threshold ?? configuration.failOn ?? .error)
            if let effective, result.count(atLeast: effective) > 0 { throw ExitCode(1) }
        }

        /// Validates the arguments, runs the engine and applies the baseline;
        /// nil when a shard part was written instead.
        func lint(reports: Bool = true) throws -> (RunResult, Configuration, Catalog, [Output])? {
            guard Language(rawValue: lang) != nil else { throw UsageFailure("--lang must be en or zh-CN") }
            if let s = failOn, s != "never", Severity(rawValue: s) == nil {
                throw UsageFailure("--fail-on must be error, warning, info or never")
            }
            guard let progressMode = ProgressLine.Mode(rawValue: progress) else {
                throw UsageFailure("--progress must be auto, always or never")
            }
            if let jobs, jobs < 1 { throw UsageFailure("--jobs must be at least 1") }
            var nowDate: Date?
            if let now {
                guard let d = ConfigurationLoader.parseDate(now) else { throw UsageFailure("--now must be a date (YYYY-MM-DD)") }
                nowDate = d
            }
            let inputs = paths.isEmpty ? ["."] : paths
            var shardSpec: Shard?
            if let shard {
                guard let s = Shard(shard) else { throw UsageFailure("--shard must be I/N with 1 ≤ I ≤ N") }
                guard baseline == nil else {
                    throw UsageFailure("--baseline does not apply to a shard part; pass it to 'govlint report merge'")
                }
                guard output != nil, format.isEmpty else {
                    throw UsageFailure("--shard writes a part file: give --output FILE (and no --format); merge parts with 'govlint report merge'")
                }
                shardSpec = s
            }

            // Outputs are validated before any work is done.
            var outputs: [Output] = []
            for spec in (format.isEmpty ? (reports ? ["text"] : []) : format) {
                let parts = spec.split(separator: "=", maxSplits: 1).map(String.init)
                guard let reporter = ReporterRegistry.reporter(parts[0]) else {
                    throw UsageFailure("unknown format '\(parts[0])' (known: \(ReporterRegistry.ids.joined(separator: ", ")))")
                }
                outputs.append((reporter, parts.count == 2 ? parts[1] : nil))
            }
            if let output, reports {
                guard outputs.count == 1, outputs[0].path == nil else {
                    throw UsageFailure("--output takes one format; use --format FORMAT=PATH for several")
                }
                outputs[0].path = output
            }
            for o in outputs { if let p = o.path { try OutputWriter.validate(p, checkedPaths: inputs) } }
            if let cacheDir { try OutputWriter.validateCache(cacheDir, checkedPaths: inputs) }
            var known: GovlintCore.Baseline?
            if let baseline {
                do { known = try GovlintCore.Baseline.load(baseline) } catch { throw UsageFailure(error.description) }
            }

            let configURL = config.map { URL(fileURLWithPath: $0) }
                ?? ConfigurationLoader.find(from: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
            // The parse-only pass (the benchmarks' baseline) reads, decodes and parses, nothing else: the packs are
            // loaded only when a configuration, ruleset or profile needs them checked.
            let packsNeeded = !parseOnly || configURL != nil || ruleset != nil || !profile.isEmpty || !rulesDir.isEmpty
            var catalog = packsNeeded ? try CatalogLoading.load(rulesDirectories: rulesDir) : try Catalog(packs: [])
            var profile = self.profile
            if let ruleset {
                let loaded: SpectralRuleset
                do { loaded = try SpectralRuleset.load(file: URL(fileURLWithPath: ruleset)) } catch {
                    throw UsageFailure(error.description)
                }
                let stderr = FileHandle.standardError
                for u in loaded.unsupported {
                    stderr.write(Data("govlint: \(ruleset): rule \(u.rule) is not supported: \(u.reason)\n".utf8))
                }
                for note in loaded.notes { stderr.write(Data("govlint: \(note)\n".utf8)) }
                do { catalog = try Catalog(packs: catalog.packs + [loaded.pack(file: ruleset)], dataFiles: catalog.dataFiles) } catch {
                    throw UsageFailure(error.description)
                }
                if profile.isEmpty { profile = [SpectralRuleset.pack] }
            }
            var configuration = Configuration()
            if let configURL {
                do { configuration = try ConfigurationLoader.load(configURL, catalog: catalog) } catch {
                    throw UsageFailure(error.description)
                }
            }
            try applyLimits(to: &configuration)
            for p in profile where catalog.profiles[p] == nil {
                throw UsageFailure("unknown profile '\(p)' (known: \(catalog.profiles.keys.sorted().joined(separator: ", ")))")
            }
            for p in inputs where !FileManager.default.fileExists(atPath: p) {
                throw UsageFailure("\(p): no such file or directory")
            }

            let linter = Linter(catalog: catalog, configuration: configuration)
            var options = RunOptions(profiles: profile, now: nowDate, parseOnly: parseOnly)
            if let jobs { options.jobs = jobs }
            options.shard = shardSpec
            // Warnings (a corrupt cache entry, no findings spool) reach stderr with or without the cache.
            options.warn = { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }
            if !noCache && !parseOnly {
                options.cache = cacheDir.map { URL(fileURLWithPath: $0) } ?? ResultCache.defaultDirectory
                options.buildIdentity = BuildIdentity.current
            }
            let progressLine = ProgressLine.enabled(progressMode) ? ProgressLine() : nil
            if let progressLine { options.progress = { progressLine.update(done: $0, total: $1) } }
            let times = timings ? RuleTimes() : nil
            options.times = times
            defer {
                if let times {
                    FileHandle.standardError.write(Data(("Time per rule (CPU time summed over files and jobs; cached files not counted):\n"
                                                         + times.table()).utf8))
                }
            }
            let part = linter.collect(paths: inputs.map { URL(fileURLWithPath: $0) }, options: options)
            progressLine?.finish()
            if shardSpec != nil, let output {
                try OutputWriter.write(to: output) { out in try part.writeJSON(bytes: { out.write(bytes: $0) }) }
                return nil
            }
            var result = try linter.finish([consume part], times: times)
            if let known { result = known.apply(to: result) }
            return (result, configuration, catalog, outputs)
        }
    }
}
