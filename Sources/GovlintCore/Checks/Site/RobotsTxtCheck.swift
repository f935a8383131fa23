import Foundation
import GovlintHTML

/// Checks the root `robots.txt` against RFC 9309: `field: value` lines in
/// groups that start with `user-agent`, `allow`/`disallow` only inside a
/// group, path patterns that start with `/` or `*`, product tokens,
/// `sitemap` as an absolute URL, unknown fields (with a suggestion for
/// typos), UTF-8 text and the 500 KiB every crawler must read.
struct RobotsTxtCheck: SiteFileCheck {
    static let id = "robots-txt"
    static let summary = "robots.txt follows RFC 9309 (groups, allow/disallow paths, user-agent tokens, absolute sitemap URLs)."
    static let known = ["user-agent", "allow", "disallow", "sitemap"]
    /// Widely read extensions outside RFC 9309: accepted without a finding.
    static let extensions: Set<String> = ["crawl-delay", "host", "clean-param", "request-rate", "visit-time"]
    static let parseLimit = 500 * 1024

    init(options: inout CheckOptions) throws(LocatedError) {
        try options.finish()
    }

    func collect(_ element: HTMLElement, in page: PageContext) -> String? { nil }
    func evaluate(_ facts: SiteFacts, in site: SiteContext) -> [SiteVerdict] { [] }
    func reads(_ path: String) -> Bool { path == "robots.txt" }

    /// One non-blank, non-comment line: `key` nil when it has no colon.
    struct Line {
        var offset: Int
        var key: String?
        var value: String
        var valueOffset: Int
        var text: String
    }

    /// The record lines of a robots.txt (comments and blank lines dropped).
    static func lines(_ file: SiteTextFile) -> [Line] {
        var out: [Line] = []
        let bytes = file.source.utf8
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != 0x0A, bytes[end] != 0x0D { end += 1 }
            var content = end
            if let hash = bytes[start..<end].firstIndex(of: UInt8(ascii: "#")) { content = hash }
            var s = start
            while s < content, bytes[s] == 0x20 || bytes[s] == 0x09 { s += 1 }
            var e = content
            while e > s, bytes[e - 1] == 0x20 || bytes[e - 1] == 0x09 { e -= 1 }
            if s < e {
                let text = String(decoding: bytes[s..<e], as: UTF8.self)
                if let colon = bytes[s..<e].firstIndex(of: UInt8(ascii: ":")) {
                    var ke = colon
                    while ke > s, bytes[ke - 1] == 0x20 || bytes[ke - 1] == 0x09 { ke -= 1 }
                    var vs = colon + 1
                    while vs < e, bytes[vs] == 0x20 || bytes[vs] == 0x09 { vs += 1 }
                    out.append(Line(offset: s, key: String(decoding: bytes[s..<ke], as: UTF8.self),
                                    value: String(decoding: bytes[vs..<e], as: UTF8.self), valueOffset: vs, text: text))
                } else {
                    out.append(Line(offset: s, key: nil, value: text, valueOffset: s, text: text))
                }
            }
            start = end
            if start < bytes.count, bytes[start] == 0x0D { start += 1 }
            if start < bytes.count, bytes[start] == 0x0A { start += 1 }
        }
        return out
    }

    func check(_ file: SiteTextFile, site: SiteInfo) -> SiteFileResult {
        var r = SiteFileResult()
        if !file.isValidUTF8 {
            r.fail(0, en: "robots.txt is not UTF-8 text", zh: "robots.txt 不是 UTF-8 文本")
        }
        if file.byteCount > Self.parseLimit {
            r.fail(Self.parseLimit, en: "content after the first 500 KiB may be ignored by crawlers",
                   zh: "前 500 KiB 之后的内容可能被爬虫忽略")
        }
        var inGroup = false
        for line in Self.lines(file) {
            guard let rawKey = line.key else {
                r.fail(line.offset, en: "\"\(line.text)\" is not a \"field: value\" line", zh: "“\(line.text)”不是“字段: 值”格式的行")
                continue
            }
            let key = rawKey.lowercased()
            switch key {
            case "user-agent":
                inGroup = true
                if line.value.isEmpty {
                    r.fail(line.offset, en: "user-agent has no product token", zh: "user-agent 缺少产品标识")
                } else if line.value != "*" && !line.value.allSatisfy({ $0.isASCII && ($0.isLetter || $0 == "-" || $0 == "_") }) {
                    r.fail(line.valueOffset, line.value.utf8.count,
                           en: "user-agent \"\(line.value)\" is not a product token (letters, \"-\" and \"_\") or \"*\"",
                           zh: "user-agent“\(line.value)”不是产品标识（字母、“-”和“_”）或“*”")
                }
            case "allow", "disallow":
                if !inGroup {
                    r.fail(line.offset, en: "\(rawKey) comes before any user-agent line and belongs to no group",
                           zh: "\(rawKey) 出现在任何 user-agent 行之前，不属于任何组")
                }
                if !line.value.isEmpty && !line.value.hasPrefix("/") && !line.value.hasPrefix("*") {
                    r.fail(line.valueOffset, line.value.utf8.count,
                           en: "the \(rawKey) path \"\(line.value)\" does not start with \"/\" or \"*\"",
                           zh: "\(rawKey) 路径“\(line.value)”不以“/”或“*”开头")
                }
            case "sitemap":
                if !SiteURL.isAbsoluteHTTP(line.value) {
                    r.fail(line.valueOffset, line.value.utf8.count,
                           en: "sitemap \"\(line.value)\" is not an absolute URL", zh: "sitemap“\(line.value)”不是完整的网址")
                }
            default:
                if Self.extensions.contains(key) { continue }
                if let guess = Self.suggestion(for: key, among: Self.known) {
                    r.fail(line.offset, rawKey.utf8.count, en: "unknown field \"\(rawKey)\"; did you mean \"\(guess)\"?",
                           zh: "未知字段“\(rawKey)”；是否应为“\(guess)”？")
                } else {
                    r.fail(line.offset, rawKey.utf8.count, en: "unknown field \"\(rawKey)\" is ignored by crawlers",
                           zh: "未知字段“\(rawKey)”会被爬虫忽略")
                }
            }
        }
        return r
    }

    /// A known name within two edits of the key (typos such as `dissallow`, `useragent`).
    static func suggestion(for key: String, among names: [String]) -> String? {
        let k = Array(key.lowercased())
        var best: (String, Int)?
        for name in names {
            let d = editDistance(k, Array(name))
            if d <= 2, d < (best?.1 ?? .max) { best = (name, d) }
        }
        return best?.0
    }

    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var prev = Array(0...b.count)
        for i in 1...a.count {
            var cur = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            prev = cur
        }
        return prev[b.count]
    }
}
