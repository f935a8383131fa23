/// A document's matching data as raw buffers: node and attribute cores, the
/// attribute value bytes, and the document itself (unretained) for the rare
/// string comparisons of names outside the atom table. Valid only inside
/// ``HTMLDocument/withView(_:)``.
struct DocumentView {
    let nodes: UnsafeBufferPointer<NodeCore>
    let attributes: UnsafeBufferPointer<AttributeCore>
    let values: UnsafeBufferPointer<UInt8>
    unowned(unsafe) let document: HTMLDocument
}

extension HTMLDocument {
    /// Runs `body` with raw views of the matching data (no retain/release per access).
    func withView<R>(_ body: (DocumentView) -> R) -> R {
        cores.withUnsafeBufferPointer { nodes in
            attributeCores.withUnsafeBufferPointer { attributes in
                attributeValueBytes.withUnsafeBufferPointer { values in
                    body(DocumentView(nodes: nodes, attributes: attributes, values: values, document: self))
                }
            }
        }
    }
}

/// Names the matcher tests for, as atoms.
enum MatcherAtoms {
    static let selected = NameAtom.of("selected")
    static let checked = NameAtom.of("checked")
    static let type = NameAtom.of("type")
    static let disabled = NameAtom.of("disabled")
    static let option = NameAtom.of("option")
    static let optgroup = NameAtom.of("optgroup")
    static let input = NameAtom.of("input")
    static let fieldset = NameAtom.of("fieldset")
    static let legend = NameAtom.of("legend")
    static let a = NameAtom.of("a")
    static let area = NameAtom.of("area")
    static let formControls: Set<Int32> = Set(["button", "input", "select", "textarea", "optgroup", "option", "fieldset"]
        .map { NameAtom.of($0) })
}

/// Right-to-left matching of a compiled ``SelectorProgram`` over a document's
/// flat arrays. Built per call on borrowed buffers (both plain values), so the
/// hot path does no retain/release or allocation.
///
/// Recursion is bounded by the selector (one level per compound and per
/// nested pseudo-class); ancestors and siblings are walked in loops.
struct SelectorMatcher {
    let doc: DocumentView
    let complexes: UnsafeMutableBufferPointer<SelectorProgram.Complex>
    let compounds: UnsafeMutableBufferPointer<SelectorProgram.Compound>
    let simples: UnsafeMutableBufferPointer<SelectorProgram.Simple>
    let lists: UnsafeMutableBufferPointer<SelectorProgram.List>
    let items: UnsafeMutableBufferPointer<Int32>
    let bytes: UnsafeMutableBufferPointer<UInt8>
    unowned(unsafe) let program: SelectorProgram

    init(_ doc: DocumentView, _ program: SelectorProgram) {
        self.doc = doc
        self.program = program
        complexes = program.complexes
        compounds = program.compounds
        simples = program.simples
        lists = program.lists
        items = program.items
        bytes = program.bytes
    }

    @inline(__always) private var nodes: UnsafeBufferPointer<NodeCore> { doc.nodes }

    /// Whether element `e` matches any selector of the top-level list.
    func matchesTop(_ e: Int) -> Bool { matches(program.top, e, scope: -1) }

    /// `scope` is the anchor of the innermost `:has()` (or -1).
    func matches(_ list: SelectorProgram.List, _ e: Int, scope: Int) -> Bool {
        for k in Int(list.start)..<Int(list.start + list.count) {
            let c = Int(items[k])
            if matchComplex(c, Int(complexes[c].compoundCount) - 1, e, scope: scope) == .matched { return true }
        }
        return false
    }

    @inline(__always) func matches(list: Int32, _ e: Int, scope: Int) -> Bool {
        matches(lists[Int(list)], e, scope: scope)
    }

    /// One complex selector (by index) against element `e`.
    func matchesComplex(_ c: Int, _ e: Int) -> Bool {
        matchComplex(c, Int(complexes[c].compoundCount) - 1, e, scope: -1) == .matched
    }

    /// Whether element `e` matches one simple selector (ancestor-filter features).
    func matchesSimple(_ s: Int, _ e: Int) -> Bool { matchSimple(s, e, scope: -1) }

    // MARK: Complex selectors

