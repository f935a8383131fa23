import Foundation
import GovlintHTML

/// Validates XML sitemaps (sitemaps.org protocol 0.9) and the sitemaps
/// robots.txt names. In each file: well-formed XML, a `urlset` or
/// `sitemapindex` root in the sitemap namespace, one absolute `<loc>` per
/// entry on one host, W3C date-times in `<lastmod>`, the `changefreq` and
/// `priority` vocabularies, at most 50,000 entries and 50 MB. Across the site:
/// every sitemap that robots.txt or a sitemap index names is in the export and is a sitemap.
struct SitemapXMLCheck: SiteFileCheck {
    static let id = "sitemap-xml"
    static let summary = "XML sitemaps are valid (sitemaps.org 0.9) and the sitemaps robots.txt and sitemap indexes name exist."
    static let maxEntries = 50_000
    static let maxBytes = 50 * 1024 * 1024
    static let changefreqs: Set<String> = ["always", "hourly", "daily", "weekly", "monthly", "yearly", "never"]

    init(options: inout CheckOptions) throws(LocatedError) {
        try options.finish()
    }

    func collect(_ element: HTMLElement, in page: PageContext) -> String? { nil }

    func reads(_ path: String) -> Bool { path == "robots.txt" || path.lowercased().hasSuffix(".xml") }

    func check(_ file: SiteTextFile, site: SiteInfo) -> SiteFileResult {
        var r = SiteFileResult()
        if file.path == "robots.txt" {
            for line in RobotsTxtCheck.lines(file) where line.key?.lowercased() == "sitemap" {
                r.fact("R" + line.value, line.valueOffset, line.value.utf8.count)
            }
            return r
        }
        let named = file.path.lowercased().split(separator: "/").last.map { $0.contains("sitemap") } ?? false
        switch SitemapDocument.parse(file) {
        case let .malformed(offset, reason):
            if named {
                r.fact("S", 0)
                r.fail(offset, en: "the sitemap is not well-formed XML (\(reason))", zh: "站点地图不是格式正确的 XML（\(reason)）")
            }
        case let .notSitemap(root, offset):
            if named {
                r.fact("S", 0)
                r.fail(offset, en: "the root element is <\(root)>, not <urlset> or <sitemapindex>",
                       zh: "根元素是 <\(root)>，而不是 <urlset> 或 <sitemapindex>")
            }
        case let .sitemap(doc):
            r.fact("S", 0)
            validate(doc, file, into: &r)
        }
        return r
    }

    private func validate(_ doc: SitemapDocument, _ file: SiteTextFile, into r: inout SiteFileResult) {
        if file.byteCount > Self.maxBytes {
            r.fail(0, en: "the sitemap is larger than 50 MB (uncompressed); split it and list the parts in a sitemap index",
                   zh: "站点地图超过 50 MB（未压缩），应拆分并在站点地图索引中列出")
        }
        if doc.root.namespace != SitemapDocument.namespace {
            r.fail(doc.root.offset, en: "<\(doc.root.name)> is not in the namespace \(SitemapDocument.namespace)",
                   zh: "<\(doc.root.name)> 不在命名空间 \(SitemapDocument.namespace) 中")
        }
        if doc.entries.count > Self.maxEntries {
            r.fail(doc.root.offset, en: "the sitemap lists \(doc.entries.count) entries, more than 50,000",
                   zh: "站点地图列出 \(doc.entries.count) 个条目，超过 50,000 个")
        }
        if doc.entries.isEmpty {
            r.fail(doc.root.offset, en: "the sitemap lists no entries", zh: "站点地图没有列出任何条目")
        }
        for e in doc.unexpected {
            r.fail(e.offset, en: "<\(e.name)> is not a sitemap element at this place", zh: "<\(e.name)> 不是此处允许的站点地图元素")
        }
        var firstHost: String?
        for entry in doc.entries {
            let locs = entry.locs
            if locs.isEmpty {
                r.fail(entry.element.offset, en: "<\(entry.element.name)> has no <loc>", zh: "<\(entry.element.name)> 缺少 <loc>")
            }
            for extra in locs.dropFirst() {
                r.fail(extra.offset, en: "<\(entry.element.name)> has more than one <loc>", zh: "<\(entry.element.name)> 有多个 <loc>")
            }
            if let loc = locs.first {
                if !SiteURL.isAbsoluteHTTP(loc.text) {
                    r.fail(loc.offset, en: "<loc> \"\(loc.text)\" is not an absolute http(s) URL", zh: "<loc>“\(loc.text)”不是完整的 http(s) 地址")
                } else if loc.text.utf8.count >= 2048 {
                    r.fail(loc.offset, en: "<loc> is longer than 2,048 characters", zh: "<loc> 超过 2,048 个字符")
                } else if let host = SiteURL.host(loc.text) {
                    if let h = firstHost, h != host {
                        r.fail(loc.offset, en: "<loc> is on \(host), but the sitemap's first URL is on \(h); a sitemap lists one host",
                               zh: "<loc> 位于 \(host)，而站点地图的第一个地址位于 \(h)；一个站点地图只应列出一个主机")
                    }
                    if firstHost == nil { firstHost = host }
                    if doc.isIndex, let path = SiteURL.exportPath(loc.text) { r.fact("X" + path, loc.offset, 5) }
                }
            }
            for child in entry.children where child.namespace == doc.root.namespace {
                switch child.name {
                case "lastmod" where !Self.isW3CDateTime(child.text):
                    r.fail(child.offset, en: "<lastmod> \"\(child.text)\" is not a W3C date-time (YYYY-MM-DD or YYYY-MM-DDThh:mm:ssTZD)",
                           zh: "<lastmod>“\(child.text)”不是 W3C 日期时间格式（YYYY-MM-DD 或 YYYY-MM-DDThh:mm:ssTZD）")
                case "changefreq" where !Self.changefreqs.contains(child.text):
                    r.fail(child.offset, en: "<changefreq> \"\(child.text)\" is not one of always, hourly, daily, weekly, monthly, yearly, never",
                           zh: "<changefreq>“\(child.text)”不是 always、hourly、daily、weekly、monthly、yearly、never 之一")
                case "priority" where !(Double(child.text).map { $0 >= 0 && $0 <= 1 } ?? false):
                    r.fail(child.offset, en: "<priority> \"\(child.text)\" is not a number from 0.0 to 1.0",
                           zh: "<priority>“\(child.text)”不是 0.0 到 1.0 之间的数")
                default: break
                }
            }
        }
    }

