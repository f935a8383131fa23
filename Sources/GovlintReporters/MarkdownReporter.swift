import GovlintCore

/// GitHub-flavoured Markdown sized for a pull-request comment: a verdict, the
/// totals, the ten rules with the most failures and the first fifty findings.
/// Text from pages is escaped so it cannot add markup, links or break tables.
public enum MarkdownReporter: Reporter {
    public static let id = "markdown"
    public static let summary = "Markdown for a pull-request comment: verdict, totals, top rules, first findings."

    static let topRules = 10
    static let maxFindings = 50
    static let maxMessage = 300

    /// The report is small whatever the run's size (top rules, first findings): it is built as one string.
    public static func write(_ context: ReportContext, to output: inout some TextOutputStream) throws {
        let s = Strings(context.language)
        let r = context.result
        let counts = context.counts
        let errors = counts.errors, warnings = counts.warnings, infos = counts.info, review = counts.cantTell

        var out = "## \(s.heading)\n\n"
        let verdict = errors > 0 ? "❌ **\(s.failed)**" : warnings > 0 ? "⚠️ **\(s.passedWithWarnings)**"
            : review > 0 ? "🔎 **\(s.passedToReview)**" : "✅ **\(s.passed)**"
        out += "\(verdict)\(s.colon)\(s.totals(errors, warnings, infos, review))\n\n"

        out += "| \(s.pages) | \(s.descriptors) | \(s.rules) | \(s.errors) | \(s.warnings) | \(s.info) | \(s.review) |\n"
        out += "|---:|---:|---:|---:|---:|---:|---:|\n"
        out += "| \(r.pagesChecked) | \(r.descriptorsChecked) | \(r.rulesRun.count) | \(errors) | \(warnings) | \(infos) | \(review) |\n"

        if let b = r.baseline { out += "\n\(s.versusBaseline(b.new, b.known))\n" }

        var failures: [String: (count: Int, severity: Severity)] = [:]
        for (id, c) in counts.byRule {
            if let severity = c.maxFailedSeverity { failures[id] = (c.failed, severity) }
        }
        let top = failures.sorted { $0.value.count != $1.value.count ? $0.value.count > $1.value.count : $0.key < $1.key }
        if !top.isEmpty {
            out += "\n### \(s.topRulesHeading)\n\n"
            out += "| \(s.rule) | \(s.title) | \(s.severity) | \(s.failures) |\n|---|---|---|---:|\n"
            for (id, v) in top.prefix(topRules) {
                let title = context.rule(id)?.title.text(context.language) ?? ""
                out += "| \(code(id)) | \(cell(title)) | \(s.label(v.severity)) | \(v.count) |\n"
            }
            if top.count > topRules { out += "\n_\(s.moreRules(top.count - topRules))_\n" }
        }

        let findings = context.findings
        let total = context.findingCount
        out += "\n### \(s.findingsHeading)\n\n"
        if total == 0 {
            out += "\(s.noFindings)\n"
        } else {
            out += "| \(s.severity) | \(s.file) | \(s.location) | \(s.rule) | \(s.message) |\n|---|---|---|---|---|\n"
            for f in findings.prefix(maxFindings) {
                let label = f.outcome == .cantTell ? s.reviewLabel : s.label(f.severity)
                let message = f.message.text(context.language)
                let short = message.count > maxMessage ? String(message.prefix(maxMessage - 1)) + "…" : message
                out += "| \(label) | \(cell(f.file)) | \(f.line):\(f.column) | \(code(f.ruleID)) | \(cell(short)) |\n"
            }
            if total > maxFindings { out += "\n_\(s.showing(maxFindings, total))_\n" }
        }
        out += "\n<sub>govlint \(cell(context.toolVersion))"
        if let profile = r.profile { out += " · \(s.profile) \(cell(profile))" }
        out += " · \(JSONOutput.iso8601(r.now))</sub>\n"
        output.write(out)
    }

    /// A rule id as code; ids are kebab-case, but anything else is escaped as text.
    static func code(_ id: String) -> String {
        id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "." || $0 == "_") }) ? "`\(id)`" : cell(id)
    }

    /// Text for a table cell: one line, Markdown punctuation and pipes
    /// backslash-escaped, HTML special characters as entities, control characters visible.
    static func cell(_ s: String) -> String {
        var out = ""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\n", "\r", "\t": out += " "
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\\", "|", "`", "*", "_", "[", "]", "~": out += "\\" + String(scalar)
            default:
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                    out += "\\\\u{\(String(scalar.value, radix: 16))}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    struct Strings {
        let zh: Bool
        init(_ language: Language) { zh = language == .zhCN }

        var heading: String { zh ? "govlint 检查报告" : "govlint report" }
        var failed: String { zh ? "未通过" : "Failed" }
        var passedWithWarnings: String { zh ? "通过，但有警告" : "Passed with warnings" }
        var passedToReview: String { zh ? "通过，有待复核项" : "Passed, with findings to review" }
        var passed: String { zh ? "通过" : "Passed" }
        var colon: String { zh ? "：" : ": " }
        func totals(_ e: Int, _ w: Int, _ i: Int, _ r: Int) -> String {
            zh ? "\(e) 个错误，\(w) 个警告，\(i) 个提示，\(r) 个待复核。"
               : "\(e) \(e == 1 ? "error" : "errors"), \(w) \(w == 1 ? "warning" : "warnings"), \(i) info, \(r) to review."
        }
        var pages: String { zh ? "页面" : "Pages" }
        var descriptors: String { zh ? "描述文件" : "Descriptors" }
        var rules: String { zh ? "规则" : "Rules" }
        var errors: String { zh ? "错误" : "Errors" }
        var warnings: String { zh ? "警告" : "Warnings" }
        var info: String { zh ? "提示" : "Info" }
        var review: String { zh ? "待复核" : "To review" }
        var reviewLabel: String { zh ? "待复核" : "review" }
        var topRulesHeading: String { zh ? "失败最多的规则" : "Rules with the most failures" }
        var rule: String { zh ? "规则" : "Rule" }
        var title: String { zh ? "标题" : "Title" }
        var severity: String { zh ? "级别" : "Severity" }
        var failures: String { zh ? "失败数" : "Failures" }
        var findingsHeading: String { zh ? "问题" : "Findings" }
        var noFindings: String { zh ? "未发现问题。" : "No findings." }
        var file: String { zh ? "文件" : "File" }
        var location: String { zh ? "位置" : "Line:col" }
        var message: String { zh ? "说明" : "Message" }
        var profile: String { zh ? "配置" : "profile" }
        func label(_ s: Severity) -> String { s.label(zh ? .zhCN : .en) }
        func versusBaseline(_ new: Int, _ known: Int) -> String {
            zh ? "**与基线相比：**新增 \(new) 个问题；基线中已知的 \(known) 个问题未列出。"
               : "**New versus baseline:** \(new) new \(new == 1 ? "finding" : "findings"); \(known) known \(known == 1 ? "finding" : "findings") from the baseline not shown."
        }
        func moreRules(_ n: Int) -> String { zh ? "另有 \(n) 条规则存在失败。" : "\(n) more rules have failures." }
        func showing(_ n: Int, _ total: Int) -> String {
            zh ? "仅显示前 \(n) 个问题，共 \(total) 个；完整结果见 SARIF 或 JSON 报告。"
               : "Showing the first \(n) of \(total) findings; the SARIF or JSON report has them all."
        }
    }
}
