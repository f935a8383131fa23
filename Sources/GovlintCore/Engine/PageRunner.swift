import Foundation
import Synchronization
import GovlintHTML

/// A rule as it runs: the rule plus the severity the configuration gave it.
public struct ActiveRule: Sendable {
    public var rule: Rule
    public var severity: Severity
    public init(rule: Rule, severity: Severity) {
        self.rule = rule
        self.severity = severity
    }
}

/// What checking one file produced.
public struct FileOutcome: Sendable, Codable {
    public var findings: [Finding] = []
    public var outcomes: [String: OutcomeCounts] = [:]
    /// Site facts by rule id.
    public var facts: [String: [SiteFact]] = [:]
    /// The outcome also depends on other files (Spectral `$ref`s to them): not reusable from
    /// the result cache, which keys on the file's own bytes. Not stored.
    public var dependsOnOtherFiles = false
    public init() {}

    enum CodingKeys: String, CodingKey { case findings, outcomes, facts }
}

/// Runs page and site-collection rules on one parsed page.
public enum PageRunner {
    public static func run(_ rules: [ActiveRule], on page: PageContext, limits: Limits? = nil,
                           times: RuleTimes? = nil) -> FileOutcome {
        var out = FileOutcome()
        out.outcomes = Dictionary(minimumCapacity: rules.count)
        var measured: [(name: String, nanoseconds: UInt64)] = []
        defer { if let times { times.add(measured) } }
        let plan = RulePlan.of(rules)
        var clock = times == nil ? 0 : RuleTimes.now()
        page.preselect(plan.selectors, distinct: true)
        if times != nil {
            let t = RuleTimes.now()
            measured.append((RuleTimes.selectorMatching, t - clock))
            clock = t
        }
        let fileStart = Date()
        defer { RuleDeadline.set(nil) }
        // Each rule is read from its step (a class of the few fields the loop needs): a field read through
        // the array of rules copied the whole rule, dozens of retains per rule and page.
        for (ruleIndex, step) in plan.steps.enumerated() {
            let ruleID = step.id
            defer {
                if times != nil {
                    let t = RuleTimes.now()
                    measured.append((ruleID, t - clock))
                    clock = t
                }
            }
            // Cooperative time limits: checked between rules and between targets.
            let ruleStart = Date()
            var budget = limits?.ruleTimeout
            if let fileLimit = limits?.fileTimeout {
                let left = fileLimit - ruleStart.timeIntervalSince(fileStart)
                if left <= 0 {
                    let skipped = plan.steps[ruleIndex...].map(\.id)
                    out.findings.append(notFullyChecked(page.file,
                        "time limit of \(seconds(fileLimit)) s per file reached; not run: \(skipped.joined(separator: ", "))"))
                    break
                }
                budget = min(budget ?? left, left)
            }
            RuleDeadline.set(budget.map { ruleStart.addingTimeInterval($0) })
            var stopped = false
            defer {
                if stopped {
                    out.findings.append(notFullyChecked(page.file,
                        "rule \(ruleID) stopped after \(seconds(Date().timeIntervalSince(ruleStart))) s"))
                }
            }
            let targets = self.targets(step.selector, excludeHidden: step.excludeHidden, in: page)
            var counts = OutcomeCounts()
            if targets.isEmpty {
                counts.inapplicable = 1
                out.outcomes[ruleID] = counts
                continue
            }
            let check = step.check
            let document = page.document
            if step.isSite {
                guard case let .site(invocation) = check else { continue }
                // Of a check that reads only distinct values, the engine keeps the values (see PageFold):
                // a position and snippet per link would be made to be dropped.
                let valuesOnly = type(of: invocation.check).distinctValuesOnly
                var facts: [SiteFact] = []
                for i in targets {
                    let target = HTMLElement(document: document, index: Int(i))
                    guard let value = invocation.check.collect(target, in: page) else { continue }
                    if valuesOnly {
                        facts.append(SiteFact(file: page.file, value: value, range: .fileStart, snippet: ""))
                        continue
                    }
                    let anchor = target.positionedAnchor ?? target
                    facts.append(SiteFact(file: page.file, value: value, range: target.sourceRange, snippet: snippet(anchor)))
                }
                if !facts.isEmpty { out.facts[ruleID, default: []] += facts }
                continue
            }
            let reviewOnFail = step.reviewOnFail
            // Counts a target's result and makes its findings.
            func record(_ result: Evaluation, _ target: HTMLElement) {
                switch result.verdict {
                case .holds:
                    counts.passed += 1
                case .doesNotHold, .cantTell:
                    let failed = result.verdict == .doesNotHold && !reviewOnFail
                    if failed { counts.failed += 1 } else { counts.cantTell += 1 }
                    let message = filledMessage(result.message ?? step.message, result.data, page)
                    let outcome: Outcome = failed ? .failed : .cantTell
                    if result.locations.isEmpty {
                        out.findings.append(finding(ruleID, step.severity, outcome, at: target, page, message))
                    } else {
                        for location in result.locations {
                            out.findings.append(finding(ruleID, step.severity, outcome, at: location, page, message))
                        }
                    }
                }
            }
            // A check cut short by the deadline has no trustworthy verdict; past it, no further target runs.
            let deadline = RuleDeadline.coarse
            if RuleDeadline.isPast(deadline) {
                stopped = true
            } else if holdsOnEveryTarget(check, page) {
                // Decided for the whole page at once: nothing on it can fail the rule.
                counts.passed += targets.count
            } else if case let .page(invocation) = check {
                // A single check (most rules) is called directly.
                let single = invocation.check
                var visited = targets
                if let candidates = single.candidates(among: targets, in: page) {
                    counts.passed += targets.count - candidates.count
                    visited = candidates
                }
                for i in visited {
                    let target = HTMLElement(document: document, index: Int(i))
                    let r = single.evaluate(target, in: page, holdData: false)
                    if RuleDeadline.isPast(deadline) { stopped = true; break }
                    if r.verdict == .holds {
                        counts.passed += 1
                    } else {
                        record(Evaluation(verdict: r.verdict, locations: r.locations, data: r.data, message: invocation.message), target)
                    }
                }
            } else {
                let ordered = step.ordered
                for i in targets {
                    let target = HTMLElement(document: document, index: Int(i))
                    let result = evaluate(check, target, page, ordered: ordered)
                    if RuleDeadline.isPast(deadline) { stopped = true; break }
                    record(result, target)
                }
            }
            out.outcomes[ruleID] = counts
        }
        return out
    }

