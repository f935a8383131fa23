import ArgumentParser
import Foundation
import GovlintCore

extension Govlint {
    /// `govlint rules list|show|checks`
    struct Rules: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List and explain the rules, profiles and checks.",
            subcommands: [List.self, Show.self, Checks.self, Profiles.self],
            defaultSubcommand: List.self)
    }
}

struct RulesOptions: ParsableArguments {
    @Option(name: .customLong("rules-dir"), help: "Folder of additional rule packs (repeatable).")
    var rulesDir: [String] = []
}

extension Govlint.Rules {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List rules (optionally those of a profile).")
        @OptionGroup var common: RulesOptions
        @Option(name: .long, help: "Only the rules of this profile.") var profile: String?

        func run() throws {
            let catalog = try CatalogLoading.load(rulesDirectories: common.rulesDir)
            var rules = catalog.rules
            if let profile {
                guard let ids = catalog.ruleIDs(forProfile: profile) else {
                    throw UsageFailure("unknown profile '\(profile)' (known: \(catalog.profiles.keys.sorted().joined(separator: ", ")))")
                }
                rules = rules.filter { ids.contains($0.id) }
            }
            let width = rules.map(\.id.count).max() ?? 10
            for rule in rules {
                let refs = rule.references.map(\.label).joined(separator: "; ")
                let id = rule.id.padding(toLength: width, withPad: " ", startingAt: 0)
                let sev = rule.severity.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0)
                let target = rule.target.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0)
                print("\(id)  \(sev)  \(target)  \(rule.title.en)\(refs.isEmpty ? "" : "  [\(refs)]")")
            }
            print("\(rules.count) rules in \(catalog.packs.count) packs")
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Explain one rule: what, why, standards, examples.")
        @OptionGroup var common: RulesOptions
        @Argument(help: "Rule id.") var id: String

        func run() throws {
            let catalog = try CatalogLoading.load(rulesDirectories: common.rulesDir)
            guard let rule = catalog.rule(id) ?? SystemRules.all.first(where: { $0.id == id }) else {
                throw UsageFailure("unknown rule '\(id)'")
            }
            print(RuleText.render(rule))
        }
    }

    struct Checks: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the checks rule files can use.")
        func run() throws {
            for c in CheckRegistry.catalogue.sorted(by: { ($0.target.rawValue, $0.id) < ($1.target.rawValue, $1.id) }) {
                print("\(c.target.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0))  \(c.id.padding(toLength: 24, withPad: " ", startingAt: 0))  \(c.summary)")
            }
        }
    }

    struct Profiles: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the profiles.")
        @OptionGroup var common: RulesOptions
        func run() throws {
            let catalog = try CatalogLoading.load(rulesDirectories: common.rulesDir)
            for p in catalog.profiles.values.sorted(by: { $0.id < $1.id }) {
                print("\(p.id.padding(toLength: 20, withPad: " ", startingAt: 0))  \(catalog.ruleIDs(forProfile: p.id)?.count ?? 0) rules  \(p.title.en)")
            }
        }
    }
}

/// Plain-text rendering of a rule for the terminal.
enum RuleText {
    static func render(_ rule: Rule) -> String {
        var s = "\(rule.id) — \(rule.title.en) / \(rule.title.zhCN)\n"
        s += "pack: \(rule.pack)   severity: \(rule.severity.rawValue)   target: \(rule.target.rawValue)\n"
        if let summary = rule.summary { s += "\n\(summary.en)\n\(summary.zhCN)\n" }
        if let rationale = rule.rationale { s += "\n\(rationale.trimmingCharacters(in: .whitespacesAndNewlines))\n" }
        if !rule.references.isEmpty {
            s += "\nStandards:\n" + rule.references.map { "  - \($0.label)\($0.url.map { " <\($0)>" } ?? "")" }.joined(separator: "\n") + "\n"
        }
        if !rule.axe.isEmpty { s += "axe-core: \(rule.axe.joined(separator: ", "))\n" }
        if !rule.act.isEmpty { s += "W3C ACT: \(rule.act.joined(separator: ", "))\n" }
        if let sel = rule.selector { s += "selector: \(sel.text)\n" }
        s += "checks: \(rule.check.checkIDs.joined(separator: ", "))\n"
        s += "message: \(rule.message.en) / \(rule.message.zhCN)\n"
        for ex in rule.examples where ex.docs {
            s += "\n\(ex.kind == .pass ? "Passes" : "Fails")\(ex.name.map { ": \($0)" } ?? ""):\n"
            for f in ex.files {
                if ex.files.count > 1 { s += "  # \(f.path)\n" }
                s += f.code.replacingOccurrences(of: "↓", with: "").split(separator: "\n", omittingEmptySubsequences: false)
                    .map { "    \($0)" }.joined(separator: "\n") + "\n"
            }
        }
        return s
    }
}
