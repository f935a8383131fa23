import Foundation
@testable import GovlintCore
import Testing

@Suite struct GlobTests {
    @Test(arguments: [
        ("publiccode.yml", "publiccode.yml", true),
        ("publiccode.yml", "sub/dir/publiccode.yml", true),
        ("*.html", "a/b/c.html", true),
        ("docs/*.html", "docs/a.html", true),
        ("docs/*.html", "docs/x/a.html", false),
        ("docs/**", "docs/x/a.html", true),
        ("**/*.catalog.{yml,yaml}", "a/b/x.catalog.yaml", true),
        ("**/*.catalog.{yml,yaml}", "a/b/x.catalog.json", false),
        ("legacy/", "legacy/a/b.html", true),
        ("a?c.html", "abc.html", true),
        ("a?c.html", "abbc.html", false),
    ])
    func matching(_ pattern: String, _ path: String, _ expected: Bool) {
        #expect(Glob(pattern).matches(path) == expected)
    }

    /// The compiled matcher answers as the matcher that split and expanded on every call (kept below).
    @Test func compiledGlobsMatchTheReference() {
        let patterns = ["*.html", "docs/*.html", "docs/**", "**/*.catalog.{yml,yaml}", "legacy/", "a?c.html", "**", "",
                        "/", "./x/**/y", "x{a}y", "{a,{b,c}}d", "{,x}*", "{a", "a}", "*\u{301}", "é.html", "e\u{301}.html",
                        "**/", "a/**/b/**", "?", "*/", "x/*", "{*.html,*.htm}", "/abs/*.yml", "a//b",
                        "*.catalog.*", "a*b*c", "*?x", "**/openapi*.{yaml,yml,json}", "*.HTML"]
        let paths = ["a.html", "docs/a.html", "docs/x/a.html", "a/b/x.catalog.yaml", "a/b/x.catalog.json", "legacy/a/b.html",
                     "abc.html", "abbc.html", "", "/", "x/y", "x/q/r/y", "xay", "bd", "cd", "d", "xd", "{a", "a}",
                     "*\u{301}", "x\u{301}", "é.html", "e\u{301}.html", "a/b", "a/c/b/d", "a//b", "x//y/", "/\u{301}x/y",
                     "中文/页面.html", "x/中.htm", "a.catalog.x.catalog.json", "aXbYbZc", "abcb", "xxx", "x", "v1/openapi-v2.yml",
                     "openapi.json.bak", "A.HTML", "a.html.HTML"]
        for p in patterns {
            let glob = Glob(p)
            for path in paths {
                #expect(glob.matches(path) == ReferenceGlob(p).matches(path), "\(p) ~ \(path)")
            }
        }
    }
}

/// The matcher as it was before globs were compiled: the reference for the test above.
private struct ReferenceGlob {
    let segments: [String]
    let anyDepth: Bool

    init(_ pattern: String) {
        var p = pattern
        while p.hasPrefix("./") { p.removeFirst(2) }
        if p.hasPrefix("/") { p.removeFirst() }
        if p.hasSuffix("/") { p += "**" }
        anyDepth = !p.contains("/")
        segments = p.split(separator: "/").map(String.init)
    }

    func matches(_ path: String) -> Bool {
        let parts = path.split(separator: "/").map(String.init)
        if anyDepth { return parts.last.map { Self.matchSegment(segments.first ?? "", $0) } ?? false }
        return Self.match(segments[...], parts[...])
    }

    static func match(_ pattern: ArraySlice<String>, _ path: ArraySlice<String>) -> Bool {
        guard let first = pattern.first else { return path.isEmpty }
        if first == "**" {
            let rest = pattern.dropFirst()
            var p = path
            while true {
                if match(rest, p) { return true }
                if p.isEmpty { return false }
                p = p.dropFirst()
            }
        }
        guard let head = path.first, matchSegment(first, head) else { return false }
        return match(pattern.dropFirst(), path.dropFirst())
    }

    static func matchSegment(_ pattern: String, _ name: String) -> Bool {
        if let open = pattern.firstIndex(of: "{"), let close = pattern[open...].firstIndex(of: "}") {
            let prefix = pattern[..<open], suffix = pattern[pattern.index(after: close)...]
            return pattern[pattern.index(after: open)..<close].split(separator: ",", omittingEmptySubsequences: false)
                .contains { matchSegment(String(prefix) + String($0) + String(suffix), name) }
        }
        return wildcard(Array(pattern.unicodeScalars)[...], Array(name.unicodeScalars)[...])
    }

    static func wildcard(_ p: ArraySlice<Unicode.Scalar>, _ s: ArraySlice<Unicode.Scalar>) -> Bool {
        var pi = p.startIndex, si = s.startIndex
        var star: Int? = nil, mark = s.startIndex
        while si < s.endIndex {
            if pi < p.endIndex, p[pi] == "?" || p[pi] == s[si] {
                pi += 1; si += 1
            } else if pi < p.endIndex, p[pi] == "*" {
                star = pi; mark = si; pi += 1
            } else if let st = star {
                pi = st + 1; mark += 1; si = mark
            } else {
                return false
            }
        }
        while pi < p.endIndex, p[pi] == "*" { pi += 1 }
        return pi == p.endIndex
    }
}

@Suite struct ExportPathTests {
    @Test(arguments: [
        ("about/", "index.html", nil as String?, "about/index.html" as String?),
        ("../img/a.png", "news/2023/x.html", nil, "news/img/a.png"),
        ("/css/site.css?v=3#x", "a/b.html", nil, "css/site.css"),
        ("caf%C3%A9.html", "index.html", nil, "café.html"),
        ("https://www.usa.gov/", "index.html", nil, nil),
        ("//cdn.example.gov/x.js", "index.html", nil, nil),
        ("mailto:a@b.gov", "index.html", nil, nil),
        ("javascript:void(0)", "index.html", nil, nil),
        ("tel:+1", "index.html", nil, nil),
        ("#main", "index.html", nil, nil),
        ("", "index.html", nil, nil),
        ("../../out.html", "index.html", nil, nil),
        ("page.html", "a/index.html", "/docs/", "docs/page.html"),
        ("./", "a/b.html", nil, "a/index.html"),
        ("flag", "a/b/index.html", "https://agency.example.gov/site/", "flag"),
    ])
    func resolve(_ link: String, _ page: String, _ base: String?, _ expected: String?) {
        #expect(ExportPath.resolve(link, from: page, base: base) == expected)
    }

    @Test func directoriesFindIndexFiles() {
        let files: Set<String> = ["index.html", "about/index.htm", "x.html"]
        #expect(ExportPath.exists("about", in: files))
        #expect(ExportPath.exists("about/", in: files))
        #expect(ExportPath.exists("x.html", in: files))
        #expect(!ExportPath.exists("y.html", in: files))
    }
}

@Suite struct LocalizedTextTests {
    @Test func placeholdersAreFilledInBothLanguages() {
        let t = LocalizedText(en: "The link \"{url}\" is broken ({missing})", zhCN: "链接“{url}”无效")
        let f = t.filled(["url": "a.html"])
        #expect(f.en == "The link \"a.html\" is broken ({missing})")
        #expect(f.zhCN == "链接“a.html”无效")
    }
}
