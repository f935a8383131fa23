import GovlintHTML

/// Collects the local targets of links and the URLs of the export's XML
/// sitemaps; fails for every page of the export that no other page links to
/// and no sitemap lists (the root `index.html` excepted).
struct OrphanPageCheck: SiteFileCheck {
    static let id = "orphan-page"
    static let summary = "Every page except the root index is the target of a link from another page."
    let attribute: String
    /// Only the set of link targets matters: a site-wide link graph stays one fact per target.
    static let distinctValuesOnly = true

    init(options: inout CheckOptions) throws(LocatedError) {
        attribute = (try options.string("attribute") ?? "href").lowercased()
        try options.finish()
    }

    func collect(_ element: HTMLElement, in page: PageContext) -> String? {
        guard let raw = element.attribute(attribute) else { return nil }
        let base: String? = page.memo("base-href") {
            page.elements(named: "base").first { $0.hasAttribute("href") }?.attribute("href")
        }
        guard let path = ExportPath.resolve(raw, from: page.file, base: base), path != page.file else { return nil }
        return path
    }

    func reads(_ path: String) -> Bool { path.lowercased().hasSuffix(".xml") }

    /// A sitemap's `<loc>`s count as links (by path: `/about` also reaches `about.html`).
    func check(_ file: SiteTextFile, site: SiteInfo) -> SiteFileResult {
        var r = SiteFileResult()
        for (path, offset) in SitemapDocument.pageLocations(in: file) { r.fact(path, offset) }
        return r
    }

    func evaluate(_ facts: [SiteFact], in site: SiteContext) -> [SiteVerdict] {
        // A page is linked when some link value names it (SiteURL.aliases). Asking, per page, which
        // values could name it keeps one set of the values instead of six alias strings per link target.
        let values = Set(facts.map(\.value))
        let pages = site.info.files.filter { path in
            let ext = path.split(separator: ".").last.map { $0.lowercased() } ?? ""
            return Discovery.pageExtensions.contains(ext)
        }
        return pages.sorted().filter { page in
            !Self.namingValues(of: page).contains { values.contains($0) } && !["index.html", "index.htm", "index.shtml"].contains(page)
        }.map { SiteVerdict(factIndex: -1, data: ["path": $0]) }
    }

    /// Every value whose ``SiteURL/aliases(_:)`` include `page`: the inverse of aliases.
    static func namingValues(of page: String) -> [String] {
        var out = [page]
        for index in ["index.html", "index.htm", "index.shtml"] {
            if page == index { out += ["", "/"] }
            if page.hasSuffix("/" + index) {
                let dir = String(page.dropLast(index.count + 1))
                out += [dir, dir + "/"]
            }
        }
        for ext in [".html", ".htm"] where page.hasSuffix(ext) {
            let stem = String(page.dropLast(ext.count))
            out += [stem, stem + "/"]
        }
        return out
    }
}
