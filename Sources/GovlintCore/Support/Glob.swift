/// A path glob: `*` (within a segment), `**` (any number of segments), `?`,
/// `{a,b}` alternatives. A pattern without `/` matches a file name at any depth.
public struct Glob: Sendable, Hashable, CustomStringConvertible {
    public let pattern: String
    private let segments: [String]
    private let anyDepth: Bool

    public init(_ pattern: String) {
        self.pattern = pattern
        var p = pattern
        while p.hasPrefix("./") { p.removeFirst(2) }
        if p.hasPrefix("/") { p.removeFirst() }
        if p.hasSuffix("/") { p += "**" }
        anyDepth = !p.contains("/")
        segments = p.split(separator: "/").map(String.init)
    }

    public var description: String { pattern }

    /// Matches an export-relative path with `/` separators.
    public func matches(_ path: String) -> Bool {
        let parts = path.split(separator: "/").map(String.init)
        if anyDepth { return parts.last.map { Glob.matchSegment(segments.first ?? "", $0) } ?? false }
        return Glob.match(segments[...], parts[...])
    }

    private static func match(_ pattern: ArraySlice<String>, _ path: ArraySlice<String>) -> Bool {
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

    /// Matches one segment; `{a,b}` expands to alternatives.
    static func matchSegment(_ pattern: String, _ name: String) -> Bool {
        if let open = pattern.firstIndex(of: "{"), let close = pattern[open...].firstIndex(of: "}") {
            let prefix = pattern[..<open], suffix = pattern[pattern.index(after: close)...]
            return pattern[pattern.index(after: open)..<close].split(separator: ",", omittingEmptySubsequences: false)
                .contains { matchSegment(String(prefix) + String($0) + String(suffix), name) }
        }
        return wildcard(Array(pattern.unicodeScalars)[...], Array(name.unicodeScalars)[...])
    }

    private static func wildcard(_ p: ArraySlice<Unicode.Scalar>, _ s: ArraySlice<Unicode.Scalar>) -> Bool {
        // Iterative matcher with backtracking to the last `*`.
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
