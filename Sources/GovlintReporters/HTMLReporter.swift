import Foundation
import GovlintCore

/// One self-contained HTML compliance report: inline CSS and SVG, no script,
/// no network. An overview (verdict, score, veto items, totals), charts of
/// failures by rule and by severity (each with its numbers as text), a table
/// per standard of outcomes by clause, then a drill-down per rule with the
/// pages, line:column and escaped snippets. It passes govlint's own
/// accessibility rules and prints without the navigation.
public enum HTMLReporter: Reporter {
    public static let id = "html"
    public static let summary = "Self-contained HTML compliance report (inline CSS and SVG charts, bilingual, printable)."

    static let maxChartBars = 12
    static let maxFindingsPerRule = 500

    /// Per rule: the reported findings, the files they are in, and the first rows of its table (kept aside).
    struct RuleRows {
        var count = 0
        var files = 0
        var lastFile: String?
    }

    public static func write(_ context: ReportContext, to output: inout some TextOutputStream) throws {
        let s = Strings(context.language)
        let r = context.result
        let counts = context.counts
        let errors = counts.errors, warnings = counts.warnings, infos = counts.info, review = counts.cantTell
        // One pass over the findings: failures by site section, and each rule's drill-down rows, written aside.
        var bySection: [String: Int] = [:]
        var rows: [String: RuleRows] = [:]
        let chunks = TemporaryChunks()
        try context.findings.forEachFile { batch in
            for f in batch {
                if f.outcome == .failed {
                    let parts = f.file.split(separator: "/")
                    bySection[parts.count > 1 ? String(parts[0]) + "/" : s.rootSection, default: 0] += 1
                }
                var entry = rows[f.ruleID] ?? RuleRows()
                entry.count += 1
                if entry.lastFile != f.file { entry.files += 1; entry.lastFile = f.file }
                rows[f.ruleID] = entry
                if entry.count <= maxFindingsPerRule { chunks.append(row(f, s, context.language), to: f.ruleID) }
            }
        }
        let verdict: (cls: String, text: String) = errors > 0 ? ("failed", s.failed) : warnings > 0 ? ("warn", s.passedWithWarnings)
            : review > 0 ? ("review", s.passedToReview) : ("passed", s.passed)

        var out = """
            <!DOCTYPE html>
            <html lang="\(context.language.rawValue)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="generator" content="govlint \(esc(context.toolVersion))">
            <title>\(esc(s.title))\(r.profile.map { " · \(esc($0))" } ?? "")</title>
            <style>\(css)</style>
            </head>
            <body>
            <header class="top">
            <h1>\(esc(s.title))</h1>
            <p class="meta">\(r.profile.map { "\(esc(s.profile)) <strong>\(esc($0))</strong> · " } ?? "")\(esc(JSONOutput.iso8601(r.now))) · govlint \(esc(context.toolVersion))</p>
            </header>
            <nav aria-label="\(esc(s.contents))"><ul>
            <li><a href="#overview">\(esc(s.overview))</a></li>
            <li><a href="#charts">\(esc(s.charts))</a></li>
            <li><a href="#clauses">\(esc(s.clauses))</a></li>
            <li><a href="#rules">\(esc(s.details))</a></li>
            </ul></nav>
            <main>

            """

        // Overview.
        let ruleOutcomes = r.rulesRun.map { ($0, r.outcomes[$0] ?? OutcomeCounts()) }
        let passedRules = ruleOutcomes.filter { $0.1.overall == .passed }.count
        let failedRules = ruleOutcomes.filter { $0.1.overall == .failed }.count
        let reviewRules = ruleOutcomes.filter { $0.1.overall == .cantTell }.count
        let naRules = ruleOutcomes.filter { $0.1.overall == .inapplicable }.count
        let assessed = passedRules + failedRules + reviewRules
        let score = assessed == 0 ? 100 : passedRules * 100 / assessed
        out += "<section id=\"overview\" aria-labelledby=\"overview-h\">\n<h2 id=\"overview-h\">\(esc(s.overview))</h2>\n"
        out += "<p class=\"verdict v-\(verdict.cls)\"><strong>\(esc(verdict.text))</strong>\(esc(s.colon))\(esc(s.totals(errors, warnings, infos, review)))</p>\n"
        if let b = r.baseline { out += "<p>\(esc(s.versusBaseline(b.new, b.known)))</p>\n" }
        out += "<dl class=\"totals\">\n"
        for (term, value) in [(s.score, "\(score)%"), (s.pages, "\(r.pagesChecked)"), (s.descriptors, "\(r.descriptorsChecked)"),
                              (s.rules, "\(r.rulesRun.count)"), (s.rulesPassed, "\(passedRules)"), (s.rulesFailed, "\(failedRules)"),
                              (s.rulesReview, "\(reviewRules)"), (s.rulesNA, "\(naRules)")] {
            out += "<div><dt>\(esc(term))</dt><dd>\(esc(value))</dd></div>\n"
        }
        out += "</dl>\n<p class=\"note\">\(esc(s.scoreNote))</p>\n"
        let vetoRules = counts.byRule.filter { $0.value.errors > 0 }.keys.sorted()
        out += "<h3>\(esc(s.veto))</h3>\n"
        if vetoRules.isEmpty {
            out += "<p>\(esc(s.noVeto))</p>\n"
        } else {
            out += "<ul class=\"veto\">\n"
            for id in vetoRules {
                let n = counts.byRule[id]?.errors ?? 0
                out += "<li><a href=\"#\(anchor(id))\">\(esc(title(id, context)))</a> (<code>\(esc(id))</code>): \(esc(s.failuresCount(n)))</li>\n"
            }
            out += "</ul>\n"
        }
        if let inspection = r.inspection { out += inspectionSection(inspection, s, language: context.language) }
        if r.profiles.count > 1 { out += profileTable(context, s) }
        out += "</section>\n"

        // Charts.
        var byRule: [String: Int] = [:]
        for (id, c) in counts.byRule where c.failed > 0 { byRule[id] = c.failed }
        let ruleBars = byRule.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(maxChartBars)
            .map { (label: $0.key, value: $0.value, cls: "bar") }
        let severityBars = [(s.label(.error), errors, "bar-error"), (s.label(.warning), warnings, "bar-warning"),
                            (s.label(.info), infos, "bar-info"), (s.review, review, "bar-review")]
            .map { (label: $0.0, value: $0.1, cls: $0.2) }
        var byClause: [String: Int] = [:]
        for (id, n) in byRule {
            for ref in context.rule(id)?.references ?? [] { byClause[ref.label, default: 0] += n }
        }
        let clauseBars = byClause.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(maxChartBars)
            .map { (label: $0.key, value: $0.value, cls: "bar-clause") }
        out += "<section id=\"charts\" aria-labelledby=\"charts-h\">\n<h2 id=\"charts-h\">\(esc(s.charts))</h2>\n<div class=\"charts\">\n"
        out += chart(id: "chart-severity", caption: s.bySeverity, bars: severityBars, s: s)
        out += chart(id: "chart-rule", caption: s.byRule, bars: ruleBars, s: s)
        out += chart(id: "chart-clause", caption: s.byClause, bars: clauseBars, s: s)
        let sectionBars = bySection.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(maxChartBars)
            .map { (label: $0.key, value: $0.value, cls: "bar") }
        out += chart(id: "chart-section", caption: s.bySection, bars: sectionBars, s: s)
        out += "</div>\n</section>\n"

        // Clauses per standard.
        out += "<section id=\"clauses\" aria-labelledby=\"clauses-h\">\n<h2 id=\"clauses-h\">\(esc(s.clauses))</h2>\n"
        out += "<p class=\"note\">\(esc(s.clausesNote))</p>\n"
        var standards: [String: [String: (ref: StandardReference, counts: OutcomeCounts, rules: Set<String>)]] = [:]
        for (id, counts) in ruleOutcomes {
            for ref in context.rule(id)?.references ?? [] {
                let std = [ref.standard, ref.version].compactMap { $0 }.joined(separator: " ")
                let key = [ref.clause, ref.level].compactMap { $0 }.joined(separator: " ")
                var entry = standards[std]?[key] ?? (ref, OutcomeCounts(), [])
                entry.counts.add(counts)
                entry.rules.insert(id)
                standards[std, default: [:]][key] = entry
            }
        }
        if standards.isEmpty { out += "<p>\(esc(s.noClauses))</p>\n" }
        for std in standards.keys.sorted() {
            let rows = standards[std]!.sorted { clauseOrder($0.key, $1.key) }
            out += "<table>\n<caption>\(esc(std))</caption>\n<thead><tr><th scope=\"col\">\(esc(s.clause))</th><th scope=\"col\">\(esc(s.status))</th>"
            out += "<th scope=\"col\" class=\"n\">\(esc(s.passedCol))</th><th scope=\"col\" class=\"n\">\(esc(s.failedCol))</th>"
            out += "<th scope=\"col\" class=\"n\">\(esc(s.reviewCol))</th><th scope=\"col\" class=\"n\">\(esc(s.naCol))</th>"
            out += "<th scope=\"col\">\(esc(s.rules))</th></tr></thead>\n<tbody>\n"
            for (key, entry) in rows {
                let c = entry.counts
                let clause = entry.ref.url.map { "<a href=\"\(esc($0))\">\(esc(key.isEmpty ? std : key))</a>" } ?? esc(key.isEmpty ? std : key)
                out += "<tr><th scope=\"row\">\(clause)</th><td>\(status(c.overall, s))</td>"
                out += "<td class=\"n\">\(c.passed)</td><td class=\"n\">\(c.failed)</td><td class=\"n\">\(c.cantTell)</td><td class=\"n\">\(c.inapplicable)</td><td>"
                out += entry.rules.sorted().map { id in
                    (byRule[id] ?? 0) > 0 || context.findingCount(rule: id) > 0 ? "<a href=\"#\(anchor(id))\"><code>\(esc(id))</code></a>" : "<code>\(esc(id))</code>"
                }.joined(separator: ", ")
                out += "</td></tr>\n"
            }
            out += "</tbody>\n</table>\n"
        }
        out += "</section>\n"

        // Drill-down per rule.
        out += "<section id=\"rules\" aria-labelledby=\"rules-h\">\n<h2 id=\"rules-h\">\(esc(s.details))</h2>\n"
        let order = rows.keys.sorted { a, b in
            let fa = counts.byRule[a]?.failed ?? 0, fb = counts.byRule[b]?.failed ?? 0
            return fa != fb ? fa > fb : a < b
        }
        if order.isEmpty { out += "<p>\(esc(s.noFindings))</p>\n" }
        for id in order {
            let list = rows[id]!
            let rule = context.rule(id)
            out += "<section class=\"rule\" id=\"\(anchor(id))\" aria-labelledby=\"\(anchor(id))-h\">\n"
            out += "<h3 id=\"\(anchor(id))-h\">\(esc(title(id, context))) <code>\(esc(id))</code></h3>\n"
            var facts: [String] = []
            if let rule { facts.append("\(esc(s.severity)): \(esc(s.label(rule.severity)))") }
            facts.append(esc(s.findingsOnPages(list.count, list.files)))
            if let refs = rule?.references, !refs.isEmpty {
                facts.append("\(esc(s.standards)): " + refs.map { ref in
                    ref.url.map { "<a href=\"\(esc($0))\">\(esc(ref.label))</a>" } ?? esc(ref.label)
                }.joined(separator: "; "))
            }
            out += "<p class=\"facts\">\(facts.joined(separator: " · "))</p>\n"
            if let summary = rule?.summary { out += "<p>\(esc(summary.text(context.language)))</p>\n" }
            out += "<table class=\"findings\">\n<caption>\(esc(s.findingsOf(id)))</caption>\n<thead><tr><th scope=\"col\">\(esc(s.file))</th>"
            out += "<th scope=\"col\">\(esc(s.location))</th><th scope=\"col\">\(esc(s.outcome))</th><th scope=\"col\">\(esc(s.message))</th>"
            out += "<th scope=\"col\">\(esc(s.snippet))</th></tr></thead>\n<tbody>\n"
            output.write(out)
            out = ""
            chunks.forEach(id) { output.write($0) }
            out += "</tbody>\n</table>\n"
            if list.count > maxFindingsPerRule { out += "<p class=\"note\">\(esc(s.showing(maxFindingsPerRule, list.count)))</p>\n" }
            out += "</section>\n"
        }
        out += "</section>\n</main>\n"
        out += "<footer><p>\(esc(s.footer))</p></footer>\n</body>\n</html>\n"
        output.write(out)
    }