    /// What the engine derives from a rule list for every page, derived once per list: the selectors
    /// matched in one pass (distinct), the ids of page rules (for suppressions) and each rule's step.
    /// The last list's plan is kept: without per-file overrides every page of a run is given the same array.
    final class RulePlan: Sendable {
        let selectors: [Selector]
        let pageRuleIDs: Set<String>
        let steps: [Step]

        /// What the page loop reads of one rule.
        final class Step: Sendable {
            let id: String
            let selector: Selector?
            let excludeHidden: Bool
            let isSite: Bool
            let check: CheckTree
            let reviewOnFail: Bool
            let message: LocalizedText
            let severity: Severity
            /// Of an all/any/none tree, whether its top-level checks are already cheapest first.
            let ordered: Bool?

            init(_ active: ActiveRule) {
                let rule = active.rule
                id = rule.id
                selector = rule.selector
                excludeHidden = rule.excludeHidden
                isSite = rule.target == .site
                check = rule.check
                reviewOnFail = rule.reviewOnFail
                message = rule.message
                severity = active.severity
                switch rule.check {
                case let .all(children), let .any(children), let .none(children): ordered = PageRunner.inCostOrder(children)
                case .page, .site, .descriptor: ordered = nil
                }
            }
        }

        init(_ rules: [ActiveRule]) {
            var selectors: [Selector] = []
            var seen = Set<Int>()
            var ids = Set<String>(minimumCapacity: rules.count)
            for i in rules.indices {
                if let selector = rules[i].rule.selector, seen.insert(selector.key).inserted { selectors.append(selector) }
                for selector in rules[i].rule.check.pageSelectors where seen.insert(selector.key).inserted { selectors.append(selector) }
                if rules[i].rule.target == .page { ids.insert(rules[i].rule.id) }
            }
            self.selectors = selectors
            self.pageRuleIDs = ids
            self.steps = rules.map(Step.init)
        }

