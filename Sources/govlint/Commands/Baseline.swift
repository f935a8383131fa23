import ArgumentParser
import Foundation
import GovlintCore

extension Govlint {
    /// `govlint baseline create PATH... --output FILE`
    struct Baseline: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record today's findings so that 'check --baseline' reports only new ones.",
            subcommands: [Create.self])
    }
}

extension Govlint.Baseline {
    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check the paths and write every finding to a versioned baseline file.")

        @Argument(help: "Folders and files to check (default: the current folder).") var paths: [String] = []
        @Option(name: .long, help: "Profile selecting the rules (repeatable).") var profile: [String] = []
        @Option(name: .long, help: "Configuration file (default: .govlint.yml found upward).") var config: String?
        @Option(name: .customLong("rules-dir"), help: "Folder of additional rule packs (repeatable).") var rulesDir: [String] = []
        @Option(name: .long, help: "Spectral ruleset (YAML) to run on the descriptors.") var ruleset: String?
        @Option(name: .long, help: "The date rules treat as today (YYYY-MM-DD).") var now: String?
        @Option(name: .shortAndLong, help: "The baseline file to write.") var output: String

        func run() throws {
            var args = paths
            for p in profile { args += ["--profile", p] }
            if let config { args += ["--config", config] }
            for d in rulesDir { args += ["--rules-dir", d] }
            if let ruleset { args += ["--ruleset", ruleset] }
            if let now { args += ["--now", now] }
            try OutputWriter.validate(output, checkedPaths: paths.isEmpty ? ["."] : paths)
            let check = try Govlint.Check.parse(args)
            guard let (result, _, _, _) = try check.lint(reports: false) else { return }
            let baseline = GovlintCore.Baseline(findings: result.stream, toolVersion: Govlint.version)
            try OutputWriter.write(try baseline.encoded(), to: output)
            FileHandle.standardError.write(Data("govlint: wrote \(result.stream.counts.total) findings (\(baseline.entries.count) entries) to \(output)\n".utf8))
        }
    }
}
