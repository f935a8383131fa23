import Foundation
import GovlintCore

/// What every reporter is given: the run's result and the rule catalogue.
public struct ReportContext: Sendable {
    public var result: RunResult
    public var catalog: Catalog
    public var toolVersion: String
    public var language: Language
    /// Colour and other terminal niceties (text reporter only).
    public var colour: Bool
    /// Include `cantTell` findings (needs review) alongside failures.
    public var includeCantTell: Bool

    public init(result: RunResult, catalog: Catalog, toolVersion: String, language: Language = .en,
                colour: Bool = false, includeCantTell: Bool = true) {
        self.result = result
        self.catalog = catalog
        self.toolVersion = toolVersion
        self.language = language
        self.colour = colour
        self.includeCantTell = includeCantTell
    }

    /// Metadata of a rule id, including engine rules.
    public func rule(_ id: String) -> Rule? {
        catalog.rule(id) ?? SystemRules.all.first { $0.id == id }
    }

    /// The findings to report, streamed in report order (without cannot-tell ones unless `includeCantTell`).
    public var findings: FindingStream {
        includeCantTell ? result.stream : result.stream.failedOnly()
    }

    /// Counts of all the result's findings, cannot-tell included whatever `includeCantTell` says
    /// (one pass over the stream, then remembered).
    public var counts: FindingCounts { result.stream.counts }

    /// How many findings `findings` gives.
    public var findingCount: Int { includeCantTell ? counts.total : counts.failed }

    /// How many findings `findings` gives for one rule.
    public func findingCount(rule id: String) -> Int {
        guard let c = counts.byRule[id] else { return 0 }
        return includeCantTell ? c.total : c.failed
    }
}

/// Writes a run in one output format.
///
/// Reporters write to an output stream as they go and read findings from
/// `context.findings`, a stream that reads them back one file at a time:
/// neither the findings nor the report are held whole in memory. Totals
/// needed before the findings come from `context.counts`.
public protocol Reporter: Sendable {
    /// The `--format` name.
    static var id: String { get }
    static var summary: String { get }
    static func write(_ context: ReportContext, to output: inout some TextOutputStream) throws
}

extension Reporter {
    /// The whole report as one string (tests and small runs).
    public static func render(_ context: ReportContext) throws -> String {
        var out = ""
        try write(context, to: &out)
        return out
    }
}

/// A buffered text output over a C stream (standard output or a file), for
/// reporters to write to. Write errors are kept and reported by ``finish()``.
public final class FileOutput: TextOutputStream {
    private let file: UnsafeMutablePointer<FILE>
    private let owned: Bool
    private var buffer: [UInt8] = []
    private var failure: Int32 = 0
    private static let capacity = 1 << 16

    /// Writes to an open stream (not closed here), e.g. `stdout`.
    public init(_ file: UnsafeMutablePointer<FILE>) {
        self.file = file
        owned = false
        buffer.reserveCapacity(Self.capacity)
    }

    /// Creates (or truncates) the file at `path`.
    public init(path: String) throws {
        guard let f = fopen(path, "wb") else {
            throw OutputError(description: "\(path): cannot write (\(String(cString: strerror(errno))))")
        }
        file = f
        owned = true
        buffer.reserveCapacity(Self.capacity)
    }

    /// Standard output, through its own stream on a duplicate of descriptor 1
    /// (anything `print` buffered is flushed first, so output stays in order).
    public static func standardOutput() throws -> FileOutput {
        fflush(nil)
        let fd = dup(STDOUT_FILENO)
        guard fd >= 0, let f = fdopen(fd, "wb") else {
            throw OutputError(description: "standard output: \(String(cString: strerror(errno)))")
        }
        return FileOutput(owning: f)
    }

    private init(owning file: UnsafeMutablePointer<FILE>) {
        self.file = file
        owned = true
        buffer.reserveCapacity(Self.capacity)
    }

    deinit { if owned { fclose(file) } }

    public func write(_ string: String) {
        var s = string
        s.withUTF8 { write(bytes: $0) }
    }

    /// UTF-8 bytes written as they are (output built as bytes).
    public func write(bytes: UnsafeBufferPointer<UInt8>) {
        if buffer.count + bytes.count > Self.capacity { flushBuffer() }
        if bytes.count >= Self.capacity { put(UnsafeRawBufferPointer(bytes)) } else { buffer.append(contentsOf: bytes) }
    }

    /// Writes UTF-8 `bytes` to `out`: directly to a ``FileOutput``, else as a string.
    static func write(_ bytes: [UInt8], to out: inout some TextOutputStream) {
        bytes.withUnsafeBufferPointer { write($0, to: &out) }
    }

