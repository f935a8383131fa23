/// Right-to-left matching over a document's flat arrays. Built per call on
/// borrowed buffers, so the hot path does no retain/release or allocation.
///
/// Recursion is bounded by the selector (one level per compound and per
/// nested pseudo-class); ancestors and siblings are walked in loops.
struct SelectorMatcher {
    let nodes: UnsafeBufferPointer<HTMLNode>
    let attributes: UnsafeBufferPointer<HTMLAttribute>

    /// `scope` is the anchor of the innermost `:has()` (or -1).
    func matches(_ list: [ComplexSelector], _ e: Int, scope: Int) -> Bool {
        for complex in list where matchComplex(complex, complex.compounds.count - 1, e, scope: scope) == .matched {
            return true
        }
        return false
    }

    /// One top-level complex selector against element `e`.
    func matchesComplex(_ complex: ComplexSelector, _ e: Int) -> Bool {
        matchComplex(complex, complex.compounds.count - 1, e, scope: -1) == .matched
    }

    /// Whether element `e` has an ancestor-filter feature.
    func has(_ feature: AncestorFilter.Feature, _ e: Int) -> Bool {
        switch feature {
        case .name(let n): return nodes[e].name == n
        case .id(let v):
            guard let a = attributeIndex(e, "id") else { return false }
            return bytesEqual(attributes[a].value, v, caseInsensitive: false)
        case .className(let v):
            guard let a = attributeIndex(e, "class") else { return false }
            return containsWord(attributes[a].value, v, caseInsensitive: false)
        }
    }

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

