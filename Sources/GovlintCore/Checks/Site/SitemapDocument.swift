import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// An XML sitemap (sitemaps.org protocol 0.9) read with source offsets:
/// `<urlset>` or `<sitemapindex>`, each entry's `<loc>` and `<lastmod>`.
/// Shared by the sitemap, coverage and orphan-page checks.
struct SitemapDocument {
    static let namespace = "http://www.sitemaps.org/schemas/sitemap/0.9"

    struct Element {
        var name: String
        var namespace: String?
        var offset: Int
        var text = ""
    }
    struct Entry {
        /// `<url>` or `<sitemap>`.
        var element: Element
        var children: [Element] = []
        var locs: [Element] { children.filter { $0.name == "loc" && $0.namespace == root.namespace } }
        var root: Element
    }

    /// `urlset`, `sitemapindex`, or another root element name.
    var root: Element
    var entries: [Entry] = []
    /// Elements in the sitemap namespace that the protocol does not define at their place.
    var unexpected: [Element] = []
    var isIndex: Bool { root.name == "sitemapindex" }

    enum ParseResult {
        case sitemap(SitemapDocument)
        /// Well-formed XML whose root is not a sitemap element (an RSS feed, say).
        case notSitemap(root: String, offset: Int)
        /// Not well-formed XML: where and why.
        case malformed(offset: Int, reason: String)
    }

    static func parse(_ file: SiteTextFile) -> ParseResult {
        file.memo("sitemap-document") { parseOnce(file) }
    }

    /// The export path and source offset of each page URL a sitemap lists (each `<url>`'s first
    /// `<loc>` that maps into the export); none for a sitemap index or a file that is not a sitemap.
    static func pageLocations(in file: SiteTextFile) -> [(path: String, offset: Int)] {
        guard case let .sitemap(doc) = parse(file), !doc.isIndex else { return [] }
        return doc.entries.compactMap { entry in
            guard let loc = entry.locs.first, let path = SiteURL.exportPath(loc.text) else { return nil }
            return (path, loc.offset)
        }
    }

    private static func parseOnce(_ file: SiteTextFile) -> ParseResult {
        // Other XML (feeds, data) is skipped without parsing unless its name says sitemap.
        let named = file.path.lowercased().split(separator: "/").last.map { $0.contains("sitemap") } ?? false
        if !named {
            let head = String(decoding: file.source.utf8.prefix(4096), as: UTF8.self)
            if !head.contains("urlset") && !head.contains("sitemapindex") { return .notSitemap(root: "", offset: 0) }
        }
        let starts = startTagOffsets(file.source.utf8)
        let delegate = Collector(starts: starts)
        let parser = XMLParser(data: Data(file.source.utf8))
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        parser.delegate = delegate
        // On Linux `parse()` may return true after an error: the delegate keeps the first one.
        let ok = parser.parse()
        if let error = delegate.error {
            let offset = min(file.source.offset(line: error.line, column: error.column), file.source.utf8.count)
            return .malformed(offset: offset, reason: Self.describe(error.code))
        }
        if !ok || delegate.root == nil {
            return .malformed(offset: 0, reason: delegate.root == nil ? "no root element" : "not well-formed XML")
        }
        let root = delegate.root!
        guard root.name == "urlset" || root.name == "sitemapindex" else { return .notSitemap(root: root.name, offset: root.offset) }
        var doc = SitemapDocument(root: root)
        doc.entries = delegate.entries.map { e in var e = e; e.root = root; return e }
        doc.unexpected = delegate.unexpected
        return .sitemap(doc)
    }

    /// libxml2's error codes (passed through by FoundationXML) for the usual mistakes.
    static func describe(_ code: Int) -> String {
        switch code {
        case 4: "the document is empty"
        case 5: "content after the root element"
        case 9: "an invalid character"
        case 26: "an undeclared entity such as &nbsp;"
        case 41: "an attribute without a value"
        case 68: "a name is required"
        case 73: "'>' is required"
        case 76: "an end tag does not match its start tag"
        case 77: "the document ends before its elements are closed"
        default: "libxml2 error \(code)"
        }
    }

