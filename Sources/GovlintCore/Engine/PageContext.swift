import Foundation
import Synchronization
import GovlintAccessibility
import GovlintHTML

/// What a run knows about the whole export before any page is checked.
public struct SiteInfo: Sendable {
    /// Every file of the export, relative to the root, `/`-separated.
    public var files: Set<String> {
        didSet { names = SiteNames(files) }
    }
    /// The names under which links reach ``files`` (a ``SiteNameTable``, built on first use).
    public private(set) var names: SiteNames
    /// "Today" for freshness rules (`--now`).
    public var now: Date
    /// Page types stated by the configuration (`page-types:`), overriding the heuristic.
    public var pageTypes: [PageTypeAssignment]

    public init(files: Set<String> = [], now: Date = Date(), pageTypes: [PageTypeAssignment] = []) {
        self.files = files
        names = SiteNames(files)
        self.now = now
        self.pageTypes = pageTypes
    }
}

/// Everything a page check may look at. One per page, used by one thread.
public final class PageContext {
    public let document: HTMLDocument
    /// Path relative to the checked root.
    public let file: String
    public let site: SiteInfo
    /// Keyed by ``Selector/key`` (interned text): hashing an Int, not the selector's text.
    /// Node indices, not elements: an element holds a counted reference to the document, made and freed per match.
    // The page's memo tables are read by every check, often several times per element. Their accesses
    // never overlap (one thread; none is held across a call), so they skip the runtime exclusivity check.
    @exclusivity(unchecked) private var selections: [Int: [Int32]] = [:]
    @exclusivity(unchecked) private var exposedSelections: [Int: [Int32]] = [:]
    @exclusivity(unchecked) private var _accessibility: AccessibilityContext?
    @exclusivity(unchecked) private var slots: [AnyObject?] = []
    @exclusivity(unchecked) private var normalizedTexts: [Int: String] = [:]
    /// Element indices by tag-name atom, built in one pass on first use.
    /// Elements by name atom, laid out flat (a counting sort of the node table): those of atom `a` are
    /// `byNameIndices[byNameStarts[a]..<byNameStarts[a + 1]]`, in document order. Empty until first asked.
    @exclusivity(unchecked) private var byNameStarts: [Int32] = []
    @exclusivity(unchecked) private var byNameIndices: [Int32] = []

    public init(document: HTMLDocument, file: String, site: SiteInfo) {
        self.document = document
        self.file = file
        self.site = site
    }

    /// Elements matching a selector, memoised per page (rules share selectors).
    public func select(_ selector: Selector) -> [HTMLElement] {
        document.elements(at: selectIndices(selector))
    }

    /// ``select(_:)`` as node indices.
    public func selectIndices(_ selector: Selector) -> [Int32] {
        if let cached = selections[selector.key] { return cached }
        let result = document.selectIndices(selector)
        selections[selector.key] = result
        return result
    }

    /// Elements with any of these tag names (any namespace), in document order. Checks that look
    /// for a few tags (`meta`, `li`, `a`, `base`) read one index instead of walking every element.
    public func elements(named names: String...) -> [HTMLElement] {
        let atoms = names.map(NameAtom.of)
        if atoms.contains(NameAtom.unknown) {
            let wanted = Set(names)
            return document.elements.filter { wanted.contains($0.name) }
        }
        if byNameStarts.isEmpty {
            let cores = document.cores
            var starts = [Int32](repeating: 0, count: NameAtom.count + 1)
            for i in cores.indices where cores[i].kind == .element && cores[i].nameAtom != NameAtom.unknown {
                starts[Int(cores[i].nameAtom) + 1] += 1
            }
            for a in 0..<NameAtom.count { starts[a + 1] += starts[a] }
            var next = starts
            var indices = [Int32](repeating: 0, count: Int(starts[NameAtom.count]))
            for i in cores.indices where cores[i].kind == .element && cores[i].nameAtom != NameAtom.unknown {
                let a = Int(cores[i].nameAtom)
                indices[Int(next[a])] = Int32(i)
                next[a] += 1
            }
            byNameStarts = starts
            byNameIndices = indices
        }
        var found: [HTMLElement] = []
        for atom in atoms {
            for i in byNameIndices[Int(byNameStarts[Int(atom)])..<Int(byNameStarts[Int(atom) + 1])] {
                found.append(HTMLElement(document: document, index: Int(i)))
            }
        }
        if atoms.count > 1 { found.sort { $0.index < $1.index } }
        return found
    }

