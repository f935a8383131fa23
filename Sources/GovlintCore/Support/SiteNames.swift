import Synchronization

/// Every name under which a link reaches a file of the export, with what it reaches there: the file
/// itself, a directory index (`dir` → `dir/index.html`) or a page with an extension added (`about` →
/// `about.html`). One table look-up answers ``ExportPath/exists(_:in:)-(_,SiteNameTable)`` and whether a
/// link value can name a page at all (``OrphanPageCheck/pagesNamed(by:in:files:)``), where the
/// former code built and looked up each candidate string (a missing `t1.html` cost three joined
/// strings and four look-ups, six alias strings and six look-ups for orphan-page).
///
/// Keys are the files and the files with a known ending cut off, so a key is canonically equivalent
/// to a name exactly when the name plus that ending is (the endings are ASCII and begin with `/` or
/// `.`, which neither compose with nor reorder around what comes before them): the table gives the
/// same answers as `Set<String>` look-ups of the joined strings (`SiteNamesTests`).
public struct SiteNameTable: Sendable {
    /// What a name reaches, as bits.
    public struct Kinds: OptionSet, Sendable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        /// The name is a file.
        public static let file = Kinds(rawValue: 1)
        /// `name/index.html` is a file (`index.html` for the empty name), and so on.
        public static let indexHTML = Kinds(rawValue: 2)
        public static let indexHTM = Kinds(rawValue: 4)
        public static let indexSHTML = Kinds(rawValue: 8)
        /// `name.html` is a file, and `name.htm`.
        public static let dotHTML = Kinds(rawValue: 16)
        public static let dotHTM = Kinds(rawValue: 32)

        public static let anyIndex: Kinds = [.indexHTML, .indexHTM, .indexSHTML]
    }

    /// The endings cut off, with their kind: a directory's index files, then added extensions, in
    /// ``SiteURL/aliases(_:)``' order.
    static let endings: [(kind: Kinds, suffix: String, bytes: [UInt8])] = {
        let endings: [(Kinds, String)] = [(.indexHTML, "/index.html"), (.indexHTM, "/index.htm"), (.indexSHTML, "/index.shtml"),
                                          (.dotHTML, ".html"), (.dotHTM, ".htm")]
        return endings.map { ($0.0, $0.1, Array($0.1.utf8)) }
    }()

    private let kinds: [String: UInt8]

    public init(_ files: Set<String>) {
        var kinds: [String: UInt8] = [:]
        kinds.reserveCapacity(files.count + files.count / 2)
        for file in files {
            kinds[file, default: 0] |= Kinds.file.rawValue
            var bytes = file
            bytes.withUTF8 { b in
                guard let last = b.last, last == UInt8(ascii: "l") || last == UInt8(ascii: "m") else { return }
                for ending in Self.endings where Self.hasSuffix(b, ending.bytes) {
                    let stem = b.count - ending.bytes.count
                    // `dir/index.html` is named by `dir`, the root's `index.html` by the empty name; a file
                    // `/index.html`, with an empty directory name, by none.
                    if stem == 0 && ending.bytes[0] == UInt8(ascii: "/") { continue }
                    kinds[String(decoding: UnsafeBufferPointer(rebasing: b[..<stem]), as: UTF8.self), default: 0] |= ending.kind.rawValue
                }
                for (kind, name) in Self.rootIndexes where b.elementsEqual(name) { kinds["", default: 0] |= kind.rawValue }
            }
        }
        self.kinds = kinds
    }

    private static let rootIndexes: [(Kinds, [UInt8])] = [(.indexHTML, Array("index.html".utf8)), (.indexHTM, Array("index.htm".utf8)),
                                                           (.indexSHTML, Array("index.shtml".utf8))]

    @inline(__always) private static func hasSuffix(_ b: UnsafeBufferPointer<UInt8>, _ suffix: [UInt8]) -> Bool {
        guard b.count >= suffix.count else { return false }
        let from = b.count - suffix.count
        for k in 0..<suffix.count where b[from + k] != suffix[k] { return false }
        return true
    }

    /// What `name` reaches (empty when nothing: most missing link targets).
    @inline(__always) public func kinds(of name: String) -> Kinds {
        Kinds(rawValue: kinds[name] ?? 0)
    }
}

/// The export's ``SiteNameTable``, built once, on first use, by whichever thread asks first.
public final class SiteNames: Sendable {
    private let files: Set<String>
    private let built = Mutex<SiteNameTable?>(nil)

    init(_ files: Set<String>) { self.files = files }

    /// The table (callers fetch it once per page or per run, not per look-up).
    public var table: SiteNameTable {
        built.withLock { table in
            if let table { return table }
            let made = SiteNameTable(files)
            table = made
            return made
        }
    }
}
