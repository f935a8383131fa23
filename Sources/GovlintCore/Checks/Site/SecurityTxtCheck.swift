import Foundation
import GovlintAccessibility
import GovlintHTML

/// Checks `/.well-known/security.txt` (and the legacy top-level `security.txt`)
/// against RFC 9116: `Field: value` lines and comments, one or more `Contact`
/// URIs, exactly one `Expires` in RFC 3339 form that is after `--now` and at
/// most a year after it, URI fields (web URIs over HTTPS), a `Canonical` URL
/// naming the file's place, `Preferred-Languages` once with BCP 47 tags,
/// unknown fields (with a suggestion for typos), and a final line break.
/// OpenPGP cleartext-signed files are read inside the signature (the
/// signature itself is not verified).
struct SecurityTxtCheck: SiteFileCheck {
    static let id = "security-txt"
    static let summary = "security.txt follows RFC 9116 (Contact, one Expires within a year of --now, URIs, Canonical, Preferred-Languages)."
    static let fields = ["acknowledgments", "canonical", "contact", "encryption", "expires", "hiring", "policy",
                         "preferred-languages", "csaf"]
    static let uriFields: Set<String> = ["acknowledgments", "canonical", "contact", "encryption", "hiring", "policy", "csaf"]

    init(options: inout CheckOptions) throws(LocatedError) {
        try options.finish()
    }

    func collect(_ element: HTMLElement, in page: PageContext) -> String? { nil }
    func evaluate(_ facts: SiteFacts, in site: SiteContext) -> [SiteVerdict] { [] }
    func reads(_ path: String) -> Bool { path == ".well-known/security.txt" || path == "security.txt" }

    struct Field {
        var name: String
        var value: String
        var offset: Int
        var valueOffset: Int
    }