    /// Offsets of start tags in document order (comments, CDATA, processing
    /// instructions and declarations skipped), matched to the parser's elements by rank.
    static func startTagOffsets(_ b: [UInt8]) -> [Int] {
        var out: [Int] = []
        var i = 0
        let n = b.count
        func skip(to needle: [UInt8], from j: Int) -> Int {
            var k = j
            while k + needle.count <= n {
                if b[k] == needle[0] && Array(b[k..<(k + needle.count)]) == needle { return k + needle.count }
                k += 1
            }
            return n
        }
        while i < n {
            guard b[i] == UInt8(ascii: "<"), i + 1 < n else { i += 1; continue }
            let next = b[i + 1]
            if next == UInt8(ascii: "!") {
                if i + 3 < n && b[i + 2] == UInt8(ascii: "-") && b[i + 3] == UInt8(ascii: "-") {
                    i = skip(to: Array("-->".utf8), from: i + 4)
                } else if i + 8 < n && Array(b[(i + 2)..<(i + 9)]) == Array("[CDATA[".utf8) {
                    i = skip(to: Array("]]>".utf8), from: i + 9)
                } else {
                    i = skip(to: [UInt8(ascii: ">")], from: i + 2)
                }
            } else if next == UInt8(ascii: "?") {
                i = skip(to: Array("?>".utf8), from: i + 2)
            } else if next == UInt8(ascii: "/") {
                i = skip(to: [UInt8(ascii: ">")], from: i + 2)
            } else {
                out.append(i)
                var j = i + 1
                var quote: UInt8 = 0
                while j < n {
                    let c = b[j]
                    if quote != 0 { if c == quote { quote = 0 } } else if c == 0x22 || c == 0x27 { quote = c } else if c == UInt8(ascii: ">") { break }
                    j += 1
                }
                i = j + 1
            }
        }
        return out
    }

    private final class Collector: NSObject, XMLParserDelegate {
        let starts: [Int]
        var rank = 0
        var root: Element?
        var entries: [Entry] = []
        var unexpected: [Element] = []
        /// Open elements: the path from the root.
        var stack: [Element] = []
        var current: Entry?
        var error: (code: Int, line: Int, column: Int)?

        func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
            if error == nil {
                error = ((parseError as NSError).code, max(1, parser.lineNumber), max(1, parser.columnNumber))
            }
            parser.abortParsing()
        }

        init(starts: [Int]) { self.starts = starts }

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            let offset = rank < starts.count ? starts[rank] : (starts.last ?? 0)
            rank += 1
            let e = Element(name: name, namespace: namespaceURI, offset: offset)
            if stack.isEmpty { root = e }
            let inSitemapNS = namespaceURI == root?.namespace
            switch stack.count {
            case 1 where inSitemapNS:
                let expected = root?.name == "sitemapindex" ? "sitemap" : "url"
                if name == expected { current = Entry(element: e, root: root!) } else { unexpected.append(e) }
            case 2 where inSitemapNS && current != nil:
                let allowed: Set<String> = root?.name == "sitemapindex" ? ["loc", "lastmod"] : ["loc", "lastmod", "changefreq", "priority"]
                if !allowed.contains(name) { unexpected.append(e) }
            default:
                break
            }
            stack.append(e)
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if !stack.isEmpty { stack[stack.count - 1].text += string }
        }

        func parser(_ parser: XMLParser, foundCDATA block: Data) {
            if !stack.isEmpty { stack[stack.count - 1].text += String(decoding: block, as: UTF8.self) }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            guard var e = stack.popLast() else { return }
            e.text = e.text.trimmingCharacters(in: .whitespacesAndNewlines)
            if stack.count == 2, current != nil { current!.children.append(e) }
            if stack.count == 1, let c = current, c.element.offset == e.offset {
                entries.append(c)
                current = nil
            }
        }
    }
}

/// Maps absolute URLs of the site (sitemap `<loc>`s, robots.txt `Sitemap:`
/// lines) to export paths. The host is not known to the linter, so only the
/// path counts: `https://www.agency.gov/about/` names `about/index.html`.
enum SiteURL {
    /// Whether the text is an absolute `http:` or `https:` URL with a host.
    static func isAbsoluteHTTP(_ s: String) -> Bool {
        guard let c = URLComponents(string: s), let scheme = c.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = c.host, !host.isEmpty else { return false }
        return true
    }

    static func host(_ s: String) -> String? { URLComponents(string: s)?.host?.lowercased() }

    /// The export path the URL's path names (nil when it is not an absolute http(s) URL).
    static func exportPath(_ url: String) -> String? {
        guard isAbsoluteHTTP(url), let c = URLComponents(string: url) else { return nil }
        let path = c.percentEncodedPath.isEmpty ? "/" : c.percentEncodedPath
        return ExportPath.resolve(path, from: "index.html")
    }

    /// The export file a path names: itself, a directory index, or the page with `.html` added (extensionless URLs).
    static func file(_ path: String, in files: Set<String>) -> String? {
        if files.contains(path) { return path }
        let trimmed = path.hasSuffix("/") ? String(path.dropLast()) : path
        for index in ["index.html", "index.htm", "index.shtml"] {
            let p = trimmed.isEmpty ? index : trimmed + "/" + index
            if files.contains(p) { return p }
        }
        for ext in [".html", ".htm"] where files.contains(trimmed + ext) { return trimmed + ext }
        return nil
    }

    /// Every path under which a link or URL can name this file (for coverage sets).
    static func aliases(_ path: String) -> [String] {
        var out = [path]
        let trimmed = path.hasSuffix("/") ? String(path.dropLast()) : path
        for index in ["index.html", "index.htm", "index.shtml"] { out.append(trimmed.isEmpty ? index : trimmed + "/" + index) }
        for ext in [".html", ".htm"] { out.append(trimmed + ext) }
        return out
    }
}
