import ArgumentParser
import Foundation
import GovlintCore
import GovlintReporters

extension Govlint {
    /// `govlint docs --output DIR`
    struct Docs: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write one Markdown page per rule, an index per pack and the profiles' rule lists.",
            discussion: """
                Pages go to DIR/<pack>/<rule-id>.md, indexes to DIR/<pack>/README.md and DIR/README.md. \
                When DIR already holds generated docs, pages of rules that no longer exist are removed.
                """)

        @Option(name: .shortAndLong, help: "Folder to write into (created if missing).") var output: String
        @Option(name: .customLong("rules-dir"), help: "Folder of additional rule packs (repeatable).") var rulesDir: [String] = []

        func run() throws {
            let catalog = try CatalogLoading.load(rulesDirectories: rulesDir)
            let fm = FileManager.default
            let root = URL(fileURLWithPath: output)
            let pages = RuleDocs.pages(catalog)
            let generated = Set(pages.map(\.path))
            // Prune only a folder this command generated before (its README carries the marker).
            if let readme = try? String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8),
               readme.hasPrefix(RuleDocs.marker),
               let walker = fm.enumerator(at: root, includingPropertiesForKeys: nil) {
                let base = root.standardizedFileURL.path + "/"
                for case let url as URL in walker where url.pathExtension == "md" {
                    let relative = String(url.standardizedFileURL.path.dropFirst(base.count))
                    if !generated.contains(relative) { try? fm.removeItem(at: url) }
                }
            }
            do {
                for page in pages {
                    let url = root.appendingPathComponent(page.path)
                    try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                    if (try? String(contentsOf: url, encoding: .utf8)) != page.content {
                        try Data(page.content.utf8).write(to: url)
                    }
                }
            } catch {
                throw UsageFailure("\(output): cannot write the docs (\(error.localizedDescription))")
            }
            FileHandle.standardError.write(Data("govlint: wrote \(pages.count) pages to \(output)\n".utf8))
        }
    }
}
