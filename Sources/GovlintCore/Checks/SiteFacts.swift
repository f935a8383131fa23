import GovlintHTML

/// One site rule's facts as a site check reads them, held compactly: the values back to back in one byte
/// buffer, each fact's file as an index into a list of file names (one per run of facts of one file), and
/// positions as 32-bit numbers (none while every fact has the same range, as one value per distinct value has). A fact costs ~32 bytes plus its value's bytes, where a ``SiteFact`` in an
/// array is 96 bytes plus a string allocation per value: a rule's facts are held at once in the site phase
/// (one or more per page of the export).
///
/// A collection of ``SiteFact``s: `facts[i]` makes the fact when read (its value a new string), so checks
/// read it as they would an array; ``value(at:)`` and ``file(at:)`` read one field.
public struct SiteFacts: RandomAccessCollection, Sendable {
    /// File names, one per run of facts of one file (a file may appear in several runs).
    private var files: [String] = []
    private var fileIndex: [Int32] = []
    private var bytes: [UInt8] = []
    /// Where each value ends in `bytes` (it starts where the previous one ends).
    private var ends: [Int] = []
    /// Six numbers per fact (start line, column, offset; end line, column, offset); a position that does not
    /// fit 32 bits is kept in `wide` instead.
    private var positions: [Int32] = []
    private var wide: [Int: SourceRange] = [:]
    /// While every fact has the same range (one value per distinct value: all at the file's start), that range,
    /// and `positions` stays empty.
    private var uniform: SourceRange?
    /// One per fact, or none (`hasSnippets` false) while every snippet is empty.
    private var snippets: [String] = []
    private var hasSnippets = false

    public init() {}

    public init(_ facts: some Collection<SiteFact>) {
        self.init()
        reserveCapacity(facts.count, valueBytes: facts.reduce(0) { $0 + $1.value.utf8.count })
        for f in facts { append(f) }
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { ends.count }

    public subscript(i: Int) -> SiteFact {
        SiteFact(file: file(at: i), value: value(at: i), range: range(at: i), snippet: snippet(at: i))
    }

    /// Room for `n` facts, values of `valueBytes` bytes in all, and `files` runs of facts of one file: the
    /// table is then allocated once at its size (grown by doubling, it would hold up to twice that, and the
    /// old and new buffers at once while it grows).
    public mutating func reserveCapacity(_ n: Int, valueBytes: Int = 0, files runs: Int = 0) {
        fileIndex.reserveCapacity(n)
        ends.reserveCapacity(n)
        if valueBytes > 0 { bytes.reserveCapacity(valueBytes) }
        if runs > 0 { files.reserveCapacity(runs) }
    }

    public mutating func append(_ f: SiteFact) {
        let i = ends.count
        if let last = files.last, last == f.file {
            fileIndex.append(Int32(files.count - 1))
        } else {
            files.append(f.file)
            fileIndex.append(Int32(files.count - 1))
        }
        var value = f.value
        value.withUTF8 { bytes.append(contentsOf: $0) }
        ends.append(bytes.count)
        if !f.snippet.isEmpty, !hasSnippets {
            snippets = Array(repeating: "", count: i)
            hasSnippets = true
        }
        if hasSnippets { snippets.append(f.snippet) }
        let r = f.range
        if i == 0 || uniform == r {
            uniform = r
            return
        }
        if let u = uniform {
            // The first fact with another range: the earlier ones' are written out.
            uniform = nil
            positions.reserveCapacity(6 * Swift.max(i + 1, ends.capacity))
            for k in 0..<i { appendPositions(u, at: k) }
        }
        appendPositions(r, at: i)
    }

    private mutating func appendPositions(_ r: SourceRange, at i: Int) {
        if let a = Int32(exactly: r.start.line), let b = Int32(exactly: r.start.column), let c = Int32(exactly: r.start.offset),
           let d = Int32(exactly: r.end.line), let e = Int32(exactly: r.end.column), let g = Int32(exactly: r.end.offset) {
            positions.append(a); positions.append(b); positions.append(c)
            positions.append(d); positions.append(e); positions.append(g)
        } else {
            for _ in 0..<6 { positions.append(0) }
            wide[i] = r
        }
    }

    public mutating func append(contentsOf other: SiteFacts) {
        for i in other.indices { append(other[i]) }
    }

    public func file(at i: Int) -> String { files[Int(fileIndex[i])] }

    public func value(at i: Int) -> String {
        let start = i == 0 ? 0 : ends[i - 1]
        return bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[start..<ends[i]]), as: UTF8.self) }
    }

    /// The value's UTF-8 bytes, without making a string.
    public func withValueBytes<R>(at i: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let start = i == 0 ? 0 : ends[i - 1]
        return try bytes.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[start..<ends[i]])) }
    }

    public func range(at i: Int) -> SourceRange {
        if let uniform { return uniform }
        if !wide.isEmpty, let r = wide[i] { return r }
        let p = 6 * i
        return SourceRange(start: SourcePosition(line: Int(positions[p]), column: Int(positions[p + 1]), offset: Int(positions[p + 2])),
                           end: SourcePosition(line: Int(positions[p + 3]), column: Int(positions[p + 4]), offset: Int(positions[p + 5])))
    }

    public func snippet(at i: Int) -> String { hasSnippets ? snippets[i] : "" }

    /// Whether fact `a` comes before fact `b` in (file, start position) order.
    func precedes(_ a: Int, _ b: Int) -> Bool {
        let fa = fileIndex[a], fb = fileIndex[b]
        if fa != fb {
            let x = files[Int(fa)], y = files[Int(fb)]
            if x != y { return x < y }
        }
        return range(at: a).start < range(at: b).start
    }

    /// The facts in (file, start position) order, as a stable sort gives them, and where each was in
    /// `self` (nil when they are in that order already: then nothing is copied).
    func sortedByFileAndPosition() -> (facts: SiteFacts, order: [Int]?) {
        var inOrder = true
        var i = 1
        while i < count {
            if precedes(i, i - 1) { inOrder = false; break }
            i += 1
        }
        if inOrder { return (self, nil) }
        let order = indices.sorted { a, b in precedes(a, b) || (!precedes(b, a) && a < b) }
        var sorted = SiteFacts()
        sorted.reserveCapacity(count, valueBytes: bytes.count, files: files.count)
        for k in order { sorted.append(self[k]) }
        return (sorted, order)
    }
}
