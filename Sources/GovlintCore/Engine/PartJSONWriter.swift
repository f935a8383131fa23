import Foundation
import GovlintHTML

/// Writes the values of a part file as JSON bytes, exactly as `JSONEncoder` with
/// `.sortedKeys` writes them on Linux: no whitespace, keys in the order of their
/// UTF-8 bytes, nil optionals left out, `"`, `\` and `/` escaped with a backslash,
/// C0 controls as `\b \f \n \r \t` or `\u00xx` (lowercase hex), everything else
/// (non-ASCII included) as it is. The keys of each type are written out here in that
/// order; `PartJSONWriterTests` compares the bytes with `JSONEncoder`'s.
struct PartJSONWriter {
    var bytes: [UInt8] = []

    init(capacity: Int = 1 << 17) { bytes.reserveCapacity(capacity) }

    mutating func raw(_ s: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
    }

    mutating func int(_ v: Int) {
        if v < 0 { bytes.append(UInt8(ascii: "-")) }
        var n = v.magnitude
        let start = bytes.count
        repeat {
            bytes.append(UInt8(ascii: "0") &+ UInt8(n % 10))
            n /= 10
        } while n > 0
        bytes[start...].reverse()
    }

    mutating func string(_ s: String) {
        bytes.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { escaped($0) }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func escaped(_ utf8: UnsafeBufferPointer<UInt8>) {
        var start = 0
        var i = 0
        let n = utf8.count
        while i < n {
            let b = utf8[i]
            let needsEscape = b < 0x30 ? (b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "/")) : b == UInt8(ascii: "\\")
            if !needsEscape {
                i += 1
                continue
            }
            if i > start { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<i])) }
            bytes.append(UInt8(ascii: "\\"))
            switch b {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): bytes.append(b)
            case 0x08: bytes.append(UInt8(ascii: "b"))
            case 0x0C: bytes.append(UInt8(ascii: "f"))
            case 0x0A: bytes.append(UInt8(ascii: "n"))
            case 0x0D: bytes.append(UInt8(ascii: "r"))
            case 0x09: bytes.append(UInt8(ascii: "t"))
            default:
                bytes.append(UInt8(ascii: "u"))
                bytes.append(UInt8(ascii: "0"))
                bytes.append(UInt8(ascii: "0"))
                bytes.append(Self.hex[Int(b >> 4)])
                bytes.append(Self.hex[Int(b & 0xF)])
            }
            i += 1
            start = i
        }
        if n > start { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<n])) }
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    /// Keys as `JSONEncoder` sorts them: by their UTF-8 bytes.
    static func sortedKeys(_ keys: some Sequence<String>) -> [String] {
        keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    mutating func strings(_ list: [String]) {
        bytes.append(UInt8(ascii: "["))
        for (i, s) in list.enumerated() {
            if i > 0 { bytes.append(UInt8(ascii: ",")) }
            string(s)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    /// An object of `values` by sorted key, each written by `value`.
    mutating func object<V>(_ values: [String: V], _ value: (inout PartJSONWriter, V) -> Void) {
        bytes.append(UInt8(ascii: "{"))
        for (i, key) in Self.sortedKeys(values.keys).enumerated() {
            if i > 0 { bytes.append(UInt8(ascii: ",")) }
            string(key)
            bytes.append(UInt8(ascii: ":"))
            value(&self, values[key]!)
        }
        bytes.append(UInt8(ascii: "}"))
    }

    mutating func array<V>(_ values: [V], _ value: (inout PartJSONWriter, V) -> Void) {
        bytes.append(UInt8(ascii: "["))
        for (i, v) in values.enumerated() {
            if i > 0 { bytes.append(UInt8(ascii: ",")) }
            value(&self, v)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    mutating func position(_ p: SourcePosition) {
        raw("{\"column\":"); int(p.column)
        raw(",\"line\":"); int(p.line)
        raw(",\"offset\":"); int(p.offset)
        raw("}")
    }

    mutating func range(_ r: SourceRange) {
        raw("{\"end\":"); position(r.end)
        raw(",\"start\":"); position(r.start)
        raw("}")
    }

    mutating func finding(_ f: Finding) {
        raw("{\"file\":"); string(f.file)
        raw(",\"message\":{\"en\":"); string(f.message.en)
        raw(",\"zh-CN\":"); string(f.message.zhCN)
        raw("},\"outcome\":"); string(f.outcome.rawValue)
        if let path = f.path {
            raw(",\"path\":"); string(path)
        }
        raw(",\"range\":"); range(f.range)
        raw(",\"ruleID\":"); string(f.ruleID)
        raw(",\"severity\":"); string(f.severity.rawValue)
        raw(",\"snippet\":"); string(f.snippet)
        raw("}")
    }

    mutating func fact(_ f: SiteFact) {
        raw("{\"file\":"); string(f.file)
        raw(",\"range\":"); range(f.range)
        raw(",\"snippet\":"); string(f.snippet)
        raw(",\"value\":"); string(f.value)
        raw("}")
    }

    mutating func counts(_ c: OutcomeCounts) {
        raw("{\"cantTell\":"); int(c.cantTell)
        raw(",\"failed\":"); int(c.failed)
        raw(",\"inapplicable\":"); int(c.inapplicable)
        raw(",\"passed\":"); int(c.passed)
        raw("}")
    }

    mutating func outcome(_ o: FileOutcome) {
        raw("{\"facts\":"); object(o.facts) { $0.array($1) { $0.fact($1) } }
        raw(",\"findings\":"); array(o.findings) { $0.finding($1) }
        raw(",\"outcomes\":"); object(o.outcomes) { $0.counts($1) }
        raw("}")
    }
}

extension RunPart {
    /// The part file's JSON, newline-terminated: the bytes `JSONEncoder` (sorted keys, ISO 8601 dates) makes of the
    /// part, written by ``PartJSONWriter`` in pieces of about 64 KiB, each ending after a whole value. One file's
    /// outcome at a time, its findings and facts read from the spool, so writing a part does not hold all of them.
    public func writeJSON(bytes write: (UnsafeBufferPointer<UInt8>) throws -> Void) throws {
        let dateEncoder = JSONEncoder()
        dateEncoder.dateEncodingStrategy = .iso8601
        let date = try dateEncoder.encode(now)
        var w = PartJSONWriter()
        func flush(over limit: Int) throws {
            guard w.bytes.count >= limit else { return }
            try w.bytes.withUnsafeBufferPointer(write)
            w.bytes.removeAll(keepingCapacity: true)
        }
        w.raw("{\"cacheHits\":"); w.int(cacheHits)
        w.raw(",\"catalogDigest\":"); w.string(catalogDigest)
        w.raw(",\"descriptorsChecked\":"); w.int(descriptorsChecked)
        if let distinctFacts {
            w.raw(",\"distinctFacts\":"); w.object(distinctFacts) { $0.array($1) { $0.fact($1) } }
        }
        if let factCounts {
            w.raw(",\"factCounts\":"); w.object(factCounts) { $0.int($1) }
        }
        w.raw(",\"files\":{")
        let facts = spooledFacts()
        // In the order the JSONEncoder-based writer had (String order; the same as UTF-8 order unless paths differ
        // only in Unicode normalization).
        for (i, path) in files.keys.sorted().enumerated() {
            if i > 0 { w.bytes.append(UInt8(ascii: ",")) }
            w.string(path)
            w.bytes.append(UInt8(ascii: ":"))
            w.outcome(outcome(for: path, facts: facts)!)
            try flush(over: 1 << 16)
        }
        w.raw("},\"now\":"); w.bytes.append(contentsOf: date)
        if let outcomes {
            w.raw(",\"outcomes\":"); w.object(outcomes) { $0.counts($1) }
        }
        w.raw(",\"pagesChecked\":"); w.int(pagesChecked)
        w.raw(",\"problems\":"); w.array(problems) { $0.finding($1) }
        if let profile {
            w.raw(",\"profile\":"); w.string(profile)
        }
        w.raw(",\"profiles\":"); w.strings(profiles)
        w.raw(",\"rules\":"); w.object(rules) { $0.string($1.rawValue) }
        w.raw(",\"schemaVersion\":"); w.int(schemaVersion)
        if let shard {
            w.raw(",\"shard\":{\"count\":"); w.int(shard.count)
            w.raw(",\"index\":"); w.int(shard.index)
            w.raw("}")
        }
        w.raw(",\"siteFiles\":"); w.strings(siteFiles)
        w.raw(",\"toolVersion\":"); w.string(toolVersion)
        w.raw("}\n")
        try flush(over: 0)
    }

    /// ``writeJSON(bytes:)`` as text, piece by piece.
    public func writeJSON(_ write: (String) throws -> Void) throws {
        try writeJSON(bytes: { try write(String(decoding: $0, as: UTF8.self)) })
    }
}
