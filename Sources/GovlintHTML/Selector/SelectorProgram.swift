/// A selector list compiled once, when the ``Selector`` is made, into flat
/// arrays of plain values: tag and attribute names as ``NameAtom``s, values as
/// byte ranges, nested lists (`:not()`, `:is()`, `:has()`, `of S`) as indices.
/// Matching reads it through raw pointers, so it does no reference counting,
/// enum payload copies or string comparisons for names in the atom table.
final class SelectorProgram: @unchecked Sendable {
    struct Complex {
        var compoundStart: Int32
        var compoundCount: Int32
        var isRelative: Bool
    }

    struct Compound {
        var simpleStart: Int32
        var simpleCount: Int32
        /// How the previous compound of the complex selector relates to this one
        /// (unused for the first).
        var combinator: Combinator
    }

    /// A selector list: `count` complex-selector indices at `items[start...]`.
    struct List {
        var start: Int32
        var count: Int32
    }

    enum Op: UInt8 {
        case universal, type, id, className, attribute, not, `is`, has, nthChild, nthOfType
        case onlyChild, onlyOfType, empty, root, checked, disabled, enabled, anyLink
    }

    struct Simple {
        var op: Op
        var attributeOperator: AttributeOperator = .exists
        var caseMode: AttributeCase = .sensitive
        /// `:nth-last-*`.
        var last = false
        /// Atom of the type or attribute name (0: compare `strings[string]`).
        var atom: Int32 = 0
        /// Index in `strings` of the type or attribute name, -1 when none.
        var string: Int32 = -1
        /// The id, class or attribute value: `bytes[bytesStart..<bytesStart + bytesCount]`.
        var bytesStart: Int32 = 0
        var bytesCount: Int32 = 0
        /// The attribute name's bytes, for the case-insensitive match on foreign elements.
        var nameStart: Int32 = 0
        var nameCount: Int32 = 0
        /// Index in `lists` of the argument list, -1 when none.
        var list: Int32 = -1
        var a = 0
        var b = 0

        init(op: Op) { self.op = op }
    }

    let complexes: UnsafeMutableBufferPointer<Complex>
    let compounds: UnsafeMutableBufferPointer<Compound>
    let simples: UnsafeMutableBufferPointer<Simple>
    let lists: UnsafeMutableBufferPointer<List>
    let items: UnsafeMutableBufferPointer<Int32>
    let bytes: UnsafeMutableBufferPointer<UInt8>
    let strings: [String]
    /// The top-level list (always `lists[0]`).
    let top: List

    init(_ list: [ComplexSelector]) {
        var b = Builder()
        let topIndex = b.addList(list)
        complexes = .copy(b.complexes)
        compounds = .copy(b.compounds)
        simples = .copy(b.simples)
        lists = .copy(b.lists)
        items = .copy(b.items)
        bytes = .copy(b.bytes)
        strings = b.strings
        top = b.lists[topIndex]
    }

    deinit {
        complexes.deallocate()
        compounds.deallocate()
        simples.deallocate()
        lists.deallocate()
        items.deallocate()
        bytes.deallocate()
    }

    /// The top-level complex selectors' indices, in list order.
    var topComplexes: [Int] { (0..<Int(top.count)).map { Int(items[Int(top.start) + $0]) } }

    private struct Builder {
        var complexes: [Complex] = []
        var compounds: [Compound] = []
        var simples: [Simple] = []
        var lists: [List] = []
        var items: [Int32] = []
        var bytes: [UInt8] = []
        var strings: [String] = []

        /// Lists are numbered in the order they are started, so the top list is 0.
        mutating func addList(_ list: [ComplexSelector]) -> Int {
            let index = lists.count
            lists.append(List(start: 0, count: 0))
            // Complex selectors first (their nested lists come after), then the items.
            let added = list.map { addComplex($0) }
            lists[index] = List(start: Int32(items.count), count: Int32(added.count))
            items.append(contentsOf: added.map(Int32.init))
            return index
        }

