import GovlintHTML

/// Holds when the URL in attribute `attribute` (default `href`) names a file
/// of the export, or is external (`https:`, `mailto:`, `//host`…), a pure
/// fragment or empty. Honours `<base href>`; directory links find `index.html`.
struct LinkTargetExistsCheck: PageCheck {
    static let id = "link-target-exists"
    static let summary = "A local link or resource URL in `attribute` names a file that exists in the export."
    let attribute: String

    init(options: inout CheckOptions) throws(LocatedError) {
        attribute = (try options.string("attribute") ?? "href").lowercased()
        try options.finish()
    }

    func evaluate(_ element: HTMLElement, in page: PageContext) -> CheckResult {
        guard let raw = element.attribute(attribute) else { return .holds }
        let base: String? = page.memo("base-href") {
            page.document.head?.firstChild(named: "base")?.attribute("href")
        }
        guard let path = ExportPath.resolve(raw, from: page.file, base: base) else {
            return raw.trimmingCharacters(in: .whitespaces).hasPrefix("..") ? .verdict(false, data: ["url": raw]) : .holds
        }
        return .verdict(ExportPath.exists(path, in: page.site.files), data: ["url": raw, "path": path])
    }
}

import Foundation