        private static let last = Mutex<(rules: [ActiveRule], plan: RulePlan)?>(nil)

        /// The plan of `rules`, reused when `rules` is the very array (same storage) of the last call:
        /// the cache holds that array, so its storage cannot be freed and its address reused meanwhile.
        static func of(_ rules: [ActiveRule]) -> RulePlan {
            let address = rules.withUnsafeBufferPointer { $0.baseAddress }
            let hit = last.withLock { last -> RulePlan? in
                guard let last, last.rules.count == rules.count,
                      last.rules.withUnsafeBufferPointer({ $0.baseAddress }) == address else { return nil }
                return last.plan
            }
            if let hit { return hit }
            let plan = RulePlan(rules)
            last.withLock { $0 = (rules, plan) }
            return plan
        }
    }

    /// Whether the tree holds on every target of the page, as its checks can tell from the page alone
    /// (``PageCheck/holdsOnEveryTarget(in:)``): all of an `all`, or one of an `any`.
    static func holdsOnEveryTarget(_ tree: CheckTree, _ page: PageContext) -> Bool {
        switch tree {
        case let .page(invocation): return invocation.check.holdsOnEveryTarget(in: page)
        case let .all(children): return children.allSatisfy { holdsOnEveryTarget($0, page) }
        case let .any(children): return children.contains { holdsOnEveryTarget($0, page) }
        case .none, .site, .descriptor: return false
        }
    }

    static func notFullyChecked(_ file: String, _ reason: String) -> Finding {
        let r = SystemRules.fileNotFullyChecked
        return Finding(ruleID: r.id, severity: r.severity, file: file, range: .fileStart,
                       message: r.message.filled(["reason": reason]))
    }

    static func seconds(_ s: Double) -> String {
        s == s.rounded() ? String(Int(s)) : String(format: "%.1f", s)
    }

    /// Test targets as node indices: the selector's matches (default: the root element), minus hidden ones
    /// when the rule says so.
    static func targets(_ selector: Selector?, excludeHidden: Bool, in page: PageContext) -> [Int32] {
        if let selector {
            return excludeHidden ? page.selectExposedIndices(selector) : page.selectIndices(selector)
        }
        guard let root = page.document.root, !excludeHidden || !page.accessibility.isHiddenFromAccessibilityTree(root) else { return [] }
        return [Int32(root.index)]
    }

    struct Evaluation {
        var verdict: Verdict
        var locations: [HTMLElement]
        var data: [String: String]
        var message: LocalizedText?
    }

