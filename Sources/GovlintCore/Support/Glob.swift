/// A path glob: `*` (within a segment), `**` (any number of segments), `?`,
/// `{a,b}` alternatives. A pattern without `/` matches a file name at any depth.
///
/// Compiled once: each segment is `**`, a literal, or its `{a,b}` expansions as
/// scalar arrays; matching splits the path once, on bytes when it is ASCII.
public struct Glob: Sendable, Hashable, CustomStringConvertible {
    public let pattern: String
    private let segments: [Segment]
    private let anyDepth: Bool

    enum Segment: Sendable, Hashable {
        case anySegments
        case literal(String)
        /// The segment's `{a,b}` expansions, each as Unicode scalars (`*` and `?` are wildcards).
        case wildcard([[Unicode.Scalar]])
    }

    public init(_ pattern: String) {
        self.pattern = pattern
        var p = pattern
        while p.hasPrefix("./") { p.removeFirst(2) }
        if p.hasPrefix("/") { p.removeFirst() }
        if p.hasSuffix("/") { p += "**" }
        anyDepth = !p.contains("/")
        segments = p.split(separator: "/").map { Self.compile(String($0)) }
    }

    public var description: String { pattern }
    public static func == (a: Glob, b: Glob) -> Bool { a.pattern == b.pattern }
    public func hash(into hasher: inout Hasher) { hasher.combine(pattern) }

    /// Matches an export-relative path with `/` separators.
    public func matches(_ path: String) -> Bool {
        matches(Path(path))
    }

    /// A path split into segments once, for matching it against several globs.
    public struct Path {
        let parts: [Substring]

        public init(_ path: String) {
            // `/` splits on bytes when every byte is ASCII; otherwise by characters, as a `/` followed by a
            // combining mark is not a separator.
            if Self.isASCII(path) {
                var parts: [Substring] = []
                var start = path.startIndex
                let utf8 = path.utf8
                var i = utf8.startIndex
                while i < utf8.endIndex {
                    if utf8[i] == UInt8(ascii: "/") {
                        if start < i { parts.append(path[start..<i]) }
                        start = utf8.index(after: i)
                    }
                    i = utf8.index(after: i)
                }
                if start < path.endIndex { parts.append(path[start...]) }
                self.parts = parts
            } else {
                parts = path.split(separator: "/")
            }
        }

        /// Whether every byte is ASCII, eight bytes at a time (a generic `allSatisfy` over the UTF-8 view
        /// cost more than splitting the path).
        static func isASCII(_ path: String) -> Bool {
            var path = path
            return path.withUTF8 { b in
                var i = 0
                while i + 8 <= b.count {
                    if UnsafeRawPointer(b.baseAddress! + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
                    i += 8
                }
                while i < b.count {
                    if b[i] >= 0x80 { return false }
                    i += 1
                }
                return true
            }
        }
    }

    public func matches(_ path: Path) -> Bool {
        if anyDepth {
            guard let last = path.parts.last else { return false }
            return segments.first.map { Self.matchSegment($0, last) } ?? Self.matchSegment(.literal(""), last)
        }
        return Self.match(segments[...], path.parts[...])
    }

    private static func match(_ pattern: ArraySlice<Segment>, _ path: ArraySlice<Substring>) -> Bool {
        guard let first = pattern.first else { return path.isEmpty }
        if case .anySegments = first {
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

    static func compile(_ segment: String) -> Segment {
        if segment == "**" { return .anySegments }
        let expansions = expand(segment)
        if expansions.count == 1, !expansions[0].unicodeScalars.contains(where: { $0 == "*" || $0 == "?" }) {
            return .literal(expansions[0])
        }
        return .wildcard(expansions.map { Array($0.unicodeScalars) })
    }

    /// `{a,b}` alternatives expanded, the first brace pair at a time (as the matcher always read them).
    static func expand(_ pattern: String) -> [String] {
        guard let open = pattern.firstIndex(of: "{"), let close = pattern[open...].firstIndex(of: "}") else { return [pattern] }
        let prefix = pattern[..<open], suffix = pattern[pattern.index(after: close)...]
        return pattern[pattern.index(after: open)..<close].split(separator: ",", omittingEmptySubsequences: false)
            .flatMap { expand(String(prefix) + String($0) + String(suffix)) }
    }

    /// Matches one compiled segment of a pattern against one segment of a path.
    static func matchSegment(_ segment: Segment, _ name: Substring) -> Bool {
        switch segment {
        case .anySegments:
            return wildcard(Array("**".unicodeScalars)[...], name.unicodeScalars.map(\.value))
        case let .literal(text):
            return name == text && name.unicodeScalars.elementsEqual(text.unicodeScalars)
        case let .wildcard(alternatives):
            // An ASCII name's bytes are its scalars: matched where they lie, without an array of scalars.
            if name.utf8.allSatisfy({ $0 < 0x80 }) {
                var name = name
                return name.withUTF8 { bytes in alternatives.contains { wildcard($0[...], bytes) } }
            }
            let scalars = name.unicodeScalars.map(\.value)
            return alternatives.contains { wildcard($0[...], scalars) }
        }
    }

    /// Iterative matcher with backtracking to the last `*`, over a name's scalar values: an ASCII name's
    /// bytes where they lie, or an array of its scalars.
    private static func wildcard<S: RandomAccessCollection>(_ p: ArraySlice<Unicode.Scalar>, _ s: S) -> Bool
        where S.Index == Int, S.Element: FixedWidthInteger {
        var pi = p.startIndex, si = s.startIndex
        var star: Int? = nil, mark = s.startIndex
        while si < s.endIndex {
            if pi < p.endIndex, p[pi] == "?" || p[pi].value == UInt32(s[si]) {
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
