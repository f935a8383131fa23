import Foundation
import GovlintHTML
import Yams

/// Site check: across all pages, the values of `<meta name="{label}">` (split on
/// commas) include at least one value of every group in `groups` — for instance
/// the four function families of a government website, by ColumnType. Collect on
/// the root element (`selector: html`); a failure is reported on the home page
/// (the export root's index, else the first page). With no labels at all the
/// families cannot be judged (cantTell).
struct LabelCoversGroupsCheck: SiteCheck {
    static let id = "label-covers-groups"
    static let summary = "Across the site, `<meta name=label>` values include one of each group in `groups` (name: [values])."
    let label: String
    let groups: [(name: String, values: Set<String>)]

    init(options: inout CheckOptions) throws(LocatedError) {
        label = try options.string("label") ?? "ColumnType"
        guard let node = options.node("groups"), let mapping = node.mapping, !mapping.isEmpty else {
            throw options.error("'groups' must map each group name to a list of values")
        }
        var out: [(String, Set<String>)] = []
        for (k, v) in mapping {
            guard let name = k.string, let seq = v.sequence, !seq.isEmpty else {
                throw options.error(at: "groups", "each group needs a name and a non-empty list of values")
            }
            out.append((name, Set(seq.compactMap(\.string))))
        }
        groups = out
        try options.finish()
    }

    func collect(_ element: HTMLElement, in page: PageContext) -> String? {
        guard element.index == page.document.root?.index else { return nil }
        return GovPageFacts.labels(page)[label] ?? ""
    }

    func evaluate(_ facts: SiteFacts, in site: SiteContext) -> [SiteVerdict] {
        guard !facts.isEmpty else { return [] }
        let anchor = facts.firstIndex { GovPageFacts.homeFiles.contains($0.file) } ?? 0
        var seen: Set<String> = []
        for f in facts {
            for part in f.value.split(whereSeparator: { ",，、;；".contains($0) }) {
                let v = part.trimmingCharacters(in: .whitespaces)
                if !v.isEmpty { seen.insert(v) }
            }
        }
        let missing = groups.filter { $0.values.isDisjoint(with: seen) }.map(\.name)
        if seen.isEmpty {
            return [SiteVerdict(factIndex: anchor, verdict: .cantTell, data: ["missing": missing.joined(separator: "、"), "reason": "no \(label) labels"])]
        }
        return missing.isEmpty ? [] : [SiteVerdict(factIndex: anchor, data: ["missing": missing.joined(separator: "、")])]
    }
}
