@testable import GovlintCore
import Testing

/// The export's name table must answer as the look-ups of joined strings it replaced, also where
/// Unicode makes strings equal that differ in bytes (canonical equivalence, which `Set<String>` follows).
struct SiteNamesTests {
    /// Files in odd spellings: NFC and NFD, a Kelvin sign (canonically `K`), a prepended concatenation
    /// mark (one Character with the `/` after it), directory and extension forms, a leading slash, an empty segment.
    static let files: [String] = [
        "index.html", "index.htm", "a.html", "a/index.html", "a.html.html", "a.html/index.html", "b/index.htm", "c/index.shtml",
        "d.htm", ".html", "/index.html", "x//index.html", "caf\u{E9}.html", "caf\u{E9}/index.html", "re\u{301}sume\u{301}.htm",
        "\u{212A}elvin.html", "\u{600}/index.html", "\u{600}.html", "p\u{600}.html", "深/页.html", "深/index.html", "img/logo.png",
        "doc.pdf", "INDEX.HTML", "up.HTML", "dir.d/page/index.html", "v1.2", "v1.2/index.html", "a/\u{301}.html", "a/\u{301}/index.html",
        "sp ace.html", "t.html/", "e\u{301}",
    ]

    /// Link values and resolved paths, in the same and in other spellings.
    static let names: [String] = [
        "", "/", "a", "a/", "a.html", "a.html.html", "a/index", "a/index.html", "b", "b/", "c", "c/", "d", "d.htm", "index", "index/",
        "x/", "x", "x//", "café", "cafe\u{301}", "cafe\u{301}/", "résumé", "re\u{301}sume\u{301}", "Kelvin", "\u{212A}elvin",
        "\u{600}", "\u{600}/", "p\u{600}", "深", "深/", "深/页", "img/logo.png", "img/logo", "doc.pdf", "doc", "INDEX", "index.HTML",
        "up", "up.html", "dir.d/page", "dir.d/page/", "v1.2", "v1.2/", "a/\u{301}", "a/\u{301}/", "a/", "sp ace", "t.html", "t.html/",
        "é", "e\u{301}", "missing", "missing.html", "t0.html", ".", "./", "/index", "/index.html",
    ]

    static func fileSets() -> [Set<String>] {
        // All the files, then exports missing some of them (so that names reach one form and not another).
        [Set(files)] + (0..<4).map { k in Set(files.enumerated().filter { $0.offset % 4 != k }.map(\.element)) } + [[], ["index.html"], ["/index.html", "a.html"]]
    }

    @Test func existsAsTheJoinedStringLookUps() {
        for files in Self.fileSets() {
            let table = SiteNameTable(files)
            for name in Self.names + Self.files {
                #expect(ExportPath.exists(name, in: table) == ExportPath.exists(name, in: files), "\(name) in \(files.sorted())")
            }
        }
    }

    @Test func pagesNamedAsTheAliasLookUps() {
        for files in Self.fileSets() {
            let table = SiteNameTable(files)
            for name in Self.names + Self.files {
                #expect(OrphanPageCheck.pagesNamed(by: name, in: table, files: files) == OrphanPageCheck.pagesNamed(by: name, in: files),
                        "\(name) in \(files.sorted())")
            }
        }
    }

    /// The table's kinds, bit by bit, against the strings they stand for.
    @Test func kindsAreTheFilesOfEachForm() {
        for files in Self.fileSets() {
            let table = SiteNameTable(files)
            for name in Self.names + Self.files {
                let kinds = table.kinds(of: name)
                #expect(kinds.contains(.file) == files.contains(name), "\(name)")
                for ending in SiteNameTable.endings {
                    let joined = ending.suffix.hasPrefix("/") && name.isEmpty ? String(ending.suffix.dropFirst()) : name + ending.suffix
                    #expect(kinds.contains(ending.kind) == files.contains(joined), "\(name) + \(ending.suffix)")
                }
            }
        }
    }

    @Test func siteInfoRebuildsItsNamesWhenTheFilesChange() {
        var site = SiteInfo(files: ["a.html"])
        #expect(site.names.table.kinds(of: "a") == .dotHTML)
        site.files = ["a/index.html"]
        #expect(site.names.table.kinds(of: "a") == .indexHTML)
        #expect(!ExportPath.exists("a.html", in: site.names.table))
    }
}

/// PageLinks numbers hrefs with one hash each; the numbers must be a dictionary's.
struct FirstSeenNumberingTests {
    static func byDictionary(_ strings: [String]) -> [Int32] {
        var numbers: [String: Int32] = [:]
        return strings.map { s in
            if let v = numbers[s] { return v }
            numbers[s] = Int32(numbers.count)
            return Int32(numbers.count - 1)
        }
    }

    @Test(arguments: [0, 1, 3, 40, 1000])
    func numbersAsADictionary(_ capacity: Int) {
        // Canonically equivalent spellings are one value; a grown table (capacity 0, 1, 3) keeps its numbers.
        var strings = ["café", "cafe\u{301}", "", " ", "a", "a", "\u{212A}", "K", "x.html", "x.html ", "é", "e\u{301}", "\u{600}/"]
        strings += (0..<300).map { "t\($0 % 170).html" } + strings.reversed()
        var numbering = FirstSeenNumbering(capacity: capacity)
        #expect(strings.map { numbering.number($0) } == Self.byDictionary(strings))
        #expect(numbering.distinct.count == Set(strings).count)
    }
}

struct MissingTargetDataTests {
    @Test(arguments: [("t1.html", "t1.html"), ("", ""), ("../a b.html", "a b.html"), ("caf\u{E9}", "cafe\u{301}"),
                      (String(repeating: "long/", count: 20), "x")])
    func missingDataIsTheLiteral(_ url: String, _ path: String) {
        let data = LinkTargetExistsCheck.missingData(url, path)
        #expect(data == ["url": url, "path": path])
        #expect(data.count == 2 && data["url"].map { $0.utf8.elementsEqual(url.utf8) } == true)
        // The shared template is not written through.
        #expect(LinkTargetExistsCheck.missingData("u", "p") == ["url": "u", "path": "p"])
    }
}
