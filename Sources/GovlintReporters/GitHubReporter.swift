import GovlintCore

/// GitHub Actions workflow commands, which the runner turns into annotations:
/// `::error file=…,line=…,endLine=…,col=…,endColumn=…,title=…::message`.
///
/// Escaping is exactly actions/toolkit's (`packages/core/src/command.ts`).
/// Before escaping, other control characters are shown as `\u{…}` (as the text
/// reporter does) so a page cannot drive the log's terminal emulation.
/// GitHub shows at most 10 annotations of each level per step; all are printed.
public enum GitHubReporter: Reporter {
    public static let id = "github"
    public static let summary = "GitHub Actions annotations (workflow commands)."

    public static func write(_ context: ReportContext, to out: inout some TextOutputStream) throws {
        for f in context.findings {
            var properties: [(String, String)] = []
            if !f.file.isEmpty { properties.append(("file", f.file)) }
            let start = f.range.start
            if start.line >= 1 {
                let end = f.range.end >= start ? f.range.end : start
                properties.append(("line", String(start.line)))
                properties.append(("endLine", String(end.line)))
                if end.line == start.line, start.column >= 1 {
                    properties.append(("col", String(start.column)))
                    properties.append(("endColumn", String(max(end.column, start.column))))
                }
            }
            let ruleTitle = context.rule(f.ruleID)?.title.text(context.language)
            var title = ruleTitle.map { "\($0) [\(f.ruleID)]" } ?? f.ruleID
            if f.outcome == .cantTell { title = reviewLabel(context.language) + title }
            properties.append(("title", title))
            let message = f.message.text(context.language)
            out.write("::\(command(f))")
            out.write(" " + properties.map { "\($0.0)=\(escapeProperty(sanitize($0.1)))" }.joined(separator: ","))
            out.write("::\(escapeData(sanitize(message.isEmpty ? f.ruleID : message)))\n")
        }
    }

    static func reviewLabel(_ language: Language) -> String {
        language == .zhCN ? "需人工复核：" : "Needs review: "
    }

    /// error → error, warning → warning, info and cannot-tell → notice.
    static func command(_ f: Finding) -> String {
        if f.outcome == .cantTell { return "notice" }
        switch f.severity {
        case .error: return "error"
        case .warning: return "warning"
        case .info: return "notice"
        }
    }

    /// actions/toolkit `escapeData`: `%`, `\r`, `\n`.
    static func escapeData(_ s: String) -> String {
        var out = ""
        for ch in s.unicodeScalars {
            switch ch {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }

    /// actions/toolkit `escapeProperty`: as data, plus `:` and `,`.
    static func escapeProperty(_ s: String) -> String {
        var out = ""
        for ch in s.unicodeScalars {
            switch ch {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            case ":": out += "%3A"
            case ",": out += "%2C"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }

    /// Control characters other than CR and LF (which escaping encodes) shown as `\u{…}`.
    static func sanitize(_ s: String) -> String {
        var out = ""
        for scalar in s.unicodeScalars {
            if (scalar.value < 0x20 && scalar != "\n" && scalar != "\r") || (0x7F...0x9F).contains(scalar.value) {
                out += "\\u{\(String(scalar.value, radix: 16))}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
