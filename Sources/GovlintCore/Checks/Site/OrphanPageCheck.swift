import GovlintHTML

/// Collects the local targets of links and the URLs of the export's XML
/// sitemaps; fails for every page of the export that no other page links to
/// and no sitemap lists (the root `index.html` excepted).
struct OrphanPageCheck: SiteFileCheck {
    static let id = "orphan-page"
    static let summary = "Every page except the root index is the target of a link from another page."
    let attribute: String
    /// Hrefs of `<a>` and `<area>` are resolved once per page for all link rules (``PageLinks``).
    let readsHref: Bool
    /// Only the set of link targets matters: a site-wide link graph stays one fact per target.
    static let distinctValuesOnly = true

    init(options: inout CheckOptions) throws(LocatedError) {
        attribute = (try options.string("attribute") ?? "href").lowercased()
        readsHref = attribute == "href"
        try options.finish()
    }

    func collect(_ element: HTMLElement, in page: PageContext) -> String? {
        let path: String?
        let links = readsHref ? PageLinks.of(page) : nil
        if let links, let v = links.value(of: element) {
            path = links.path(v)
        } else {
            guard let raw = element.attribute(attribute) else { return nil }
            path = ExportPath.resolve(raw, from: page.file, base: LinkTargetExistsCheck.base(page))
        }
        guard let path, path != page.file else { return nil }
        return path
    }

    func reads(_ path: String) -> Bool { path.lowercased().hasSuffix(".xml") }

    /// A sitemap's `<loc>`s count as links (by path: `/about` also reaches `about.html`).
    func check(_ file: SiteTextFile, site: SiteInfo) -> SiteFileResult {
        var r = SiteFileResult()
        for (path, offset) in SitemapDocument.pageLocations(in: file) { r.fact(path, offset) }
        return r
    }

    /// A link target is kept as the one page of the export it names, or as it is when it names several;
    /// targets naming no page (assets, missing files, other sites) cannot link a page and are dropped. So
    /// the site phase holds at most one value per page, each sharing the file list's string.
    func keptValue(_ value: String, site: SiteInfo) -> String? {
        let names = site.names.table
        let pages = Self.pagesNamed(by: value, in: names, files: site.files)
        guard pages.count == 1 else { return pages.isEmpty ? nil : value }
        // The page's own aliases must name no other page (`x.html` also names `x.html.html`).
        return Self.pagesNamed(by: pages[0], in: names, files: site.files) == pages ? pages[0] : value
    }

    /// ``pagesNamed(by:in:)`` from the export's ``SiteNameTable``: one look-up tells which aliases are
    /// files, and only those are made (a value naming nothing, most link targets of a large export
    /// that are not pages, makes none). A value ending with `/`, or empty, is answered as before.
    static func pagesNamed(by value: String, in names: SiteNameTable, files: Set<String>) -> [String] {
        // Without a final `/` the alias stem is the value itself (``SiteURL/aliases(_:)`` trims one `/`).
        guard let last = value.utf8.last, last != UInt8(ascii: "/") else { return pagesNamed(by: value, in: files) }
        let kinds = names.kinds(of: value)
        if kinds.isEmpty { return [] }
        var out: [String] = []
        func add(_ alias: String) {
            guard let i = files.firstIndex(of: alias) else { return }
            let page = files[i]
            if isPage(page), !out.contains(page) { out.append(page) }
        }
        if kinds.contains(.file) { add(value) }
        for ending in SiteNameTable.endings where kinds.contains(ending.kind) { add(value + ending.suffix) }
        return out
    }

    /// Pages of the export that a link value names (``SiteURL/aliases(_:)`` that are pages), as the file list spells them.
    static func pagesNamed(by value: String, in files: Set<String>) -> [String] {
        var out: [String] = []
        for alias in SiteURL.aliases(value) {
            guard let i = files.firstIndex(of: alias) else { continue }
            let page = files[i]
            if isPage(page), !out.contains(page) { out.append(page) }
        }
        return out
    }

    /// Whether the path's last non-empty `.`-separated part, lowercased, is a page extension (as
    /// `split(separator: ".").last` gives it), on bytes: this runs for every distinct link target.
    static func isPage(_ path: String) -> Bool {
        var path = path
        return path.withUTF8 { b -> Bool in
            var end = b.count
            while end > 0, b[end - 1] == UInt8(ascii: ".") { end -= 1 }
            var start = end
            while start > 0, b[start - 1] != UInt8(ascii: ".") { start -= 1 }
            let n = end - start
            guard n >= 3, n <= 5 else { return false }
            for ext in pageExtensionBytes where ext.count == n {
                var same = true
                for k in 0..<n where b[start + k] | 0x20 != ext[k] || b[start + k] & 0x80 != 0 { same = false; break }
                if same { return true }
            }
            return false
        }
    }

    private static let pageExtensionBytes = Discovery.pageExtensions.map { Array($0.utf8) }

    func evaluate(_ facts: SiteFacts, in site: SiteContext) -> [SiteVerdict] {
        // A page is linked when some link value names it (SiteURL.aliases). Asking, per page, which
        // values could name it keeps one set of the values instead of six alias strings per link target.
        let values = Set(facts.map(\.value))
        let pages = site.info.files.filter(Self.isPage)
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