    /// all: fails if any child fails; any: passes if any child passes; none: fails if any child holds.
    /// cantTell wins over pass but not over a decided failure.
    ///
    /// Children run cheapest first (``CheckCost``), so `any: [scan of the body, page-type guard]` stops
    /// at the guard on most pages. The reported evaluation is still that of the first deciding child in
    /// the order the rule lists them; `holdDetail` says whether a holding result's details are used
    /// (under `none`, whose failure reports the child that held).
    /// `ordered`, when known, is whether the top-level children are already cheapest first.
    static func evaluate(_ tree: CheckTree, _ element: HTMLElement, _ page: PageContext, holdDetail: Bool = false,
                         ordered: Bool? = nil) -> Evaluation {
        switch tree {
        case let .page(invocation):
            let r = invocation.check.evaluate(element, in: page, holdData: holdDetail)
            return Evaluation(verdict: r.verdict, locations: r.locations, data: r.data, message: invocation.message)
        case let .all(children) where ordered ?? inCostOrder(children):
            // Written order is already cheapest first: the plain loop, no bookkeeping.
            var undecided: Evaluation?
            for child in children {
                let e = evaluate(child, element, page)
                if e.verdict == .doesNotHold { return e }
                if e.verdict == .cantTell, undecided == nil { undecided = e }
            }
            return undecided ?? Evaluation(verdict: .holds, locations: [], data: [:], message: nil)
        case let .any(children) where ordered ?? inCostOrder(children):
            var firstFailure: Evaluation?
            var undecided: Evaluation?
            for child in children {
                let e = evaluate(child, element, page, holdDetail: holdDetail)
                if e.verdict == .holds { return e }
                if e.verdict == .cantTell, undecided == nil { undecided = e }
                if e.verdict == .doesNotHold, firstFailure == nil { firstFailure = e }
            }
            return undecided ?? firstFailure ?? Evaluation(verdict: .doesNotHold, locations: [], data: [:], message: nil)
        case let .none(children) where ordered ?? inCostOrder(children):
            var undecided: Evaluation?
            for child in children {
                let e = evaluate(child, element, page, holdDetail: true)
                if e.verdict == .holds { return Evaluation(verdict: .doesNotHold, locations: e.locations, data: e.data, message: e.message) }
                if e.verdict == .cantTell, undecided == nil { undecided = e }
            }
            return undecided ?? Evaluation(verdict: .holds, locations: [], data: [:], message: nil)
        case let .all(children):
            let (results, decider) = evaluateCheapFirst(children, element, page, until: .doesNotHold, exact: true, holdDetail: false)
            if let decider { return results[decider]! }
            return results.first { $0?.verdict == .cantTell }.map { $0! }
                ?? Evaluation(verdict: .holds, locations: [], data: [:], message: nil)
        case let .any(children):
            let (results, decider) = evaluateCheapFirst(children, element, page, until: .holds, exact: holdDetail, holdDetail: holdDetail)
            if let decider { return results[decider]! }
            return (results.first { $0?.verdict == .cantTell } ?? results.first { $0?.verdict == .doesNotHold }).map { $0! }
                ?? Evaluation(verdict: .doesNotHold, locations: [], data: [:], message: nil)
        case let .none(children):
            let (results, decider) = evaluateCheapFirst(children, element, page, until: .holds, exact: true, holdDetail: true)
            if let decider {
                let e = results[decider]!
                return Evaluation(verdict: .doesNotHold, locations: e.locations, data: e.data, message: e.message)
            }
            return results.first { $0?.verdict == .cantTell }.map { $0! }
                ?? Evaluation(verdict: .holds, locations: [], data: [:], message: nil)
        case .site, .descriptor:
            return Evaluation(verdict: .holds, locations: [], data: [:], message: nil)
        }
    }

    /// Evaluates children cheapest first until one gives `stop`. With `exact`, the decider returned is the
    /// first child in written order that gives `stop` (earlier children not yet run are run then), as if
    /// they had been evaluated in order; without it, any child that gives `stop`. When none does, every
    /// child has run.
    static func evaluateCheapFirst(_ children: [CheckTree], _ element: HTMLElement, _ page: PageContext, until stop: Verdict,
                                   exact: Bool, holdDetail: Bool) -> (results: [Evaluation?], decider: Int?) {
        var results = [Evaluation?](repeating: nil, count: children.count)
        for i in costOrder(children) {
            let e = evaluate(children[i], element, page, holdDetail: holdDetail)
            results[i] = e
            guard e.verdict == stop else { continue }
            if exact {
                for j in 0..<i where results[j] == nil {
                    let earlier = evaluate(children[j], element, page, holdDetail: holdDetail)
                    results[j] = earlier
                    if earlier.verdict == stop { return (results, j) }
                }
            }
            return (results, i)
        }
        return (results, nil)
    }

    static func inCostOrder(_ children: [CheckTree]) -> Bool {
        var previous = CheckCost.cheap
        for child in children {
            let c = child.cost
            if c < previous { return false }
            previous = c
        }
        return true
    }