    /// Writes UTF-8 `bytes` to `out`: directly to a ``FileOutput``, else as a string.
    static func write(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout some TextOutputStream) {
        if let file = out as? FileOutput {
            file.write(bytes: bytes)
        } else {
            out.write(String(decoding: bytes, as: UTF8.self))
        }
    }

    private func flushBuffer() {
        buffer.withUnsafeBytes { put($0) }
        buffer.removeAll(keepingCapacity: true)
    }

    private func put(_ bytes: UnsafeRawBufferPointer) {
        guard failure == 0, !bytes.isEmpty else { return }
        if fwrite(bytes.baseAddress, 1, bytes.count, file) != bytes.count { failure = errno == 0 ? EIO : errno }
    }

    /// Writes out what is buffered; throws if any write failed.
    public func finish() throws {
        flushBuffer()
        if fflush(file) != 0, failure == 0 { failure = errno == 0 ? EIO : errno }
        if failure != 0 { throw OutputError(description: String(cString: strerror(failure))) }
    }

    public struct OutputError: Error, CustomStringConvertible {
        public var description: String
    }
}

/// Text kept aside in a temporary file (unlinked at once, see ``FindingSpool``) in named
/// buckets, for reporters whose output order differs from the findings' file order (by
/// rule): one pass over the findings writes the pieces, the report then reads each bucket
/// back in the order its pieces were added. In memory: one offset and length per piece.
final class TemporaryChunks {
    private let fd: Int32?
    private var end = 0
    private var memory: [String: [String]] = [:] // without a temporary file
    private var index: [String: [(offset: Int, length: Int)]] = [:]

    init() {
        fd = try? FindingSpool.openUnlinkedFile()
    }

    deinit { if let fd { close(fd) } }

    func append(_ text: String, to bucket: String) {
        guard let fd else { memory[bucket, default: []].append(text); return }
        var s = text
        let length = s.withUTF8 { bytes -> Int in
            var done = 0
            while done < bytes.count {
                let n = pwrite(fd, bytes.baseAddress! + done, bytes.count - done, off_t(end + done))
                if n < 0, errno == EINTR { continue }
                if n <= 0 { fatalError("govlint: cannot write a temporary file: \(String(cString: strerror(errno)))") }
                done += n
            }
            return done
        }
        index[bucket, default: []].append((end, length))
        end += length
    }

    func count(_ bucket: String) -> Int { fd == nil ? memory[bucket]?.count ?? 0 : index[bucket]?.count ?? 0 }

    /// The pieces of a bucket, in the order they were added.
    func forEach(_ bucket: String, _ body: (String) throws -> Void) rethrows {
        guard let fd else { for s in memory[bucket] ?? [] { try body(s) }; return }
        for (offset, length) in index[bucket] ?? [] {
            var bytes = [UInt8](repeating: 0, count: length)
            bytes.withUnsafeMutableBytes { buffer in
                var done = 0
                while done < length {
                    let n = pread(fd, buffer.baseAddress! + done, length - done, off_t(offset + done))
                    if n < 0, errno == EINTR { continue }
                    if n <= 0 { fatalError("govlint: cannot read a temporary file: \(String(cString: strerror(errno)))") }
                    done += n
                }
            }
            try body(String(decoding: bytes, as: UTF8.self))
        }
    }
}

/// The single list of output formats.
public enum ReporterRegistry {
    public static let all: [any Reporter.Type] = [
        TextReporter.self, JSONReporter.self, SARIFReporter.self, JUnitReporter.self, GitHubReporter.self,
        MarkdownReporter.self, HTMLReporter.self,
    ]

    public static func reporter(_ id: String) -> (any Reporter.Type)? { all.first { $0.id == id } }
    public static var ids: [String] { all.map { $0.id } }
}