    /// W3C Datetime profile of ISO 8601 (YYYY, YYYY-MM, YYYY-MM-DD, or with time and zone), with real calendar dates.
    static func isW3CDateTime(_ s: String) -> Bool {
        let pattern = #"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01])(T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d))?)?)?$"#
        guard s.range(of: pattern, options: .regularExpression) != nil else { return false }
        let parts = s.prefix(10).split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return true }
        var c = DateComponents()
        c.year = parts[0]; c.month = parts[1]; c.day = parts[2]
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = TimeZone(identifier: "UTC")!
        guard let d = cal.date(from: c) else { return false }
        return cal.component(.day, from: d) == parts[2]
    }

    func evaluate(_ facts: SiteFacts, in site: SiteContext) -> [SiteVerdict] {
        let sitemaps = Set(facts.filter { $0.value == "S" }.map(\.file))
        var verdicts: [SiteVerdict] = []
        for (i, f) in facts.enumerated() where f.value.hasPrefix("R") || f.value.hasPrefix("X") {
            let named = String(f.value.dropFirst())
            let path: String
            if f.value.hasPrefix("R") {
                guard SiteURL.isAbsoluteHTTP(named), let p = SiteURL.exportPath(named) else { continue } // robots-txt reports it
                path = p
            } else {
                path = named
            }
            let by = f.value.hasPrefix("R") ? "robots.txt" : "the sitemap index"
            let byZh = f.value.hasPrefix("R") ? "robots.txt" : "站点地图索引"
            if let file = SiteURL.file(path, in: site.info.files) {
                if file.lowercased().hasSuffix(".gz") {
                    verdicts.append(SiteVerdict(factIndex: i, verdict: .cantTell, data: [
                        "problem": "\(by) names the compressed sitemap \(file), which is not read", "problem-zh": "\(byZh) 指向压缩的站点地图 \(file)，未读取"]))
                } else if !sitemaps.contains(file) {
                    verdicts.append(SiteVerdict(factIndex: i, data: [
                        "problem": "\(by) names \(file), which is not a sitemap (no <urlset> or <sitemapindex>)",
                        "problem-zh": "\(byZh) 指向的 \(file) 不是站点地图（没有 <urlset> 或 <sitemapindex>）"]))
                }
            } else {
                verdicts.append(SiteVerdict(factIndex: i, data: [
                    "problem": "\(by) names the sitemap /\(path), which is not in the export",
                    "problem-zh": "\(byZh) 指向的站点地图 /\(path) 不在导出内容中"]))
            }
        }
        return verdicts
    }
}