    /// Indices of `children`, cheapest first, written order among equals.
    static func costOrder(_ children: [CheckTree]) -> [Int] {
        let costs = children.map(\.cost)
        return children.indices.sorted { costs[$0] < costs[$1] || (costs[$0] == costs[$1] && $0 < $1) }
    }

    /// `template.filled(data)`, or the last message filled on the page when it had this template and this
    /// very data (the same dictionary storage, which a check may keep per value: a repeated `src`).
    static func filledMessage(_ template: LocalizedText, _ data: [String: String], _ page: PageContext) -> LocalizedText {
        guard !data.isEmpty else { return template }
        let scratch = page.siblingIndex
        if scratch.hasLastMessage, sameStorage(scratch.lastData, data), scratch.lastTemplate == template { return scratch.lastFilled }
        let filled = template.filled(data)
        scratch.lastTemplate = template
        scratch.lastData = data
        scratch.lastFilled = filled
        scratch.hasLastMessage = true
        return filled
    }

    /// Whether two dictionaries share their storage (then they are equal: storage shared is never written).
    static func sameStorage(_ a: [String: String], _ b: [String: String]) -> Bool {
        withUnsafeBytes(of: a) { pa in withUnsafeBytes(of: b) { pb in pa.count == pb.count && memcmp(pa.baseAddress!, pb.baseAddress!, pa.count) == 0 } }
    }

    /// A finding at `location`: its start tag's range and snippet (or its nearest positioned ancestor's;
    /// the file start and no snippet without one) and its CSS path.
    static func finding(_ ruleID: String, _ severity: Severity, _ outcome: Outcome, at location: HTMLElement,
                        _ page: PageContext, _ message: LocalizedText) -> Finding {
        // `sourceRange` and `snippet(positionedAnchor ?? location)`, with one walk to the anchor.
        var range = SourceRange.fileStart
        var text = ""
        if let anchor = location.positionedAnchor {
            let document = location.document
            let start = Int(document.nodes[anchor.index].startOffset), end = Int(document.nodes[anchor.index].endOffset)
            range = document.source.range(start, end)
            text = trimmedSnippet(document.source.slice(start, end))
        }
        return Finding(ruleID: ruleID, severity: severity, outcome: outcome, file: page.file, range: range, message: message,
                       snippet: text, path: cssPath(location, page))
    }

    /// The start tag (or text) of the element, trimmed to a readable length.
    static func snippet(_ element: HTMLElement) -> String {
        trimmedSnippet(element.sourceSnippet)
    }

    static func trimmedSnippet(_ s: String) -> String {
        // No more bytes than 200 means no more characters: most snippets skip counting characters.
        s.utf8.count > 200 && s.count > 200 ? String(s.prefix(200)) + "…" : s
    }

    /// A short CSS path (`html > body > main > img:nth-of-type(2)`), or from the nearest unique `#id`.
    /// Sibling positions are indexed once per parent, so a page with 100,000 findings stays linear; the
    /// last path made is kept, and a path that meets it (a rule's findings come in document order, and
    /// neighbours share most ancestors) reuses its bytes from the shared ancestor up.
    static func cssPath(_ element: HTMLElement, _ page: PageContext) -> String? {
        guard element.isElement else { return nil }
        return page.siblingIndex.cssPath(element.index, in: element.document)
    }

    static let nthOfType = Array(":nth-of-type(".utf8)

    /// `s.contains(where: \.isWhitespace)`, on bytes when `s` is ASCII.
    static func containsWhitespace(_ s: String) -> Bool {
        var ascii = true
        for b in s.utf8 {
            if b >= 0x80 { ascii = false; break }
            if b == 0x20 || (0x09...0x0D).contains(b) { return true }
        }
        return ascii ? false : s.contains(where: { $0.isWhitespace })
    }

