import Foundation

/// A stable identity for a finding that survives line shifts: rule, file,
/// normalised snippet and message (SwiftLint's baseline identity). Used by
/// SARIF's `partialFingerprints` and by baselines.
public enum Fingerprint {
    public static func of(_ f: Finding) -> String {
        // FNV-1a of "rule\0file\0normalised snippet\0message", hashed piece by piece.
        var hash = FNV1a()
        hash.add(f.ruleID)
        hash.add(0)
        hash.add(f.file)
        hash.add(0)
        if !hash.addNormalisedASCII(f.snippet) { hash.add(normalised(f.snippet)) }
        hash.add(0)
        hash.add(f.message.en)
        return hash.text
    }

    struct FNV1a {
        var hash: UInt64 = 0xcbf29ce484222325

        mutating func add(_ b: UInt8) {
            hash ^= UInt64(b)
            hash = hash &* 0x100000001b3
        }

        mutating func add(_ s: String) {
            let done: Void? = s.utf8.withContiguousStorageIfAvailable { (utf8: UnsafeBufferPointer<UInt8>) -> Void in
                for b in utf8 { add(b) }
            }
            if done == nil {
                for b in s.utf8 { add(b) }
            }
        }

        /// Adds ``Fingerprint/normalised(_:)`` of an all-ASCII snippet (whitespace: tab to carriage
        /// return and space, as `Character.isWhitespace` has it in ASCII); false, adding nothing, otherwise.
        mutating func addNormalisedASCII(_ s: String) -> Bool {
            let done: Bool? = s.utf8.withContiguousStorageIfAvailable { utf8 in
                for b in utf8 where b >= 0x80 { return false }
                var pendingSpace = false, any = false
                for b in utf8 {
                    if b == 0x20 || (b >= 0x09 && b <= 0x0D) {
                        pendingSpace = any
                    } else {
                        if pendingSpace { add(0x20) }
                        pendingSpace = false
                        any = true
                        add(b)
                    }
                }
                return true
            }
            return done ?? false
        }

        var text: String {
            let hex = String(hash, radix: 16)
            return String(repeating: "0", count: max(0, 16 - hex.count)) + hex + ":1"
        }
    }

    /// The snippet with every run of whitespace collapsed to one space.
    public static func normalised(_ snippet: String) -> String {
        snippet.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    static func fnv1a(_ s: String) -> String {
        var hash = FNV1a()
        hash.add(s)
        return hash.text
    }
}

/// Known findings recorded by `govlint baseline create`; `check --baseline`
/// reports only findings beyond them. Matching is count-aware: a baseline
/// entry seen twice hides at most two equal findings, so a third copy of the
/// same violation in the same file is new.
public struct Baseline: Sendable, Codable, Equatable {
    public static let currentVersion = 1

    public struct Entry: Sendable, Codable, Equatable {
        public var rule: String
        public var file: String
        /// Whitespace-normalised snippet.
        public var snippet: String
        /// English message.
        public var message: String
        public var count: Int
        /// `Fingerprint.of` the findings of this entry.
        public var fingerprint: String
    }

    public var version: Int
    public var toolVersion: String
    public var entries: [Entry]

    public init(findings: some Sequence<Finding>, toolVersion: String = GovlintVersion.current) {
        var byPrint: [String: Entry] = [:]
        for f in findings {
            let key = Fingerprint.of(f)
            if byPrint[key] != nil {
                byPrint[key]!.count += 1
            } else {
                byPrint[key] = Entry(rule: f.ruleID, file: f.file, snippet: Fingerprint.normalised(f.snippet),
                                     message: f.message.en, count: 1, fingerprint: key)
            }
        }
        version = Self.currentVersion
        self.toolVersion = toolVersion
        entries = byPrint.values.sorted {
            ($0.file, $0.rule, $0.snippet, $0.message) < ($1.file, $1.rule, $1.snippet, $1.message)
        }
    }

    public enum LoadError: Error, CustomStringConvertible {
        case unreadable(String)
        case notABaseline(String, String)
        case wrongVersion(String, Int)

        public var description: String {
            switch self {
            case let .unreadable(path): "\(path): cannot read the baseline file"
            case let .notABaseline(path, reason): "\(path): not a govlint baseline (\(reason))"
            case let .wrongVersion(path, v):
                "\(path): baseline version \(v) is not supported (this govlint reads version \(Baseline.currentVersion)); recreate it with 'govlint baseline create'"
            }
        }
    }

    public static func load(_ path: String) throws(LoadError) -> Baseline {
        guard let data = FileManager.default.contents(atPath: path) else { throw .unreadable(path) }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw .notABaseline(path, "not a JSON object")
        }
        guard let version = object["version"] as? Int else { throw .notABaseline(path, "no 'version'") }
        guard version == currentVersion else { throw .wrongVersion(path, version) }
        do {
            return try JSONDecoder().decode(Baseline.self, from: data)
        } catch {
            throw .notABaseline(path, "\(error)")
        }
    }

    public func encoded() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }

    /// The findings not covered by the baseline, in their original order.
    public func newFindings(_ findings: [Finding]) -> [Finding] {
        var remaining = remainingCounts()
        return findings.filter { !Self.consumeKnown($0, remaining: &remaining) }
    }

    /// How many findings of each fingerprint the baseline still hides, before any is seen.
    func remainingCounts() -> [String: Int] {
        var remaining: [String: Int] = [:]
        for e in entries { remaining[e.fingerprint, default: 0] += e.count }
        return remaining
    }

    /// Whether the baseline hides `f`, counting it off `remaining` if so.
    static func consumeKnown(_ f: Finding, remaining: inout [String: Int]) -> Bool {
        guard !remaining.isEmpty else { return false }
        let key = Fingerprint.of(f)
        if let n = remaining[key], n > 0 {
            remaining[key] = n - 1
            return true
        }
        return false
    }

    /// The result with baseline findings removed and the comparison recorded.
    /// The findings are filtered as they are read: a streamed result stays streamed.
    public func apply(to result: RunResult) -> RunResult {
        var r = result
        r.stream = result.stream.excludingBaseline(self)
        let all = result.stream.counts.total, fresh = r.stream.counts.total
        r.baseline = BaselineComparison(known: all - fresh, new: fresh)
        return r
    }
}

/// How a run compared with a baseline (reporters show "new versus baseline").
public struct BaselineComparison: Sendable, Codable, Hashable {
    /// Findings hidden because the baseline knows them.
    public var known: Int
    /// Findings reported as new.
    public var new: Int

    public init(known: Int, new: Int) {
        self.known = known
        self.new = new
    }
}