    /// How a right-to-left match failed, so outer combinator loops can stop
    /// early instead of backtracking over every ancestor again (the scheme of
    /// Servo's `SelectorMatchingResult`). This keeps `a b c d` linear in depth.
    enum Result {
        case matched
        /// Nothing is known: the caller may try its next candidate.
        case restartFromClosestLaterSibling
        /// No earlier sibling can help; only a different ancestor might.
        case restartFromClosestDescendant
        /// No candidate further out can match either.
        case notMatchedGlobally
    }

    /// Compound `k` (0-based within complex `c`) and those left of it, with `e` as compound `k`'s subject.
    private func matchComplex(_ c: Int, _ k: Int, _ e: Int, scope: Int) -> Result {
        let complex = complexes[c]
        let compound = compounds[Int(complex.compoundStart) + k]
        guard matchCompound(compound, e, scope: scope) else { return .restartFromClosestLaterSibling }
        if k == 0 { return .matched }
        let combinator = compound.combinator
        if complex.isRelative, k == 1 {
            // The leftmost compound is the :has() anchor: check the relation directly.
            let related: Bool
            switch combinator {
            case .child: related = Int(nodes[e].parent) == scope
            case .descendant: related = e > scope && e < Int(nodes[scope].subtreeEnd)
            case .nextSibling: related = previousElementSibling(e) == scope
            case .subsequentSibling: related = nodes[e].parent == nodes[scope].parent && e > scope
            }
            return related ? .matched : .restartFromClosestLaterSibling
        }
        // In a relative selector every compound right of the anchor follows it
        // in document order, so walks stop at the anchor.
        let floor = complex.isRelative ? scope : 0
        let siblingward = combinator == .nextSibling || combinator == .subsequentSibling
        let notFound: Result = siblingward ? .restartFromClosestDescendant : .notMatchedGlobally
        var next = siblingward ? previousElementSibling(e) : parentElement(e)
        while true {
            guard next > floor else { return notFound }
            let result = matchComplex(c, k - 1, next, scope: scope)
            switch (result, combinator) {
            case (.matched, _), (.notMatchedGlobally, _), (_, .nextSibling):
                return result
            case (_, .child):
                return .restartFromClosestDescendant
            case (.restartFromClosestDescendant, .subsequentSibling):
                return result
            default:
                break
            }
            next = siblingward ? previousElementSibling(next) : parentElement(next)
        }
    }

    // MARK: Tree steps (-1 when none)

    @inline(__always) private func parentElement(_ e: Int) -> Int {
        let p = Int(nodes[e].parent)
        return p > 0 && nodes[p].kind == .element ? p : -1
    }

    @inline(__always) private func previousElementSibling(_ e: Int) -> Int {
        var s = Int(nodes[e].previousSibling)
        while s >= 0 {
            if nodes[s].kind == .element { return s }
            s = Int(nodes[s].previousSibling)
        }
        return -1
    }

    @inline(__always) private func nextElementSibling(_ e: Int) -> Int {
        var s = Int(nodes[e].nextSibling)
        while s >= 0 {
            if nodes[s].kind == .element { return s }
            s = Int(nodes[s].nextSibling)
        }
        return -1
    }

    @inline(__always) private func firstElementChild(_ e: Int) -> Int {
        var s = Int(nodes[e].firstChild)
        while s >= 0 {
            if nodes[s].kind == .element { return s }
            s = Int(nodes[s].nextSibling)
        }
        return -1
    }

    // MARK: Names

    /// Whether element `e`'s tag name is the name with `atom` (or, for atom 0, the string `string` of the program).
    @inline(__always) private func hasName(_ e: Int, _ atom: Int32, _ string: Int32) -> Bool {
        let own = nodes[e].nameAtom
        if atom != 0 { return own == atom }
        return own == 0 && doc.document.nodes[e].name == program.strings[Int(string)]
    }

    /// Whether elements `e` and `f` have the same tag name.
    @inline(__always) private func sameName(_ e: Int, _ f: Int) -> Bool {
        let a = nodes[e].nameAtom
        guard a == nodes[f].nameAtom else { return false }
        return a != 0 || doc.document.nodes[e].name == doc.document.nodes[f].name
    }

    // MARK: Compound and simple selectors

    @inline(__always) private func matchCompound(_ compound: SelectorProgram.Compound, _ e: Int, scope: Int) -> Bool {
        let start = Int(compound.simpleStart)
        for s in start..<(start + Int(compound.simpleCount)) where !matchSimple(s, e, scope: scope) { return false }
        return true
    }

