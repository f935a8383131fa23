import Foundation
import GovlintHTML

/// Fails when the target's `href` / `src` is an `http:` URL to the site's own
/// host. The host comes from `hosts` or, per page, from `<link rel=canonical>`,
/// `og:url` or an absolute `<base href>`; with neither, an `http:` URL cannot be
/// judged (cantTell).
struct InsecureSelfLinkCheck: PageCheck {
    static let id = "insecure-self-link"
    static let summary = "The target's href/src is not an http: URL to the site's own host (from `hosts`, canonical, og:url or base)."
    static let memoKey = MemoKey<[String]>("gov.ownHosts")
    let hosts: [String]

    init(options: inout CheckOptions) throws(LocatedError) {
        hosts = (try options.strings("hosts") ?? []).map { Self.bare($0) }
        try options.finish()
    }

    static func bare(_ host: String) -> String {
        var h = host.lowercased()
        if h.hasPrefix("www.") { h.removeFirst(4) }
        return h
    }

    static func ownHosts(_ page: PageContext) -> [String] {
        page.memo(Self.memoKey) { () -> [String] in
            var out: [String] = []
            // Only these name the host (elements(named:) reads an index instead of walking every element).
            for e in page.elements(named: "link", "meta", "base") {
                var url: String?
                if e.name == "link", (e.attribute("rel") ?? "").lowercased().split(separator: " ").contains("canonical") { url = e.attribute("href") }
                if e.name == "meta", e.attribute("property") == "og:url" { url = e.attribute("content") }
                if e.name == "base" { url = e.attribute("href") }
                if let u = url.flatMap({ URL(string: $0.trimmingCharacters(in: .whitespaces)) }), let h = u.host, !h.isEmpty {
                    out.append(bare(h))
                }
            }
            return out
        }
    }

    func evaluate(_ element: HTMLElement, in page: PageContext) -> CheckResult {
        guard let raw = element.attribute("href") ?? element.attribute("src") else { return .holds }
        let value = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard value.lowercased().hasPrefix("http:") else { return .holds }
        guard let host = URL(string: value)?.host.map(Self.bare) else { return .holds }
        let own = hosts + Self.ownHosts(page)
        if own.isEmpty { return CheckResult(.cantTell, data: ["url": value, "reason": "the site's host is not known"]) }
        return .verdict(!own.contains(host), data: ["url": value, "host": host])
    }
}
