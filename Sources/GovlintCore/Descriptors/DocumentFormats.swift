import Yams

/// Spectral's document formats (`oas2`, `oas3`, `oas3_0`, `oas3_1`, `aas2`,
/// `aas2_0`…, `aas3`, `arazzo1_0`, `json-schema`, `json-schema-draft4`…), detected
/// from the root keys as Spectral's `@stoplight/spectral-formats` does.
public enum DocumentFormats {
    public static func detect(_ root: Node) -> Set<String> {
        detect(DescriptorMatch(value: root, keyNode: nil, path: []))
    }

    public static func detect(_ root: DescriptorMatch) -> Set<String> {
        guard root.kind == .mapping else { return [] }
        func text(_ key: String) -> String? { root.child(.key(key))?.scalarText }
        var formats: Set<String> = []
        if let v = text("swagger"), v.hasPrefix("2.0") { formats.insert("oas2") }
        if let v = text("openapi") {
            if v.hasPrefix("3.") { formats.insert("oas3") }
            if v.hasPrefix("3.0") { formats.insert("oas3_0") }
            if v.hasPrefix("3.1") { formats.insert("oas3_1") }
            if v.hasPrefix("3.2") { formats.insert("oas3_2") }
        }
        if let v = text("asyncapi") {
            let parts = v.split(separator: ".")
            if parts.first == "2" {
                formats.insert("aas2")
                if parts.count > 1 { formats.insert("aas2_\(parts[1])") }
            } else if parts.first == "3" {
                formats.insert("aas3")
                if parts.count > 1 { formats.insert("aas3_\(parts[1])") }
            }
        }
        if let v = text("arazzo"), v.hasPrefix("1.0") { formats.insert("arazzo1_0") }
        if let v = text("$schema"), v.contains("json-schema.org") {
            formats.insert("json-schema")
            for (needle, name) in [("draft-04", "json-schema-draft4"), ("draft-06", "json-schema-draft6"),
                                   ("draft-07", "json-schema-draft7"), ("2019-09", "json-schema-2019-09"),
                                   ("2020-12", "json-schema-2020-12")] where v.contains(needle) {
                formats.insert(name)
            }
        }
        return formats
    }
}

