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

    init(options: inout CheckOptions) throws(LocatedError) {
        attribute = (try options.string("attribute") ?? "href").lowercased()
        try options.finish()
    }

    /// What a link value comes to on a page: the same value (a menu repeated in the header and
    /// the footer, `href` and `src` rules) is resolved and looked up once per page.
    enum Target {
        case fine, outside, missing(String)
    }

    /// A page's answers by link value, and its base URL. Used by one thread.
    final class Targets {
        var byValue: [String: Target] = [:]
        let base: String?

        init(base: String?) {
            self.base = base
            byValue.reserveCapacity(256) // a page's distinct link values, most of the time
        }
    }

    func evaluate(_ element: HTMLElement, in page: PageContext) -> CheckResult {
        guard let raw = element.attribute(attribute) else { return .holds }
        let targets = page.memo(Self.memoKey) { Targets(base: Self.base(page)) }
        let target: Target
        if let known = targets.byValue[raw] {
            target = known
        } else {
            target = Self.target(raw, page, base: targets.base)
            targets.byValue[raw] = target
        }
        switch target {
        case .fine: return .holds
        // A link climbing above the export root names something outside what was
        // given: it may exist on the server, so a person must look.
        case .outside: return CheckResult(.cantTell, data: ["url": raw, "reason": "it points outside the checked export"])
        case .missing(let path): return CheckResult(.doesNotHold, data: ["url": raw, "path": path])
        }
    }

    static let baseKey = MemoKey<String?>("base-href")

    /// The page's base URL, once per page for every link rule and site collector.
    static func base(_ page: PageContext) -> String? {
        page.memo(baseKey) {
            // The document's base URL comes from the first <base href>, wherever the parser put it.
            page.elements(named: "base").first { $0.hasAttribute("href") }?.attribute("href")
        }
    }

    static func target(_ raw: String, _ page: PageContext, base: String?) -> Target {
        guard let path = ExportPath.resolve(raw, from: page.file, base: base) else {
            return ExportPath.escapesRoot(raw, from: page.file, base: base) ? .outside : .fine
        }
        return ExportPath.exists(path, in: page.site.files) ? .fine : .missing(path)
    }
}

import Foundation
