import GovlintHTML

/// Holds when the URL in attribute `attribute` (default `href`) names a file
/// of the export, or is external (`https:`, `mailto:`, `//host`…), a pure
/// fragment or empty. Honours `<base href>`; directory links find `index.html`.
/// A relative link that climbs above the export root cannot be decided: `cantTell`.
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
            // The document's base URL comes from the first <base href>, wherever the parser put it.
            page.elements(named: "base").first { $0.hasAttribute("href") }?.attribute("href")
        }
        guard let path = ExportPath.resolve(raw, from: page.file, base: base) else {
            // A link climbing above the export root names something outside what was
            // given: it may exist on the server, so a person must look.
            if ExportPath.escapesRoot(raw, from: page.file, base: base) {
                return CheckResult(.cantTell, data: ["url": raw, "reason": "it points outside the checked export"])
            }
            return .holds
        }
        if ExportPath.exists(path, in: page.site.files) { return .holds }
        return CheckResult(.doesNotHold, data: ["url": raw, "path": path])
    }
}

import Foundation