    private func matchSimple(_ index: Int, _ e: Int, scope: Int) -> Bool {
        let simple = simples[index]
        switch simple.op {
        case .universal:
            return true
        case .type:
            return hasName(e, simple.atom, simple.string)
        case .id:
            guard let a = attributeIndex(e, NameAtom.id) else { return false }
            return valueEquals(a, simple.bytesStart, simple.bytesCount, caseInsensitive: false)
        case .className:
            guard let a = attributeIndex(e, NameAtom.class) else { return false }
            return valueContainsWord(a, simple.bytesStart, simple.bytesCount, caseInsensitive: false)
        case .attribute:
            return matchAttribute(simple, e)
        case .not:
            return !matches(list: simple.list, e, scope: scope)
        case .is:
            return matches(list: simple.list, e, scope: scope)
        case .has:
            return matchHas(lists[Int(simple.list)], e)
        case .nthChild:
            let of = simple.list
            if of >= 0, !matches(list: of, e, scope: scope) { return false }
            let last = simple.last
            var position = 1
            var s = last ? nextElementSibling(e) : previousElementSibling(e)
            while s >= 0 {
                if of < 0 || matches(list: of, s, scope: scope) { position += 1 }
                s = last ? nextElementSibling(s) : previousElementSibling(s)
            }
            return NthPattern(a: simple.a, b: simple.b).matches(position)
        case .nthOfType:
            let last = simple.last
            let namespace = nodes[e].namespace
            var position = 1
            var s = last ? nextElementSibling(e) : previousElementSibling(e)
            while s >= 0 {
                if sameName(s, e), nodes[s].namespace == namespace { position += 1 }
                s = last ? nextElementSibling(s) : previousElementSibling(s)
            }
            return NthPattern(a: simple.a, b: simple.b).matches(position)
        case .onlyChild:
            return previousElementSibling(e) < 0 && nextElementSibling(e) < 0
        case .onlyOfType:
            let namespace = nodes[e].namespace
            var s = previousElementSibling(e)
            while s >= 0 {
                if sameName(s, e), nodes[s].namespace == namespace { return false }
                s = previousElementSibling(s)
            }
            s = nextElementSibling(e)
            while s >= 0 {
                if sameName(s, e), nodes[s].namespace == namespace { return false }
                s = nextElementSibling(s)
            }
            return true
        case .empty:
            // Only comments may appear; any text, even whitespace, makes it non-empty.
            var c = Int(nodes[e].firstChild)
            while c >= 0 {
                if nodes[c].kind != .comment { return false }
                c = Int(nodes[c].nextSibling)
            }
            return true
        case .root:
            let p = Int(nodes[e].parent)
            return p >= 0 && nodes[p].kind == .document
        case .checked:
            return isChecked(e)
        case .disabled:
            return isFormControl(e) && isDisabled(e)
        case .enabled:
            return isFormControl(e) && !isDisabled(e)
        case .anyLink:
            let node = nodes[e]
            return node.namespace == .html && (node.nameAtom == MatcherAtoms.a || node.nameAtom == MatcherAtoms.area)
                && attributeIndex(e, NameAtom.href) != nil
        }
    }

    // MARK: :has()

    private func matchHas(_ list: SelectorProgram.List, _ e: Int) -> Bool {
        for item in Int(list.start)..<Int(list.start + list.count) {
            let relative = Int(items[item])
            let complex = complexes[relative]
            let last = Int(complex.compoundCount) - 1
            // The combinator after the anchor (the relation to the :has() element).
            let first = compounds[Int(complex.compoundStart) + 1].combinator
            if last == 1 {
                // One compound: only the directly related elements can match.
                switch first {
                case .child:
                    var c = firstElementChild(e)
                    while c >= 0 {
                        if matchComplex(relative, last, c, scope: e) == .matched { return true }
                        c = nextElementSibling(c)
                    }
                    continue
                case .nextSibling:
                    let n = nextElementSibling(e)
                    if n >= 0, matchComplex(relative, last, n, scope: e) == .matched { return true }
                    continue
                case .subsequentSibling:
                    var n = nextElementSibling(e)
                    while n >= 0 {
                        if matchComplex(relative, last, n, scope: e) == .matched { return true }
                        n = nextElementSibling(n)
                    }
                    continue
                case .descendant:
                    break
                }
            }
            // Otherwise scan the region where the subject can be: the subtree,
            // or the following siblings' subtrees.
            let range: Range<Int>
            switch first {
            case .descendant, .child:
                range = (e + 1)..<Int(nodes[e].subtreeEnd)
            case .nextSibling, .subsequentSibling:
                let p = Int(nodes[e].parent)
                let end = p >= 0 ? Int(nodes[p].subtreeEnd) : nodes.count
                range = Int(nodes[e].subtreeEnd)..<end
            }
            for candidate in range where nodes[candidate].kind == .element {
                if matchComplex(relative, last, candidate, scope: e) == .matched { return true }
            }
        }
        return false
    }

