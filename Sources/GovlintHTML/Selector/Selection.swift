import Synchronization

extension HTMLDocument {
    /// Every element matching `selector`, in document order (one pass over the nodes).
    public func select(_ selector: Selector) -> [HTMLElement] {
        elements(at: selectIndices(selector, in: 1..<nodes.count))
    }

    /// ``select(_:)`` as node indices: no element (and reference to the document) per match to make and free.
    public func selectIndices(_ selector: Selector) -> [Int32] {
        selectIndices(selector, in: 1..<nodes.count)
    }

    /// The elements at these node indices.
    public func elements(at indices: [Int32]) -> [HTMLElement] {
        indices.map { HTMLElement(document: self, index: Int($0)) }
    }

    /// One pre-order pass over `range`. Ancestor requirements of the selectors
    /// (`section` in `section div`) are tracked on a stack of open elements, so
    /// an element whose ancestors cannot match is rejected without walking up
    /// the tree — on a 100,000-deep page that walk would make the pass quadratic.
    func selectIndices(_ selector: Selector, in range: Range<Int>) -> [Int32] {
        var result: [Int32] = []
        guard !range.isEmpty else { return result }
        let program = selector.program
        let filter = AncestorFilter(program)
        withView { view in
            let nodes = view.nodes
            let matcher = SelectorMatcher(view, program)
            guard let filter else {
                // No ancestor requirement: the subject's tag or attribute picks the elements to try.
                var found = [result]
                SubjectBuckets([selector]).run(view, [selector], self, &found, range: range)
                result = found[0]
                return
            }
            let top = program.topComplexes
            var state = AncestorFilter.State(filter)
            // Seed with the ancestors of the first node (non-empty for element.select).
            var seed: [Int] = []
            var p = Int(nodes[range.lowerBound].parent)
            while p > 0 {
                seed.append(p)
                p = Int(nodes[p].parent)
            }
            for a in seed.reversed() where nodes[a].kind == .element { state.push(a, filter, matcher) }
            for i in range {
                state.pop(before: i, nodes)
                guard nodes[i].kind == .element else { continue }
                for (k, complex) in top.enumerated()
                where state.satisfies(filter.requirements[k]) && matcher.matchesComplex(complex, i) {
                    result.append(Int32(i))
                    break
                }
                state.push(i, filter, matcher)
            }
        }
        return result
    }
}

extension HTMLElement {
    /// Descendant elements matching `selector`, in document order. Combinators
    /// may reach outside this element (as with DOM `querySelectorAll`).
    public func select(_ selector: Selector) -> [HTMLElement] {
        document.elements(at: document.selectIndices(selector, in: descendantIndices))
    }

    /// Whether this element matches `selector`.
    public func matches(_ selector: Selector) -> Bool {
        selector.matches(self)
    }
}

/// Names, ids and classes that must appear on some ancestor for a complex
/// selector to match: every compound left of its rightmost descendant or
/// child combinator describes an ancestor of the subject.
struct AncestorFilter {
    /// Features as indices of type, id and class selectors in the program.
    var features: [Int] = []
    /// Per complex selector of the list, a bit mask over `features`.
    var requirements: [UInt64] = []

    /// nil when no selector of the list has a usable requirement.
    init?(_ program: SelectorProgram) {
        for c in program.topComplexes {
            var mask: UInt64 = 0
            let complex = program.complexes[c]
            let first = Int(complex.compoundStart)
            let count = Int(complex.compoundCount)
            // The last compound j whose right-hand combinator is descendant or child.
            var j = -1
            for k in stride(from: count - 1, through: 1, by: -1) {
                let combinator = program.compounds[first + k].combinator
                if combinator == .descendant || combinator == .child { j = k - 1; break }
            }
            if j >= 0 {
                for k in 0...j {
                    let compound = program.compounds[first + k]
                    let s0 = Int(compound.simpleStart)
                    for s in s0..<(s0 + Int(compound.simpleCount)) {
                        switch program.simples[s].op {
                        case .type, .id, .className: break
                        default: continue
                        }
                        guard features.count < 64 else { continue }
                        mask |= 1 << UInt64(features.count)
                        features.append(s)
                    }
                }
            }
            requirements.append(mask)
        }
        if requirements.allSatisfy({ $0 == 0 }) { return nil }
    }

