import GovlintHTML

/// Holds when the URL in attribute `attribute` (default `href`) names a file
/// of the export, or is external (`https:`, `mailto:`, `//host`…), a pure
/// fragment or empty. Honours `<base href>`; directory links find `index.html`.
/// A relative link that climbs above the export root cannot be decided: `cantTell`.
struct LinkTargetExistsCheck: PageCheck {
    static let id = "link-target-exists"
    static let summary = "A local link or resource URL in `attribute` names a file that exists in the export."
    static let memoKey = MemoKey<Targets>("lte.targets")
    let attribute: String
    /// Hrefs of `<a>` and `<area>` are read from the page's ``PageLinks``.
    let readsHref: Bool

    init(options: inout CheckOptions) throws(LocatedError) {
        attribute = (try options.string("attribute") ?? "href").lowercased()
        readsHref = attribute == "href"
        try options.finish()
    }

    /// What a link value comes to on a page: the same value (a menu repeated in the header and
    /// the footer, `href` and `src` rules) is resolved and looked up once per page.
    enum Target {
        case fine, outside, missing(String)
    }

    /// A page's results by link value (a repeated value's data shared, not made again), and its base URL.
    /// Used by one thread.
    final class Targets {
        /// Accessed by one thread, never across a call: no runtime exclusivity check per element.
        @exclusivity(unchecked) var byValue: [String: CheckResult] = [:]
        /// The last value looked up and its result: the same `src` on consecutive elements (a table's
        /// icon on each row) is compared, not hashed again.
        @exclusivity(unchecked) var last: (raw: String, result: CheckResult)?
        let base: String?
        /// The export's names (``SiteNames/table``, fetched once per page).
        let names: SiteNameTable

        init(base: String?, names: SiteNameTable) {
            self.base = base
            self.names = names
            byValue.reserveCapacity(256) // a page's distinct link values, most of the time
        }
    }

    func evaluate(_ element: HTMLElement, in page: PageContext) -> CheckResult {
        if readsHref {
            let links = PageLinks.of(page)
            if let v = links.value(of: element) { return links.result(v) }
        }
        guard let raw = element.attribute(attribute) else { return .holds }
        let targets = page.memo(Self.memoKey) { Targets(base: Self.base(page), names: page.site.names.table) }
        if let last = targets.last, last.raw == raw { return last.result }
        if let known = targets.byValue[raw] {
            targets.last = (raw, known)
            return known
        }
        let target = Self.target(raw, path: ExportPath.resolve(raw, from: page.file, base: targets.base),
                                 file: page.file, names: targets.names, base: targets.base)
        let result = Self.result(raw, target)
        targets.byValue[raw] = result
        targets.last = (raw, result)
        return result
    }

    static func result(_ raw: String, _ target: Target) -> CheckResult {
        switch target {
        case .fine: return .holds
        // A link climbing above the export root names something outside what was
        // given: it may exist on the server, so a person must look.
        case .outside: return CheckResult(.cantTell, data: ["url": raw, "reason": "it points outside the checked export"])
        case .missing(let path): return CheckResult(.doesNotHold, data: missingData(raw, path))
        }
    }

    /// `["url": url, "path": path]`, made by copying a two-entry table and setting its values at the
    /// table's indices (a copy keeps its original's layout, so they stay valid): a literal hashes both
    /// keys again for every missing target (the 20 MB page: 125,000).
    static func missingData(_ url: String, _ path: String) -> [String: String] {
        let template = missingTemplate
        var data = template.data
        data.values[template.url] = url
        data.values[template.path] = path
        return data
    }

    private static let missingTemplate: (data: [String: String], url: Dictionary<String, String>.Index, path: Dictionary<String, String>.Index) = {
        let data = ["url": "", "path": ""]
        return (data, data.index(forKey: "url")!, data.index(forKey: "path")!)
    }()

    static let baseKey = MemoKey<String?>("base-href")

    /// The page's base URL, once per page for every link rule and site collector.
    static func base(_ page: PageContext) -> String? {
        page.memo(baseKey) {
            // The document's base URL comes from the first <base href>, wherever the parser put it.
            page.elements(named: "base").first { $0.hasAttribute("href") }?.attribute("href")
        }
    }

    /// What link value `raw` on page `file` comes to, given its `ExportPath.resolve`d `path`.
    static func target(_ raw: String, path: String?, file: String, names: SiteNameTable, base: String?) -> Target {
        guard let path else {
            return ExportPath.escapesRoot(raw, from: file, base: base) ? .outside : .fine
        }
        return ExportPath.exists(path, in: names) ? .fine : .missing(path)
    }
}

/// A page's `<a href>` and `<area href>` links, shared by the link rules (`link-target-exists`,
/// `orphan-page`, `link-exists`), which visit the same elements: each
/// element's href is read once, and each distinct value (a menu repeats in the header and the
/// footer) numbered, resolved and looked up once. Used by one thread.
final class PageLinks {
    static let memoKey = MemoKey<PageLinks>("page-links")

