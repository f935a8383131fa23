import Foundation
import GovlintHTML
@testable import GovlintCore
import GovlintTestSupport
import Testing

/// A check that says it holds on every target of a page (``PageCheck/holdsOnEveryTarget(in:)``), or on every
/// target but some candidates (``PageCheck/candidates(among:in:)``), must hold on each of them when asked one
/// by one: checked on every page of every rule example, and on pages made to sit at the edges of the
/// shortcuts (placeholders split by tags, multi-line attribute values, aria-* names outside the atom table).
struct WholePageShortcutTests {
    static let extraPages = [
        "<html><head><meta name=description content=\"第一行\n第二行\"><title>x</title></head><body><p>a</p></body></html>",
        "<html><head><meta name=keywords content=\"{$site_name}\"></head><body><p>ok</p></body></html>",
        "<html><body><p>{<b>$</b>name}</p><li>${x}</li><td><% code %></td><p>[!--field--]</p></body></html>",
        "<html><body><p>&lt;CMSPRO_TITLE&gt;</p><p>{$</p><p>}</p></body></html>",
        "<html><body><p>plain text only</p><ul><li>one</li></ul><table><tr><td>1</td></tr></table></body></html>",
        "<html><body><div aria-foo=x>a</div><span aria-label=\"\">b</span><svg aria-hidden=true></svg><p ARIA-busy=maybe>c</p></body></html>",
    ]

    static func pages() throws -> [(String, String)] {
        var out: [(String, String)] = []
        for c in try ExampleRunner.allCases() where c.rule.target == .page {
            for f in c.example.files where f.path.hasSuffix(".html") || f.path.hasSuffix(".htm") {
                out.append(("\(c)", ExampleRunner.stripMarkers(f.code).0))
            }
        }
        return out + extraPages.enumerated().map { ("extra-\($0.offset)", $0.element) }
    }

    @Test func aPageWideYesHoldsOnEveryTarget() throws {
        let catalog = try SourcePacks.catalog()
        let rules = catalog.rules.filter { $0.target == .page }
        var decided = 0
        for (name, html) in try Self.pages() {
            let document = HTMLParser.parse(html)
            for rule in rules {
                let page = PageContext(document: document, file: "index.html", site: SiteInfo(files: ["index.html"]))
                let targets = PageRunner.targets(rule.selector, excludeHidden: rule.excludeHidden, in: page)
                if case let .page(invocation) = rule.check, let candidates = invocation.check.candidates(among: targets, in: page) {
                    decided += 1
                    #expect(Set(candidates).isSubset(of: Set(targets)), "\(rule.id) on \(name): candidates outside the targets")
                    for t in targets where !candidates.contains(t) {
                        let r = invocation.check.evaluate(HTMLElement(document: document, index: Int(t)), in: page, holdData: false)
                        #expect(r.verdict == .holds, "\(rule.id) on \(name): target \(t), left out, does not hold")
                    }
                }
                for invocation in Self.leaves(rule.check) where invocation.check.holdsOnEveryTarget(in: page) {
                    decided += 1
                    for t in targets {
                        let r = invocation.check.evaluate(HTMLElement(document: document, index: Int(t)), in: page, holdData: false)
                        #expect(r.verdict == .holds, "\(rule.id) on \(name): target \(t) does not hold")
                    }
                }
            }
        }
        #expect(decided > 0)
    }

    static func leaves(_ tree: CheckTree) -> [PageCheckInvocation] {
        switch tree {
        case let .page(i): [i]
        case let .all(c), let .any(c), let .none(c): c.flatMap(leaves)
        case .site, .descriptor: []
        }
    }
}
