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
                out.baseAddress!.update(from: t.baseAddress!, count: firstOpen)
                var n = firstOpen
                var i = firstOpen
                while i < t.count {
                    if t[i] == UInt8(ascii: "{"), let close = t[(i + 1)...].firstIndex(of: UInt8(ascii: "}")),
                       var value = values[String(decoding: UnsafeBufferPointer(rebasing: t[(i + 1)..<close]), as: UTF8.self)] {
                        value.withUTF8 { v in
                            if v.count > 0 { (out.baseAddress! + n).update(from: v.baseAddress!, count: v.count) }
                            n += v.count
                        }
                        i = close + 1
                    } else {
                        out[n] = t[i]
                        n += 1
                        i += 1
                    }
                }
                return String(decoding: UnsafeBufferPointer(rebasing: out[..<n]), as: UTF8.self)
            }
        }
    }
}

/// Output language of messages and reports.
public enum Language: String, Sendable, Codable, CaseIterable {
    case en
    case zhCN = "zh-CN"
}