    /// The links' node indices, in document order, and their hrefs as written.
    let indices: [Int]
    let hrefs: [String]
    /// The page's base URL (``LinkTargetExistsCheck/base(_:)``).
    let base: String?
    /// Per node of the document: the number of its link's href value, or -1.
    private let valueOfNode: [Int32]
    /// Per distinct value (equal as Strings are), what was worked out about it, on first use. Used by one
    /// thread and never across a call: no runtime exclusivity check per access.
    @exclusivity(unchecked) private var values: [Value]
    /// The page's path and the export's names (not the PageContext, which holds this table).
    private let file: String
    private let names: SiteNameTable

    private struct Value {
        let raw: String
        var path: String?
        var resolved = false
        var target: LinkTargetExistsCheck.Target?
        var result: CheckResult?
    }

    static func of(_ page: PageContext) -> PageLinks {
        page.memo(memoKey) { PageLinks(page) }
    }

    private init(_ page: PageContext) {
        file = page.file
        names = page.site.names.table
        base = LinkTargetExistsCheck.base(page)
        var valueOfNode = [Int32](repeating: -1, count: page.document.cores.count)
        var indices: [Int] = [], hrefs: [String] = []
        let elements = page.elements(named: "a", "area")
        var numbers = FirstSeenNumbering(capacity: elements.count)
        for e in elements {
            guard let h = e.attribute("href") else { continue }
            indices.append(e.index)
            hrefs.append(h)
            valueOfNode[e.index] = numbers.number(h)
        }
        self.indices = indices
        self.hrefs = hrefs
        self.valueOfNode = valueOfNode
        values = numbers.distinct.map { Value(raw: $0) }
    }

    /// The number of the element's href value when it is one of the links, else nil.
    func value(of element: HTMLElement) -> Int? {
        let v = valueOfNode[element.index]
        return v < 0 ? nil : Int(v)
    }

    func raw(_ value: Int) -> String { values[value].raw }

    /// `ExportPath.resolve` of the value from the page.
    func path(_ value: Int) -> String? {
        if values[value].resolved { return values[value].path }
        let p = ExportPath.resolve(values[value].raw, from: file, base: base)
        values[value].path = p
        values[value].resolved = true
        return p
    }

    /// What the value comes to (``LinkTargetExistsCheck/target(_:path:file:names:base:)``).
    func target(_ value: Int) -> LinkTargetExistsCheck.Target {
        if let t = values[value].target { return t }
        let t = LinkTargetExistsCheck.target(values[value].raw, path: path(value), file: file, names: names, base: base)
        values[value].target = t
        return t
    }

    /// `link-target-exists`' result for the value (``LinkTargetExistsCheck/result(_:_:)``), made once.
    func result(_ value: Int) -> CheckResult {
        if let r = values[value].result { return r }
        let r = LinkTargetExistsCheck.result(values[value].raw, target(value))
        values[value].result = r
        return r
    }
}

/// Numbers strings by first appearance, equal strings (as `==` has it: canonically equivalent) alike,
/// as a `[String: Int32]` would, hashing each string once (a dictionary's look-up then insert hashes a
/// new string twice: on the 20 MB page, 125,000 distinct hrefs). Sized for `capacity` strings (at most
/// half full then); it grows past that.
struct FirstSeenNumbering {
    /// The distinct strings, by number.
    private(set) var distinct: [String] = []
    private var hashes: [Int] = []
    /// Open addressing, linear probing: a number + 1, or 0 for an empty slot.
    private var slots: [Int32]
    private var mask: Int

    init(capacity: Int) {
        var size = 16
        while size < 2 * capacity { size *= 2 }
        slots = [Int32](repeating: 0, count: size)
        mask = size - 1
        distinct.reserveCapacity(capacity)
        hashes.reserveCapacity(capacity)
    }

    /// The string's number, a new one (`distinct.count` before the call) if it is new.
    mutating func number(_ s: String) -> Int32 {
        let hash = s.hashValue
        var i = hash & mask
        while true {
            let slot = Int(slots[i])
            if slot == 0 { break }
            if hashes[slot - 1] == hash && distinct[slot - 1] == s { return Int32(slot - 1) }
            i = (i + 1) & mask
        }
        let number = Int32(distinct.count)
        distinct.append(s)
        hashes.append(hash)
        slots[i] = number + 1
        if 2 * distinct.count > slots.count { grow() }
        return number
    }

    private mutating func grow() {
        slots = [Int32](repeating: 0, count: 2 * slots.count)
        mask = slots.count - 1
        for (k, hash) in hashes.enumerated() {
            var i = hash & mask
            while slots[i] != 0 { i = (i + 1) & mask }
            slots[i] = Int32(k + 1)
        }
    }
}
