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

    @inline(__always) private static func trimmed(_ b: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var start = 0, end = b.count
        while start < end, isSpace(b[start]) { start += 1 }
        while end > start, isSpace(b[end - 1]) { end -= 1 }
        return UnsafeBufferPointer(rebasing: b[start..<end])
    }

    /// Schemes and forms that never name a file of the export (`https:`, `mailto:`, `//host`).
    public static func isExternal(_ url: String) -> Bool {
        var url = url
        return url.withUTF8 { isExternal(trimmed($0)) }
    }

    static func isExternal(_ b: ArraySlice<UInt8>) -> Bool {
        b.withUnsafeBufferPointer { isExternal($0) }
    }

    static func isExternal(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
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
        var bytes = rawLink
        return bytes.withUTF8 { raw -> String? in
            var link = trimmed(raw)
            guard let first = link.first, first != UInt8(ascii: "#"), !isExternal(link) else { return nil }
            if let cut = link.firstIndex(where: { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") }) {
                link = UnsafeBufferPointer(rebasing: link[..<cut])
            }
            if link.isEmpty { return nil }
            // A link resolving to itself (`t1.html` on a root page) is returned as the same string.
            guard link.contains(UInt8(ascii: "%")) else {
                return resolvePath(link, from: page, base: base, whole: link.count == raw.count ? rawLink : nil)
            }
            return percentDecode(link).withUnsafeBufferPointer { resolvePath($0, from: page, base: base) }
        }
    }

    /// Resolves a decoded link path (no query or fragment) into one buffer: the segments of the
    /// starting directory, then the link's, joined by `/`; `..` cuts the buffer at its last `/`.
    /// The buffer is a temporary (stack) allocation; only the result is a new String.
    /// `whole` is the link as a String when `decoded` is all of its bytes: a result of the same bytes is
    /// that String (no new one made).
    private static func resolvePath(_ decoded: UnsafeBufferPointer<UInt8>, from page: String, base: String?,
                                    whole: String? = nil) -> String? {
        // Where relative links start: the page's directory, the base's, or the root.
        var start = ""
        if decoded.first != slash {
            if let base {
                var b = base
                if !b.withUTF8({ isExternal(trimmed($0)) }) {
                    guard let dir = resolve(base.hasSuffix("/") ? base + "x" : base, from: page) else { return nil }
                    start = dir
                }
            } else {
                start = page
            }
        }
        return start.withUTF8 { dir -> String? in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: decoded.count + dir.count + 12) { buffer -> String? in
                let out = buffer.baseAddress!
                var count = 0, segments = 0
                // Every non-empty segment of the starting path but its last (the file's name).
                var i = 0, from = 0
                while i <= dir.count {
                    if i == dir.count || dir[i] == slash {
                        if i > from { push(dir.baseAddress! + from, i - from, out, &count, &segments) }
                        from = i + 1
                    }
                    i += 1
                }
                if segments > 0 { pop(out, &count, &segments) }
                // Only from the root can the result be the link's own bytes.
                let fromRoot = segments == 0
                i = 0
                from = 0
                while i <= decoded.count {
                    if i == decoded.count || decoded[i] == slash {
                        let len = i - from
                        if len == 1 && decoded[from] == UInt8(ascii: ".") {
                            // stays
                        } else if len == 2 && decoded[from] == UInt8(ascii: ".") && decoded[from + 1] == UInt8(ascii: ".") {
                            if segments == 0 { return nil }
                            pop(out, &count, &segments)
                        } else if len > 0 {
                            push(decoded.baseAddress! + from, len, out, &count, &segments)
                        }
                        from = i + 1
                    }
                    i += 1
                }
                if decoded.last == slash {
                    if count > 0 { out[count] = slash; count += 1 }
                    for b in indexHTML { out[count] = b; count += 1 }
                }
                if count == 0 { return "index.html" }
                if fromRoot, let whole, count == decoded.count, same(out, decoded.baseAddress!, count) { return whole }
                return String(decoding: UnsafeBufferPointer(start: out, count: count), as: UTF8.self)
            }
        }
    }

    @inline(__always) private static func same(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ count: Int) -> Bool {
        for i in 0..<count where a[i] != b[i] { return false }
        return true
    }

    @inline(__always) private static func push(_ part: UnsafePointer<UInt8>, _ length: Int, _ out: UnsafeMutablePointer<UInt8>,
                                               _ count: inout Int, _ segments: inout Int) {
        if segments > 0 { out[count] = slash; count += 1 }
        (out + count).update(from: part, count: length)
        count += length
        segments += 1
    }

    @inline(__always) private static func pop(_ out: UnsafeMutablePointer<UInt8>, _ count: inout Int, _ segments: inout Int) {
        segments -= 1
        while count > 0 {
            count -= 1
            if out[count] == slash { return }
        }
    }

    private static let indexHTML = Array("index.html".utf8)

    /// Whether a relative link climbs above the export root.
    public static func escapesRoot(_ rawLink: String, from page: String, base: String? = nil) -> Bool {
        let link = trimmed(rawLink)
        guard let first = link.first, first != UInt8(ascii: "#"), !isExternal(link),
              resolve(rawLink, from: page, base: base) == nil else { return false }
        return link.split(separator: slash).contains { $0.count == 2 && $0.allSatisfy { $0 == UInt8(ascii: ".") } }
    }

    /// Whether a resolved path exists, trying directory index files.
    public static func exists(_ path: String, in files: Set<String>) -> Bool {
        if path.utf8.last != slash {
            // No trailing slash: the candidates are the path and `path/index…`, each built with one allocation.
            // When the last segment has no dot (most links to pages: `about`), the directory's index files
            // are tried first; the answer is the same.
            var bytes = path
            return bytes.withUTF8 { p in
                let directoryLike = !lastSegmentHasDot(p)
                if !directoryLike, files.contains(path) { return true }
                let index = indexSuffixes.contains { suffix in
                    files.contains(p.isEmpty ? String(decoding: suffix.dropFirst(), as: UTF8.self) : joined(p, suffix))
                }
                return index || (directoryLike && files.contains(path))
            }
        }
        if files.contains(path) { return true }
        let trimmed = path.hasSuffix("/") ? String(path.dropLast()) : path
        for index in ["index.html", "index.htm", "index.shtml"] where files.contains(trimmed.isEmpty ? index : trimmed + "/" + index) {
            return true
        }
        return false
    }

    /// ``exists(_:in:)-(_,Set<String>)`` from the export's ``SiteNameTable``: one look-up of the path, no
    /// candidate strings (resolved links never end with `/`; a path that does is looked up as before).
    public static func exists(_ path: String, in names: SiteNameTable) -> Bool {
        if path.utf8.last != slash { return !names.kinds(of: path).isDisjoint(with: [.file, .anyIndex]) }
        if names.kinds(of: path).contains(.file) { return true }
        let trimmed = path.hasSuffix("/") ? String(path.dropLast()) : path
        for index in ["index.html", "index.htm", "index.shtml"]
        where names.kinds(of: trimmed.isEmpty ? index : trimmed + "/" + index).contains(.file) {
            return true
        }
        return false
    }

    private static func lastSegmentHasDot(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = p.count
        while i > 0, p[i - 1] != slash {
            if p[i - 1] == UInt8(ascii: ".") { return true }
            i -= 1
        }
        return false
    }

    private static let indexSuffixes = ["/index.html", "/index.htm", "/index.shtml"].map { Array($0.utf8) }

    @inline(__always) private static func joined(_ a: UnsafeBufferPointer<UInt8>, _ b: [UInt8]) -> String {
        String(unsafeUninitializedCapacity: a.count + b.count) { out in
            _ = out.initialize(fromContentsOf: a)
            _ = UnsafeMutableBufferPointer(rebasing: out[a.count...]).initialize(fromContentsOf: b)
            return a.count + b.count
        }
    }

    public static func percentDecode(_ s: String) -> String {
        String(decoding: percentDecode(Array(s.utf8)[...]), as: UTF8.self)
    }

    static func percentDecode<C: RandomAccessCollection>(_ s: C) -> ArraySlice<UInt8> where C.Element == UInt8, C.Index == Int {
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
