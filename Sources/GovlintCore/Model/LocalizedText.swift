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
        guard template.contains("{") else { return template }
        var result = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            let after = rest[rest.index(after: open)...]
            if let close = after.firstIndex(of: "}"), let value = values[String(after[..<close])] {
                result += value
                rest = after[after.index(after: close)...]
            } else {
                result += "{"
                rest = after
            }
        }
        return result + rest
    }
}

/// Output language of messages and reports.
public enum Language: String, Sendable, Codable, CaseIterable {
    case en
    case zhCN = "zh-CN"
}