    /// Position of each element among its same-named siblings, filled one parent at a time.
    final class SiblingIndex {
        /// Per node: 1-based position among same-named siblings and their count (0: not filled yet); made
        /// for the page's nodes at the first look-up. (Raw memory, and no exclusivity checks: one page's
        /// findings are made on one thread, and the tables are only read and written here.)
        private var positions: UnsafeMutablePointer<(Int32, Int32)>?
        /// Counts by name atom while one parent's children are numbered; zero again afterwards.
        @exclusivity(unchecked) private var countsByAtom: [Int32] = []
        /// The last CSS path made (``cssPath(_:in:)``): its nodes root first, the path's byte length up to
        /// and including each, and its bytes; and the steps (node, nth-of-type position or 0) of the path
        /// being made, leaf first.
        @exclusivity(unchecked) private var lastNodes = Scratch<Int32>(), lastEnds = Scratch<Int32>()
        @exclusivity(unchecked) private var lastBytes = Scratch<UInt8>()
        @exclusivity(unchecked) private var stepNodes = Scratch<Int32>(), stepPositions = Scratch<Int32>()
        /// The last message filled for a finding (``PageRunner/filledMessage(_:_:_:)``).
        @exclusivity(unchecked) var hasLastMessage = false
        @exclusivity(unchecked) var lastTemplate = LocalizedText(en: "", zhCN: "")
        @exclusivity(unchecked) var lastData: [String: String] = [:]
        @exclusivity(unchecked) var lastFilled = LocalizedText(en: "", zhCN: "")

        deinit {
            positions?.deallocate()
            lastNodes.free(); lastEnds.free(); lastBytes.free(); stepNodes.free(); stepPositions.free()
        }

        /// The CSS path of element `element` (see ``PageRunner/cssPath(_:_:)``), written into raw memory.
        func cssPath(_ element: Int, in document: HTMLDocument) -> String {
            let cores = document.cores
            // Leaf to root: (node, nth-of-type position or 0), until the node whose `#id` starts the path,
            // or a node of the last path (whose bytes up to it are kept).
            stepNodes.count = 0
            stepPositions.count = 0
            let hasIDs = !document.idIndex.isEmpty
            var idAnchor: String?
            var kept = 0, keptNodes = 0
            var current = element
            walk: while current > 0, cores[current].kind == .element {
                var k = lastNodes.count - 1
                while k >= 0, lastNodes.base[k] != Int32(current) { k -= 1 }
                if k >= 0 {
                    kept = Int(lastEnds.base[k])
                    keptNodes = k + 1
                    break walk
                }
                // (A page without ids has no `#id` to start from: no attribute look-up.)
                if hasIDs, let id = HTMLElement(document: document, index: current).id, !id.isEmpty,
                   !PageRunner.containsWhitespace(id), document.idIndex[id] == Int32(current) {
                    idAnchor = id
                    break
                }
                let (position, count) = position(of: current, in: document)
                stepNodes.append(Int32(current))
                stepPositions.append(Int32(count > 1 ? position : 0))
                current = Int(cores[current].parent)
            }
            // Written root first after the kept bytes (String appends and reversed().joined cost more than the walk).
            lastNodes.count = keptNodes
            lastEnds.count = keptNodes
            lastBytes.count = kept
            if var idAnchor {
                lastBytes.append(UInt8(ascii: "#"))
                idAnchor.withUTF8 { lastBytes.append($0) }
                lastNodes.append(Int32(current))
                lastEnds.append(Int32(lastBytes.count))
            }
            var s = stepNodes.count - 1
            while s >= 0 {
                let node = Int(stepNodes.base[s]), position = Int(stepPositions.base[s])
                if lastBytes.count > 0 {
                    lastBytes.append(UInt8(ascii: " "))
                    lastBytes.append(UInt8(ascii: ">"))
                    lastBytes.append(UInt8(ascii: " "))
                }
                // A known name from the atom table (the same string), else the node's.
                let atom = cores[node].nameAtom
                var name = atom != 0 ? NameAtom.name(atom) : document.nodes[node].name
                name.withUTF8 { lastBytes.append($0) }
                if position > 0 {
                    PageRunner.nthOfType.withUnsafeBufferPointer { lastBytes.append($0) }
                    lastBytes.appendDecimal(position)
                    lastBytes.append(UInt8(ascii: ")"))
                }
                lastNodes.append(Int32(node))
                lastEnds.append(Int32(lastBytes.count))
                s -= 1
            }
            return String(decoding: UnsafeBufferPointer(start: lastBytes.base, count: lastBytes.count), as: UTF8.self)
        }

