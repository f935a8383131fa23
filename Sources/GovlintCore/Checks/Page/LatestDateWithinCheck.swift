import Foundation
import GovlintHTML

/// Holds when the newest date the target shows (meta labels in `meta`, then the
/// text of `selector` matches inside the target, default the target's text) is at
/// most `maxAgeDays` before `--now`. Dates after `--now` (plus a day) are ignored.
/// No date at all: cantTell (a person must look), or a failure with `noDate: fail`
/// (《检查指标》: 未注明信息发布时间的视为不更新).
struct LatestDateWithinCheck: PageCheck {
    static let id = "latest-date-within"
    static let summary = "The newest date on the target (meta `meta` labels, text of `selector`) is within `maxAgeDays` of --now."
    var cost: CheckCost { .expensive }
    let maxAgeDays: Int
    let meta: [String]
    let selector: Selector?
    let noDateFails: Bool

    init(options: inout CheckOptions) throws(LocatedError) {
        guard let days = try options.int("maxAgeDays"), days >= 0 else { throw options.error("missing or negative 'maxAgeDays'") }
        maxAgeDays = days
        meta = try options.strings("meta") ?? []
        selector = try options.selector("selector")
        switch try options.string("noDate") ?? "cantTell" {
        case "cantTell": noDateFails = false
        case "fail": noDateFails = true
        default: throw options.error(at: "noDate", "'noDate' must be 'cantTell' or 'fail'")
        }
        try options.finish()
    }

    func evaluate(_ element: HTMLElement, in page: PageContext) -> CheckResult {
        let now = page.site.now
        var dates: [Date] = []
        let labels = GovPageFacts.labels(page)
        for name in meta { if let v = labels[name] { dates += DateExtraction.dates(in: v) } }
        if let selector {
            let isRoot = element.index == 0 || element.index == page.document.root?.index
            for e in page.select(selector) where isRoot || e.isDescendant(of: element) {
                dates += DateExtraction.dates(inTextOf: e)
            }
        } else {
            dates += DateExtraction.dates(inTextOf: element)
        }
        let usable = dates.filter { $0 <= now.addingTimeInterval(86_400) }
        guard let latest = usable.max() else {
            if noDateFails { return .verdict(false, data: ["latest": "—", "days": "?", "maxAgeDays": String(maxAgeDays)]) }
            return CheckResult(.cantTell, data: ["latest": "—", "days": "?", "maxAgeDays": String(maxAgeDays), "reason": "no date found"])
        }
        let days = Int((now.timeIntervalSince(latest) / 86_400).rounded(.down))
        return .verdict(days <= maxAgeDays, data: [
            "latest": DateExtraction.format(latest), "days": String(max(0, days)), "maxAgeDays": String(maxAgeDays),
        ])
    }
}
