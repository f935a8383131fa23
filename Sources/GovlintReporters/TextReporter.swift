import GovlintCore

/// `path:line:col: severity [rule-id] message`, one finding a line, then a summary.
public enum TextReporter: Reporter {
    public static let id = "text"
    public static let summary = "Human-readable lines (colour on a terminal)."

    public static func write(_ context: ReportContext, to out: inout some TextOutputStream) throws {
        for f in context.findings {
            let label = f.outcome == .cantTell ? "review" : f.severity.rawValue
            let coloured = context.colour ? colour(label, f) : label
            let message = sanitize(f.message.text(context.language))
            out.write("\(sanitize(f.file)):\(f.line):\(f.column): \(coloured) [\(f.ruleID)] \(message)\n")
        }
        let r = context.result
        let c = context.counts
        out.write("\(r.pagesChecked) pages and \(r.descriptorsChecked) descriptors checked with \(r.rulesRun.count) rules: ")
        out.write("\(c.errors) errors, \(c.warnings) warnings, \(c.info) info, \(c.cantTell) to review.\n")
        if let i = r.inspection {
            let verdict = i.passed ? (context.language == .zhCN ? "合格" : "pass") : (context.language == .zhCN ? "不合格" : "fail")
            let assessed = i.items.filter { $0.state == .assessed }.count
            out.write("Inspection score (\(i.model)): \(InspectionText.number(i.score)) / 100, \(verdict)")
            out.write(i.vetoes.isEmpty ? "; no veto item triggered" : "; veto items: \(i.vetoes.joined(separator: ", "))")
            out.write("; \(assessed) of \(i.items.count) indicators assessed statically.\n")
            if let note = i.note { out.write("  \(note.text(context.language))\n") }
        }
    }

    static func colour(_ label: String, _ f: Finding) -> String {
        let code = f.outcome == .cantTell ? "36" : f.severity == .error ? "31" : f.severity == .warning ? "33" : "34"
        return "\u{1B}[\(code)m\(label)\u{1B}[0m"
    }

    /// Control characters would let a page rewrite the terminal; show them escaped.
    static func needsEscaping(_ s: String) -> Bool {
        var s = s
        return s.withUTF8 { b in
            for i in b.indices {
                let x = b[i]
                if x < 0x20 || x == 0x7F { return true }
                if x == 0xE2, i + 2 < b.count {
                    let y = b[i + 1], z = b[i + 2]
                    if (y == 0x80 && z >= 0xAA && z <= 0xAE) || (y == 0x81 && z >= 0xA6 && z <= 0xA9) { return true }
                }
            }
            return false
        }
    }

    static func sanitize(_ s: String) -> String {
        // Nearly every message and snippet has nothing to escape: say so from the bytes (C0 controls,
        // DEL, and the UTF-8 forms E2 80 AA–AE / E2 81 A6–A9 of the bidi controls) without copying.
        if !needsEscaping(s) { return s }
        var out = ""
        for scalar in s.unicodeScalars {
            if scalar.value < 0x20 || scalar.value == 0x7F || (0x202A...0x202E).contains(scalar.value)
                || (0x2066...0x2069).contains(scalar.value) {
                out += "\\u{\(String(scalar.value, radix: 16))}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
