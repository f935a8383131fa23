import GovlintHTML

/// Parses the values of a part file that are many (file outcomes with their findings and
/// facts; distinct-value facts) from JSON bytes, to the same values `JSONDecoder` gives:
/// members in any order, whitespace anywhere, unknown keys skipped, a missing key or a
/// wrong type an error. Several times faster than `JSONDecoder`, which also keeps a map of
/// every value of its input while decoding. Errors carry the byte offset in the file.
struct PartJSONParser {
    struct Failure: Error {
        var message: String
        var offset: Int
    }

    let bytes: UnsafeBufferPointer<UInt8>
    /// File offset of `bytes[0]`.
    let base: Int
    var at = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>, base: Int) {
        self.bytes = bytes
        self.base = base
    }

    func failure(_ message: String, at index: Int? = nil) -> Failure {
        Failure(message: message, offset: base + (index ?? at))
    }

    mutating func skipWhitespace() {
        while at < bytes.count {
            switch bytes[at] {
            case 0x20, 0x0A, 0x0D, 0x09: at += 1
            default: return
            }
        }
    }

    /// The next byte after whitespace, not consumed (0 at the end).
    mutating func peek() -> UInt8 {
        skipWhitespace()
        return at < bytes.count ? bytes[at] : 0
    }

    mutating func expect(_ byte: UInt8, _ what: String) throws(Failure) {
        guard peek() == byte else { throw failure(at < bytes.count ? "expected \(what)" : "unexpected end of a value, expected \(what)") }
        at += 1
    }

    /// Calls `member` with each key of the object at the cursor, the cursor on its value.
    mutating func object(_ member: (inout PartJSONParser, String) throws(Failure) -> Void) throws(Failure) {
        try expect(UInt8(ascii: "{"), "an object")
        if peek() == UInt8(ascii: "}") {
            at += 1
            return
        }
        while true {
            let key = try string()
            try expect(UInt8(ascii: ":"), "':' after a key")
            skipWhitespace()
            try member(&self, key)
            switch peek() {
            case UInt8(ascii: ","): at += 1
            case UInt8(ascii: "}"):
                at += 1
                return
            default: throw failure("expected ',' or '}' in an object")
            }
        }
    }

    mutating func array<T>(_ element: (inout PartJSONParser) throws(Failure) -> T) throws(Failure) -> [T] {
        try expect(UInt8(ascii: "["), "an array")
        var out: [T] = []
        if peek() == UInt8(ascii: "]") {
            at += 1
            return out
        }
        while true {
            skipWhitespace()
            out.append(try element(&self))
            switch peek() {
            case UInt8(ascii: ","): at += 1
            case UInt8(ascii: "]"):
                at += 1
                return out
            default: throw failure("expected ',' or ']' in an array")
            }
        }
    }

    /// An object's members, each parsed by `value`, by key.
    mutating func dictionary<T>(_ value: (inout PartJSONParser) throws(Failure) -> T) throws(Failure) -> [String: T] {
        var out: [String: T] = [:]
        try object { (p: inout PartJSONParser, key: String) throws(Failure) in out[key] = try value(&p) }
        return out
    }

    /// The index of the first byte from `i` that is a quote, a backslash or a control character (or `end`),
    /// eight bytes at a time; `nonASCII` is set if a byte passed is not ASCII.
    @inline(__always)
    static func plainRun(_ p: UnsafePointer<UInt8>, from start: Int, to end: Int, nonASCII: inout Bool) -> Int {
        let ones: UInt64 = 0x0101_0101_0101_0101, high: UInt64 = 0x8080_8080_8080_8080
        var i = start
        var seen: UInt64 = 0
        while i + 8 <= end {
            let v = UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self)
            let q = v ^ (ones &* 0x22), b = v ^ (ones &* 0x5C)
            // Each term flags (at least) its first matching byte: a zero byte of q or b, or a byte below 0x20.
            let flagged = ((q &- ones) & ~q | (b &- ones) & ~b | (v &- ones &* 0x20) & ~v) & high
            if flagged != 0 { break }
            seen |= v
            i += 8
        }
        if seen & high != 0 { nonASCII = true }
        while i < end {
            let c = p[i]
            if c == UInt8(ascii: "\"") || c == UInt8(ascii: "\\") || c < 0x20 { break }
            if c >= 0x80 { nonASCII = true }
            i += 1
        }
        return i
    }

    mutating func string() throws(Failure) -> String {
        try expect(UInt8(ascii: "\""), "a string")
        let start = at
        var nonASCII = false
        // Without escapes (most strings): the bytes as they are.
        at = Self.plainRun(bytes.baseAddress!, from: at, to: bytes.count, nonASCII: &nonASCII)
        if at < bytes.count, bytes[at] == UInt8(ascii: "\"") {
            at += 1
            return try validated(UnsafeBufferPointer(rebasing: bytes[start..<(at - 1)]), start, nonASCII: nonASCII)
        }
        // With escapes: runs between them copied at once.
        var out: [UInt8] = []
        out.reserveCapacity(2 * (at - start) + 16)
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<at]))
        while at < bytes.count {
            let b = bytes[at]
            at += 1
            switch b {
            case UInt8(ascii: "\""):
                return try out.withUnsafeBufferPointer { (u) throws(Failure) in try validated(u, start, nonASCII: nonASCII) }
            case UInt8(ascii: "\\"):
                try escape(into: &out)
            default:
                throw failure("control character in a string", at: at - 1)
            }
            let run = Self.plainRun(bytes.baseAddress!, from: at, to: bytes.count, nonASCII: &nonASCII)
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[at..<run]))
            at = run
        }
        throw failure("unexpected end of a string", at: start - 1)
    }

    /// The string of `utf8`, which must be valid UTF-8 (checked unless it is ASCII; `String(validating:)` is
    /// not specialized: ~1,000 instructions a call).
    private func validated(_ utf8: UnsafeBufferPointer<UInt8>, _ start: Int, nonASCII: Bool) throws(Failure) -> String {
        if nonASCII, transcode(utf8.makeIterator(), from: UTF8.self, to: UTF32.self, stoppingOnError: true, into: { _ in }) {
            throw failure("invalid UTF-8 in a string", at: start - 1)
        }
        return String(decoding: utf8, as: UTF8.self)
    }

    private mutating func escape(into out: inout [UInt8]) throws(Failure) {
        let escapeAt = at - 1
        guard at < bytes.count else { throw failure("unexpected end of a string", at: escapeAt) }
        let b = bytes[at]
        at += 1
        switch b {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(b)
        case UInt8(ascii: "b"): out.append(0x08)
        case UInt8(ascii: "f"): out.append(0x0C)
        case UInt8(ascii: "n"): out.append(0x0A)
        case UInt8(ascii: "r"): out.append(0x0D)
        case UInt8(ascii: "t"): out.append(0x09)
        case UInt8(ascii: "u"):
            var unit = try hex4(escapeAt)
            if (0xD800..<0xDC00).contains(unit) {
                guard at + 1 < bytes.count, bytes[at] == UInt8(ascii: "\\"), bytes[at + 1] == UInt8(ascii: "u") else {
                    throw failure("unpaired surrogate in a string", at: escapeAt)
                }
                at += 2
                let low = try hex4(escapeAt)
                guard (0xDC00..<0xE000).contains(low) else { throw failure("unpaired surrogate in a string", at: escapeAt) }
                unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
            }
            guard let scalar = Unicode.Scalar(unit) else { throw failure("unpaired surrogate in a string", at: escapeAt) }
            out.append(contentsOf: UTF8.encode(scalar)!)
        default:
            throw failure("invalid escape in a string", at: escapeAt)
        }
    }

    private mutating func hex4(_ escapeAt: Int) throws(Failure) -> UInt32 {
        guard at + 4 <= bytes.count else { throw failure("invalid \\u escape in a string", at: escapeAt) }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[at]
            at += 1
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): v = v << 4 | UInt32(b - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): v = v << 4 | UInt32(b - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): v = v << 4 | UInt32(b - UInt8(ascii: "A") + 10)
            default: throw failure("invalid \\u escape in a string", at: escapeAt)
            }
        }
        return v
    }

    mutating func int() throws(Failure) -> Int {
        skipWhitespace()
        let start = at
        let negative = at < bytes.count && bytes[at] == UInt8(ascii: "-")
        if negative { at += 1 }
        var v = 0
        var digits = 0
        while at < bytes.count, bytes[at] >= UInt8(ascii: "0"), bytes[at] <= UInt8(ascii: "9") {
            let d = Int(bytes[at] - UInt8(ascii: "0"))
            let (m, o1) = v.multipliedReportingOverflow(by: 10)
            let (s, o2) = negative ? m.subtractingReportingOverflow(d) : m.addingReportingOverflow(d)
            guard !o1, !o2 else { throw failure("number out of range", at: start) }
            v = s
            digits += 1
            at += 1
        }
        if digits == 0 { throw failure("expected an integer", at: start) }
        if at < bytes.count, [UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E")].contains(bytes[at]) {
            throw failure("expected an integer", at: start)
        }
        return v
    }

    /// True for `null` (consumed), false otherwise (nothing consumed).
    mutating func null() -> Bool {
        guard peek() == UInt8(ascii: "n"), at + 4 <= bytes.count, bytes[at + 1] == UInt8(ascii: "u"),
              bytes[at + 2] == UInt8(ascii: "l"), bytes[at + 3] == UInt8(ascii: "l") else { return false }
        at += 4
        return true
    }

    /// Skips any value (an unknown member).
    mutating func skipValue() throws(Failure) {
        switch peek() {
        case UInt8(ascii: "{"): try object { (p: inout PartJSONParser, _) throws(Failure) in try p.skipValue() }
        case UInt8(ascii: "["): _ = try array { (p: inout PartJSONParser) throws(Failure) in try p.skipValue() }
        case UInt8(ascii: "\""): _ = try string()
        case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
            for word in ["true", "false", "null"] where bytes[at...].starts(with: word.utf8) {
                at += word.utf8.count
                return
            }
            throw failure("expected a value")
        default:
            let start = at
            if at < bytes.count, bytes[at] == UInt8(ascii: "-") { at += 1 }
            while at < bytes.count, [UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"), UInt8(ascii: "+"), UInt8(ascii: "-")]
                .contains(bytes[at]) || (bytes[at] >= UInt8(ascii: "0") && bytes[at] <= UInt8(ascii: "9")) { at += 1 }
            if at == start { throw failure("expected a value") }
        }
    }

    /// A required member's value; `what` names the object for the error.
    func required<T>(_ value: T?, _ key: String, in what: String, at start: Int) throws(Failure) -> T {
        guard let value else { throw failure("missing key \"\(key)\" in \(what)", at: start) }
        return value
    }

    mutating func raw<T: RawRepresentable<String>>(_: T.Type, _ what: String) throws(Failure) -> T {
        let start = at
        let s = try string()
        guard let v = T(rawValue: s) else { throw failure("\"\(s)\" is not \(what)", at: start) }
        return v
    }

    // MARK: Part values

    mutating func position() throws(Failure) -> SourcePosition {
        let start = at
        var line: Int?, column: Int?, offset: Int?
        try object { (p: inout PartJSONParser, key: String) throws(Failure) in
            switch key {
            case "line": line = try p.int()
            case "column": column = try p.int()
            case "offset": offset = try p.int()
            default: try p.skipValue()
            }
        }
        return SourcePosition(line: try required(line, "line", in: "a position", at: start),
                              column: try required(column, "column", in: "a position", at: start),
                              offset: try required(offset, "offset", in: "a position", at: start))
    }

    mutating func range() throws(Failure) -> SourceRange {
        let start = at
        var from: SourcePosition?, to: SourcePosition?
        try object { (p: inout PartJSONParser, key: String) throws(Failure) in
            switch key {
            case "start": from = try p.position()
            case "end": to = try p.position()
            default: try p.skipValue()
            }
        }
        return SourceRange(start: try required(from, "start", in: "a range", at: start), end: try required(to, "end", in: "a range", at: start))
    }

    mutating func text() throws(Failure) -> LocalizedText {
        let start = at
        var en: String?, zh: String?
        try object { (p: inout PartJSONParser, key: String) throws(Failure) in
            switch key {
            case "en": en = try p.string()
            case "zh-CN": zh = try p.string()
            default: try p.skipValue()
            }
        }
        return LocalizedText(en: try required(en, "en", in: "a message", at: start), zhCN: try required(zh, "zh-CN", in: "a message", at: start))
    }

    mutating func finding() throws(Failure) -> Finding {
        let start = at
        var rule: String?, severity: Severity?, outcome: Outcome?, file: String?, range: SourceRange?
        var message: LocalizedText?, snippet: String?, path: String?
        try object { (p: inout PartJSONParser, key: String) throws(Failure) in
            switch key {
            case "ruleID": rule = try p.string()
            case "severity": severity = try p.raw(Severity.self, "a severity")
            case "outcome": outcome = try p.raw(Outcome.self, "an outcome")
            case "file": file = try p.string()
            case "range": range = try p.range()
            case "message": message = try p.text()
            case "snippet": snippet = try p.string()
            case "path": path = p.null() ? nil : try p.string()
            default: try p.skipValue()
            }
        }
        let what = "a finding"
        return Finding(ruleID: try required(rule, "ruleID", in: what, at: start), severity: try required(severity, "severity", in: what, at: start),
                       outcome: try required(outcome, "outcome", in: what, at: start), file: try required(file, "file", in: what, at: start),
                       range: try required(range, "range", in: what, at: start), message: try required(message, "message", in: what, at: start),
                       snippet: try required(snippet, "snippet", in: what, at: start), path: path)
    }

    mutating func fact() throws(Failure) -> SiteFact {
        let start = at
        var file: String?, value: String?, range: SourceRange?, snippet: String?
        try object { (p: inout PartJSONParser, key: String) throws(Failure) in
            switch key {
            case "file": file = try p.string()
            case "value": value = try p.string()
            case "range": range = try p.range()
            case "snippet": snippet = try p.string()
            default: try p.skipValue()
            }
        }
        let what = "a site fact"
        return SiteFact(file: try required(file, "file", in: what, at: start), value: try required(value, "value", in: what, at: start),
                        range: try required(range, "range", in: what, at: start), snippet: try required(snippet, "snippet", in: what, at: start))
    }

    mutating func counts() throws(Failure) -> OutcomeCounts {
        let start = at
        var passed: Int?, failed: Int?, cantTell: Int?, inapplicable: Int?
        try object { (p: inout PartJSONParser, key: String) throws(Failure) in
            switch key {
            case "passed": passed = try p.int()
            case "failed": failed = try p.int()
            case "cantTell": cantTell = try p.int()
            case "inapplicable": inapplicable = try p.int()
            default: try p.skipValue()
            }
        }
        var c = OutcomeCounts()
        let what = "outcome counts"
        c.passed = try required(passed, "passed", in: what, at: start)
        c.failed = try required(failed, "failed", in: what, at: start)
        c.cantTell = try required(cantTell, "cantTell", in: what, at: start)
        c.inapplicable = try required(inapplicable, "inapplicable", in: what, at: start)
        return c
    }

    /// Site facts by rule id.
    mutating func factLists() throws(Failure) -> [String: [SiteFact]] {
        try dictionary { (p: inout PartJSONParser) throws(Failure) in try p.array { (q: inout PartJSONParser) throws(Failure) in try q.fact() } }
    }

    mutating func fileOutcome() throws(Failure) -> FileOutcome {
        let start = at
        var findings: [Finding]?, outcomes: [String: OutcomeCounts]?, facts: [String: [SiteFact]]?
        try object { (p: inout PartJSONParser, key: String) throws(Failure) in
            switch key {
            case "findings": findings = try p.array { (q: inout PartJSONParser) throws(Failure) in try q.finding() }
            case "outcomes": outcomes = try p.dictionary { (q: inout PartJSONParser) throws(Failure) in try q.counts() }
            case "facts": facts = try p.factLists()
            default: try p.skipValue()
            }
        }
        var o = FileOutcome()
        let what = "a file outcome"
        o.findings = try required(findings, "findings", in: what, at: start)
        o.outcomes = try required(outcomes, "outcomes", in: what, at: start)
        o.facts = try required(facts, "facts", in: what, at: start)
        return o
    }

    /// Parses one whole value with `body`; nothing but whitespace may follow it.
    static func parse<T>(_ bytes: UnsafeBufferPointer<UInt8>, base: Int, _ body: (inout PartJSONParser) throws(Failure) -> T) throws(Failure) -> T {
        var p = PartJSONParser(bytes, base: base)
        p.skipWhitespace()
        let value = try body(&p)
        p.skipWhitespace()
        if p.at != bytes.count { throw p.failure("unexpected bytes after a value") }
        return value
    }
}
