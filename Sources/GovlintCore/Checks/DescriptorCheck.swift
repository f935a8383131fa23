import Yams

/// A predicate over one value of a descriptor (Spectral's core functions).
public protocol DescriptorCheck: Sendable {
    static var id: String { get }
    static var summary: String { get }
    init(options: inout CheckOptions) throws(LocatedError)
    /// `value` is nil when the field is missing. Returns failures (empty = holds).
    func evaluate(_ value: DescriptorMatch?, parent: DescriptorMatch, field: String?) -> [DescriptorFailure]
}

/// Where and why a descriptor check failed.
public struct DescriptorFailure: Sendable {
    /// The value or key to point at.
    public var at: DescriptorMatch
    public var data: [String: String]
    public init(at: DescriptorMatch, data: [String: String] = [:]) {
        self.at = at
        self.data = data
    }
}
