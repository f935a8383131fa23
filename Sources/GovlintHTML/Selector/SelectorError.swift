/// A selector that could not be parsed: what went wrong and where.
public struct SelectorError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String
    /// 1-based column, in Unicode scalars, of the offending token within the
    /// selector text (one past the end when the text ended too early).
    public let column: Int

    public init(message: String, column: Int) {
        self.message = message
        self.column = column
    }

    public var description: String { "column \(column): \(message)" }
}
