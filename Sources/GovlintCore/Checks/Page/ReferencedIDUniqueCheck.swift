import GovlintAccessibility
import GovlintHTML

/// Holds unless the target's `id` is shared with another element *and* is
/// referenced by an ARIA IDREF attribute (`aria-labelledby`, `aria-controls`,
/// …) or a `label[for]`. Only the first element with a duplicated id fails,
/// so each duplicate is reported once. Content of `<template>` is not part of
/// the document and is ignored.
struct ReferencedIDUniqueCheck: PageCheck {
    static let id = "referenced-id-unique"
    static let summary = "An id referenced by ARIA or label[for] is used by one element only (the first duplicate is reported)."

    init(options: inout CheckOptions) throws(LocatedError) {
        try options.finish()
    }

    static let idrefAttributes: [String] = AriaAttribute.all.filter { $0.type == .idref || $0.type == .idrefs }.map(\.name)

    struct Index {
        var referenced: Set<String> = []
        var elementsByID: [String: [Int]] = [:]
    }

    func evaluate(_ element: HTMLElement, in page: PageContext) -> CheckResult {
        guard let id = element.id, !id.trimmingCharacters(in: .whitespaces).isEmpty else { return .holds }
        let index: Index = page.memo("referenced-id-unique") {
            var ix = Index()
            let nodes = page.document.nodes
            var i = 1
            while i < nodes.count {
                let node = nodes[i]
                // Template content is an inert fragment, outside the document's id space.
                if node.kind == .element, node.name == "template" { i = Int(node.subtreeEnd); continue }
                i += 1
                guard node.kind == .element else { continue }
                let e = page.document[i - 1]
                if let own = e.id { ix.elementsByID[own, default: []].append(e.index) }
                if e.name == "label", let f = e.attribute("for") { ix.referenced.insert(f) }
                for name in Self.idrefAttributes {
                    guard let v = e.attribute(name) else { continue }
                    for token in v.split(whereSeparator: \.isHTMLWhitespace) { ix.referenced.insert(String(token)) }
                }
            }
            return ix
        }
        guard index.referenced.contains(id), let all = index.elementsByID[id], all.count > 1, all.first == element.index else {
            return .holds
        }
        return CheckResult(.doesNotHold, data: ["id": id, "count": String(all.count)])
    }
}