    /// One row of a rule's findings table.
    static func row(_ f: Finding, _ s: Strings, _ language: Language) -> String {
        let outcome = f.outcome == .cantTell ? s.review : s.label(f.severity)
        var out = "<tr><td class=\"file\">\(esc(f.file))</td><td class=\"n\">\(f.line):\(f.column)</td>"
        out += "<td><span class=\"tag t-\(f.outcome == .cantTell ? "review" : f.severity.rawValue)\">\(esc(outcome))</span></td>"
        out += "<td>\(esc(f.message.text(language)))</td>"
        out += "<td>\(f.snippet.isEmpty ? "" : "<pre><code>\(esc(f.snippet))</code></pre>")</td></tr>\n"
        return out
    }

    /// One row per selected profile: its rules' outcomes, score and verdict.
    static func profileTable(_ context: ReportContext, _ s: Strings) -> String {
        let r = context.result
        let counts = context.counts
        var out = "<table>\n<caption>\(esc(s.perProfile))</caption>\n<thead><tr><th scope=\"col\">\(esc(s.profile))</th>"
        for h in [s.rulesPassed, s.rulesFailed, s.rulesReview, s.rulesNA, s.score] { out += "<th scope=\"col\" class=\"n\">\(esc(h))</th>" }
        out += "<th scope=\"col\">\(esc(s.veto))</th></tr></thead>\n<tbody>\n"
        for profile in r.profiles {
            let ids = Set(context.catalog.ruleIDs(forProfile: profile) ?? []).intersection(r.rulesRun)
            let overall = ids.map { (r.outcomes[$0] ?? OutcomeCounts()).overall }
            let passed = overall.filter { $0 == .passed }.count, fails = overall.filter { $0 == .failed }.count
            let review = overall.filter { $0 == .cantTell }.count, na = overall.filter { $0 == .inapplicable }.count
            let assessed = passed + fails + review
            let vetoes = ids.filter { (counts.byRule[$0]?.errors ?? 0) > 0 }.count
            out += "<tr><th scope=\"row\"><code>\(esc(profile))</code></th><td class=\"n\">\(passed)</td><td class=\"n\">\(fails)</td>"
            out += "<td class=\"n\">\(review)</td><td class=\"n\">\(na)</td><td class=\"n\">\(assessed == 0 ? 100 : passed * 100 / assessed)%</td>"
            out += "<td>\(vetoes)</td></tr>\n"
        }
        return out + "</tbody>\n</table>\n"
    }

