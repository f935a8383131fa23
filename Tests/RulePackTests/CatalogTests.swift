import Foundation
import GovlintCore
import GovlintRules
import GovlintTestSupport
import Testing

/// Meta-checks over the whole catalogue.
@Suite struct CatalogTests {
    @Test func packsLoadWithoutErrors() throws {
        let catalog = try SourcePacks.catalog()
        #expect(!catalog.rules.isEmpty)
    }

    @Test(arguments: try SourcePacks.catalog().rules.map(\.id))
    func ruleHasTwoPassAndTwoFailExamples(_ id: String) throws {
        let rule = try #require(try SourcePacks.catalog().rule(id))
        #expect(rule.examples.filter { $0.kind == .pass }.count >= 2, "\(id) needs at least two pass examples")
        if rule.reviewOnFail {
            // Such a rule cannot fail: what would fail is shown as review examples instead.
            #expect(rule.examples.filter { $0.kind == .review }.count >= 2, "\(id) (review-on-fail) needs at least two review examples")
            #expect(!rule.examples.contains { $0.kind == .fail }, "\(id) is review-on-fail: its fail examples belong in 'review'")
        } else {
            #expect(rule.examples.filter { $0.kind == .fail }.count >= 2, "\(id) needs at least two fail examples")
        }
    }

    @Test(arguments: try SourcePacks.catalog().rules.map(\.id))
    func ruleIsBilingualAndReferenced(_ id: String) throws {
        let rule = try #require(try SourcePacks.catalog().rule(id))
        #expect(!rule.title.zhCN.isEmpty && !rule.message.zhCN.isEmpty)
        #expect(!rule.references.isEmpty, "\(id) must name the standard clause it implements")
    }

    @Test func everyProfileSelectsRules() throws {
        let catalog = try SourcePacks.catalog()
        for id in catalog.profiles.keys {
            #expect(!(catalog.ruleIDs(forProfile: id) ?? []).isEmpty, "profile \(id) selects no rule")
        }
    }

    @Test func embeddedPacksEqualTheSourceTree() throws {
        // The binary carries Rules/ embedded at build time; it must be the same text.
        let source = Dictionary(uniqueKeysWithValues: try SourcePacks.files().map { ($0.relativePath, $0.contents) })
        let embedded = Dictionary(uniqueKeysWithValues: GovlintRules.files.map { ($0.path, $0.contents) })
        #expect(Set(source.keys) == Set(embedded.keys))
        for (path, text) in source {
            #expect(embedded[path] == text.replacingOccurrences(of: "\r\n", with: "\n"), "\(path) differs from its embedded copy")
        }
    }
}
