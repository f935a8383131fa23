import Foundation

/// What `govlint init` looks at to guess a profile: the pages' `lang` and a
/// few labels (the US government banner, Chinese titles).
public struct ProjectSurvey: Sendable, Equatable {
    public var pages = 0
    /// Pages whose `<html lang>` is Chinese (`zh…`), or, without `lang`, whose title is Chinese.
    public var chinesePages = 0
    /// Pages carrying the US federal banner text.
    public var usBannerPages = 0
    /// Descriptor files found at the top level (publiccode.yml, code.json, data.json).
    public var descriptors: [String] = []

    public init() {}

    static let bannerTexts = ["an official website of the united states government", "official website of the united states government"]
    static let pageLimit = 2_000

    /// Reads up to `pageLimit` HTML files under `folder` (hidden folders and node_modules skipped).
    public static func survey(_ folder: URL) -> ProjectSurvey {
        var s = ProjectSurvey()
        let fm = FileManager.default
        for name in ["publiccode.yml", "publiccode.yaml", "code.json", "data.json"]
        where fm.fileExists(atPath: folder.appendingPathComponent(name).path) {
            s.descriptors.append(name)
        }
        guard let walker = fm.enumerator(at: folder, includingPropertiesForKeys: [.isDirectoryKey],
                                         options: [.skipsHiddenFiles]) else { return s }
        for case let url as URL in walker {
            if url.lastPathComponent == "node_modules" { walker.skipDescendants(); continue }
            let ext = url.pathExtension.lowercased()
            guard ext == "html" || ext == "htm" else { continue }
            guard let handle = try? FileHandle(forReadingFrom: url) else { continue }
            let data = (try? handle.read(upToCount: 256 * 1024)) ?? Data()
            try? handle.close()
            s.add(page: String(decoding: data, as: UTF8.self))
            if s.pages >= pageLimit { break }
        }
        return s
    }

    public mutating func add(page html: String) {
        pages += 1
        let lower = html.lowercased()
        if let lang = Self.htmlLang(lower) {
            if lang == "zh" || lang.hasPrefix("zh-") { chinesePages += 1 }
        } else if let title = Self.title(html), title.unicodeScalars.contains(where: { (0x4E00...0x9FFF).contains($0.value) }) {
            chinesePages += 1
        }
        let collapsed = lower.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        if Self.bannerTexts.contains(where: { collapsed.contains($0) }) { usBannerPages += 1 }
    }

    /// The `lang` of the first `<html>` start tag (lower-cased input).
    static func htmlLang(_ lower: String) -> String? {
        guard let open = lower.range(of: "<html") else { return nil }
        guard let close = lower[open.upperBound...].firstIndex(of: ">") else { return nil }
        let tag = lower[open.upperBound..<close]
        guard let attr = tag.range(of: "lang=") else { return nil }
        var value = tag[attr.upperBound...]
        if let q = value.first, q == "\"" || q == "'" {
            value = value.dropFirst()
            return String(value.prefix { $0 != q }).trimmingCharacters(in: .whitespaces)
        }
        return String(value.prefix { !$0.isWhitespace && $0 != "/" })
    }

    static func title(_ html: String) -> String? {
        guard let open = html.range(of: "<title", options: .caseInsensitive),
              let gt = html[open.upperBound...].firstIndex(of: ">"),
              let close = html[gt...].range(of: "</title", options: .caseInsensitive) else { return nil }
        return String(html[html.index(after: gt)..<close.lowerBound])
    }

    /// The profile to suggest, given the profiles that exist, and why.
    public func guessProfile(available: Set<String>) -> (profile: String, reason: String) {
        let fallback = available.contains("wcag22-aa") ? "wcag22-aa" : available.contains("starter") ? "starter" : available.sorted().first ?? "starter"
        if usBannerPages > 0 && usBannerPages >= chinesePages {
            let reason = "\(usBannerPages) of \(pages) pages carry the US government banner"
            return available.contains("us-federal") ? ("us-federal", reason) : (fallback, reason + " (no us-federal profile yet)")
        }
        if chinesePages > 0 && chinesePages * 2 >= pages {
            let reason = "\(chinesePages) of \(pages) pages are in Chinese"
            return available.contains("cn-gov") ? ("cn-gov", reason) : (fallback, reason + " (no cn-gov profile yet)")
        }
        return (fallback, pages == 0 ? "no pages found" : "\(pages) pages, none Chinese or with the US government banner")
    }
}
