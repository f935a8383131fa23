import Foundation
import GovlintHTML
import Testing
@testable import GovlintCore

/// Checks whose work grows with the page stop at the running rule's deadline
/// (found on a 100 MB page: text-contains-all ran 90 s past a 10 s rule limit).
@Suite struct DeadlineCheckTests {
    @Test func textContainsAllStopsAtTheDeadline() throws {
        let check = try makeCheck(TextContainsAllCheck.self, "{ terms: [事项名称, 办理流程] }")
        let html = "<div id=t>事项名称</div>"
        #expect(evaluate(check, html).verdict == .doesNotHold)
        let late = RuleDeadline.with(seconds: -1) { evaluate(check, html) }
        #expect(late.verdict == .cantTell)
        #expect(RuleDeadline.with(seconds: 60) { evaluate(check, html) }.verdict == .doesNotHold)
    }
}