    /// The inspection score (检查指标): score, verdict, triggered vetoes and every indicator's state.
    static func inspectionSection(_ i: InspectionReport, _ s: Strings, language: Language) -> String {
        var out = "<h3>\(esc(s.inspection))</h3>\n"
        let score = i.score == i.score.rounded() ? String(Int(i.score)) : String(format: "%.1f", i.score)
        out += "<p class=\"verdict v-\(i.passed ? "passed" : "failed")\"><strong>\(esc(i.passed ? s.inspectionPass : s.inspectionFail))</strong>\(esc(s.colon))\(esc(s.inspectionScore(score)))</p>\n"
        if let note = i.note { out += "<p class=\"note\">\(esc(note.text(language)))</p>\n" }
        let vetoes = i.items.filter(\.vetoed)
        out += vetoes.isEmpty ? "<p>\(esc(s.noInspectionVeto))</p>\n"
            : "<ul class=\"veto\">\n" + vetoes.map { "<li>\(esc($0.title.text(language))) (<code>\(esc($0.id))</code>)</li>\n" }.joined() + "</ul>\n"
        out += "<table>\n<caption>\(esc(s.indicators))</caption>\n<thead><tr><th scope=\"col\">\(esc(s.indicator))</th><th scope=\"col\">\(esc(s.indicatorKind))</th><th scope=\"col\">\(esc(s.indicatorState))</th><th scope=\"col\" class=\"n\">\(esc(s.failuresHeader))</th><th scope=\"col\" class=\"n\">\(esc(s.deducted))</th></tr></thead>\n<tbody>\n"
        for item in i.items {
            let state: String
            switch item.state {
            case .assessed: state = s.assessed
            case .notAssessable: state = s.notAssessable
            case .notApplicable: state = s.notApplicable
            }
            let deducted = item.deducted == item.deducted.rounded() ? String(Int(item.deducted)) : String(format: "%.1f", item.deducted)
            out += "<tr><th scope=\"row\">\(esc(item.title.text(language))) <code>\(esc(item.id))</code></th><td>\(esc(item.kind == .veto ? s.vetoKind : s.deductionKind))</td><td>\(esc(state))</td><td class=\"n\">\(item.failedFindings)</td><td class=\"n\">\(esc(deducted))</td></tr>\n"
        }
        return out + "</tbody>\n</table>\n"
    }