    func check(_ file: SiteTextFile, site: SiteInfo) -> SiteFileResult {
        var r = SiteFileResult()
        if file.path == "security.txt" && !site.files.contains(".well-known/security.txt") {
            r.fail(0, en: "the file is only at the top level; RFC 9116 places it at /.well-known/security.txt",
                   zh: "文件仅位于网站根目录；RFC 9116 规定其位置为 /.well-known/security.txt")
        }
        if !file.isValidUTF8 { r.fail(0, en: "the file is not UTF-8 text", zh: "文件不是 UTF-8 文本") }
        let bytes = file.source.utf8
        if let last = bytes.last, last != 0x0A {
            r.fail(bytes.count, en: "the last line does not end with a line break", zh: "最后一行没有以换行符结束")
        }
        var fields: [Field] = []
        var signed = false
        var inSignedBody = false
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var lineNumber = 0
        var headerDone = true
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            var e = end
            if e > start, bytes[e - 1] == 0x0D { e -= 1 }
            var text = String(decoding: bytes[start..<e], as: UTF8.self)
            var lineStart = start
            lineNumber += 1
            start = end + 1
            if lineNumber == 1 && text == "-----BEGIN PGP SIGNED MESSAGE-----" {
                signed = true
                inSignedBody = true
                headerDone = false
                continue
            }
            if signed {
                if !headerDone { if text.isEmpty { headerDone = true }; continue } // armor headers (Hash: …)
                if text == "-----BEGIN PGP SIGNATURE-----" { inSignedBody = false }
                if !inSignedBody { continue }
                if text.hasPrefix("- ") { text.removeFirst(2); lineStart += 2 } // dash-escaped line
            }
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            if text.hasPrefix("-----BEGIN PGP") {
                r.fail(lineStart, en: "an OpenPGP block must start the file (cleartext signature)", zh: "OpenPGP 签名块必须位于文件开头（明文签名）")
                continue
            }
            guard let colon = text.firstIndex(of: ":") else {
                r.fail(lineStart, en: "\"\(trimmed)\" is not a \"Field: value\" line", zh: "“\(trimmed)”不是“字段: 值”格式的行")
                continue
            }
            let name = String(text[..<colon])
            let rawValue = text[text.index(after: colon)...]
            let value = rawValue.trimmingCharacters(in: .whitespaces)
            let lead = rawValue.prefix { $0 == " " || $0 == "\t" }.utf8.count
            fields.append(Field(name: name, value: value, offset: lineStart,
                                valueOffset: lineStart + text[..<colon].utf8.count + 1 + lead))
        }
        if signed && inSignedBody {
            r.fail(0, en: "the signed message has no \"-----BEGIN PGP SIGNATURE-----\" block", zh: "签名消息缺少“-----BEGIN PGP SIGNATURE-----”块")
        }
        var expires: [Field] = []
        var languages: [Field] = []
        var canonicals: [Field] = []
        var contacts = 0
        for f in fields {
            let key = f.name.lowercased()
            if f.name.contains(where: { $0 == " " || $0 == "\t" }) || f.name.isEmpty {
                r.fail(f.offset, en: "\"\(f.name)\" is not a field name", zh: "“\(f.name)”不是字段名")
                continue
            }
            guard Self.fields.contains(key) else {
                if let guess = RobotsTxtCheck.suggestion(for: key, among: Self.fields) {
                    r.fail(f.offset, f.name.utf8.count, en: "unknown field \"\(f.name)\"; did you mean \"\(Self.display(guess))\"?",
                           zh: "未知字段“\(f.name)”；是否应为“\(Self.display(guess))”？")
                } else {
                    r.fail(f.offset, f.name.utf8.count, en: "unknown field \"\(f.name)\" is ignored by readers",
                           zh: "未知字段“\(f.name)”会被读取方忽略")
                }
                continue
            }
            if Self.uriFields.contains(key) { checkURI(f, key: key, into: &r) }
            switch key {
            case "contact": contacts += 1
            case "expires": expires.append(f)
            case "preferred-languages": languages.append(f)
            case "canonical": canonicals.append(f)
            default: break
            }
        }
        if contacts == 0 {
            r.fail(0, en: "no Contact field (required, one or more)", zh: "缺少 Contact 字段（必需，可有多个）")
        }
        if expires.isEmpty {
            r.fail(0, en: "no Expires field (required exactly once)", zh: "缺少 Expires 字段（必须且只能出现一次）")
        }
        for extra in expires.dropFirst() {
            r.fail(extra.offset, en: "Expires appears more than once", zh: "Expires 出现了不止一次")
        }
        if let e = expires.first { checkExpires(e, now: site.now, into: &r) }
        for extra in languages.dropFirst() {
            r.fail(extra.offset, en: "Preferred-Languages appears more than once", zh: "Preferred-Languages 出现了不止一次")
        }
        if let l = languages.first {
            for tag in l.value.split(separator: ",", omittingEmptySubsequences: false) {
                let t = tag.trimmingCharacters(in: .whitespaces)
                if !LanguageTag.isWellFormed(t) {
                    r.fail(l.valueOffset, l.value.utf8.count, en: "Preferred-Languages: \"\(t)\" is not a language tag (RFC 5646)",
                           zh: "Preferred-Languages：“\(t)”不是语言标签（RFC 5646）")
                }
            }
        }
        if signed && canonicals.isEmpty {
            r.fail(0, en: "a signed file should have a Canonical field, so the signature cannot be reused elsewhere",
                   zh: "签名文件应包含 Canonical 字段，以免签名被用于其他位置")
        }
        if !canonicals.isEmpty && !canonicals.contains(where: { URLComponents(string: $0.value)?.path == "/" + file.path }) {
            let first = canonicals[0]
            r.fail(first.offset, en: "no Canonical URL names this file's place (/\(file.path))",
                   zh: "没有 Canonical 地址指向本文件的位置（/\(file.path)）")
        }
        return r
    }

    static func display(_ key: String) -> String {
        key == "csaf" ? "CSAF" : key.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: "-")
    }

    private func checkURI(_ f: Field, key: String, into r: inout SiteFileResult) {
        let value = f.value
        guard let c = URLComponents(string: value), let scheme = c.scheme?.lowercased(), !scheme.isEmpty else {
            let keyHint = key == "encryption" && value.contains("BEGIN PGP") ? " (give the key's URI, not the key)" : ""
            let keyHintZh = key == "encryption" && value.contains("BEGIN PGP") ? "（应给出密钥的 URI，而非密钥本身）" : ""
            r.fail(f.valueOffset, value.utf8.count, en: "\(f.name): \"\(value)\" is not a URI\(keyHint)",
                   zh: "\(f.name)：“\(value)”不是 URI\(keyHintZh)")
            return
        }
        if scheme == "http" {
            r.fail(f.valueOffset, value.utf8.count, en: "\(f.name): web URIs must use https", zh: "\(f.name)：网址必须使用 https")
        }
    }

    private func checkExpires(_ f: Field, now: Date, into r: inout SiteFileResult) {
        guard let date = Self.rfc3339(f.value) else {
            r.fail(f.valueOffset, f.value.utf8.count, en: "Expires \"\(f.value)\" is not an RFC 3339 date-time (e.g. 2027-01-31T23:00:00Z)",
                   zh: "Expires“\(f.value)”不是 RFC 3339 日期时间（例如 2027-01-31T23:00:00Z）")
            return
        }
        if date <= now {
            r.fail(f.valueOffset, f.value.utf8.count, en: "Expires \(f.value) has passed; the file is stale",
                   zh: "Expires \(f.value) 已过期，文件内容已失效")
        } else if date.timeIntervalSince(now) > 366 * 86_400 {
            r.fail(f.valueOffset, f.value.utf8.count, en: "Expires \(f.value) is more than a year away; keep it under a year",
                   zh: "Expires \(f.value) 距今超过一年；应少于一年")
        }
    }

    /// RFC 3339 `date-time` (with `T`, seconds, optional fraction, `Z` or an offset).
    static func rfc3339(_ s: String) -> Date? {
        let pattern = #"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$"#
        guard s.range(of: pattern, options: .regularExpression) != nil else { return nil }
        var text = s.uppercased()
        if let dot = text.firstIndex(of: "."), let zone = text[dot...].firstIndex(where: { $0 == "Z" || $0 == "+" || $0 == "-" }) {
            text.removeSubrange(dot..<zone)
        }
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyy-MM-dd'T'HH:mm:ssXXXXX"
        return f.date(from: text)
    }
}
