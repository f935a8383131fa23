import Foundation

/// Spectral `alphabetical`: mapping keys, list items, or list items' `keyedBy`
/// values are in alphabetical (numbers: numeric) order.
struct AlphabeticalCheck: DescriptorCheck {
    static let id = "alphabetical"
    static let summary = "Mapping keys or list items (by `keyedBy` for lists of mappings) are in alphabetical order (Spectral `alphabetical`)."
    let keyedBy: String?

    init(options: inout CheckOptions) throws(LocatedError) {
        keyedBy = try options.string("keyedBy")
        try options.finish()
    }

    func evaluate(_ value: DescriptorMatch?, parent: DescriptorMatch, field: String?) -> [DescriptorFailure] {
        guard let value else { return [] }
        var items: [JSONValue]
        let isList: Bool
        switch value.kind {
        case .sequence:
            items = value.children.map(\.json); isList = true
        case .mapping:
            items = value.children.map { if case let .key(k)? = $0.path.last { .string(k) } else { .null } }; isList = false
        case .scalar:
            return []
        }
        guard items.count >= 2 else { return [] }
        if let keyedBy {
            var keyed: [JSONValue] = []
            for item in items {
                guard isList, case let .object(o) = item else {
                    return [DescriptorFailure(at: value, data: ["error": "must be a list of mappings"])]
                }
                keyed.append(o[keyedBy] ?? .null)
            }
            items = keyed
        }
        for i in 0..<(items.count - 1) where Self.compare(items[i], items[i + 1]) > 0 {
            if keyedBy != nil {
                return [DescriptorFailure(at: value, data: ["error": "properties must follow the alphabetical order"])]
            }
            let at = value.children[i]
            return [DescriptorFailure(at: at, data: [
                "value": items[i].description,
                "error": "\(items[i]) must be placed after \(items[i + 1])",
            ])]
        }
        return []
    }

    /// Numbers (and numeric strings against numbers) numerically; strings like
    /// JavaScript's `localeCompare`: case-insensitive first, lower case before upper.
    static func compare(_ a: JSONValue, _ b: JSONValue) -> Int {
        func number(_ v: JSONValue) -> Double? {
            switch v {
            case let .number(d): d
            case let .string(s): Double(s)
            default: nil
            }
        }
        if case .number = a, let y = number(b) { return sign(number(a)! - y) }
        if case .number = b, let x = number(a) { return sign(x - number(b)!) }
        guard case let .string(x) = a, case let .string(y) = b else { return 0 }
        switch x.compare(y, options: [.caseInsensitive]) {
        case .orderedAscending: return -1
        case .orderedDescending: return 1
        case .orderedSame:
            if x == y { return 0 }
            // Same letters, different case: lower case sorts first.
            for (c, d) in zip(x, y) where c != d { return c.isLowercase ? -1 : 1 }
            return 0
        }
    }

    static func sign(_ d: Double) -> Int { d < 0 ? -1 : (d > 0 ? 1 : 0) }
}
