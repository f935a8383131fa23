/// Resolves links inside a static export to the file they name. Works on
/// UTF-8 bytes: pages carry hundreds of links each, so this is a hot path.
public enum ExportPath {
    private static let slash = UInt8(ascii: "/")

    @inline(__always) private static func isSpace(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C
    }

    @inline(__always) private static func trimmed(_ s: String) -> ArraySlice<UInt8> {
        var bytes = Array(s.utf8)[...]
        while let f = bytes.first, isSpace(f) { bytes = bytes.dropFirst() }
        while let l = bytes.last, isSpace(l) { bytes = bytes.dropLast() }
        return bytes
    }

    /// Schemes and forms that never name a file of the export (`https:`, `mailto:`, `//host`).
    public static func isExternal(_ url: String) -> Bool { isExternal(trimmed(url)) }

    static func isExternal(_ b: ArraySlice<UInt8>) -> Bool {
        guard let first = b.first else { return false }
        if first == slash, b.dropFirst().first == slash { return true }
        guard (first | 0x20) >= 0x61 && (first | 0x20) <= 0x7A else { return false }
        for c in b.dropFirst() {
            if c == UInt8(ascii: ":") { return true }
            let letter = (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A
            let digit = c >= 0x30 && c <= 0x39
            if !(letter || digit || c == UInt8(ascii: "+") || c == UInt8(ascii: "-") || c == UInt8(ascii: ".")) { return false }
        }
        return false
    }

    /// The export-relative path a link points to, or nil for external links,
    /// pure fragments, empty links and links that climb above the export root.
    /// `base` is the page's `<base href>`: an absolute one names where the
    /// export's root is deployed, so relative links start from the root.
    public static func resolve(_ rawLink: String, from page: String, base: String? = nil) -> String? {
        var link = trimmed(rawLink)
        guard let first = link.first, first != UInt8(ascii: "#"), !isExternal(link) else { return nil }
        if let cut = link.firstIndex(where: { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") }) {
            link = link[..<cut]
        }
        if link.isEmpty { return nil }
        let decoded = link.contains(UInt8(ascii: "%")) ? percentDecode(link) : link
        var parts: [ArraySlice<UInt8>] = []
        if decoded.first != slash {
            if let base {
                let b = trimmed(base)
                if !isExternal(b) {
                    guard let dir = resolve(base.hasSuffix("/") ? base + "x" : base, from: page) else { return nil }
                    parts = Array(dir.utf8).split(separator: slash).dropLast().map { $0[...] }
                }
            } else {
                parts = Array(page.utf8).split(separator: slash).dropLast().map { $0[...] }
            }
        }
        for part in decoded.split(separator: slash, omittingEmptySubsequences: true) {
            if part.count == 1 && part.first == UInt8(ascii: ".") { continue }
            if part.count == 2 && part.first == UInt8(ascii: ".") && part.last == UInt8(ascii: ".") {
                if parts.isEmpty { return nil }
                parts.removeLast()
                continue
            }
            parts.append(part)
        }
        var out: [UInt8] = []
        out.reserveCapacity(decoded.count + page.utf8.count)
        for (i, p) in parts.enumerated() {
            if i > 0 { out.append(slash) }
            out.append(contentsOf: p)
        }
        if decoded.last == slash {
            if !out.isEmpty { out.append(slash) }
            out.append(contentsOf: Array("index.html".utf8))
        }
        if out.isEmpty { return "index.html" }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether a relative link climbs above the export root.
    public static func escapesRoot(_ rawLink: String, from page: String, base: String? = nil) -> Bool {
        let link = trimmed(rawLink)
        guard let first = link.first, first != UInt8(ascii: "#"), !isExternal(link),
              resolve(rawLink, from: page, base: base) == nil else { return false }
        return link.split(separator: slash).contains { $0.count == 2 && $0.allSatisfy { $0 == UInt8(ascii: ".") } }
    }

    /// Whether a resolved path exists, trying directory index files.
    public static func exists(_ path: String, in files: Set<String>) -> Bool {
        if files.contains(path) { return true }
        let trimmed = path.hasSuffix("/") ? String(path.dropLast()) : path
        for index in ["index.html", "index.htm", "index.shtml"] where files.contains(trimmed.isEmpty ? index : trimmed + "/" + index) {
            return true
        }
        return false
    }

    public static func percentDecode(_ s: String) -> String {
        String(decoding: percentDecode(Array(s.utf8)[...]), as: UTF8.self)
    }

    static func percentDecode(_ s: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        func hex(_ c: UInt8) -> UInt8? {
            switch c {
            case 0x30...0x39: c - 0x30
            case 0x41...0x46: c - 0x41 + 10
            case 0x61...0x66: c - 0x61 + 10
            default: nil
            }
        }
        var out: [UInt8] = []
        out.reserveCapacity(s.count)
        var i = s.startIndex
        while i < s.endIndex {
            if s[i] == UInt8(ascii: "%"), i + 2 < s.endIndex,
               let h = hex(s[i + 1]), let l = hex(s[i + 2]) {
                out.append(h << 4 | l)
                i += 3
            } else {
                out.append(s[i])
                i += 1
            }
        }
        return out[...]
    }
}
