import ArgumentParser
import Foundation
import GovlintCore

extension Govlint {
    /// `govlint init`
    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a commented .govlint.yml here, guessing the profile from the pages' language and labels.",
            discussion: "Never overwrites an existing configuration (exit code 2).")

        @Option(name: .long, help: "Use this profile instead of guessing.") var profile: String?
        @Option(name: .customLong("rules-dir"), help: "Folder of additional rule packs (repeatable).") var rulesDir: [String] = []

        func run() throws {
            let here = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
            for name in [ConfigurationLoader.fileName, ".govlint.yaml"] {
                let existing = here.appendingPathComponent(name)
                if FileManager.default.fileExists(atPath: existing.path) {
                    throw UsageFailure("\(name) already exists here; govlint init never overwrites it (edit it, or remove it first)")
                }
            }
            let catalog = try CatalogLoading.load(rulesDirectories: rulesDir)
            let survey = ProjectSurvey.survey(here)
            var (chosen, reason) = survey.guessProfile(available: Set(catalog.profiles.keys))
            if let profile {
                guard catalog.profiles[profile] != nil else {
                    throw UsageFailure("unknown profile '\(profile)' (known: \(catalog.profiles.keys.sorted().joined(separator: ", ")))")
                }
                (chosen, reason) = (profile, "chosen with --profile")
            }
            let text = Self.file(profile: chosen, reason: reason, survey: survey, catalog: catalog)
            let target = here.appendingPathComponent(ConfigurationLoader.fileName)
            // O_EXCL: never replace a file that appeared since the check above.
            let fd = open(target.path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
            guard fd >= 0 else {
                throw UsageFailure("\(ConfigurationLoader.fileName): cannot create (\(String(cString: strerror(errno))))")
            }
            let bytes = Array(text.utf8)
            let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            close(fd)
            guard written == bytes.count else { throw UsageFailure("\(ConfigurationLoader.fileName): write failed") }
            print("Wrote \(ConfigurationLoader.fileName) with profile \(chosen) (\(reason)). Run 'govlint check' next.")
        }

        static func file(profile: String, reason: String, survey: ProjectSurvey, catalog: Catalog) -> String {
            let others = catalog.profiles.keys.sorted().filter { $0 != profile }.joined(separator: ", ")
            var s = """
                # govlint configuration, written by 'govlint init'.
                # Reference: 'govlint --help', 'govlint rules profiles', 'govlint rules show RULE'.

                # The rules to run. Guessed: \(reason).
                # Other profiles: \(others).
                # Several profiles can be combined as a list: profile: [wcag22-aa, publiccode]
                profile: \(profile)

                # Lowest severity that makes 'govlint check' exit with 1: error, warning or info.
                fail-on: error

                # Which files to check (globs relative to the checked folder). By default every
                # page and known descriptor is checked.
                # include: ["**/*.html"]
                # exclude: ["drafts/**", "vendor/**"]

                # Switch single rules off or change their severity (off, on, error, warning, info).
                # rules:
                #   image-alt: warning
                #   unused-suppression: off

                # Different settings for some files.
                # overrides:
                #   - files: ["legacy/**"]
                #     rules:
                #       html-lang-valid: warning

                """
            if profile.hasPrefix("cn-gov") {
                s += "# Page types (home, column, article, service-guide, other, redirect) by glob, when the\n"
                s += "# classification from labels and structure gets some pages wrong; the first match wins.\n"
                s += "# page-types:\n#   \"*/**/index.html\": column\n#   \"*/t*_*.html\": article\n#   \"bsfw/bszn_*.html\": service-guide\n\n"
            }
            if !survey.descriptors.isEmpty {
                s += "# Descriptors found here: \(survey.descriptors.joined(separator: ", ")). Their packs' profiles\n"
                s += "# (for example publiccode, us-code-json, dcat-us) can be added to 'profile'.\n"
            }
            s += "\n# In pages, <!-- govlint-disable-next-line RULE -- reason --> suppresses one finding;\n"
            s += "# 'govlint baseline create' records today's findings so CI fails only on new ones.\n"
            return s
        }
    }
}
