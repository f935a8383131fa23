/// The decoded (UTF-8) text of a file together with what is needed to map
/// decoded byte offsets back to lines, columns and original byte offsets.
///
/// Lines break at LF, CRLF and lone CR. Decoding maps every original character
/// to exactly one scalar, so line and column computed on the decoded text are
/// those of the original file; only byte offsets need the encoder.
public final class SourceText: Sendable {
    /// Decoded UTF-8 bytes.
    public let utf8: [UInt8]
    /// The encoding the file was decoded from (WHATWG name, lower case).
    public let encoding: String
    /// How the encoding was determined: "bom", "meta", "default" or "sniffed".
    public let encodingSource: String
    private let lineStarts: [Int]
    /// For every 4 KiB block: scalars between its line's start and the block start,
    /// so a column on a very long line costs at most one block's scan.
    private let blockColumns: [Int32]
    static let blockSize = 4096
    private let originalLineStarts: [Int]?
    private let encoder: (@Sendable ([UInt8]) -> Int)?

    /// - Parameters:
    ///   - originalLineStarts: original byte offsets of each line start, when the file was not UTF-8.
    ///   - encoder: counts the bytes that a decoded UTF-8 fragment occupied in the original encoding.
    public init(utf8: [UInt8], encoding: String = "utf-8", encodingSource: String = "default",
                originalLineStarts: [Int]? = nil, encoder: (@Sendable ([UInt8]) -> Int)? = nil) {
        self.utf8 = utf8
        self.encoding = encoding
        self.encodingSource = encodingSource
        self.lineStarts = SourceText.computeLineStarts(utf8)
        self.blockColumns = SourceText.computeBlockColumns(utf8)
        self.originalLineStarts = originalLineStarts
        self.encoder = encoder
    }

    public convenience init(_ string: String) {
        self.init(utf8: Array(string.utf8))
    }

    public static func computeLineStarts(_ bytes: [UInt8]) -> [Int] {
        var starts = [0]
        starts.reserveCapacity(bytes.count / 40 + 1)
        bytes.withUnsafeBufferPointer { buf in
            var i = 0
            let n = buf.count
            while i < n {
                let b = buf[i]
                if b == 0x0A {
                    starts.append(i + 1)
                } else if b == 0x0D {
                    if i + 1 < n, buf[i + 1] == 0x0A { i += 1 }
                    starts.append(i + 1)
                }
                i += 1
            }
        }
        return starts
    }

    static func computeBlockColumns(_ bytes: [UInt8]) -> [Int32] {
        guard bytes.count > blockSize else { return [] }
        var result: [Int32] = []
        result.reserveCapacity(bytes.count / blockSize + 1)
        bytes.withUnsafeBufferPointer { buf in
            var scalars: Int32 = 0
            for i in 0..<buf.count {
                if i % blockSize == 0 { result.append(scalars) }
                let b = buf[i]
                if b == 0x0A || b == 0x0D {
                    scalars = 0
                } else if b & 0xC0 != 0x80 {
                    scalars += 1
                }
            }
        }
        return result
    }

    public var lineCount: Int { lineStarts.count }

    /// The position of a decoded byte offset (clamped into the text).
    public func position(ofOffset rawOffset: Int) -> SourcePosition {
        let offset = max(0, min(rawOffset, utf8.count))
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        let lineStart = lineStarts[lo]
        var column = 1
        var i = lineStart
        let block = offset / SourceText.blockSize
        if block < blockColumns.count, block * SourceText.blockSize > lineStart {
            i = block * SourceText.blockSize
            column = 1 + Int(blockColumns[block])
        }
        column += Self.scalarCount(utf8, i, offset)
        // Offsets inside a multi-byte scalar count as that scalar.
        if offset < utf8.count, offset > lineStart, utf8[offset] & 0xC0 == 0x80 { column -= 1 }
        let original: Int
        if let originalLineStarts, lo < originalLineStarts.count {
            let prefix = Array(utf8[lineStart..<offset])
            original = originalLineStarts[lo] + (encoder?(prefix) ?? prefix.count)
        } else {
            original = offset
        }
        return SourcePosition(line: lo + 1, column: column, offset: original)
    }

    /// Scalars in `bytes[start..<end]` (bytes that are not UTF-8 continuation bytes), eight bytes at a time.
    static func scalarCount(_ bytes: [UInt8], _ start: Int, _ end: Int) -> Int {
        guard start < end else { return 0 }
        return bytes.withUnsafeBytes { raw in
            var continuations = 0
            var i = start
            while i + 8 <= end {
                let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                // High bit set and the next bit clear: 10xxxxxx.
                continuations += (w & ~(w << 1) & 0x8080_8080_8080_8080).nonzeroBitCount
                i += 8
            }
            while i < end {
                if raw[i] & 0xC0 == 0x80 { continuations += 1 }
                i += 1
            }
            return end - start - continuations
        }
    }

    /// The decoded byte offset of a 1-based line and column (clamped).
    public func offset(line: Int, column: Int) -> Int {
        guard line >= 1, line <= lineStarts.count else { return line < 1 ? 0 : utf8.count }
        var i = lineStarts[line - 1]
        var c = 1
        while c < column, i < utf8.count, utf8[i] != 0x0A, utf8[i] != 0x0D {
            i += 1
            while i < utf8.count, utf8[i] & 0xC0 == 0x80 { i += 1 }
            c += 1
        }
        return i
    }

    public func range(_ start: Int, _ end: Int) -> SourceRange {
        let from = position(ofOffset: start)
        let to = max(start, end)
        // An end on the start's line (a start tag, most of the time) is counted on from the start:
        // no second search of the line starts, no second scan from the line's start or block.
        let offset = max(0, min(start, utf8.count)), endOffset = max(0, min(to, utf8.count))
        let lineEnd = from.line < lineStarts.count ? lineStarts[from.line] : utf8.count + 1
        guard originalLineStarts == nil, endOffset < lineEnd else {
            return SourceRange(start: from, end: position(ofOffset: to))
        }
        let lineStart = lineStarts[from.line - 1]
        // Offsets inside a multi-byte scalar count as that scalar (as `position(ofOffset:)` counts them).
        func inside(_ o: Int) -> Int { o < utf8.count && o > lineStart && utf8[o] & 0xC0 == 0x80 ? 1 : 0 }
        let column = from.column + inside(offset) + Self.scalarCount(utf8, offset, endOffset) - inside(endOffset)
        return SourceRange(start: from, end: SourcePosition(line: from.line, column: column, offset: endOffset))
    }

    /// The text of the 1-based line, without its line break.
    public func line(_ number: Int) -> String {
        guard number >= 1, number <= lineStarts.count else { return "" }
        let start = lineStarts[number - 1]
        var end = number < lineStarts.count ? lineStarts[number] : utf8.count
        while end > start, utf8[end - 1] == 0x0A || utf8[end - 1] == 0x0D { end -= 1 }
        return String(decoding: utf8[start..<end], as: UTF8.self)
    }

    /// The decoded text between two byte offsets.
    public func slice(_ start: Int, _ end: Int) -> String {
        let s = max(0, min(start, utf8.count)), e = max(s, min(end, utf8.count))
        return String(decoding: utf8[s..<e], as: UTF8.self)
    }
}
