import ArgumentParser
import Foundation
import GovlintCore

/// The `govlint` command: parses arguments and hands off to the engine.
struct Govlint: ParsableCommand {
    static let version = GovlintVersion.current

    static let configuration = CommandConfiguration(
        commandName: "govlint",
        abstract: "Check government websites and project descriptors against published standards.",
        discussion: """
            Exit codes: 0 nothing at or above --fail-on; 1 findings at or above it; \
            2 usage, configuration, rule-pack or internal error.
            """,
        version: version,
        subcommands: [Check.self, Rules.self, Report.self, Baseline.self, Docs.self, Init.self],
        defaultSubcommand: Check.self)
}

@main
enum Main {
    static func main() {
        Signals.install()
        do {
            var command = try Govlint.parseAsRoot()
            try command.run()
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch let error as UsageFailure {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            Foundation.exit(2)
        } catch {
            let code = Govlint.exitCode(for: error)
            if code == .success {
                print(Govlint.fullMessage(for: error))
                Foundation.exit(0)
            }
            FileHandle.standardError.write(Data((Govlint.fullMessage(for: error) + "\n").utf8))
            Foundation.exit(2)
        }
    }
}

/// A usage, configuration or rule-pack error: printed as is, exit code 2.
struct UsageFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
