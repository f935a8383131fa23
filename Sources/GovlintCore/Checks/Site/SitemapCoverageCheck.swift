import Foundation
import GovlintHTML

/// Compares the URLs of the export's XML sitemaps with its pages.
/// `report: urls` fails for each `<loc>` that names no file of the export
/// (cantTell when only a file whose path differs in case exists);
/// `report: pages` fails for each page no sitemap lists (pages with
/// `<meta name="robots" content="noindex">` excepted). URLs are matched by
/// path (the linter does not know the host); with no sitemap nothing is reported.
struct SitemapCoverageCheck: SiteFileCheck {
    static let id = "sitemap-coverage"
    static let summary = "Sitemap URLs name files of the export (`report: urls`), or every page is in a sitemap (`report: pages`)."
    enum Report: String { case urls, pages }
    let report: Report

    init(options: inout CheckOptions) throws(LocatedError) {
        let r = try options.string("report") ?? "urls"
        guard let report = Report(rawValue: r) else { throw options.error(at: "report", "'report' must be 'urls' or 'pages'") }
        self.report = report
        try options.finish()
    }

    /// Pages say `N` when a robots meta tag keeps them out of search indexes.
    func collect(_ element: HTMLElement, in page: PageContext) -> String? {
        guard report == .pages, element.name == "meta", element.attribute("name")?.lowercased() == "robots",
              let content = element.attribute("content")?.lowercased(),
              content.contains("noindex") || content.contains("none") else { return nil }
        return "N"
    }

    func reads(_ path: String) -> Bool { path.lowercased().hasSuffix(".xml") }

    func check(_ file: SiteTextFile, site: SiteInfo) -> SiteFileResult {
        var r = SiteFileResult()
        for (path, offset) in SitemapDocument.pageLocations(in: file) { r.fact("U" + path, offset, 5) }
        return r
    }

    func evaluate(_ facts: SiteFacts, in site: SiteContext) -> [SiteVerdict] {
        let urls = facts.indices.filter { facts.value(at: $0).hasPrefix("U") }
        guard !urls.isEmpty else { return [] }
        switch report {
        case .urls:
            // A file whose path differs only in case is served or not depending on the server: for review.
            let lowered = Dictionary(site.info.files.map { ($0.lowercased(), $0) }, uniquingKeysWith: { a, b in min(a, b) })
            let lower = Set(lowered.keys)
            return urls.compactMap { i in
                let path = String(facts.value(at: i).dropFirst())
                guard SiteURL.file(path, in: site.info.files) == nil else { return nil }
                if let match = SiteURL.file(path.lowercased(), in: lower).flatMap({ lowered[$0] }) {
                    return SiteVerdict(factIndex: i, verdict: .cantTell, data: [
                        "path": path, "note": " (\(match) differs only in letter case; it depends on the server)",
                        "note-zh": "（\(match) 仅大小写不同，取决于服务器）"])
                }
                return SiteVerdict(factIndex: i, data: ["path": path, "note": "", "note-zh": ""])
            }
        case .pages:
            var listed: Set<String> = []
            for i in urls {
                let path = String(facts.value(at: i).dropFirst())
                if let file = SiteURL.file(path, in: site.info.files) { listed.insert(file) }
            }
            let noindex = Set(facts.filter { $0.value == "N" }.map(\.file))
            return site.info.files.filter { path in
                Discovery.pageExtensions.contains(Discovery.fileExtension(path)) && !listed.contains(path) && !noindex.contains(path)
            }.sorted().map { SiteVerdict(factIndex: -1, data: ["path": $0]) }
        }
    }
}
