import Foundation
import GovlintCore
import GovlintRules

/// Loads the built-in packs plus `--rules-dir` packs, turning errors into exit 2.
enum CatalogLoading {
    static var builtinFiles: [PackFile] {
        GovlintRules.files.map { PackFile(displayPath: "Rules/\($0.path)", relativePath: $0.path, contents: $0.contents) }
    }

    static func load(rulesDirectories: [String]) throws -> Catalog {
        do {
            return try Catalog.load(builtin: builtinFiles,
                                    rulesDirectories: rulesDirectories.map { URL(fileURLWithPath: $0) })
        } catch {
            throw UsageFailure(error.description)
        }
    }
}
