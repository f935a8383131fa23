import ArgumentParser
import Foundation
import GovlintCore
import GovlintReporters

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
            // The same page `govlint docs` writes, so terminal and docs never disagree.
            let profiles = RuleDocs.profilesByRule(catalog)[rule.id] ?? []
            print(RuleDocs.page(rule, profiles: profiles), terminator: "")
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
