import Foundation
import GovlintHTML

/// Fails for each link whose `#fragment` names no element of the target page
/// (no `id`, no `<a name>`), on the same page (`#x`) or another one
/// (`other.html#x`). `#`, `#top`, text fragments (`#:~:text=`) and hash-bang
/// routes (`#!/…`) are always valid. Collect with `selector: "html, a[href], area[href]"`:
/// the root element contributes the page's ids as short hashes (40 bits of
/// FNV-1a, ten hex digits each), links with a fragment contribute
/// `L<target>\t<fragment>`. Links to files that are not pages of the export
/// (missing files, PDFs) are left to other rules; a fragment-only link on a
/// page with `<base href>` goes to the base URL and is not checked.
struct FragmentTargetCheck: SiteCheck {
    static let id = "fragment-target-exists"
    static let summary = "Every `#fragment` of a link names an element (`id` or `<a name>`) of its target page."
    let attribute: String

    init(options: inout CheckOptions) throws(LocatedError) {
        attribute = (try options.string("attribute") ?? "href").lowercased()
        try options.finish()
    }

    func collect(_ element: HTMLElement, in page: PageContext) -> String? {
        // The root is a child of the document node: other elements skip looking it up.
        if element.core.parent == 0, element.index == page.document.root?.index {
            var hashes: [UInt64] = []
            for id in page.document.idIndex.keys { hashes.append(Self.hashValue(id)) }
            for e in page.elements(named: "a") {
                if let name = e.attribute("name"), !name.isEmpty, page.document.idIndex[name] == nil { hashes.append(Self.hashValue(name)) }
            }
            // Sorted as numbers, as their fixed-width lower-case hex digits sort.
            hashes.sort()
            return String(unsafeUninitializedCapacity: 1 + 11 * hashes.count) { out in
                out[0] = UInt8(ascii: "I")
                var at = 1
                for (k, h) in hashes.enumerated() {
                    if k > 0 { out[at] = UInt8(ascii: " "); at += 1 }
                    Self.writeHex(h, to: out.baseAddress! + at)
                    at += 10
                }
                return at
            }
        }
        guard let raw = element.attribute(attribute), let hashIndex = Self.firstHash(raw) else { return nil }
        let fragment = String(raw[raw.index(after: hashIndex)...])
        if fragment.isEmpty || Self.isTop(fragment) || fragment.hasPrefix(":~:") || fragment.hasPrefix("!") { return nil }
        let before = raw[..<hashIndex].trimmingCharacters(in: .whitespacesAndNewlines)
        let base = LinkTargetExistsCheck.base(page)
        let target: String
        if before.isEmpty || before.hasPrefix("?") {
            guard base == nil else { return nil }
            target = page.file
        } else {
            guard let resolved = ExportPath.resolve(String(before), from: page.file, base: base) else { return nil }
            target = resolved
        }
        return "L" + target + "\t" + fragment
    }