    private func matchComplex(_ c: ComplexSelector, _ k: Int, _ e: Int, scope: Int) -> Result {
        guard matchCompound(c.compounds[k], e, scope: scope) else { return .restartFromClosestLaterSibling }
        if k == 0 { return .matched }
        let combinator = c.combinators[k - 1]
        if c.isRelative, k == 1 {
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
        let floor = c.isRelative ? scope : 0
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

    // MARK: Compound and simple selectors

    private func matchCompound(_ compound: CompoundSelector, _ e: Int, scope: Int) -> Bool {
        for simple in compound.simples where !matchSimple(simple, e, scope: scope) { return false }
        return true
    }

    private func matchSimple(_ simple: SimpleSelector, _ e: Int, scope: Int) -> Bool {
        switch simple {
        case .universal:
            return true
        case .type(let name):
            return nodes[e].name == name
        case .id(let id):
            guard let a = attributeIndex(e, "id") else { return false }
            return bytesEqual(attributes[a].value, id, caseInsensitive: false)
        case .className(let name):
            guard let a = attributeIndex(e, "class") else { return false }
            return containsWord(attributes[a].value, name, caseInsensitive: false)
        case .attribute(let selector):
            return matchAttribute(selector, e)
        case .not(let list):
            return !matches(list, e, scope: scope)
        case .is(let list):
            return matches(list, e, scope: scope)
        case .has(let list):
            return matchHas(list, e)
        case .nthChild(let pattern, let last, let of):
            if let of, !matches(of, e, scope: scope) { return false }
            var position = 1
            var s = last ? nextElementSibling(e) : previousElementSibling(e)
            while s >= 0 {
                if of.map({ matches($0, s, scope: scope) }) ?? true { position += 1 }
                s = last ? nextElementSibling(s) : previousElementSibling(s)
            }
            return pattern.matches(position)
        case .nthOfType(let pattern, let last):
            let node = nodes[e]
            var position = 1
            var s = last ? nextElementSibling(e) : previousElementSibling(e)
            while s >= 0 {
                if nodes[s].name == node.name, nodes[s].namespace == node.namespace { position += 1 }
                s = last ? nextElementSibling(s) : previousElementSibling(s)
            }
            return pattern.matches(position)
        case .onlyChild:
            return previousElementSibling(e) < 0 && nextElementSibling(e) < 0
        case .onlyOfType:
            let node = nodes[e]
            var s = previousElementSibling(e)
            while s >= 0 {
                if nodes[s].name == node.name, nodes[s].namespace == node.namespace { return false }
                s = previousElementSibling(s)
            }
            s = nextElementSibling(e)
            while s >= 0 {
                if nodes[s].name == node.name, nodes[s].namespace == node.namespace { return false }
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
            return node.namespace == .html && (node.name == "a" || node.name == "area") && attributeIndex(e, "href") != nil
        }
    }

    // MARK: :has()

    private func matchHas(_ list: [ComplexSelector], _ e: Int) -> Bool {
        for relative in list {
            let last = relative.compounds.count - 1
            let first = relative.combinators[0]
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
        switch node.name {
        case "button", "input", "select", "textarea", "optgroup", "option", "fieldset": return true
        default: return false
        }
    }

    private func isChecked(_ e: Int) -> Bool {
        let node = nodes[e]
        guard node.namespace == .html else { return false }
        if node.name == "option" { return attributeIndex(e, "selected") != nil }
        guard node.name == "input", attributeIndex(e, "checked") != nil,
              let t = attributeIndex(e, "type") else { return false }
        let type = attributes[t].value
        return bytesEqual(type, Array("checkbox".utf8), caseInsensitive: true)
            || bytesEqual(type, Array("radio".utf8), caseInsensitive: true)
    }

    /// HTML's "actually disabled": own `disabled`, an `option` in a disabled
    /// `optgroup`, or a listed control inside a disabled `fieldset` but not
    /// inside that fieldset's first `legend`.
    private func isDisabled(_ e: Int) -> Bool {
        if attributeIndex(e, "disabled") != nil { return true }
        let name = nodes[e].name
        if name == "option" {
            let p = parentElement(e)
            return p >= 0 && nodes[p].name == "optgroup" && attributeIndex(p, "disabled") != nil
        }
        guard name != "optgroup" else { return false }
        var a = parentElement(e)
        while a >= 0 {
            if nodes[a].name == "fieldset", nodes[a].namespace == .html, attributeIndex(a, "disabled") != nil {
                var legend = firstElementChild(a)
                while legend >= 0, nodes[legend].name != "legend" { legend = nextElementSibling(legend) }
                let inLegend = legend >= 0 && e > legend && e < Int(nodes[legend].subtreeEnd)
                if !inLegend { return true }
            }
            a = parentElement(a)
        }
        return false
    }

    // MARK: Attributes

    @inline(__always) private func attributeIndex(_ e: Int, _ name: String) -> Int? {
        let node = nodes[e]
        let start = Int(node.attributeStart)
        for j in start..<(start + Int(node.attributeCount)) where attributes[j].name == name { return j }
        return nil
    }

    /// Attribute names compare ASCII case-insensitively (foreign elements keep
    /// mixed-case names such as `viewBox`).
    private func attributeIndexIgnoringCase(_ e: Int, _ selector: AttributeSelector) -> Int? {
        if let j = attributeIndex(e, selector.name) { return j }
        let node = nodes[e]
        guard node.namespace != .html else { return nil }
        let start = Int(node.attributeStart)
        for j in start..<(start + Int(node.attributeCount))
        where bytesEqual(attributes[j].name, selector.nameBytes, caseInsensitive: true) {
            return j
        }
        return nil
    }

    private func matchAttribute(_ selector: AttributeSelector, _ e: Int) -> Bool {
        guard let a = attributeIndexIgnoringCase(e, selector) else { return false }
        if selector.op == .exists { return true }
        let ci = selector.caseMode == .insensitive
            || (selector.caseMode == .htmlInsensitive && nodes[e].namespace == .html)
        let value = attributes[a].value
        let wanted = selector.value
        switch selector.op {
        case .exists:
            return true
        case .equals:
            return bytesEqual(value, wanted, caseInsensitive: ci)
        case .includes:
            return containsWord(value, wanted, caseInsensitive: ci)
        case .dashMatch:
            return withBytes(value) { v in
                v.count >= wanted.count && bytesEqual(v, 0, wanted, ci)
                    && (v.count == wanted.count || v[wanted.count] == 0x2D)
            }
        case .prefix:
            return !wanted.isEmpty && withBytes(value) { v in
                v.count >= wanted.count && bytesEqual(v, 0, wanted, ci)
            }
        case .suffix:
            return !wanted.isEmpty && withBytes(value) { v in
                v.count >= wanted.count && bytesEqual(v, v.count - wanted.count, wanted, ci)
            }
        case .substring:
            return !wanted.isEmpty && withBytes(value) { v in
                guard v.count >= wanted.count else { return false }
                for start in 0...(v.count - wanted.count) where bytesEqual(v, start, wanted, ci) { return true }
                return false
            }
        }
    }
}

// MARK: - Byte comparisons (no allocation for native strings)

@inline(__always) private func withBytes<R>(_ string: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    var s = string
    return s.withUTF8(body)
}

@inline(__always) private func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }

/// Whether `wanted` occurs in `v` at `offset` (caller checks the bounds).
@inline(__always) private func bytesEqual(_ v: UnsafeBufferPointer<UInt8>, _ offset: Int, _ wanted: [UInt8],
                                          _ caseInsensitive: Bool) -> Bool {
    if caseInsensitive {
        for k in 0..<wanted.count where lower(v[offset + k]) != lower(wanted[k]) { return false }
    } else {
        for k in 0..<wanted.count where v[offset + k] != wanted[k] { return false }
    }
    return true
}

private func bytesEqual(_ value: String, _ wanted: [UInt8], caseInsensitive: Bool) -> Bool {
    withBytes(value) { v in v.count == wanted.count && bytesEqual(v, 0, wanted, caseInsensitive) }
}

@inline(__always) private func isWhitespace(_ b: UInt8) -> Bool {
    b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0C || b == 0x0D
}

/// Whether the whitespace-separated list `value` contains `word`.
private func containsWord(_ value: String, _ word: [UInt8], caseInsensitive: Bool) -> Bool {
    guard !word.isEmpty, !word.contains(where: isWhitespace) else { return false }
    return withBytes(value) { v in
        var k = 0
        while k < v.count {
            while k < v.count, isWhitespace(v[k]) { k += 1 }
            let start = k
            while k < v.count, !isWhitespace(v[k]) { k += 1 }
            if k - start == word.count, bytesEqual(v, start, word, caseInsensitive) { return true }
        }
        return false
    }
}
