import GovlintHTML

/// A named, reusable predicate over one element of a page. Rules combine
/// checks with `all` / `any` / `none`; the check answers whether its condition
/// holds for the target element.
public protocol PageCheck: Sendable {
    /// The name used in rule files (kebab-case).
    static var id: String { get }
    /// One sentence for `govlint rules checks` and the docs.
    static var summary: String { get }
    /// Reads and validates options at load time.
    init(options: inout CheckOptions) throws(LocatedError)
    func evaluate(_ element: HTMLElement, in page: PageContext) -> CheckResult
    /// ``evaluate(_:in:)`` for a caller that drops a holding result's data unless `holdData` is true
    /// (only `none` reports the child that held): a check may then skip work that only fills that data.
    func evaluate(_ element: HTMLElement, in page: PageContext, holdData: Bool) -> CheckResult
    /// Rough cost of one evaluation, so `any`/`all`/`none` try cheap checks first
    /// (a page-type or title guard before a scan of the whole body).
    var cost: CheckCost { get }
    /// Selectors the check reads through ``PageContext/select(_:)``: matched together with the
    /// rules' target selectors, in one pass over the page.
    var pageSelectors: [Selector] { get }
    /// True when the check holds on every possible target of the page, decided once per page (say,
    /// no text or attribute value on it has a literal its pattern needs); the engine then counts the
    /// rule's targets as passed without evaluating them. False when unsure (the default).
    func holdsOnEveryTarget(in page: PageContext) -> Bool
    /// Of a page's targets, those the check may not hold on, in the order given, when it can tell the
    /// others hold without visiting them (say, only elements with an `aria-*` attribute can fail); nil
    /// to visit every target (the default). The engine counts the others as passed.
    func candidates(among targets: [Int32], in page: PageContext) -> [Int32]?
}

/// How expensive a check is on one target, relative to other checks.
public enum CheckCost: Int, Sendable, Comparable {
    /// Reads a memoised page fact or the `<head>`: page type, title, meta labels.
    case cheap
    case normal
    /// Reads the text of the whole body, every link or every dated element.
    case expensive

    public static func < (a: CheckCost, b: CheckCost) -> Bool { a.rawValue < b.rawValue }
}

extension PageCheck {
    public var cost: CheckCost { .normal }
    public var pageSelectors: [Selector] { [] }
    public func holdsOnEveryTarget(in page: PageContext) -> Bool { false }
    public func candidates(among targets: [Int32], in page: PageContext) -> [Int32]? { nil }
    public func evaluate(_ element: HTMLElement, in page: PageContext, holdData: Bool) -> CheckResult {
        evaluate(element, in: page)
    }
}

/// A check over facts collected from every page: each page contributes
/// values (``collect(_:in:)``), then the check decides on the whole set.
public protocol SiteCheck: Sendable {
    static var id: String { get }
    static var summary: String { get }
    init(options: inout CheckOptions) throws(LocatedError)
    /// The compact value this element contributes, or nil for none.
    func collect(_ element: HTMLElement, in page: PageContext) -> String?
    /// Indices of failing facts, each with message data (``SiteFacts``: one rule's facts, held compactly).
    func evaluate(_ facts: SiteFacts, in site: SiteContext) -> [SiteVerdict]
    /// ``evaluate(_:in:)`` handing each verdict to `each` as it is made, in the same order (the engine's
    /// call: a check failing on most pages need not hold them all). Default: the list, one at a time.
    func evaluate(_ facts: SiteFacts, in site: SiteContext, each: (SiteVerdict) -> Void)
    /// True when ``evaluate(_:in:)`` only looks at which distinct values were
    /// collected and never reports a fact by index: the engine then keeps the
    /// set of values (plus a count) instead of one fact per target, and hands
    /// the check one fact per value with no file or position.
    static var distinctValuesOnly: Bool { get }
    /// For ``distinctValuesOnly`` checks, once per distinct value when the page
    /// phase ends: the value to keep for ``evaluate(_:in:)`` (`evaluate` must
    /// decide the same with the kept values as with the collected ones), or nil
    /// when it cannot matter. Default: the value itself.
    func keptValue(_ value: String, site: SiteInfo) -> String?
}

extension SiteCheck {
    /// ``evaluate(_:in:)`` on a list of facts.
    public func evaluate(_ facts: [SiteFact], in site: SiteContext) -> [SiteVerdict] { evaluate(SiteFacts(facts), in: site) }
    public func evaluate(_ facts: SiteFacts, in site: SiteContext, each: (SiteVerdict) -> Void) {
        for v in evaluate(facts, in: site) { each(v) }
    }
    public static var distinctValuesOnly: Bool { false }
    public func keptValue(_ value: String, site: SiteInfo) -> String? { value }
}

/// A value one page contributed to a site check.
public struct SiteFact: Sendable, Codable, Hashable {
    public var file: String
    public var value: String
    public var range: SourceRange
    public var snippet: String
}

/// A failed (or undecidable) site fact.
public struct SiteVerdict: Sendable {
    public var factIndex: Int
    public var verdict: Verdict
    public var data: [String: String]
    public init(factIndex: Int, verdict: Verdict = .doesNotHold, data: [String: String] = [:]) {
        self.factIndex = factIndex
        self.verdict = verdict
        self.data = data
    }
}