        mutating func addComplex(_ c: ComplexSelector) -> Int {
            // Reserve the compound slots so a complex selector's compounds are contiguous.
            let start = compounds.count
            for k in c.compounds.indices {
                compounds.append(Compound(simpleStart: 0, simpleCount: 0,
                                          combinator: k > 0 ? c.combinators[k - 1] : .descendant))
            }
            for (k, compound) in c.compounds.enumerated() {
                // Nested lists may add simples: compile this compound's simples first, then append them.
                let compiled = compound.simples.map { compile($0) }
                compounds[start + k].simpleStart = Int32(simples.count)
                compounds[start + k].simpleCount = Int32(compiled.count)
                simples.append(contentsOf: compiled)
            }
            complexes.append(Complex(compoundStart: Int32(start), compoundCount: Int32(c.compounds.count),
                                     isRelative: c.isRelative))
            return complexes.count - 1
        }

        mutating func addBytes(_ v: [UInt8]) -> (Int32, Int32) {
            let start = Int32(bytes.count)
            bytes.append(contentsOf: v)
            return (start, Int32(v.count))
        }

        mutating func addString(_ s: String) -> Int32 {
            strings.append(s)
            return Int32(strings.count - 1)
        }

        mutating func compile(_ simple: SimpleSelector) -> Simple {
            switch simple {
            case .universal: return Simple(op: .universal)
            case let .type(name):
                var s = Simple(op: .type)
                s.atom = NameAtom.of(name)
                s.string = addString(name)
                return s
            case let .id(v):
                var s = Simple(op: .id)
                (s.bytesStart, s.bytesCount) = addBytes(v)
                return s
            case let .className(v):
                var s = Simple(op: .className)
                (s.bytesStart, s.bytesCount) = addBytes(v)
                return s
            case let .attribute(a):
                var s = Simple(op: .attribute)
                s.attributeOperator = a.op
                s.caseMode = a.caseMode
                s.atom = NameAtom.of(a.name)
                s.string = addString(a.name)
                (s.nameStart, s.nameCount) = addBytes(a.nameBytes)
                (s.bytesStart, s.bytesCount) = addBytes(a.value)
                return s
            case let .not(list):
                var s = Simple(op: .not)
                s.list = Int32(addList(list))
                return s
            case let .is(list):
                var s = Simple(op: .is)
                s.list = Int32(addList(list))
                return s
            case let .has(list):
                var s = Simple(op: .has)
                s.list = Int32(addList(list))
                return s
            case let .nthChild(pattern, last, of):
                var s = Simple(op: .nthChild)
                s.a = pattern.a
                s.b = pattern.b
                s.last = last
                if let of { s.list = Int32(addList(of)) }
                return s
            case let .nthOfType(pattern, last):
                var s = Simple(op: .nthOfType)
                s.a = pattern.a
                s.b = pattern.b
                s.last = last
                return s
            case .onlyChild: return Simple(op: .onlyChild)
            case .onlyOfType: return Simple(op: .onlyOfType)
            case .empty: return Simple(op: .empty)
            case .root: return Simple(op: .root)
            case .checked: return Simple(op: .checked)
            case .disabled: return Simple(op: .disabled)
            case .enabled: return Simple(op: .enabled)
            case .anyLink: return Simple(op: .anyLink)
            }
        }
    }
}

extension UnsafeMutableBufferPointer {
    /// A new allocation holding `array` (at least one element's room, so it is never empty-based).
    static func copy(_ array: [Element]) -> UnsafeMutableBufferPointer<Element> {
        let buffer = UnsafeMutableBufferPointer<Element>.allocate(capacity: Swift.max(array.count, 1))
        _ = buffer.initialize(from: array)
        return UnsafeMutableBufferPointer(rebasing: buffer[0..<array.count])
    }
}
