/// A folder of rules plus its `pack.yaml` manifest.
public struct RulePack: Sendable {
    public var id: String
    public var title: LocalizedText
    public var version: String
    public var description: String?
    public var rules: [Rule]
    public var profiles: [Profile]
    /// `builtin` or the directory it came from.
    public var origin: String
}

/// A named selection of rules across packs (`--profile`).
public struct Profile: Sendable {
    public var id: String
    public var title: LocalizedText
    public var description: String?
    /// Whole packs included.
    public var packs: [String]
    /// Individual rules included.
    public var rules: [String]
    /// Rules whose tags include any of these.
    public var tags: [String]
    /// Other profiles included.
    public var extends: [String]
    public var definedIn: String
    /// Extra data a profile may carry (scoring models, mappings), by key.
    public var scoring: String?
}