    static func title(_ id: String, _ context: ReportContext) -> String {
        context.rule(id)?.title.text(context.language) ?? id
    }

    static func status(_ o: Outcome, _ s: Strings) -> String {
        switch o {
        case .failed: "<span class=\"tag t-error\">\(esc(s.failedCol))</span>"
        case .cantTell: "<span class=\"tag t-review\">\(esc(s.reviewCol))</span>"
        case .passed: "<span class=\"tag t-passed\">\(esc(s.passedCol))</span>"
        default: "<span class=\"tag t-na\">\(esc(s.naCol))</span>"
        }
    }

    /// Clauses in numeric order: 1.4.10 after 1.4.2.
    static func clauseOrder(_ a: String, _ b: String) -> Bool {
        let pa = a.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        let pb = b.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        if pa != pb { return pa.lexicographicallyPrecedes(pb) }
        return a < b
    }

    /// A horizontal bar chart as inline SVG, named by its title, with the
    /// numbers as visible text so it reads without colour.
    static func chart(id: String, caption: String, bars: [(label: String, value: Int, cls: String)], s: Strings) -> String {
        var out = "<figure>\n<figcaption id=\"\(id)-c\">\(esc(caption))</figcaption>\n"
        guard !bars.isEmpty, bars.contains(where: { $0.value > 0 }) else {
            return out + "<p>\(esc(s.noFailures))</p>\n</figure>\n"
        }
        let width = 640, labelWidth = 300, barMax = width - labelWidth - 50, rowHeight = 24
        let height = bars.count * rowHeight + 8
        let maxValue = max(1, bars.map(\.value).max() ?? 1)
        let summary = bars.map { "\($0.label): \($0.value)" }.joined(separator: "; ")
        out += "<svg role=\"img\" aria-labelledby=\"\(id)-t\" viewBox=\"0 0 \(width) \(height)\" width=\"100%\" preserveAspectRatio=\"xMinYMin meet\">\n"
        out += "<title id=\"\(id)-t\">\(esc(caption)): \(esc(summary))</title>\n"
        for (i, bar) in bars.enumerated() {
            let y = 4 + i * rowHeight
            let w = bar.value == 0 ? 0 : max(2, bar.value * barMax / maxValue)
            let label = bar.label.count > 40 ? String(bar.label.prefix(39)) + "…" : bar.label
            out += "<text x=\"\(labelWidth - 8)\" y=\"\(y + 16)\" text-anchor=\"end\" class=\"lbl\">\(esc(label))</text>"
            out += "<rect x=\"\(labelWidth)\" y=\"\(y + 3)\" width=\"\(w)\" height=\"\(rowHeight - 8)\" class=\"\(bar.cls)\"/>"
            out += "<text x=\"\(labelWidth + w + 6)\" y=\"\(y + 16)\" class=\"val\">\(bar.value)</text>\n"
        }
        return out + "</svg>\n</figure>\n"
    }