    struct State {
        /// Open ancestor elements and the features each has.
        var stack: [(index: Int, mask: UInt64)] = []
        /// How many open ancestors have each feature.
        var counts: [Int]
        /// Bit set of features with a non-zero count.
        var present: UInt64 = 0

        init(_ filter: AncestorFilter) {
            counts = Array(repeating: 0, count: filter.features.count)
        }

        @inline(__always) func satisfies(_ requirement: UInt64) -> Bool {
            requirement & present == requirement
        }

        mutating func push(_ e: Int, _ filter: AncestorFilter, _ matcher: SelectorMatcher) {
            var mask: UInt64 = 0
            for (f, feature) in filter.features.enumerated() where matcher.matchesSimple(feature, e) {
                mask |= 1 << UInt64(f)
                counts[f] += 1
            }
            present |= mask
            stack.append((e, mask))
        }

        mutating func pop(before i: Int, _ nodes: UnsafeBufferPointer<NodeCore>) {
            while let top = stack.last, Int(nodes[top.index].subtreeEnd) <= i {
                stack.removeLast()
                var mask = top.mask
                while mask != 0 {
                    let f = mask.trailingZeroBitCount
                    mask &= mask - 1
                    counts[f] -= 1
                    if counts[f] == 0 { present &= ~(1 << UInt64(f)) }
                }
            }
        }
    }
}

extension Selector {
    /// Tag names the subject (rightmost compound) must have, or nil when any
    /// element could match.
    public var subjectTagNames: Set<String>? {
        var names: Set<String> = []
        for complex in list {
            guard case let .tags(some) = SubjectKey(complex) else { return nil }
            names.formUnion(some)
        }
        return names
    }
}

/// What the subject of a complex selector must have, for bucketing: one of
/// some tag names, else an attribute, else nothing usable. An `:is()` whose
/// branches all have tags (or all the same attribute) passes them on.
enum SubjectKey: Hashable {
    case tags([String])
    case attribute(String)
    case any

    init(_ complex: ComplexSelector) {
        guard let last = complex.compounds.last else { self = .any; return }
        var attribute: String?
        var branches: SubjectKey?
        for simple in last.simples {
            switch simple {
            case let .type(name): self = .tags([name]); return
            case let .is(list): if branches == nil || branches == .any { branches = Self.union(list) }
            case let .attribute(a): if attribute == nil { attribute = a.name }
            case .id: if attribute == nil { attribute = "id" }
            case .className: if attribute == nil { attribute = "class" }
            default: break
            }
        }
        if case .tags = branches { self = branches!; return }
        if let attribute { self = .attribute(attribute); return }
        self = branches ?? .any
    }

    /// What an element matching `:is(list)` must have: the branches' tags, or their common attribute.
    private static func union(_ list: [ComplexSelector]) -> SubjectKey {
        var names: [String] = []
        var attribute: String?
        for complex in list {
            switch SubjectKey(complex) {
            case let .tags(some):
                guard attribute == nil else { return .any }
                for name in some where !names.contains(name) { names.append(name) }
            case let .attribute(a):
                guard names.isEmpty, attribute == nil || attribute == a else { return .any }
                attribute = a
            case .any:
                return .any
            }
        }
        return attribute.map { .attribute($0) } ?? .tags(names)
    }
}

extension HTMLDocument {
    /// Elements matching each selector, in document order, from one pass over
    /// the page: each element is tried only against the complex selectors
    /// whose subject could be it (same tag, or an attribute it has, or no
    /// constraint), the rule-hash dispatch of browsers. Deep pages (over
    /// `maxDepth`) fall back to one filtered pass per selector, which bounds
    /// ancestor walks. Elements are visited in order and each selector takes an
    /// element at most once, so results are in document order.
    public func select(all selectors: [Selector], maxDepth: Int32 = 256) -> [[HTMLElement]] {
        selectIndices(all: selectors, maxDepth: maxDepth).map(elements(at:))
    }

    /// ``select(all:maxDepth:)`` as node indices.
    public func selectIndices(all selectors: [Selector], maxDepth: Int32 = 256) -> [[Int32]] {
        if deepestElement > maxDepth { return selectors.map { selectIndices($0) } }
        let buckets = SubjectBuckets.cached(selectors)
        var results = Array(repeating: [Int32](), count: selectors.count)
        withView { view in buckets.run(view, selectors, self, &results) }
        return results
    }
}