    // MARK: Form and link state

    private func isFormControl(_ e: Int) -> Bool {
        let node = nodes[e]
        guard node.namespace == .html else { return false }
        return node.nameAtom != 0 && MatcherAtoms.formControls.contains(node.nameAtom)
    }

    private func isChecked(_ e: Int) -> Bool {
        let node = nodes[e]
        guard node.namespace == .html else { return false }
        if node.nameAtom == MatcherAtoms.option { return attributeIndex(e, MatcherAtoms.selected) != nil }
        guard node.nameAtom == MatcherAtoms.input, attributeIndex(e, MatcherAtoms.checked) != nil,
              let t = attributeIndex(e, MatcherAtoms.type) else { return false }
        return valueEquals(t, "checkbox") || valueEquals(t, "radio")
    }

    /// HTML's "actually disabled": own `disabled`, an `option` in a disabled
    /// `optgroup`, or a listed control inside a disabled `fieldset` but not
    /// inside that fieldset's first `legend`.
    private func isDisabled(_ e: Int) -> Bool {
        if attributeIndex(e, MatcherAtoms.disabled) != nil { return true }
        let name = nodes[e].nameAtom
        if name == MatcherAtoms.option {
            let p = parentElement(e)
            return p >= 0 && nodes[p].nameAtom == MatcherAtoms.optgroup && attributeIndex(p, MatcherAtoms.disabled) != nil
        }
        guard name != MatcherAtoms.optgroup else { return false }
        var a = parentElement(e)
        while a >= 0 {
            if nodes[a].nameAtom == MatcherAtoms.fieldset, nodes[a].namespace == .html,
               attributeIndex(a, MatcherAtoms.disabled) != nil {
                var legend = firstElementChild(a)
                while legend >= 0, nodes[legend].nameAtom != MatcherAtoms.legend { legend = nextElementSibling(legend) }
                let inLegend = legend >= 0 && e > legend && e < Int(nodes[legend].subtreeEnd)
                if !inLegend { return true }
            }
            a = parentElement(a)
        }
        return false
    }

    // MARK: Attributes

    /// The index of `e`'s attribute with a known (non-zero) atom.
    @inline(__always) private func attributeIndex(_ e: Int, _ atom: Int32) -> Int? {
        let node = nodes[e]
        let start = Int(node.attributeStart)
        for j in start..<(start + Int(node.attributeCount)) where doc.attributes[j].nameAtom == atom { return j }
        return nil
    }

    /// The index of `e`'s attribute named like the selector's (exactly).
    @inline(__always) private func attributeIndex(_ e: Int, _ simple: SelectorProgram.Simple) -> Int? {
        if simple.atom != 0 { return attributeIndex(e, simple.atom) }
        let node = nodes[e]
        let start = Int(node.attributeStart)
        guard node.attributeCount > 0 else { return nil }
        let name = program.strings[Int(simple.string)]
        for j in start..<(start + Int(node.attributeCount))
        where doc.attributes[j].nameAtom == 0 && doc.document.attributes[j].name == name {
            return j
        }
        return nil
    }

    /// Attribute names compare ASCII case-insensitively (foreign elements keep
    /// mixed-case names such as `viewBox`).
    private func attributeIndexIgnoringCase(_ e: Int, _ simple: SelectorProgram.Simple) -> Int? {
        if let j = attributeIndex(e, simple) { return j }
        let node = nodes[e]
        guard node.namespace != .html else { return nil }
        let start = Int(node.attributeStart)
        let wanted = UnsafeBufferPointer(rebasing: bytes[Int(simple.nameStart)..<Int(simple.nameStart + simple.nameCount)])
        for j in start..<(start + Int(node.attributeCount)) {
            var name = doc.document.attributes[j].name
            let equal = name.withUTF8 { v in v.count == wanted.count && bytesEqual(v, 0, wanted, true) }
            if equal { return j }
        }
        return nil
    }

