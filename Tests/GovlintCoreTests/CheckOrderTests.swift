import Foundation
import GovlintHTML
@testable import GovlintCore
import Testing

/// `any`/`all`/`none` evaluate cheap children first; the evaluation they report
/// must be exactly the one evaluation in written order reports.
@Suite struct CheckOrderTests {
    /// A check with a fixed verdict and cost that records how often it ran.
    struct Fixed: PageCheck {
        static let id = "fixed"
        static let summary = "test"
        let verdict: Verdict
        let name: String
        let cost: CheckCost
        let counter: Counter
        init(options: inout CheckOptions) throws(LocatedError) { fatalError("not loaded from YAML") }
        init(_ verdict: Verdict, _ name: String, _ cost: CheckCost, _ counter: Counter) {
            self.verdict = verdict
            self.name = name
            self.cost = cost
            self.counter = counter
        }
        func evaluate(_ element: HTMLElement, in page: PageContext) -> CheckResult {
            counter.count += 1
            return CheckResult(verdict, data: ["who": name])
        }
    }

    final class Counter: @unchecked Sendable { var count = 0 }

    /// The semantics as written: children in order, first decider wins.
    static func reference(_ tree: CheckTree, _ element: HTMLElement, _ page: PageContext) -> PageRunner.Evaluation {
        switch tree {
        case let .page(i):
            let r = i.check.evaluate(element, in: page)
            return .init(verdict: r.verdict, locations: r.locations, data: r.data, message: i.message)
        case let .all(children):
            var undecided: PageRunner.Evaluation?
            for c in children {
                let e = reference(c, element, page)
                if e.verdict == .doesNotHold { return e }
                if e.verdict == .cantTell, undecided == nil { undecided = e }
            }
            return undecided ?? .init(verdict: .holds, locations: [], data: [:], message: nil)
        case let .any(children):
            var failure: PageRunner.Evaluation?, undecided: PageRunner.Evaluation?
            for c in children {
                let e = reference(c, element, page)
                if e.verdict == .holds { return e }
                if e.verdict == .cantTell, undecided == nil { undecided = e }
                if e.verdict == .doesNotHold, failure == nil { failure = e }
            }
            return undecided ?? failure ?? .init(verdict: .doesNotHold, locations: [], data: [:], message: nil)
        case let .none(children):
            var undecided: PageRunner.Evaluation?
            for c in children {
                let e = reference(c, element, page)
                if e.verdict == .holds { return .init(verdict: .doesNotHold, locations: e.locations, data: e.data, message: e.message) }
                if e.verdict == .cantTell, undecided == nil { undecided = e }
            }
            return undecided ?? .init(verdict: .holds, locations: [], data: [:], message: nil)
        default:
            return .init(verdict: .holds, locations: [], data: [:], message: nil)
        }
    }

    static let verdicts: [Verdict] = [.holds, .doesNotHold, .cantTell]
    static let costs: [CheckCost] = [.expensive, .cheap, .normal]

    /// Every combinator over three leaves, with every verdict triple and the costs rotated,
    /// plus the same leaves nested one level down (under `none`, holding details matter).
    static func trees(_ counter: Counter) -> [(String, CheckTree)] {
        var out: [(String, CheckTree)] = []
        for a in verdicts { for b in verdicts { for c in verdicts { for rotation in 0..<3 {
            let leaves = [a, b, c].enumerated().map { i, v in
                CheckTree.page(PageCheckInvocation(id: "fixed", check: Fixed(v, "leaf\(i)", costs[(i + rotation) % 3], counter),
                                                   message: nil))
            }
            let label = "\(a)-\(b)-\(c)-r\(rotation)"
            out.append(("all \(label)", .all(leaves)))
            out.append(("any \(label)", .any(leaves)))
            out.append(("none \(label)", .none(leaves)))
            out.append(("none(any) \(label)", .none([.any(leaves), leaves[0]])))
            out.append(("all(none, any) \(label)", .all([.none(Array(leaves.prefix(2))), .any(Array(leaves.suffix(2)))])))
            out.append(("any(all, none) \(label)", .any([.all(leaves), .none([leaves[2]])])))
        }}}}
        return out
    }

    @Test func cheapFirstReportsWhatWrittenOrderReports() throws {
        let page = PageContext(document: HTMLParser.parse("<p>x</p>"), file: "a.html", site: SiteInfo())
        let element = try #require(page.document.root)
        let counter = Counter()
        var cases = 0
        for (label, tree) in Self.trees(counter) {
            let expected = Self.reference(tree, element, page)
            let actual = PageRunner.evaluate(tree, element, page)
            #expect(actual.verdict == expected.verdict, "\(label)")
            if actual.verdict != .holds {
                #expect(actual.data == expected.data, "\(label)")
            }
            cases += 1
        }
        #expect(cases == 27 * 3 * 6)
    }

    @Test func aCheapGuardSpares() {
        let page = PageContext(document: HTMLParser.parse("<p>x</p>"), file: "a.html", site: SiteInfo())
        let expensive = Counter(), cheap = Counter()
        // The shape of the statement rules: any: [scan of the body, page-type/title guard].
        let tree = CheckTree.any([
            .page(PageCheckInvocation(id: "fixed", check: Fixed(.doesNotHold, "scan", .expensive, expensive), message: nil)),
            .page(PageCheckInvocation(id: "fixed", check: Fixed(.holds, "guard", .cheap, cheap), message: nil)),
        ])
        #expect(PageRunner.evaluate(tree, page.document.root!, page).verdict == .holds)
        #expect(cheap.count == 1)
        #expect(expensive.count == 0)
    }
}

/// The page-level shortcut of negated `text-matches` must give the verdict the element-level test gives.
@Suite struct TextMatchesShortcutTests {
    static func check(_ pattern: String, ignoreCase: Bool = false) throws -> TextMatchesCheck {
        try makeCheck(TextMatchesCheck.self, "{ pattern: '\(pattern)', negate: true, ignoreCase: \(ignoreCase) }")
    }

    @Test(arguments: [
        ("<p>价格 {10}</p><li>来源：[!--befrom--]</li>", #"\{\$[^}]*\}|\[!--.*?--\]"#, false),
        ("<p>no placeholder here</p><td>plain</td>", #"\{\$[^}]*\}|\[!--.*?--\]"#, false),
        ("<p>{<b>$</b>title}</p>", #"\{\$[^}]*\}"#, false),
        ("<p>Accessibility\n  Statement</p>", "accessibility statement", true),
        ("<p>ACCESSIBILITY statement</p><p>other</p>", "accessibility statement", true),
        ("<p>&#123;$x}</p>", #"\{\$[^}]*\}"#, false),
    ])
    func shortcutAgreesWithElementTexts(_ html: String, _ pattern: String, _ ignoreCase: Bool) throws {
        let page = PageContext(document: HTMLParser.parse(html), file: "a.html", site: SiteInfo())
        let check = try Self.check(pattern, ignoreCase: ignoreCase)
        for element in page.document.elements {
            let full = check.evaluate(element, in: page, holdData: true).verdict
            let quick = check.evaluate(element, in: page, holdData: false).verdict
            #expect(full == quick, "\(element.name) in \(html)")
        }
    }
}