private func asciiLowercased(_ s: String) -> String {
    guard s.utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) else { return s }
    return String(decoding: s.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
}

/// The complex selectors of many selector lists, grouped by what their
/// subjects must have: a tag (an entry sits in the bucket of each tag it
/// allows), else an attribute, else nothing usable.
///
/// Buckets are spans of one flat entry array (no array per bucket to retain
/// per element). Complex selectors of the commonest shape — one compound of a
/// tag, attribute, id and class tests and `:not()` of such compounds, like
/// `img[alt]`, `meta[name=viewport i]`, `li:not([role])` — are also compiled
/// into ``FastTest``s, which HTML elements are tested against directly on the
/// node and attribute tables; other elements and selectors take the general
/// matcher.
final class SubjectBuckets: @unchecked Sendable {
    enum Mode: UInt8 {
        /// ``SelectorMatcher/matchesComplex(_:_:)``.
        case general
        /// A lone type or universal selector (`img`, `*`): every element of its bucket matches.
        case bucketMatches
        /// The tests `tests[testStart..<testEnd]` on HTML elements, else the general matcher.
        case fast
    }

    /// One complex selector: the list it belongs to and its index in that list's program.
    struct Entry {
        var selector: Int32
        var complex: Int32
        var mode: Mode
        var testStart: Int32 = 0
        var testEnd: Int32 = 0
    }

    /// One test of a fast entry on an HTML element: its tag has `atom`, or it
    /// has an attribute with name `atom` whose value passes `op` with `value`
    /// (`bytes[valueStart..<valueStart + valueCount]`). The tests of an entry
    /// with group 0 must all pass; for each other group, not all of its tests
    /// may pass (a `:not()` branch).
    struct FastTest {
        var group: Int32
        var isType: Bool
        var op: AttributeOperator
        /// ASCII case-insensitive value comparison on HTML elements.
        var caseInsensitive: Bool
        var atom: Int32
        var valueStart: Int32
        var valueCount: Int32
    }

    struct Span {
        var start: Int32
        var count: Int32
    }

    let entries: UnsafeMutableBufferPointer<Entry>
    let tests: UnsafeMutableBufferPointer<FastTest>
    let bytes: UnsafeMutableBufferPointer<UInt8>
    /// Per tag / attribute name atom, its bucket's entries.
    let tagSpans: UnsafeMutableBufferPointer<Span>
    let attributeSpans: UnsafeMutableBufferPointer<Span>
    let byTagName: [String: Span]
    let byAttributeName: [String: Span]
    let hasAttributeBuckets: Bool
    let unconstrained: Span
    /// How many entries are `.fast` (for tests).
    let fastCount: Int

    /// The buckets of the last selector list asked for: every page of a run preselects the same rules' selectors.
    private static let last = Mutex<(keys: [Int], buckets: SubjectBuckets)?>(nil)

    /// `SubjectBuckets(selectors)`, reused while the same list (by selector keys) is asked for again.
    static func cached(_ selectors: [Selector]) -> SubjectBuckets {
        let keys = selectors.map(\.key)
        if let hit = last.withLock({ $0?.keys == keys ? $0?.buckets : nil }) { return hit }
        let buckets = SubjectBuckets(selectors)
        last.withLock { $0 = (keys, buckets) }
        return buckets
    }

