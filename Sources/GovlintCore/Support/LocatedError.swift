/// An error in a rule pack, configuration or descriptor, located in its file.
/// Printed as `file:line:column: message`.
public struct LocatedError: Error, Sendable, CustomStringConvertible, Equatable {
    public var file: String
    public var line: Int
    public var column: Int
    public var message: String

    public init(file: String, line: Int, column: Int, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String { "\(file):\(line):\(column): \(message)" }
}

/// Several located errors found while loading; loading reports all of them at once.
public struct LocatedErrors: Error, Sendable, CustomStringConvertible {
    public var errors: [LocatedError]
    public init(_ errors: [LocatedError]) { self.errors = errors }
    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