enum JSONOutput {
    static func encode(_ object: Any) throws -> String {
        let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// Stands for the items of the one array that is streamed (see ``write(_:to:items:)``).
    static let placeholder = "\u{1}govlint-streamed-items\u{1}"

    /// Writes `object` exactly as ``encode(_:)`` would, but with the array
    /// holding only ``placeholder`` filled with the objects `items` emits, each
    /// serialised on its own and indented to its place: the same bytes without
    /// building the whole tree. With no items, the array is serialised empty.
    static func write(_ object: [String: Any], to out: inout some TextOutputStream, itemCount: Int,
                      items: (_ emit: (Any) throws -> Void) throws -> Void) throws {
        if itemCount == 0 {
            out.write(try encode(replacingPlaceholder(object)))
            return
        }
        let text = try encode(object)
        let marker = try encode([placeholder]).split(separator: "\n")[1].trimmingCharacters(in: .whitespaces)
        guard let found = text.range(of: marker) else { throw StreamError() }
        let lineStart = text[..<found.lowerBound].lastIndex(of: "\n").map { text.index(after: $0) } ?? text.startIndex
        let indent = String(text[lineStart..<found.lowerBound])
        out.write(String(text[..<lineStart]))
        var first = true
        var writer = ItemWriter(indent: indent)
        try items { item in
            if !first { writer.bytes.append(contentsOf: ",\n".utf8) }
            first = false
            if let item = item as? Item {
                writer.write(item)
            } else {
                // A value the item writer does not know: serialised the slow way.
                var serialised = try encode(item)
                serialised.removeLast() // the newline `encode` ends with
                // Indented line by line; the empty line inside an empty array or object stays empty, as nested.
                var firstLine = true
                for line in serialised.split(separator: "\n", omittingEmptySubsequences: false) {
                    if !firstLine { writer.bytes.append(UInt8(ascii: "\n")) }
                    firstLine = false
                    if !line.isEmpty { writer.bytes.append(contentsOf: (indent + line).utf8) }
                }
            }
            if writer.bytes.count >= 1 << 16 { writer.flush(to: &out) }
        }
        writer.flush(to: &out)
        out.write(String(text[found.upperBound...]))
    }

    struct StreamError: Error {}

    /// A streamed item as a typed tree: written by ``ItemWriter`` without JSONSerialization
    /// (whose key sort compares through ICU collation, ~1.7 M instructions per finding, and
    /// whose `Any` trees cost a dynamic cast per value), with the same bytes.
    indirect enum Item {
        case string(String)
        case int(Int)
        case bool(Bool)
        case null
        case array([Item])
        /// Members in any order: written sorted as JSONSerialization sorts keys.
        case object([(String, Item)])

        /// The same value as JSONSerialization takes it (tests).
        var any: Any {
            switch self {
            case let .string(s): s
            case let .int(i): i
            case let .bool(b): b
            case .null: NSNull()
            case let .array(a): a.map(\.any)
            case let .object(o): Dictionary(o.map { ($0.0, $0.1.any) }, uniquingKeysWith: { a, _ in a })
            }
        }
    }

    /// Writes items indented to their place, byte for byte as `encode` and the indentation of
    /// ``write(_:to:itemCount:items:)`` would (pretty-printed, keys sorted, slashes not escaped).
    struct ItemWriter {
        var bytes: [UInt8] = []
        let indent: [UInt8]
        let order = KeyOrder()

        /// A line break and the indentation of each depth up to 15.
        let newlines: [[UInt8]]

        init(indent: String) {
            self.indent = Array(indent.utf8)
            newlines = (0..<16).map { depth in [UInt8(ascii: "\n")] + Array(indent.utf8) + Array(repeating: UInt8(ascii: " "), count: 2 * depth) }
            bytes.reserveCapacity(1 << 16)
        }

        mutating func write(_ item: Item) {
            bytes.append(contentsOf: indent)
            value(item, depth: 0)
        }

        mutating func flush(to out: inout some TextOutputStream) {
            guard !bytes.isEmpty else { return }
            FileOutput.write(bytes, to: &out)
            bytes.removeAll(keepingCapacity: true)
        }

        private mutating func newline(_ depth: Int) {
            if depth < newlines.count {
                bytes.append(contentsOf: newlines[depth])
            } else {
                bytes.append(UInt8(ascii: "\n"))
                bytes.append(contentsOf: indent)
                bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * depth))
            }
        }

        private mutating func value(_ v: Item, depth: Int) {
            switch v {
            case let .string(s): string(s)
            case let .bool(b): bytes.append(contentsOf: (b ? "true" : "false").utf8)
            case let .int(i): bytes.append(contentsOf: String(i).utf8)
            case .null: bytes.append(contentsOf: "null".utf8)
            case let .object(members):
                bytes.append(UInt8(ascii: "{"))
                for (i, m) in order.sorted(members).enumerated() {
                    if i > 0 { bytes.append(UInt8(ascii: ",")) }
                    newline(depth + 1)
                    string(members[m].0)
                    bytes.append(contentsOf: " : ".utf8)
                    value(members[m].1, depth: depth + 1)
                }
                close(UInt8(ascii: "}"), empty: members.isEmpty, depth: depth)
            case let .array(a):
                bytes.append(UInt8(ascii: "["))
                for (i, element) in a.enumerated() {
                    if i > 0 { bytes.append(UInt8(ascii: ",")) }
                    newline(depth + 1)
                    value(element, depth: depth + 1)
                }
                close(UInt8(ascii: "]"), empty: a.isEmpty, depth: depth)
            }
        }

        /// An empty array or object has an empty line (not indented) inside.
        private mutating func close(_ bracket: UInt8, empty: Bool, depth: Int) {
            if empty { bytes.append(UInt8(ascii: "\n")) }
            newline(depth)
            bytes.append(bracket)
        }