    init(_ selectors: [Selector], fastPath: Bool = true) {
        var byTagAtom: [[Entry]] = Array(repeating: [], count: NameAtom.count)
        var byTagName: [String: [Entry]] = [:]
        var byAttributeAtom: [[Entry]] = Array(repeating: [], count: NameAtom.count)
        var byAttributeName: [String: [Entry]] = [:]
        var hasAttributeBuckets = false
        var unconstrained: [Entry] = []
        var tests: [FastTest] = []
        var bytes: [UInt8] = []
        for (k, s) in selectors.enumerated() {
            for (complex, c) in zip(s.list, s.program.topComplexes) {
                var entry = Entry(selector: Int32(k), complex: Int32(c), mode: .general)
                if complex.compounds.count == 1, complex.compounds[0].simples.count == 1 {
                    switch complex.compounds[0].simples[0] {
                    case .type, .universal: entry.mode = .bucketMatches
                    default: break
                    }
                }
                if entry.mode == .general, fastPath, let compiled = Self.compileFast(s.program, c, &bytes) {
                    entry.mode = .fast
                    entry.testStart = Int32(tests.count)
                    tests.append(contentsOf: compiled)
                    entry.testEnd = Int32(tests.count)
                }
                switch SubjectKey(complex) {
                case let .tags(names):
                    for name in names {
                        let atom = NameAtom.of(name)
                        if atom != 0 { byTagAtom[Int(atom)].append(entry) } else { byTagName[name, default: []].append(entry) }
                    }
                case let .attribute(name):
                    hasAttributeBuckets = true
                    let atom = NameAtom.of(name)
                    if atom != 0 { byAttributeAtom[Int(atom)].append(entry) } else { byAttributeName[name, default: []].append(entry) }
                case .any:
                    unconstrained.append(entry)
                }
            }
        }
        var flat: [Entry] = []
        func span(_ bucket: [Entry]) -> Span {
            let s = Span(start: Int32(flat.count), count: Int32(bucket.count))
            flat.append(contentsOf: bucket)
            return s
        }
        let tagSpans = byTagAtom.map(span)
        let attributeSpans = byAttributeAtom.map(span)
        self.byTagName = byTagName.mapValues(span)
        self.byAttributeName = byAttributeName.mapValues(span)
        self.unconstrained = span(unconstrained)
        self.hasAttributeBuckets = hasAttributeBuckets
        fastCount = flat.count { $0.mode == .fast }
        entries = .copy(flat)
        self.tests = .copy(tests)
        self.bytes = .copy(bytes)
        self.tagSpans = .copy(tagSpans)
        self.attributeSpans = .copy(attributeSpans)
    }

    deinit {
        entries.deallocate()
        tests.deallocate()
        bytes.deallocate()
        tagSpans.deallocate()
        attributeSpans.deallocate()
    }

    /// Complex selector `c` of `program` as fast tests, or nil when it has another shape.
    private static func compileFast(_ program: SelectorProgram, _ c: Int, _ bytes: inout [UInt8]) -> [FastTest]? {
        var tests: [FastTest] = []
        /// The tests of one compound (`c`'s only compound, or a `:not()` branch), into `group`.
        func addCompound(_ c: Int, group: Int32, negatable: Bool) -> Bool {
            let complex = program.complexes[c]
            guard complex.compoundCount == 1, !complex.isRelative else { return false }
            let compound = program.compounds[Int(complex.compoundStart)]
            let before = tests.count
            let s0 = Int(compound.simpleStart)
            for s in s0..<(s0 + Int(compound.simpleCount)) {
                let simple = program.simples[s]
                var test = FastTest(group: group, isType: false, op: .exists, caseInsensitive: false, atom: 0,
                                    valueStart: 0, valueCount: 0)
                switch simple.op {
                case .universal:
                    continue
                case .type:
                    guard simple.atom != 0 else { return false }
                    test.isType = true
                    test.atom = simple.atom
                case .attribute, .id, .className:
                    switch simple.op {
                    case .id: (test.atom, test.op) = (NameAtom.id, .equals)
                    case .className: (test.atom, test.op) = (NameAtom.class, .includes)
                    default:
                        guard simple.atom != 0 else { return false }
                        (test.atom, test.op) = (simple.atom, simple.attributeOperator)
                        test.caseInsensitive = simple.caseMode != .sensitive
                    }
                    test.valueStart = Int32(bytes.count)
                    test.valueCount = simple.bytesCount
                    let v0 = Int(simple.bytesStart)
                    bytes.append(contentsOf: program.bytes[v0..<(v0 + Int(simple.bytesCount))])
                case .not:
                    guard !negatable else { return false }
                    let list = program.lists[Int(simple.list)]
                    for item in Int(list.start)..<Int(list.start + list.count) {
                        let g = Int32(tests.count + 1)
                        guard addCompound(Int(program.items[item]), group: g, negatable: true) else { return false }
                    }
                    continue
                default:
                    return false
                }
                tests.append(test)
            }
            // A negated compound without tests (`:not(*)`) matches every element: leave it to the general matcher.
            return !negatable || tests.count > before
        }
        guard addCompound(c, group: 0, negatable: false) else { return nil }
        // Positive tests first, then the groups in order.
        tests.sort { ($0.group, $0.isType ? 0 : 1) < ($1.group, $1.isType ? 0 : 1) }
        return tests
    }

