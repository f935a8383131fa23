import Yams

/// A JSONPath expression over descriptors (RFC 9535 subset: root, names,
/// bracketed names, wildcards, indexes, recursive descent).
public struct JSONPath: Sendable, CustomStringConvertible {
    indirect enum Segment: Sendable {
        case name(String)
        case index(Int)
        case wildcard
        case descendant(Segment)
    }

    public let text: String
    let segments: [Segment]
    public var description: String { text }

    /// Parses a path; errors carry the 1-based column within the text.
    public init(_ text: String) throws(JSONPathError) {
        self.text = text
        let chars = Array(text)
        var i = 0
        guard chars.first == "$" else { throw JSONPathError(message: "a path must start with '$'", column: 1) }
        i = 1
        var segments: [Segment] = []
        func readName() -> String {
            var name = ""
            while i < chars.count, chars[i] != ".", chars[i] != "[" { name.append(chars[i]); i += 1 }
            return name
        }
        func readBracket() throws(JSONPathError) -> Segment {
            let start = i
            i += 1 // [
            while i < chars.count, chars[i] == " " { i += 1 }
            guard i < chars.count else { throw JSONPathError(message: "unclosed '['", column: start + 1) }
            var segment: Segment
            if chars[i] == "*" {
                segment = .wildcard; i += 1
            } else if chars[i] == "'" || chars[i] == "\"" {
                let q = chars[i]; i += 1
                var name = ""
                while i < chars.count, chars[i] != q {
                    if chars[i] == "\\", i + 1 < chars.count { i += 1 }
                    name.append(chars[i]); i += 1
                }
                guard i < chars.count else { throw JSONPathError(message: "unclosed string", column: start + 2) }
                i += 1
                segment = .name(name)
            } else if chars[i] == "-" || chars[i].isNumber {
                var digits = String(chars[i]); i += 1
                while i < chars.count, chars[i].isNumber { digits.append(chars[i]); i += 1 }
                guard let n = Int(digits) else { throw JSONPathError(message: "bad index '\(digits)'", column: start + 2) }
                segment = .index(n)
            } else {
                throw JSONPathError(message: "unsupported selector '\(chars[i])' in brackets", column: i + 1)
            }
            while i < chars.count, chars[i] == " " { i += 1 }
            guard i < chars.count, chars[i] == "]" else { throw JSONPathError(message: "expected ']'", column: i + 1) }
            i += 1
            return segment
        }
        while i < chars.count {
            if chars[i] == "." {
                if i + 1 < chars.count, chars[i + 1] == "." {
                    i += 2
                    if i < chars.count, chars[i] == "[" {
                        segments.append(.descendant(try readBracket()))
                    } else if i < chars.count, chars[i] == "*" {
                        i += 1; segments.append(.descendant(.wildcard))
                    } else {
                        let name = readName()
                        guard !name.isEmpty else { throw JSONPathError(message: "expected a name after '..'", column: i + 1) }
                        segments.append(.descendant(.name(name)))
                    }
                } else {
                    i += 1
                    if i < chars.count, chars[i] == "*" {
                        i += 1; segments.append(.wildcard)
                    } else {
                        let name = readName()
                        guard !name.isEmpty else { throw JSONPathError(message: "expected a name after '.'", column: i + 1) }
                        segments.append(.name(name))
                    }
                }
            } else if chars[i] == "[" {
                segments.append(try readBracket())
            } else {
                throw JSONPathError(message: "unexpected '\(chars[i])'", column: i + 1)
            }
        }
        self.segments = segments
    }

    /// Every value the path selects, in document order.
    public func select(_ root: DescriptorMatch) -> [DescriptorMatch] {
        var current = [root]
        for segment in segments {
            var next: [DescriptorMatch] = []
            for m in current { apply(segment, to: m, into: &next) }
            current = next
        }
        return current
    }

    private func apply(_ segment: Segment, to m: DescriptorMatch, into out: inout [DescriptorMatch]) {
        switch segment {
        case let .name(n):
            if let c = m.child(.key(n)) { out.append(c) }
        case let .index(i):
            if let c = m.child(.index(i)) { out.append(c) }
        case .wildcard:
            out.append(contentsOf: m.children)
        case let .descendant(inner):
            // Iterative pre-order walk: no recursion per nesting level.
            var stack = [m]
            while let node = stack.popLast() {
                apply(inner, to: node, into: &out)
                stack.append(contentsOf: node.children.reversed())
            }
        }
    }
}

public struct JSONPathError: Error, Sendable, Equatable {
    public var message: String
    public var column: Int
}
