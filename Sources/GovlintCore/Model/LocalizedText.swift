import Foundation

/// Text in English and Simplified Chinese.
public struct LocalizedText: Sendable, Codable, Hashable {
    public var en: String
    public var zhCN: String

    public init(en: String, zhCN: String) {
        self.en = en
        self.zhCN = zhCN
    }

    enum CodingKeys: String, CodingKey {
        case en
        case zhCN = "zh-CN"
    }

    public func text(_ language: Language) -> String {
        switch language {
        case .en: en
        case .zhCN: zhCN.isEmpty ? en : zhCN
        }
    }

    /// Replaces `{name}` placeholders in both languages.
    public func filled(_ values: [String: String]) -> LocalizedText {
        guard !values.isEmpty else { return self }
        return LocalizedText(en: Self.fill(en, values), zhCN: Self.fill(zhCN, values))
    }

    static func fill(_ template: String, _ values: [String: String]) -> String {
        // Byte-level: `{` and `}` never occur inside a multi-byte UTF-8 sequence. Written into a buffer on
        // the stack, not a byte array: one string made per call.
        var bytes = template
        return bytes.withUTF8 { t -> String in
            guard let firstOpen = t.firstIndex(of: UInt8(ascii: "{")) else { return template }
            // Room for every `{` replaced by the longest value.
            var longest = 0
            for v in values.values { longest = max(longest, v.utf8.count) }
            var opens = 0
            for b in t[firstOpen...] where b == UInt8(ascii: "{") { opens += 1 }
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: t.count + opens * longest) { out -> String in
                let base = out.baseAddress!, source = t.baseAddress!
                var n = 0
                // Runs without a placeholder are copied at once.
                func copy(_ from: Int, _ to: Int) {
                    if to > from { (base + n).update(from: source + from, count: to - from) }
                    n += to - from
                }
                var i = 0
                var open: Int? = firstOpen
                while let o = open {
                    copy(i, o)
                    if let close = t[(o + 1)...].firstIndex(of: UInt8(ascii: "}")),
                       var value = value(UnsafeBufferPointer(rebasing: t[(o + 1)..<close]), in: values) {
                        value.withUTF8 { v in
                            if v.count > 0 { (base + n).update(from: v.baseAddress!, count: v.count) }
                            n += v.count
                        }
                        i = close + 1
                    } else {
                        base[n] = UInt8(ascii: "{")
                        n += 1
                        i = o + 1
                    }
                    open = i < t.count ? t[i...].firstIndex(of: UInt8(ascii: "{")) : nil
                }
                copy(i, t.count)
                return String(decoding: UnsafeBufferPointer(rebasing: out[..<n]), as: UTF8.self)
            }
        }
    }

    /// `values[key]` of a key's UTF-8 bytes. Among a few values the key is found by comparing bytes (no key
    /// string made, nothing hashed); the table is asked when bytes cannot tell (a non-ASCII key on either
    /// side: string equality is canonical equivalence, not byte equality).
    static func value(_ key: UnsafeBufferPointer<UInt8>, in values: [String: String]) -> String? {
        if values.count <= 4, !key.contains(where: { $0 >= 0x80 }) {
            var undecided = false
            for (k, v) in values {
                guard let same = k.utf8.withContiguousStorageIfAvailable({ b -> Bool? in
                    if b.count == key.count, b.count == 0 || memcmp(b.baseAddress!, key.baseAddress!, b.count) == 0 { return true }
                    // Different bytes: a different string unless the key is not ASCII.
                    return b.contains(where: { $0 >= 0x80 }) ? nil : false
                }) else {
                    undecided = true
                    continue
                }
                switch same {
                case true?: return v
                case false?: continue
                case nil: undecided = true
                }
            }
            if !undecided { return nil }
        }
        return values[String(decoding: key, as: UTF8.self)]
    }
}

/// Output language of messages and reports.
public enum Language: String, Sendable, Codable, CaseIterable {
    case en
    case zhCN = "zh-CN"
}