    /// An id fragment for a rule: lowercase letters, digits and hyphens only.
    static func anchor(_ id: String) -> String {
        "rule-" + String(id.lowercased().unicodeScalars.map { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" ? Character($0) : "_" })
    }

    /// Text for HTML content or attributes: markup characters as entities;
    /// control and bidirectional-override characters shown as `\u{…}` so a
    /// finding can neither break the document nor reorder what is displayed.
    static func esc(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\n", "\t": out.unicodeScalars.append(scalar)
            default:
                let v = scalar.value
                if v < 0x20 || (0x7F...0x9F).contains(v) || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
                    || v == 0x200E || v == 0x200F || v == 0xFFFE || v == 0xFFFF {
                    out += "\\u{\(String(v, radix: 16))}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    static let css = """

        :root{--fg:#1b1b1b;--muted:#4a4a4a;--bg:#fff;--line:#c9c9c9;--accent:#005ea2;--err:#b50909;--warn:#8a5300;--info:#1a4480;--rev:#5c3d8c;--ok:#216e1f}
        *{box-sizing:border-box}
        body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI","Noto Sans","Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;color:var(--fg);background:var(--bg)}
        header.top,nav,main,footer{max-width:72rem;margin:0 auto;padding:0 1rem}
        header.top{padding-top:1rem;border-bottom:3px solid var(--accent)}
        h1{font-size:1.75rem;margin:.5rem 0}
        h2{font-size:1.4rem;margin:2rem 0 .75rem;border-bottom:1px solid var(--line)}
        h3{font-size:1.15rem;margin:1.5rem 0 .5rem}
        .meta,.note{color:var(--muted)}
        nav ul{list-style:none;padding:0;margin:.75rem 0;display:flex;flex-wrap:wrap;gap:1.25rem}
        a{color:var(--accent)}
        a:focus-visible{outline:3px solid #ffbe2e;outline-offset:2px}
        .verdict{font-size:1.2rem;padding:.75rem 1rem;border-left:6px solid;background:#f5f5f5}
        .v-failed{border-color:var(--err)}.v-warn{border-color:var(--warn)}.v-review{border-color:var(--rev)}.v-passed{border-color:var(--ok)}
        dl.totals{display:grid;grid-template-columns:repeat(auto-fill,minmax(9rem,1fr));gap:.5rem;margin:1rem 0}
        dl.totals div{border:1px solid var(--line);padding:.5rem .75rem}
        dt{color:var(--muted);font-size:.9rem}dd{margin:0;font-size:1.5rem;font-weight:600}
        .charts{display:grid;gap:1.5rem}
        figure{margin:0;max-width:46rem}figcaption{font-weight:600;margin-bottom:.25rem}
        svg .lbl,svg .val{font-size:13px;fill:var(--fg)}
        .bar{fill:var(--accent)}.bar-clause{fill:#1a4480}.bar-error{fill:var(--err)}.bar-warning{fill:var(--warn)}.bar-info{fill:var(--info)}.bar-review{fill:var(--rev)}
        table{border-collapse:collapse;width:100%;margin:.5rem 0 1.5rem}
        caption{text-align:left;font-weight:600;padding:.25rem 0}
        th,td{border:1px solid var(--line);padding:.35rem .5rem;text-align:left;vertical-align:top}
        thead th{background:#f0f0f0}
        .n{text-align:right;white-space:nowrap}
        td.file{word-break:break-all}
        pre{margin:0;white-space:pre-wrap;word-break:break-all;font-size:.85rem}
        code{font-family:ui-monospace,"DejaVu Sans Mono",Menlo,Consolas,monospace}
        .tag{display:inline-block;padding:0 .4rem;border-radius:.2rem;color:#fff;font-size:.85rem;white-space:nowrap}
        .t-error{background:var(--err)}.t-warning{background:var(--warn)}.t-info{background:var(--info)}.t-review{background:var(--rev)}.t-passed{background:var(--ok)}.t-na{background:#565c65}
        .facts{color:var(--muted)}
        footer{margin-top:2rem;padding-bottom:2rem;color:var(--muted);border-top:1px solid var(--line)}
        @media print{
          nav{display:none}
          body{font-size:11pt}
          a{color:inherit;text-decoration:none}
          section.rule,figure,tr{break-inside:avoid}
          h2,h3{break-after:avoid}
          .verdict,thead th,.tag{-webkit-print-color-adjust:exact;print-color-adjust:exact}
        }

        """

    struct Strings {
        let zh: Bool
        init(_ language: Language) { zh = language == .zhCN }

        var title: String { zh ? "govlint 合规检查报告" : "govlint compliance report" }
        var inspection: String { zh ? "检查指标评分" : "Inspection score" }
        var perProfile: String { zh ? "各配置概览（规则结果、得分、否决项数）" : "Overview per profile (rule outcomes, score, veto items)" }
        var inspectionPass: String { zh ? "合格" : "Pass (合格)" }
        var inspectionFail: String { zh ? "不合格" : "Fail (不合格)" }
        func inspectionScore(_ v: String) -> String { zh ? "得分 \(v) / 100。" : "score \(v) / 100." }
        var noInspectionVeto: String { zh ? "未触发单项否决指标。" : "No veto indicator (单项否决) was triggered." }
        var indicators: String { zh ? "检查指标（静态可检与需人工或在线监测的指标）" : "Indicators (assessed statically, or needing live monitoring or a person)" }
        var indicator: String { zh ? "指标" : "Indicator" }
        var indicatorKind: String { zh ? "类型" : "Kind" }
        var indicatorState: String { zh ? "评估状态" : "State" }
        var failuresHeader: String { zh ? "失败项" : "Failures" }
        var deducted: String { zh ? "扣分" : "Deducted" }
        var assessed: String { zh ? "已评估" : "assessed" }
        var notAssessable: String { zh ? "无法静态评估" : "not assessable statically" }
        var notApplicable: String { zh ? "不适用" : "not applicable" }
        var vetoKind: String { zh ? "单项否决" : "veto" }
        var deductionKind: String { zh ? "扣分" : "deduction" }
        var bySection: String { zh ? "按网站栏目（第一级目录）统计的失败" : "Failures by site section (first folder)" }
        var rootSection: String { zh ? "（根目录）" : "(root)" }
        var profile: String { zh ? "配置" : "Profile" }
        var contents: String { zh ? "目录" : "Contents" }
        var overview: String { zh ? "概览" : "Overview" }
        var charts: String { zh ? "图表" : "Charts" }
        var clauses: String { zh ? "按标准条款" : "By standard clause" }
        var details: String { zh ? "按规则查看问题" : "Findings by rule" }
        var failed: String { zh ? "未通过" : "Failed" }
        var passedWithWarnings: String { zh ? "通过，但有警告" : "Passed with warnings" }
        var passedToReview: String { zh ? "通过，有待复核项" : "Passed, with findings to review" }
        var passed: String { zh ? "通过" : "Passed" }
        var colon: String { zh ? "：" : ": " }
        func totals(_ e: Int, _ w: Int, _ i: Int, _ r: Int) -> String {
            zh ? "\(e) 个错误，\(w) 个警告，\(i) 个提示，\(r) 个待复核。"
               : "\(e) \(e == 1 ? "error" : "errors"), \(w) \(w == 1 ? "warning" : "warnings"), \(i) info, \(r) to review."
        }
        func versusBaseline(_ new: Int, _ known: Int) -> String {
            zh ? "与基线相比：新增 \(new) 个问题；基线中已知的 \(known) 个问题未列出。"
               : "New versus baseline: \(new) new; \(known) known from the baseline not shown."
        }
        var score: String { zh ? "得分" : "Score" }
        var scoreNote: String {
            zh ? "得分 = 通过的规则数 ÷ 已评估的规则数（通过、未通过或待复核）。无可检查对象的规则不计入。"
               : "Score = rules passed ÷ rules assessed (passed, failed or to review). Rules with nothing to check are not counted."
        }
        var pages: String { zh ? "页面" : "Pages" }
        var descriptors: String { zh ? "描述文件" : "Descriptors" }
        var rules: String { zh ? "规则" : "Rules" }
        var rulesPassed: String { zh ? "通过的规则" : "Rules passed" }
        var rulesFailed: String { zh ? "未通过的规则" : "Rules failed" }
        var rulesReview: String { zh ? "待复核的规则" : "Rules to review" }
        var rulesNA: String { zh ? "不适用的规则" : "Rules not applicable" }
        var veto: String { zh ? "否决项（错误级别的失败）" : "Veto items (failures of error severity)" }
        var noVeto: String { zh ? "无否决项。" : "No veto items." }
        func failuresCount(_ n: Int) -> String { zh ? "\(n) 处失败" : "\(n) \(n == 1 ? "failure" : "failures")" }
        var bySeverity: String { zh ? "按级别统计的问题" : "Findings by severity" }
        var byRule: String { zh ? "按规则统计的失败" : "Failures by rule" }
        var byClause: String { zh ? "按标准条款统计的失败" : "Failures by standard clause" }
        var noFailures: String { zh ? "没有失败。" : "No failures." }
        var clausesNote: String {
            zh ? "每个条款的数字为其规则在所有检查对象上的结果之和。“不适用”表示页面或文件中没有可检查的内容。"
               : "Each clause sums the outcomes of its rules over every target checked. Not applicable means a page or file had nothing the rule tests."
        }
        var noClauses: String { zh ? "本次运行的规则未关联标准条款。" : "The rules of this run cite no standard clauses." }
        var clause: String { zh ? "条款" : "Clause" }
        var status: String { zh ? "结果" : "Result" }
        var passedCol: String { zh ? "通过" : "Passed" }
        var failedCol: String { zh ? "未通过" : "Failed" }
        var reviewCol: String { zh ? "待复核" : "To review" }
        var naCol: String { zh ? "不适用" : "Not applicable" }
        var noFindings: String { zh ? "未发现问题。" : "No findings." }
        var severity: String { zh ? "级别" : "Severity" }
        var standards: String { zh ? "标准" : "Standards" }
        func findingsOnPages(_ n: Int, _ files: Int) -> String {
            zh ? "\(files) 个文件中有 \(n) 个问题" : "\(n) \(n == 1 ? "finding" : "findings") in \(files) \(files == 1 ? "file" : "files")"
        }
        func findingsOf(_ id: String) -> String { zh ? "\(id) 的问题" : "Findings of \(id)" }
        var file: String { zh ? "文件" : "File" }
        var location: String { zh ? "行:列" : "Line:col" }
        var outcome: String { zh ? "类型" : "Kind" }
        var message: String { zh ? "说明" : "Message" }
        var snippet: String { zh ? "源代码" : "Source" }
        var review: String { zh ? "待复核" : "to review" }
        func label(_ s: Severity) -> String { s.label(zh ? .zhCN : .en) }
        func showing(_ n: Int, _ total: Int) -> String {
            zh ? "仅显示前 \(n) 个，共 \(total) 个；完整结果见 JSON 或 SARIF 报告。"
               : "Showing the first \(n) of \(total); the JSON or SARIF report has them all."
        }
        var footer: String {
            zh ? "由 govlint 生成。静态检查无法覆盖所有无障碍要求；“待复核”项需要人工判断。"
               : "Generated by govlint. Static checks cannot cover every accessibility requirement; findings to review need a person's judgement."
        }
    }
}