    func evaluate(_ facts: SiteFacts, in site: SiteContext) -> [SiteVerdict] {
        // Only pages some fragment link targets have their ids looked at, one page at a time: a
        // site-wide table of every page's ids would grow with the export. The links are one flat list
        // (target, fact) sorted by target, each target sharing the file list's string; fragments are
        // read again from the facts when a targeted page's ids are known.
        let files = site.info.files
        var links: [(file: String, factIndex: Int32)] = []
        for i in facts.indices {
            let value = facts.value(at: i)
            guard value.hasPrefix("L"), let (target, _) = Self.link(value), let file = SiteURL.file(target, in: files) else { continue }
            links.append((files.firstIndex(of: file).map { files[$0] } ?? file, Int32(i)))
        }
        guard !links.isEmpty else { return [] }
        links.sort { $0.file != $1.file ? $0.file < $1.file : $0.factIndex < $1.factIndex }
        // The distinct targets, where each one's links start, and its page's ids (the last such fact).
        var targets: [String] = []
        var starts: [Int] = []
        for (k, l) in links.enumerated() where targets.last != l.file {
            targets.append(l.file)
            starts.append(k)
        }
        starts.append(links.count)
        var idFact = [Int32](repeating: -1, count: targets.count)
        for i in facts.indices {
            // Binary search for the page among the targets.
            let file = facts.file(at: i)
            var lo = 0, hi = targets.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if targets[mid] < file { lo = mid + 1 } else { hi = mid }
            }
            if lo < targets.count, targets[lo] == file, facts.value(at: i).hasPrefix("I") { idFact[lo] = Int32(i) }
        }
        var verdicts: [SiteVerdict] = []
        for t in targets.indices where idFact[t] >= 0 {
            let page = facts[Int(idFact[t])] // one targeted page at a time
            let known = IDHashes(page.value)
            for k in starts[t]..<starts[t + 1] {
                let factIndex = Int(links[k].factIndex)
                let fragment = Self.link(facts.value(at: factIndex))!.fragment
                if known.contains(fragment) { continue }
                let decoded = ExportPath.percentDecode(fragment)
                if decoded != fragment, known.contains(decoded) { continue }
                verdicts.append(SiteVerdict(factIndex: factIndex, data: ["fragment": decoded, "target": page.file]))
            }
        }
        return verdicts.sorted { $0.factIndex < $1.factIndex }
    }

    /// A link fact's target and fragment (`L<target>\t<fragment>`), nil when it has no tab. A tab is always a
    /// Character of its own (there is a grapheme break on both sides of a control), so its byte splits.
    static func link(_ value: String) -> (target: String, fragment: String)? {
        var value = value
        return value.withUTF8 { b -> (String, String)? in
            guard b.count >= 1, let base = b.baseAddress,
                  let tab = memchr(base + 1, 0x09, b.count - 1) else { return nil }
            let t = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(tab))
            // Both pieces start and end at a Character boundary: valid UTF-8 on their own.
            return (String(decoding: UnsafeBufferPointer(rebasing: b[1..<t]), as: UTF8.self),
                    String(decoding: UnsafeBufferPointer(rebasing: b[(t + 1)...]), as: UTF8.self))
        }
    }

    /// A page's id fact (`I`, then ten-hex-digit hashes one space apart, in ascending order), searched where it
    /// lies: binary search over the fixed-width hashes instead of a set of the split text. A value of another
    /// shape (not written by ``collect(_:in:)``) is split and held in a set, as before.
    struct IDHashes {
        let value: String
        let set: Set<Substring>?

        init(_ value: String) {
            self.value = value
            let n = value.utf8.count
            let wellFormed = value.utf8.first == UInt8(ascii: "I") && (n == 1 || (n - 1) % 11 == 10)
            set = wellFormed ? nil : Set(value.dropFirst().split(separator: " "))
        }

        func contains(_ id: String) -> Bool {
            if let set { return set.contains(Substring(FragmentTargetCheck.hash(id))) }
            let wanted = FragmentTargetCheck.hashValue(id)
            var value = value
            return value.withUTF8 { b in
                var lo = 0, hi = (b.count + 1) / 11 // hashes
                while lo < hi {
                    let mid = (lo + hi) / 2
                    var v: UInt64 = 0
                    for k in 0..<10 {
                        let x = b[1 + 11 * mid + k]
                        v = v << 4 | UInt64(x <= 0x39 ? x &- 0x30 : x &- 0x57)
                    }
                    if v == wanted { return true }
                    if v < wanted { lo = mid + 1 } else { hi = mid }
                }
                return false
            }
        }
    }

    /// `raw.firstIndex(of: "#")` (a search by Character), found as a byte: the first `#` byte is that
    /// Character when its neighbours are ASCII (no combining mark after it, no prepended mark before).
    static func firstHash(_ raw: String) -> String.Index? {
        var bytes = raw
        // The byte offset of the first '#'; -1 without one, -2 when the Character search must decide.
        let offset = bytes.withUTF8 { b -> Int in
            guard let base = b.baseAddress, let found = memchr(base, Int32(UInt8(ascii: "#")), b.count) else { return -1 }
            let i = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
            return (i + 1 == b.count || b[i + 1] < 0x80) && (i == 0 || b[i - 1] < 0x80) ? i : -2
        }
        if offset == -1 { return nil }
        if offset == -2 { return raw.firstIndex(of: "#") }
        return raw.utf8.index(raw.utf8.startIndex, offsetBy: offset)
    }

    /// `fragment.lowercased() == "top"`; only an ASCII text is compared byte by byte.
    static func isTop(_ fragment: String) -> Bool {
        let u = fragment.utf8
        guard u.allSatisfy({ $0 < 0x80 }) else { return fragment.lowercased() == "top" }
        guard u.count == 3 else { return false }
        var it = u.makeIterator()
        return it.next()! | 0x20 == UInt8(ascii: "t") && it.next()! | 0x20 == UInt8(ascii: "o") && it.next()! | 0x20 == UInt8(ascii: "p")
    }

    /// Ten hex digits (40 bits) of the id's 64-bit FNV-1a hash: a page with
    /// 1,000 ids has about one chance in a billion of hiding a missing target.
    static func hash(_ id: String) -> String {
        String(unsafeUninitializedCapacity: 10) { out in
            writeHex(hashValue(id), to: out.baseAddress!)
            return 10
        }
    }

    /// The 40 bits ``hash(_:)`` writes.
    static func hashValue(_ id: String) -> UInt64 {
        var h: UInt64 = 0xcbf29ce484222325
        for b in id.utf8 { h = (h ^ UInt64(b)) &* 0x100000001b3 }
        return h & 0xFF_FFFF_FFFF
    }

    /// Writes a 40-bit value as ten lower-case hex digits.
    private static func writeHex(_ v: UInt64, to out: UnsafeMutablePointer<UInt8>) {
        for k in 0..<10 {
            let digit = UInt8((v >> (4 * (9 - k))) & 0xF)
            out[k] = digit < 10 ? 0x30 + digit : 0x57 + digit
        }
    }
}