        /// As JSONSerialization escapes: quote, backslash, and C0 controls (\b \f \n \r \t, else \u00xx);
        /// runs of other bytes are copied at once.
        private mutating func string(_ s: String) {
            bytes.append(UInt8(ascii: "\""))
            if s.utf8.withContiguousStorageIfAvailable({ escaped($0) }) == nil { escaped(Array(s.utf8)) }
            bytes.append(UInt8(ascii: "\""))
        }

        private mutating func escaped(_ utf8: some RandomAccessCollection<UInt8>) {
            Array(utf8).withUnsafeBufferPointer { escaped($0) }
        }

        private mutating func escaped(_ utf8: UnsafeBufferPointer<UInt8>) {
            var start = 0
            for (i, b) in utf8.enumerated() where b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<i]))
                start = i + 1
                switch b {
                case UInt8(ascii: "\""): bytes.append(contentsOf: "\\\"".utf8)
                case UInt8(ascii: "\\"): bytes.append(contentsOf: "\\\\".utf8)
                case 0x08: bytes.append(contentsOf: "\\b".utf8)
                case 0x0C: bytes.append(contentsOf: "\\f".utf8)
                case 0x0A: bytes.append(contentsOf: "\\n".utf8)
                case 0x0D: bytes.append(contentsOf: "\\r".utf8)
                case 0x09: bytes.append(contentsOf: "\\t".utf8)
                default:
                    let hex = Array("0123456789abcdef".utf8)
                    bytes.append(contentsOf: "\\u00".utf8)
                    bytes.append(hex[Int(b >> 4)])
                    bytes.append(hex[Int(b & 0xF)])
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
        }
    }

    /// The order JSONSerialization's `sortedKeys` gives (a locale-aware comparison), learnt from
    /// JSONSerialization itself: each time unknown keys appear, all keys seen so far are
    /// serialised once with their positions as values, and the output order becomes their rank.
    final class KeyOrder {
        private var known: [String] = []
        private var rank: [String: Int] = [:]
        /// Orders of key lists seen, by their keys: a reporter builds objects of a few shapes
        /// from the same string literals, which compare at once.
        private var shapes: [(keys: [String], order: [Int])] = []

        /// Indices of `members` in the order of their keys.
        func sorted(_ members: [(String, Item)]) -> [Int] {
            search: for shape in shapes where shape.keys.count == members.count {
                for i in members.indices where shape.keys[i] != members[i].0 { continue search }
                return shape.order
            }
            let order = ranked(members)
            if shapes.count < 64 { shapes.append((members.map(\.0), order)) }
            return order
        }

        private func ranked(_ members: [(String, Item)]) -> [Int] {
            var pairs: [(rank: Int, index: Int)] = []
            pairs.reserveCapacity(members.count)
            for (i, m) in members.enumerated() {
                guard let r = rank[m.0] else {
                    learn(members.map(\.0))
                    return ranked(members)
                }
                pairs.append((r, i))
            }
            pairs.sort { $0.rank < $1.rank }
            return pairs.map(\.index)
        }

        private func learn(_ keys: [String]) {
            for key in keys where rank[key] == nil {
                rank[key] = known.count
                known.append(key)
            }
            var probe: [String: Any] = [:]
            for (i, key) in known.enumerated() { probe[key] = i }
            // One "key" : position line per key; the position is after the last " : ".
            let text = (try? JSONOutput.encode(probe)) ?? ""
            var order: [Int] = []
            for line in text.split(separator: "\n") {
                guard let colon = line.range(of: " : ", options: .backwards) else { continue }
                let number = line[colon.upperBound...].trimmingCharacters(in: CharacterSet(charactersIn: ","))
                if let i = Int(number) { order.append(i) }
            }
            precondition(order.count == known.count, "govlint: cannot learn the JSON key order")
            for (position, i) in order.enumerated() { rank[known[i]] = position }
        }
    }

    /// The object with the streamed array left empty.
    static func replacingPlaceholder(_ value: Any) -> Any {
        if let array = value as? [Any] {
            if array.count == 1, array[0] as? String == placeholder { return [Any]() }
            return array.map(replacingPlaceholder)
        }
        if let object = value as? [String: Any] { return object.mapValues(replacingPlaceholder) }
        return value
    }

    static func iso8601(_ date: Date) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f.string(from: date)
    }
}

extension Severity {
    /// The severity as reports print it, in English or Simplified Chinese.
    func label(_ language: Language) -> String {
        switch (self, language) {
        case (.error, .en): "error"
        case (.warning, .en): "warning"
        case (.info, .en): "info"
        case (.error, .zhCN): "错误"
        case (.warning, .zhCN): "警告"
        case (.info, .zhCN): "提示"
        }
    }
}
