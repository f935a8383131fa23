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
        // Byte-level: `{` and `}` never occur inside a multi-byte UTF-8 sequence.
        let t = Array(template.utf8)
        guard let firstOpen = t.firstIndex(of: UInt8(ascii: "{")) else { return template }
        var out: [UInt8] = []
        out.reserveCapacity(t.count + 32)
        out.append(contentsOf: t[..<firstOpen])
        var i = firstOpen
        while i < t.count {
            if t[i] == UInt8(ascii: "{"), let close = t[(i + 1)...].firstIndex(of: UInt8(ascii: "}")),
               let value = values[String(decoding: t[(i + 1)..<close], as: UTF8.self)] {
                out.append(contentsOf: value.utf8)
                i = close + 1
            } else {
                out.append(t[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// Output language of messages and reports.
public enum Language: String, Sendable, Codable, CaseIterable {
    case en
    case zhCN = "zh-CN"
}
