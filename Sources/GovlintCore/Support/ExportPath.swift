/// Resolves links inside a static export to the file they name.
public enum ExportPath {
    /// Schemes and forms that never name a file of the export.
    public static func isExternal(_ url: String) -> Bool {
        let lower = url.lowercased()
        if lower.hasPrefix("//") { return true }
        if let colon = lower.firstIndex(of: ":") {
            let scheme = lower[..<colon]
            if !scheme.isEmpty, scheme.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." }),
               scheme.first!.isLetter {
                return true
            }
        }
        return false
    }

    /// The export-relative path a link points to, or nil for external links,
    /// pure fragments and empty links. `base` is the page's `<base href>` if any.
    public static func resolve(_ rawLink: String, from page: String, base: String? = nil) -> String? {
        var link = rawLink.trimmingCharacters(in: [" ", "\t", "\n", "\r", "\u{0C}"])
        if link.isEmpty || link.hasPrefix("#") || isExternal(link) { return nil }
        if let q = link.firstIndex(where: { $0 == "?" || $0 == "#" }) { link = String(link[..<q]) }
        if link.isEmpty { return nil }
        link = percentDecode(link)
        var directory: [Substring]
        if link.hasPrefix("/") {
            directory = []
        } else if let base, isExternal(base) {
            // An absolute <base href> names where the export is deployed: relative
            // links then start from the export root.
            directory = []
        } else if let base, let resolvedBase = resolveDirectory(base, from: page) {
            directory = resolvedBase
        } else {
            directory = page.split(separator: "/").dropLast().map { $0 }
        }
        var parts = directory
        for part in link.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                if parts.isEmpty { return nil } // escapes the export root
                parts.removeLast()
                continue
            }
            parts.append(part)
        }
        var path = parts.joined(separator: "/")
        if link.hasSuffix("/") { path += path.isEmpty ? "index.html" : "/index.html" }
        if path.isEmpty { path = "index.html" }
        return path
    }

    /// Whether a relative link climbs above the export root.
    public static func escapesRoot(_ rawLink: String, from page: String, base: String? = nil) -> Bool {
        let link = rawLink.trimmingCharacters(in: [" ", "\t", "\n", "\r", "\u{0C}"])
        guard !link.isEmpty, !link.hasPrefix("#"), !isExternal(link), resolve(link, from: page, base: base) == nil else { return false }
        return link.split(separator: "/").contains("..")
    }

    private static func resolveDirectory(_ base: String, from page: String) -> [Substring]? {
        guard let target = resolve(base.hasSuffix("/") ? base + "x" : base, from: page) else { return nil }
        return target.split(separator: "/").dropLast().map { $0 }
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
        guard s.contains("%") else { return s }
        var bytes: [UInt8] = []
        var utf8 = Array(s.utf8)[...]
        while let b = utf8.first {
            utf8 = utf8.dropFirst()
            if b == UInt8(ascii: "%"), utf8.count >= 2,
               let v = UInt8(String(decoding: utf8.prefix(2), as: UTF8.self), radix: 16) {
                bytes.append(v)
                utf8 = utf8.dropFirst(2)
            } else {
                bytes.append(b)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

import Foundation
