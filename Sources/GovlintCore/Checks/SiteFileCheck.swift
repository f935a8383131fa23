import Foundation
import GovlintHTML

/// A non-HTML file of the export that site checks read in the page phase:
/// `robots.txt`, XML sitemaps, `security.txt`.
public struct SiteTextFile: Sendable {
    /// Path relative to the export root.
    public let path: String
    /// The file's size in bytes (sitemaps have a size limit).
    public let byteCount: Int
    /// The text, decoded as UTF-8 (invalid sequences replaced), with line positions.
    public let source: SourceText
    /// Whether the bytes were valid UTF-8.
    public let isValidUTF8: Bool
    private let memos = Memos()

    /// Several checks read the same sitemap: one parse per file.
    final class Memos: @unchecked Sendable { var values: [String: Any] = [:] }

    /// A value computed once per file and shared by the checks that read it.
    func memo<T>(_ key: String, _ make: () -> T) -> T {
        if let v = memos.values[key] { return v as! T }
        let v = make()
        memos.values[key] = v as Any
        return v
    }

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        byteCount = bytes.count
        let valid = String(validating: bytes, as: UTF8.self)
        isValidUTF8 = valid != nil
        source = SourceText(valid ?? String(decoding: bytes, as: UTF8.self))
    }

    /// The range of `count` bytes at `offset`, clamped to the text.
    public func range(_ offset: Int, length: Int = 0) -> SourceRange {
        let start = max(0, min(offset, source.utf8.count))
        return source.range(start, min(source.utf8.count, start + max(0, length)))
    }

    /// The trimmed source line around `offset`, for snippets.
    /// Memoised per line: a one-line sitemap gives every fact the same line, and
    /// trimming a 150 KB line once per `<loc>` dominated a whole run's time.
    public func lineText(at offset: Int) -> String {
        let number = source.position(ofOffset: min(offset, source.utf8.count)).line
        return memo("line-text:\(number)") {
            let t = source.line(number).trimmingCharacters(in: .whitespacesAndNewlines)
            return t.count > 200 ? String(t.prefix(200)) + "…" : t
        }
    }
}

/// What a site check found in one site file: problems located in it, and
/// compact facts for the site phase (sharded runs and the cache keep both).
public struct SiteFileResult: Sendable {
    public struct Problem: Sendable {
        public var offset: Int
        public var length: Int
        public var verdict: Verdict
        /// Message data; file checks fill `problem` (English) and `problem-zh` (Chinese).
        public var data: [String: String]
    }
    public struct Fact: Sendable {
        public var value: String
        public var offset: Int
        public var length: Int
    }
    public var problems: [Problem] = []
    public var facts: [Fact] = []
    public init() {}

    public mutating func fail(_ offset: Int, _ length: Int = 0, verdict: Verdict = .doesNotHold,
                              en: String, zh: String, data: [String: String] = [:]) {
        var d = data
        d["problem"] = en
        d["problem-zh"] = zh
        problems.append(Problem(offset: offset, length: length, verdict: verdict, data: d))
    }

    public mutating func fact(_ value: String, _ offset: Int, _ length: Int = 0) {
        facts.append(Fact(value: value, offset: offset, length: length))
    }
}

/// A site check that also reads the export's site files (robots.txt, sitemaps,
/// security.txt). Each file is read once per run in the page phase, like a
/// page, so the results survive shards, merges and the cache; the site phase
/// sees the facts together with the pages' facts.
public protocol SiteFileCheck: SiteCheck {
    /// Whether this check reads the file at this export-relative path.
    func reads(_ path: String) -> Bool
    func check(_ file: SiteTextFile, site: SiteInfo) -> SiteFileResult
}

/// Which export files are site files (read by ``SiteFileCheck``s).
public enum SiteFiles {
    /// `robots.txt` at the root, `security.txt` (RFC 9116 and its legacy place), and XML files (sitemaps may have any name).
    public static func isSiteFile(_ path: String) -> Bool {
        let lower = path.lowercased()
        return lower == "robots.txt" || lower == ".well-known/security.txt" || lower == "security.txt" || lower.hasSuffix(".xml")
    }
}
