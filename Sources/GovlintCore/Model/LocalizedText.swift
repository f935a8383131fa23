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
        // Byte-level: `{` and `}` never occur inside a multi-byte UTF-8 sequence. Written straight into
        // the result's storage (no byte array, no string per placeholder name).
        var bytes = template
        return bytes.withUTF8 { t in
            guard let firstOpen = t.firstIndex(of: UInt8(ascii: "{")) else { return template }
            // Room for every `{` replaced by the longest value.
            var longest = 0
            for v in values.values { longest = max(longest, v.utf8.count) }
            var opens = 0
            for b in t[firstOpen...] where b == UInt8(ascii: "{") { opens += 1 }
            let keys = PlaceholderKeys(values)
            return String(unsafeUninitializedCapacity: t.count + opens * longest) { out in
                var n = 0
                func copy(_ bytes: UnsafeBufferPointer<UInt8>) {
                    guard !bytes.isEmpty else { return }
                    (out.baseAddress! + n).update(from: bytes.baseAddress!, count: bytes.count)
                    n += bytes.count
                }
                copy(UnsafeBufferPointer(rebasing: t[..<firstOpen]))
                var i = firstOpen
                while i < t.count {
                    if t[i] == UInt8(ascii: "{"), let close = t[(i + 1)...].firstIndex(of: UInt8(ascii: "}")),
                       var value = keys.value(UnsafeBufferPointer(rebasing: t[(i + 1)..<close])) {
                        value.withUTF8 { copy($0) }
                        i = close + 1
                    } else {
                        out[n] = t[i]
                        n += 1
                        i += 1
                    }
                }
                return n
            }
        }
    }

    /// Looks up a placeholder's value by its name's bytes: byte-equal keys without making a string or
    /// hashing it, as the dictionary would find them; by the dictionary when a name or a key is not
    /// ASCII (canonically equivalent strings are equal keys) or the values are many.
    private struct PlaceholderKeys {
        let values: [String: String]
        let byBytes: Bool

        init(_ values: [String: String]) {
            self.values = values
            byBytes = values.count <= 8 && values.keys.allSatisfy { $0.utf8.allSatisfy { $0 < 0x80 } }
        }

        func value(_ name: UnsafeBufferPointer<UInt8>) -> String? {
            if byBytes, name.allSatisfy({ $0 < 0x80 }) {
                for (key, value) in values {
                    var key = key
                    if key.withUTF8({ $0.count == name.count && $0.elementsEqual(name) }) { return value }
                }
                return nil
            }
            return values[String(decoding: name, as: UTF8.self)]
        }
    }
}

/// Output language of messages and reports.
public enum Language: String, Sendable, Codable, CaseIterable {
    case en
    case zhCN = "zh-CN"
}
