/// The built-in rule packs, embedded from `Rules/` at build time.
public enum GovlintRules {
    /// Every embedded file as (path relative to `Rules/`, UTF-8 contents), sorted by path.
    public static var files: [(path: String, contents: String)] { EmbeddedRuleFiles.files }
}
