import Foundation

/// Reads a part file (``RunPart/writeJSON(bytes:)``) in chunks, one file's outcome at a
/// time, so memory does not grow with the part: each outcome's findings and site facts go
/// to a ``FindingSpool`` as ``Linter/collect(paths:options:)`` puts them, and `finish`
/// reads them back from disk. The rest of the part (settings, site files, problems,
/// distinct-value facts) is small and kept in memory.
///
/// A scanner that knows strings and brackets finds each top-level member and each member
/// of `files`; outcomes and distinct-value facts are parsed by ``PartJSONParser``, the
/// other members decoded together by `JSONDecoder`: the values `JSONDecoder` gives when it
/// decodes the whole part.
public enum PartReader {
    /// Why a part file cannot be read: its name, and where in it when known.
    public struct ReadError: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    /// Reads the part file at `path`; findings and facts go to a new spool in `spoolDirectory`
    /// (default: the temporary directory), or stay in memory if it cannot be made.
    public static func read(path: String, spoolDirectory: URL? = nil) throws(ReadError) -> RunPart {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw ReadError(description: "\(path): cannot read part file (\(String(cString: strerror(errno))))") }
        defer { close(fd) }
        var scanner = Scanner(fd: fd)
        do {
            return try scanner.part(spool: try? FindingSpool(directory: spoolDirectory))
        } catch let failure as Failure {
            let at = failure.offset.map { " at " + location(of: $0, in: fd) } ?? ""
            throw ReadError(description: "\(path): not a govlint part file (\(failure.message)\(at))")
        } catch {
            throw ReadError(description: "\(path): not a govlint part file (\(error))")
        }
    }

    /// Reads the parts of a sharded run for ``Linter/finish(_:)``. With several parts, what finish would
    /// join is joined as they are read: the site files are kept once, and the distinct-value facts of all
    /// parts become one list in the first part (finish joins the values of the parts the same way).
    public static func readAll(paths: [String], spoolDirectory: URL? = nil) throws(ReadError) -> [RunPart] {
        var parts: [RunPart] = []
        var distinct: [String: Set<String>] = [:]
        for path in paths {
            var part = try read(path: path, spoolDirectory: spoolDirectory)
            if let first = parts.first, part.siteFiles == first.siteFiles { part.siteFiles = first.siteFiles }
            if paths.count > 1 {
                for (id, facts) in part.distinctFacts ?? [:] { distinct[id, default: []].formUnion(facts.lazy.map(\.value)) }
                part.distinctFacts = parts.isEmpty ? [:] : nil
            }
            parts.append(part)
        }
        if paths.count > 1, !parts.isEmpty, !distinct.isEmpty {
            for id in Array(distinct.keys) {
                parts[0].distinctFacts?[id] = distinct.removeValue(forKey: id)!.sorted().map(PageFold.valueFact)
            }
        }
        return parts
    }

    /// `byte N, line L, column C` (columns count Unicode scalars), read up to the offset.
    static func location(of offset: Int, in fd: Int32) -> String {
        var line = 1, column = 1, done = 0
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while done < offset {
            let n = chunk.withUnsafeMutableBytes { pread(fd, $0.baseAddress, min($0.count, offset - done), off_t(done)) }
            if n <= 0 { break }
            for b in chunk[0..<n] {
                if b == UInt8(ascii: "\n") {
                    line += 1
                    column = 1
                } else if b & 0xC0 != 0x80 {
                    column += 1
                }
            }
            done += n
        }
        return "byte \(offset), line \(line), column \(column)"
    }

    struct Failure: Error {
        var message: String
        /// Byte offset in the file.
        var offset: Int?
    }

    /// A cursor over the file's bytes, read in chunks; bytes from `keep` on stay in the buffer.
    struct Scanner {
        let fd: Int32
        var buffer: [UInt8] = []
        /// File offset of `buffer[0]`.
        var base = 0
        var at = 0
        /// Index in `buffer` of the first byte still needed (a value being captured), if any.
        var keep: Int?
        var atEnd = false
        static let chunk = 1 << 20

        init(fd: Int32) {
            self.fd = fd
            buffer.reserveCapacity(Self.chunk)
        }

        var offset: Int { base + at }

        func failure(_ message: String, at offset: Int? = nil) -> Failure {
            Failure(message: message, offset: offset ?? self.offset)
        }

        /// Reads more bytes after dropping those no longer needed; false at the end of the file.
        mutating func fill() throws(Failure) -> Bool {
            guard !atEnd else { return false }
            let drop = min(keep ?? at, at)
            if drop > 0 {
                buffer.removeSubrange(0..<drop)
                base += drop
                at -= drop
                if keep != nil { keep! -= drop }
            }
            let want = max(Self.chunk, buffer.count / 2)
            var n = 0
            let chunk = [UInt8](unsafeUninitializedCapacity: want) { bytes, count in
                repeat {
                    n = pread(fd, bytes.baseAddress!, want, off_t(base + buffer.count))
                } while n < 0 && errno == EINTR
                count = max(n, 0)
            }
            if n < 0 { throw Failure(message: "read error: \(String(cString: strerror(errno)))", offset: base + buffer.count) }
            buffer += chunk
            if n == 0 { atEnd = true }
            return n > 0
        }

        /// The next byte after whitespace, not consumed; nil at the end of the file.
        mutating func peek() throws(Failure) -> UInt8? {
            while true {
                while at < buffer.count {
                    switch buffer[at] {
                    case 0x20, 0x0A, 0x0D, 0x09: at += 1
                    default: return buffer[at]
                    }
                }
                if try !fill() { return nil }
            }
        }

        mutating func expect(_ byte: UInt8, _ what: String) throws(Failure) {
            guard try peek() == byte else { throw failure(try peek() == nil ? "unexpected end of file, expected \(what)" : "expected \(what)") }
            at += 1
        }

        /// The JSON string at the cursor, unescaped.
        mutating func string() throws(Failure) -> String {
            guard try peek() == UInt8(ascii: "\"") else { throw failure("expected a string") }
            let start = offset
            at += 1
            var out: [UInt8] = []
            while true {
                if at >= buffer.count, try !fill() { throw failure("unexpected end of file in a string", at: start) }
                let b = buffer[at]
                at += 1
                switch b {
                case UInt8(ascii: "\""):
                    if out.contains(where: { $0 >= 0x80 }),
                       transcode(out.makeIterator(), from: UTF8.self, to: UTF32.self, stoppingOnError: true, into: { _ in }) {
                        throw failure("invalid UTF-8 in a string", at: start)
                    }
                    return String(decoding: out, as: UTF8.self)
                case UInt8(ascii: "\\"):
                    out += try escape(stringStart: start)
                case 0..<0x20:
                    throw failure("control character in a string", at: offset - 1)
                default:
                    out.append(b)
                }
            }
        }

        /// The byte at the cursor, reading on if needed.
        mutating func next(in stringStart: Int) throws(Failure) -> UInt8 {
            if at >= buffer.count, try !fill() { throw failure("unexpected end of file in a string", at: stringStart) }
            at += 1
            return buffer[at - 1]
        }

        /// The UTF-8 bytes of the escape after a backslash.
        mutating func escape(stringStart: Int) throws(Failure) -> [UInt8] {
            let escapeOffset = offset - 1
            switch try next(in: stringStart) {
            case UInt8(ascii: "\""): return [0x22]
            case UInt8(ascii: "\\"): return [0x5C]
            case UInt8(ascii: "/"): return [0x2F]
            case UInt8(ascii: "b"): return [0x08]
            case UInt8(ascii: "f"): return [0x0C]
            case UInt8(ascii: "n"): return [0x0A]
            case UInt8(ascii: "r"): return [0x0D]
            case UInt8(ascii: "t"): return [0x09]
            case UInt8(ascii: "u"):
                var unit = try hex4(stringStart)
                if (0xD800..<0xDC00).contains(unit) {
                    guard try next(in: stringStart) == UInt8(ascii: "\\"), try next(in: stringStart) == UInt8(ascii: "u") else {
                        throw failure("unpaired surrogate in a string", at: escapeOffset)
                    }
                    let low = try hex4(stringStart)
                    guard (0xDC00..<0xE000).contains(low) else { throw failure("unpaired surrogate in a string", at: escapeOffset) }
                    unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                }
                guard let scalar = Unicode.Scalar(unit) else { throw failure("unpaired surrogate in a string", at: escapeOffset) }
                return Array(String(Character(scalar)).utf8)
            default:
                throw failure("invalid escape in a string", at: escapeOffset)
            }
        }

        mutating func hex4(_ stringStart: Int) throws(Failure) -> UInt32 {
            var v: UInt32 = 0
            for _ in 0..<4 {
                let b = try next(in: stringStart)
                let digit: UInt8
                switch b {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = b - UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = b - UInt8(ascii: "a") + 10
                case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = b - UInt8(ascii: "A") + 10
                default: throw failure("invalid \\u escape in a string", at: offset - 1)
                }
                v = v << 4 | UInt32(digit)
            }
            return v
        }

        /// Skips the value at the cursor (strings and bracket nesting only: the value's parser checks the rest)
        /// and returns where its bytes are in `buffer` (until the next `fill`).
        mutating func value() throws(Failure) -> Range<Int> {
            guard let first = try peek() else { throw failure("unexpected end of file, expected a value") }
            let start = offset
            keep = at
            defer { keep = nil }
            if first != UInt8(ascii: "{"), first != UInt8(ascii: "["), first != UInt8(ascii: "\"") {
                // A number or literal: up to the next delimiter.
                while true {
                    if at >= buffer.count, try !fill() { break }
                    switch buffer[at] {
                    case UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"), 0x20, 0x0A, 0x0D, 0x09: return keep!..<at
                    default: at += 1
                    }
                }
                return keep!..<at
            }
            var depth = 0
            var inString = false
            var escaped = false
            while true {
                if at >= buffer.count, try !fill() { throw failure("unexpected end of file in the value that starts here", at: start) }
                var i = at
                var done = false
                buffer.withUnsafeBufferPointer { bytes in
                    var nonASCII = false // checked by the parser
                    while i < bytes.count {
                        if inString && !escaped {
                            i = PartJSONParser.plainRun(bytes.baseAddress!, from: i, to: bytes.count, nonASCII: &nonASCII)
                            if i == bytes.count { return }
                        }
                        let b = bytes[i]
                        i += 1
                        if inString {
                            if escaped {
                                escaped = false
                            } else if b == UInt8(ascii: "\\") {
                                escaped = true
                            } else if b == UInt8(ascii: "\"") {
                                inString = false
                                if depth == 0 { done = true; return }
                            }
                            continue
                        }
                        switch b {
                        case UInt8(ascii: "\""): inString = true
                        case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                        case UInt8(ascii: "}"), UInt8(ascii: "]"):
                            depth -= 1
                            if depth == 0 { done = true; return }
                        default: break
                        }
                    }
                }
                at = i
                if done { return keep!..<at }
            }
        }

        /// The value at the cursor, parsed by `body`.
        mutating func parse<T>(_ body: (inout PartJSONParser) throws(PartJSONParser.Failure) -> T) throws(Failure) -> T {
            let range = try value()
            let start = base + range.lowerBound
            do {
                return try buffer.withUnsafeBufferPointer { (b) throws(PartJSONParser.Failure) in
                    try PartJSONParser.parse(UnsafeBufferPointer(rebasing: b[range]), base: start, body)
                }
            } catch {
                throw Failure(message: error.message, offset: error.offset)
            }
        }

        /// The whole part: the `files` object read outcome by outcome into `spool`, the other members decoded together.
        mutating func part(spool: FindingSpool?) throws -> RunPart {
            if try peek() == nil { throw failure("the file is empty") }
            try expect(UInt8(ascii: "{"), "'{' (a JSON object)")
            var rest = Data("{".utf8)
            var files: [String: FileOutcome] = [:]
            var sawFiles = false
            var distinctFacts: [String: [SiteFact]]?
            if try peek() == UInt8(ascii: "}") {
                at += 1
            } else {
                while true {
                    let keyOffset = offset
                    let key = try string()
                    try expect(UInt8(ascii: ":"), "':' after a key")
                    if key == "files" {
                        guard !sawFiles else { throw failure("the key \"files\" appears twice", at: keyOffset) }
                        sawFiles = true
                        files = try self.files(spool: spool)
                    } else if key == "distinctFacts" {
                        // Tens of thousands of values: parsed like the outcomes.
                        distinctFacts = try parse { (p: inout PartJSONParser) throws(PartJSONParser.Failure) in
                            p.null() ? nil : try p.factLists()
                        }
                    } else {
                        if rest.count > 1 { rest.append(UInt8(ascii: ",")) }
                        rest += try JSONEncoder().encode(key)
                        rest.append(UInt8(ascii: ":"))
                        rest += buffer[try value()]
                    }
                    let separator = try peek()
                    guard separator == UInt8(ascii: ",") || separator == UInt8(ascii: "}") else {
                        throw failure(separator == nil ? "unexpected end of file, expected ',' or '}'" : "expected ',' or '}' after a value")
                    }
                    at += 1
                    if separator == UInt8(ascii: "}") { break }
                }
            }
            if try peek() != nil { throw failure("unexpected bytes after the part") }
            guard sawFiles else { throw Failure(message: "no \"files\" object", offset: nil) }
            rest += Data(((rest.count > 1 ? "," : "") + "\"files\":{}}").utf8)
            var part: RunPart
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .iso8601
            do { part = try decoder.decode(RunPart.self, from: rest) } catch {
                throw Failure(message: Self.describe(error), offset: nil)
            }
            part.distinctFacts = distinctFacts
            part.files = files
            part.spool = spool
            return part
        }

        /// The members of the `files` object, decoded one at a time; findings and facts go to `spool`.
        mutating func files(spool: FindingSpool?) throws(Failure) -> [String: FileOutcome] {
            try expect(UInt8(ascii: "{"), "'{' (the files object)")
            var files: [String: FileOutcome] = [:]
            if try peek() == UInt8(ascii: "}") {
                at += 1
                return files
            }
            while true {
                let keyOffset = offset
                let path = try string()
                try expect(UInt8(ascii: ":"), "':' after a file name")
                guard files[path] == nil else { throw failure("the file \(path) appears twice", at: keyOffset) }
                var outcome: FileOutcome
                do { outcome = try parse { (p: inout PartJSONParser) throws(PartJSONParser.Failure) in try p.fileOutcome() } } catch {
                    throw Failure(message: "the outcome of \(path): \(error.message)", offset: error.offset)
                }
                if let spool {
                    spool.append(outcome.findings, for: path)
                    outcome.findings = []
                    for (rule, facts) in outcome.facts { spool.appendFacts(facts, rule: rule, path: path) }
                    outcome.facts = [:]
                }
                files[path] = outcome
                switch try peek() {
                case UInt8(ascii: ","): at += 1
                case UInt8(ascii: "}"):
                    at += 1
                    return files
                case nil: throw failure("unexpected end of file in the files object")
                default: throw failure("expected ',' or '}' in the files object")
                }
            }
        }

        /// A decoding error in a few words: what is wrong and where (its coding path).
        static func describe(_ error: any Error) -> String {
            guard let error = error as? DecodingError else { return "\(error)" }
            func at(_ c: DecodingError.Context) -> String {
                c.codingPath.isEmpty ? "" : " at " + c.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
            }
            switch error {
            case let .keyNotFound(key, c): return "missing key \"\(key.stringValue)\"\(at(c))"
            case let .typeMismatch(_, c), let .valueNotFound(_, c): return c.debugDescription + at(c)
            case let .dataCorrupted(c):
                let underlying = (c.underlyingError as? NSError).map { " (\($0.debugDescription))" } ?? ""
                return c.debugDescription + at(c) + underlying
            @unknown default: return "\(error)"
            }
        }
    }
}
