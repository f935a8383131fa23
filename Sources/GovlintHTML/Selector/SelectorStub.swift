// Temporary stand-in (type selectors and lists only) until the selector branch lands.
public struct SelectorError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String
    public let column: Int
    public var description: String { "\(column): \(message)" }
}

public struct Selector: Sendable, Hashable, CustomStringConvertible {
    public let text: String
    let names: [String]
    public init(_ text: String) throws(SelectorError) {
        self.text = text
        names = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        for (i, n) in names.enumerated() where n.isEmpty || n.contains(where: { !$0.isLetter && !$0.isNumber && $0 != "*" }) {
            throw SelectorError(message: "unsupported selector '\(n)'", column: i + 1)
        }
    }
    public var description: String { text }
    public func matches(_ element: HTMLElement) -> Bool {
        element.isElement && names.contains { $0 == "*" || $0 == element.name }
    }
}

extension HTMLDocument {
    public func select(_ selector: Selector) -> [HTMLElement] {
        (0..<nodes.count).compactMap { let e = self[$0]; return selector.matches(e) ? e : nil }
    }
}

extension HTMLElement {
    public func select(_ selector: Selector) -> [HTMLElement] {
        descendantIndices.compactMap { let e = document[$0]; return selector.matches(e) ? e : nil }
    }
    public func matches(_ selector: Selector) -> Bool { selector.matches(self) }
}

import Foundation