    /// ``select(_:)`` minus the elements hidden from the accessibility tree, memoised likewise
    /// (three rules test every exposed element).
    public func selectExposed(_ selector: Selector) -> [HTMLElement] {
        document.elements(at: selectExposedIndices(selector))
    }

    /// ``selectExposed(_:)`` as node indices.
    public func selectExposedIndices(_ selector: Selector) -> [Int32] {
        if let cached = exposedSelections[selector.key] { return cached }
        let ax = accessibility
        let document = document
        let result = selectIndices(selector).filter { !ax.isHiddenFromAccessibilityTree(HTMLElement(document: document, index: Int($0))) }
        exposedSelections[selector.key] = result
        return result
    }

    /// Matches many selectors in one pass and remembers the results.
    /// `distinct`: no two of `selectors` have the same key (the engine's list), so on a fresh page
    /// the list is matched as it is.
    public func preselect(_ selectors: [Selector], distinct: Bool = false) {
        var seen = Set<Int>()
        let missing = distinct && selections.isEmpty ? selectors
            : selectors.filter { selections[$0.key] == nil && seen.insert($0.key).inserted }
        selections.reserveCapacity(selections.count + missing.count)
        guard missing.count > 1 else { return }
        for (s, found) in zip(missing, document.selectIndices(all: missing)) { selections[s.key] = found }
    }

    /// An element's whitespace-normalised text content, computed once per page
    /// (several rules read the text of `body` or of the same containers).
    public func normalizedText(of element: HTMLElement) -> String {
        if let t = normalizedTexts[element.index] { return t }
        let t = TextMatching.normalizedText(of: element)
        normalizedTexts[element.index] = t
        return t
    }

    /// A value computed once per page and shared by all rules (an index, say), kept in the slot of a key made once.
    public func memo<T>(_ key: MemoKey<T>, _ make: () -> T) -> T {
        if key.slot < slots.count, let stored = slots[key.slot] { return unsafeDowncast(stored, to: MemoBox<T>.self).value }
        let v = make()
        if key.slot >= slots.count { slots += repeatElement(nil, count: key.slot + 1 - slots.count) }
        slots[key.slot] = MemoBox(v)
        return v
    }


    /// Sibling positions for the CSS paths of findings, filled as findings need them.
    lazy var siblingIndex = PageRunner.SiblingIndex()

    /// Accessibility tree facts (roles, hidden content, names), built lazily.
    public var accessibility: AccessibilityContext {
        if let a = _accessibility { return a }
        let a = AccessibilityContext(document: document)
        _accessibility = a
        return a
    }
}

/// A slot of the per-page memo table, for values of type `Value`. Made once (a static or a check's
/// property): equal names and types share a slot.
public struct MemoKey<Value>: Sendable {
    let slot: Int

    public init(_ name: String) {
        slot = MemoSlots.slot(for: "\(name)|\(Value.self)")
    }
}

private final class MemoBox<T> {
    let value: T
    init(_ value: T) { self.value = value }
}

/// Interns memo key names (with their value type) to slot numbers.
enum MemoSlots {
    private static let slots = Mutex<[String: Int]>([:])

    static func slot(for name: String) -> Int {
        slots.withLock { slots in
            if let k = slots[name] { return k }
            let k = slots.count
            slots[name] = k
            return k
        }
    }
}

/// What site checks see: the export's file list and run settings.
public struct SiteContext: Sendable {
    public var info: SiteInfo
    public init(info: SiteInfo) { self.info = info }
}