        func position(of e: Int, in document: HTMLDocument) -> (Int, Int) {
            let positions: UnsafeMutablePointer<(Int32, Int32)>
            if let made = self.positions {
                positions = made
                // Filled already (every look-up after the first of a parent's children).
                if positions[e].1 != 0 { return (Int(positions[e].0), Int(positions[e].1)) }
            } else {
                positions = .allocate(capacity: document.nodes.count)
                positions.initialize(repeating: (0, 0), count: document.nodes.count)
                self.positions = positions
                countsByAtom = Array(repeating: 0, count: NameAtom.count)
            }
            if positions[e].1 == 0 {
                let cores = document.cores
                let parent = Int(cores[e].parent)
                // Same names: by atom, or by the string for names outside the atom table. Three walks over
                // the children (number, count, reset), no list of them.
                var countsByName: [String: Int32] = [:]
                var c = cores[parent].firstChild
                while c >= 0 {
                    let n = cores[Int(c)]
                    if n.kind == .element {
                        let count: Int32
                        if n.nameAtom != 0 {
                            countsByAtom[Int(n.nameAtom)] += 1
                            count = countsByAtom[Int(n.nameAtom)]
                        } else {
                            let name = document.nodes[Int(c)].name
                            count = countsByName[name, default: 0] + 1
                            countsByName[name] = count
                        }
                        positions[Int(c)].0 = count
                    }
                    c = n.nextSibling
                }
                c = cores[parent].firstChild
                while c >= 0 {
                    let n = cores[Int(c)]
                    if n.kind == .element {
                        positions[Int(c)].1 = n.nameAtom != 0 ? countsByAtom[Int(n.nameAtom)] : countsByName[document.nodes[Int(c)].name]!
                    }
                    c = n.nextSibling
                }
                c = cores[parent].firstChild
                while c >= 0 {
                    let n = cores[Int(c)]
                    if n.kind == .element { countsByAtom[Int(n.nameAtom)] = 0 }
                    c = n.nextSibling
                }
            }
            return (Int(positions[e].0), Int(positions[e].1))
        }
    }
}

/// Growable raw memory of plain values (no reference counting, no array checks per append), freed by its
/// owner with ``free()``.
struct Scratch<T: BitwiseCopyable> {
    private(set) var base: UnsafeMutablePointer<T>
    /// Values in use; lowered (never raised) to drop the last ones.
    var count = 0
    private var capacity: Int

    init(capacity: Int = 64) {
        self.capacity = capacity
        base = .allocate(capacity: capacity)
    }

    func free() { base.deallocate() }

    @inline(__always) mutating func append(_ v: T) {
        if count == capacity { grow(count + 1) }
        base[count] = v
        count += 1
    }

    mutating func append(_ values: UnsafeBufferPointer<T>) {
        guard let from = values.baseAddress, !values.isEmpty else { return }
        if count + values.count > capacity { grow(count + values.count) }
        (base + count).update(from: from, count: values.count)
        count += values.count
    }

    fileprivate mutating func grow(_ needed: Int) {
        var c = capacity * 2
        while c < needed { c *= 2 }
        let bigger = UnsafeMutablePointer<T>.allocate(capacity: c)
        bigger.update(from: base, count: count)
        base.deallocate()
        base = bigger
        capacity = c
    }
}

extension Scratch where T == UInt8 {
    /// The decimal digits of `n` (≥ 0), as `String(n)` writes them.
    mutating func appendDecimal(_ n: Int) {
        let digits = DecimalDigits.count(n)
        if count + digits > capacity { grow(count + digits) }
        DecimalDigits.write(n, digits: digits, to: base + count)
        count += digits
    }
}
