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
    static let memoKey = MemoKey<Index>("referenced-id-unique")

    init(options: inout CheckOptions) throws(LocatedError) {
        try options.finish()
    }

    static let idrefAttributes: [String] = AriaAttribute.all.filter { $0.type == .idref || $0.type == .idrefs }.map(\.name)

    struct Index {
        var referenced: Set<String> = []
        /// For each id, its first element (outside templates) and how many elements have it.
        var elementsByID: [String: (first: Int, count: Int)] = [:]
    }

    /// `idrefAttributes` by name atom, and those without an atom (compared by name).
    static let idrefAtoms: [Bool] = {
        var t = [Bool](repeating: false, count: NameAtom.count)
        for n in idrefAttributes where NameAtom.of(n) != NameAtom.unknown { t[Int(NameAtom.of(n))] = true }
        return t
    }()
    static let idrefNamesWithoutAtom: [String] = idrefAttributes.filter { NameAtom.of($0) == NameAtom.unknown }
    static let templateAtom = NameAtom.of("template")
    static let labelAtom = NameAtom.of("label")
    static let forAtom = NameAtom.of("for")

    func evaluate(_ element: HTMLElement, in page: PageContext) -> CheckResult {
        guard let id = element.id else { return .holds }
        let index: Index = page.memo(Self.memoKey) { Self.index(page.document) }
        guard index.referenced.contains(id), let all = index.elementsByID[id], all.count > 1, all.first == element.index,
              !id.trimmingCharacters(in: .whitespaces).isEmpty else {
            return .holds
        }
        return CheckResult(.doesNotHold, data: ["id": id, "count": String(all.count)])
    }

    /// Each element's attributes are read once, by name atom (an attribute with a known
    /// name has that name's atom), instead of looking up every IDREF attribute by name.
    static func index(_ document: HTMLDocument) -> Index {
        var ix = Index()
        let cores = document.cores
        let templateAtom = Self.templateAtom, labelAtom = Self.labelAtom, forAtom = Self.forAtom
        let idrefAtoms = Self.idrefAtoms, idrefNamesWithoutAtom = Self.idrefNamesWithoutAtom
        let attributeCores = document.attributeCores
        let attributes = document.attributes
        let idAtom = NameAtom.id
        var i = 1
        while i < cores.count {
            let node = cores[i]
            // Template content is an inert fragment, outside the document's id space.
            if node.kind == .element, node.nameAtom == templateAtom { i = Int(node.subtreeEnd); continue }
            defer { i += 1 }
            guard node.kind == .element, node.attributeCount > 0 else { continue }
            let start = Int(node.attributeStart)
            var sawID = false
            var sawFor = node.nameAtom != labelAtom
            var seenIDRef: [Int32] = []
            for j in start..<(start + Int(node.attributeCount)) {
                let atom = attributeCores[j].nameAtom
                if atom == idAtom {
                    // The first `id` only (what `attribute("id")` answers).
                    if !sawID {
                        sawID = true
                        ix.elementsByID[attributes[j].value, default: (i, 0)].count += 1
                    }
                } else if atom == forAtom {
                    if !sawFor { sawFor = true; ix.referenced.insert(attributes[j].value) }
                } else if atom != NameAtom.unknown ? idrefAtoms[Int(atom)] && !seenIDRef.contains(atom)
                            : idrefNamesWithoutAtom.contains(attributes[j].name) {
                    if atom != NameAtom.unknown { seenIDRef.append(atom) }
                    AriaData.forEachHTMLToken(attributes[j].value[...]) { ix.referenced.insert($0) }
                }
            }
        }
        return ix
    }
}