    @inline(__always) private func value(_ a: Int) -> UnsafeBufferPointer<UInt8> {
        let core = doc.attributes[a]
        return UnsafeBufferPointer(rebasing: doc.values[Int(core.valueStart)..<Int(core.valueStart + core.valueCount)])
    }

    @inline(__always) private func wanted(_ start: Int32, _ count: Int32) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[Int(start)..<Int(start + count)])
    }

    private func valueEquals(_ a: Int, _ start: Int32, _ count: Int32, caseInsensitive: Bool) -> Bool {
        let v = value(a), w = wanted(start, count)
        return v.count == w.count && bytesEqual(v, 0, w, caseInsensitive)
    }

    /// ASCII case-insensitive equality with a literal.
    private func valueEquals(_ a: Int, _ literal: StaticString) -> Bool {
        let v = value(a)
        let w = UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount)
        return v.count == w.count && bytesEqual(v, 0, w, true)
    }

    private func valueContainsWord(_ a: Int, _ start: Int32, _ count: Int32, caseInsensitive: Bool) -> Bool {
        containsWord(value(a), wanted(start, count), caseInsensitive: caseInsensitive)
    }

    private func matchAttribute(_ simple: SelectorProgram.Simple, _ e: Int) -> Bool {
        guard let a = attributeIndexIgnoringCase(e, simple) else { return false }
        if simple.attributeOperator == .exists { return true }
        let ci = simple.caseMode == .insensitive
            || (simple.caseMode == .htmlInsensitive && nodes[e].namespace == .html)
        return attributeValueMatches(simple.attributeOperator, value(a), wanted(simple.bytesStart, simple.bytesCount), ci)
    }
}

/// Whether attribute value `v` passes `op` with the selector's value `wanted`.
@inline(__always) func attributeValueMatches(_ op: AttributeOperator, _ v: UnsafeBufferPointer<UInt8>,
                                             _ wanted: UnsafeBufferPointer<UInt8>, _ ci: Bool) -> Bool {
    switch op {
    case .exists:
        return true
    case .equals:
        return v.count == wanted.count && bytesEqual(v, 0, wanted, ci)
    case .includes:
        return containsWord(v, wanted, caseInsensitive: ci)
    case .dashMatch:
        return v.count >= wanted.count && bytesEqual(v, 0, wanted, ci)
            && (v.count == wanted.count || v[wanted.count] == 0x2D)
    case .prefix:
        return !wanted.isEmpty && v.count >= wanted.count && bytesEqual(v, 0, wanted, ci)
    case .suffix:
        return !wanted.isEmpty && v.count >= wanted.count && bytesEqual(v, v.count - wanted.count, wanted, ci)
    case .substring:
        guard !wanted.isEmpty, v.count >= wanted.count else { return false }
        for start in 0...(v.count - wanted.count) where bytesEqual(v, start, wanted, ci) { return true }
        return false
    }
}

// MARK: - Byte comparisons

@inline(__always) private func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }

/// Whether `wanted` occurs in `v` at `offset` (caller checks the bounds).
@inline(__always) private func bytesEqual(_ v: UnsafeBufferPointer<UInt8>, _ offset: Int, _ wanted: UnsafeBufferPointer<UInt8>,
                                          _ caseInsensitive: Bool) -> Bool {
    if caseInsensitive {
        for k in 0..<wanted.count where lower(v[offset + k]) != lower(wanted[k]) { return false }
    } else {
        for k in 0..<wanted.count where v[offset + k] != wanted[k] { return false }
    }
    return true
}

@inline(__always) private func isWhitespace(_ b: UInt8) -> Bool {
    b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0C || b == 0x0D
}

/// Whether the whitespace-separated list `v` contains `word`.
private func containsWord(_ v: UnsafeBufferPointer<UInt8>, _ word: UnsafeBufferPointer<UInt8>, caseInsensitive: Bool) -> Bool {
    guard !word.isEmpty, !word.contains(where: isWhitespace) else { return false }
    var k = 0
    while k < v.count {
        while k < v.count, isWhitespace(v[k]) { k += 1 }
        let start = k
        while k < v.count, !isWhitespace(v[k]) { k += 1 }
        if k - start == word.count, bytesEqual(v, start, word, caseInsensitive) { return true }
    }
    return false
}
