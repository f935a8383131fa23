import ArgumentParser
import Foundation
import GovlintCore
import GovlintReporters

extension Govlint {
    /// `govlint report merge PART...`
    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Work with the parts of sharded runs.",
            subcommands: [Merge.self])
    }
}

extension Govlint.Report {
    struct Merge: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Join the parts written by 'check --shard I/N', run the site rules, and write any format.")

        @Argument(help: "Part files, one per shard.") var parts: [String]
        @Option(name: .long, help: "Output format, optionally FORMAT=PATH (repeatable).") var format: [String] = []
        @Option(name: .shortAndLong, help: "Write the single output to this file.") var output: String?
        @Option(name: .customLong("rules-dir"), help: "Folder of additional rule packs (as used for the parts).") var rulesDir: [String] = []
        @Option(name: .customLong("fail-on"), help: "error, warning, info or never.") var failOn: String = "error"
        @Option(name: .long, help: "Language of messages: en or zh-CN.") var lang: String = "en"
        @Option(name: .long, help: "Baseline file: report only findings it does not know.") var baseline: String?

        func run() throws {
            guard let language = Language(rawValue: lang) else { throw UsageFailure("--lang must be en or zh-CN") }
            var outputs: [(any Reporter.Type, String?)] = []
            for spec in (format.isEmpty ? ["text"] : format) {
                let p = spec.split(separator: "=", maxSplits: 1).map(String.init)
                guard let r = ReporterRegistry.reporter(p[0]) else { throw UsageFailure("unknown format '\(p[0])'") }
                outputs.append((r, p.count == 2 ? p[1] : nil))
            }
            if let output {
                guard outputs.count == 1 else { throw UsageFailure("--output takes one format") }
                outputs[0].1 = output
            }
            for o in outputs { if let p = o.1 { try OutputWriter.validate(p, checkedPaths: []) } }
            var known: GovlintCore.Baseline?
            if let baseline {
                do { known = try GovlintCore.Baseline.load(baseline) } catch { throw UsageFailure(error.description) }
            }
            let catalog = try CatalogLoading.load(rulesDirectories: rulesDir)
            // One file's outcome at a time: findings and facts go to a spool per part, not to memory.
            let loaded: [RunPart]
            do { loaded = try PartReader.readAll(paths: parts) } catch { throw UsageFailure(error.description) }
            var result: RunResult
            do { result = try Linter(catalog: catalog).finish(loaded) } catch {
                throw UsageFailure("cannot merge: \(error)")
            }
            if let known { result = known.apply(to: result) }
            for (reporter, path) in outputs {
                try reporter.write(ReportContext(result: result, catalog: catalog, toolVersion: Govlint.version, language: language), to: path)
            }
            if let sev = Severity(rawValue: failOn), result.count(atLeast: sev) > 0 { throw ExitCode(1) }
        }
    }
}