    func run(_ view: DocumentView, _ selectors: [Selector], _ document: HTMLDocument, _ results: inout [[Int32]],
             range: Range<Int>? = nil) {
        let nodes = view.nodes
        let attributes = view.attributes
        let values = view.values
        let entries = entries, tests = tests, bytes = bytes
        let matchers = selectors.map { SelectorMatcher(view, $0.program) }
        // The last element each selector took: a list whose complexes sit in several buckets takes an element once.
        var taken = Array(repeating: -1, count: selectors.count)
        matchers.withUnsafeBufferPointer { matchers in
            taken.withUnsafeMutableBufferPointer { taken in
                results.withUnsafeMutableBufferPointer { results in
                    /// Whether HTML element `node` passes the fast tests `start..<end`.
                    @inline(__always) func passes(_ start: Int, _ end: Int, _ node: NodeCore) -> Bool {
                        let a0 = Int(node.attributeStart), a1 = a0 + Int(node.attributeCount)
                        @inline(__always) func pass(_ t: FastTest) -> Bool {
                            if t.isType { return node.nameAtom == t.atom }
                            var a = a0
                            while a < a1, attributes[a].nameAtom != t.atom { a += 1 }
                            guard a < a1 else { return false }
                            if t.op == .exists { return true }
                            let core = attributes[a]
                            let v0 = Int(core.valueStart), w0 = Int(t.valueStart)
                            return attributeValueMatches(
                                t.op, UnsafeBufferPointer(rebasing: values[v0..<(v0 + Int(core.valueCount))]),
                                UnsafeBufferPointer(rebasing: bytes[w0..<(w0 + Int(t.valueCount))]), t.caseInsensitive)
                        }
                        var t = start
                        while t < end, tests[t].group == 0 {
                            guard pass(tests[t]) else { return false }
                            t += 1
                        }
                        while t < end {
                            let group = tests[t].group
                            var all = true
                            while t < end, tests[t].group == group {
                                if all, !pass(tests[t]) { all = false }
                                t += 1
                            }
                            if all { return false }
                        }
                        return true
                    }
                    @inline(__always) func test(_ span: Span, _ i: Int, _ node: NodeCore) {
                        let start = Int(span.start)
                        for x in start..<(start + Int(span.count)) {
                            let entry = entries[x]
                            let k = Int(entry.selector)
                            guard taken[k] != i else { continue }
                            switch entry.mode {
                            case .bucketMatches: break
                            case .fast where node.namespace == .html:
                                guard passes(Int(entry.testStart), Int(entry.testEnd), node) else { continue }
                            default:
                                guard matchers[k].matchesComplex(Int(entry.complex), i) else { continue }
                            }
                            taken[k] = i
                            results[k].append(Int32(i))
                        }
                    }
                    for i in range ?? 1..<nodes.count where nodes[i].kind == .element {
                        let node = nodes[i]
                        if node.nameAtom != 0 {
                            test(tagSpans[Int(node.nameAtom)], i, node)
                        } else if !byTagName.isEmpty, let span = byTagName[document.nodes[i].name] {
                            test(span, i, node)
                        }
                        if hasAttributeBuckets, node.attributeCount > 0 {
                            let start = Int(node.attributeStart)
                            for a in start..<(start + Int(node.attributeCount)) {
                                let atom = attributes[a].nameAtom
                                if atom != 0 {
                                    test(attributeSpans[Int(atom)], i, node)
                                    continue
                                }
                                var name = document.attributes[a].name
                                if node.namespace != .html {
                                    // Foreign elements keep mixed-case names (`viewBox`), which
                                    // attribute selectors match ASCII case-insensitively.
                                    name = asciiLowercased(name)
                                    let lowered = NameAtom.of(name)
                                    if lowered != 0 {
                                        test(attributeSpans[Int(lowered)], i, node)
                                        continue
                                    }
                                }
                                if !byAttributeName.isEmpty, let span = byAttributeName[name] { test(span, i, node) }
                            }
                        }
                        test(unconstrained, i, node)
                    }
                }
            }
        }
    }
}
