/// The version of govlint (tool, cache keys, SARIF driver).
public enum GovlintVersion {
    public static let current = "0.1.0"
}
