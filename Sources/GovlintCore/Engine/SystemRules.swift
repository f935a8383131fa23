/// Rules the engine itself reports: files it could not check. They are part
/// of every run and appear in rule listings and SARIF like pack rules.
public enum SystemRules {
    public static let pack = "govlint"

    public static let fileUnreadable = make("file-unreadable", "File cannot be read", "文件无法读取",
        "The file cannot be read: {reason}", "文件无法读取：{reason}")
    public static let fileEmpty = make("file-empty", "File is empty", "文件为空",
        "The file is empty, so there is nothing to check.", "文件为空，无可检查内容。")
    public static let fileBinary = make("file-binary", "File is not text", "文件不是文本",
        "The file has a page's name but binary content.", "文件名为网页，但内容为二进制数据。")
    public static let fileTruncated = make("file-truncated", "File appears truncated", "文件疑似被截断",
        "The file ends inside a tag or comment; it may have been cut off.", "文件在标签或注释内部结束，可能被截断。",
        severity: .warning)
    public static let descriptorInvalid = make("descriptor-invalid", "Descriptor is not valid YAML or JSON", "描述文件不是有效的 YAML 或 JSON",
        "The descriptor cannot be parsed: {reason}", "描述文件无法解析：{reason}")
    public static let fileNotFullyChecked = make("file-not-fully-checked", "File not fully checked", "文件未完整检查",
        "The file was not fully checked: {reason}", "文件未完整检查：{reason}", severity: .warning)

    public static let unusedSuppression = make("unused-suppression", "Suppression comment suppresses nothing", "抑制注释未抑制任何问题",
        "The suppression of {rules} suppresses nothing; remove the comment.", "对 {rules} 的抑制未抑制任何问题；请删除该注释。",
        severity: .warning,
        rationale: "A govlint-disable comment that no longer hides a finding is stale: the problem was fixed or moved, and the comment would silently hide the next one.")

    public static let all: [Rule] = [fileUnreadable, fileEmpty, fileBinary, fileTruncated, descriptorInvalid, fileNotFullyChecked,
                                     unusedSuppression]

    private static func make(_ id: String, _ en: String, _ zh: String, _ msgEN: String, _ msgZH: String,
                             severity: Severity = .error,
                             rationale: String = "Reported by the engine when a file cannot be checked, so that nothing is skipped silently.") -> Rule {
        Rule(id: id, pack: pack, title: LocalizedText(en: en, zhCN: zh), summary: nil,
             rationale: rationale,
             message: LocalizedText(en: msgEN, zhCN: msgZH), severity: severity, target: .page,
             references: [], axe: [], act: [], tags: ["engine"], selector: nil, excludeHidden: false,
             files: [], given: [], check: .all([]), examples: [], sourceFile: "Sources/GovlintCore/Engine/SystemRules.swift",
             sourceLine: 1)
    }
}
