import Foundation
import GovlintHTML

/// Findings kept on disk while a run goes on, so memory does not grow with the
/// number of findings: each file's findings are appended as one record batch
/// when its worker finishes, and read back one file at a time when reports
/// are written (``FindingStream``). In memory: one index entry per file.
/// Site facts of locating site rules (one or more per page and rule) are kept
/// here too, in chunks of about 64 KiB per rule (so memory holds a few index
/// entries per rule, not one per file and rule), and read back one rule at a time.
///
/// The spool file is created in a private folder (mode 0700) under the
/// temporary directory and unlinked at once, folder included: the open
/// descriptor keeps it alive, and nothing is left behind however the process
/// ends (interrupt, crash, kill). Never inside the checked input.
///
/// Thread-safe: workers append concurrently; reads may interleave.
public final class FindingSpool: @unchecked Sendable {
    /// Where one file's findings are in the spool.
    public struct Slice: Sendable, Hashable {
        public var offset: Int
        public var length: Int
        public var count: Int
    }

    /// Where records are written and read: `memory` while the spool is no larger than `memoryLimit`, then `disk`.
    private var fd: Int32
    /// The spool's first stretch, an anonymous memory file (`memfd_create`; -1 when there is none or it has been
    /// moved out): up to `memoryLimit` bytes skip the file system's write path, which cost ~5% of a 20 MB
    /// page's lint on a disk-backed temporary folder. Past the limit its bytes move to `disk` once.
    private var memory: Int32 = -1
    /// The unlinked file in the temporary folder, opened at once (an unusable folder fails the spool as before).
    private let disk: Int32
    private let memoryLimit: Int
    private let lock = NSLock()
    private var end = 0
    /// Bytes appended but not yet written, which start at file offset `end - unwritten.count`: appends are
    /// written in batches of `writeBatchSize` (one `pwrite` per page cost a system call, under the lock,
    /// for every file of a run), and before any read that reaches them.
    private var unwritten: [UInt8] = []
    private let writeBatchSize: Int
    /// Where each file's findings are: a list in the order appended, sorted by path when first looked up
    /// (files usually finish in path order: then it is sorted already). 40 bytes a file, where a table by
    /// path took ~65 at its usual load.
    private var index: [(path: String, slice: Slice)] = []
    private var indexSorted = true
    /// Site facts by rule id: chunks of file groups (the path, the fact count and byte length, then the facts
    /// without their file), written when a rule's pending bytes reach `factChunkSize`.
    private var factChunks: [String: [Slice]] = [:]
    private var pendingFacts: [String: [UInt8]] = [:]
    /// Per rule id: facts spooled, the bytes of their values and their file groups (to size the table they
    /// are read back into).
    private var factTotals: [String: (facts: Int, valueBytes: Int, groups: Int)] = [:]
    private let factChunkSize: Int

    public struct SpoolError: Error, CustomStringConvertible {
        public var description: String
    }

    /// - Parameters:
    ///   - directory: the folder the private spool folder is made in (default: the temporary directory).
    ///   - factChunkSize: pending bytes of one rule's facts that are written as one chunk.
    ///   - writeBatchSize: appended bytes that are written to the file at once.
    ///   - memoryLimit: bytes kept in an anonymous memory file before the spool moves to the temporary folder
    ///     (0: on disk from the start).
    public init(directory: URL? = nil, factChunkSize: Int = 1 << 16, writeBatchSize: Int = 1 << 18,
                memoryLimit: Int = 128 << 20) throws {
        disk = try Self.openUnlinkedFile(in: directory)
        if memoryLimit > 0, let m = MemoryFile.open() { memory = m }
        fd = memory >= 0 ? memory : disk
        self.memoryLimit = memoryLimit
        self.factChunkSize = factChunkSize
        self.writeBatchSize = writeBatchSize
    }

    /// A new read-write file, already unlinked (with the private folder made for it), as a descriptor the caller closes.
    public static func openUnlinkedFile(in directory: URL? = nil) throws -> Int32 {
        let base = (directory ?? FileManager.default.temporaryDirectory).path
        var template = Array((base + "/govlint-spool-XXXXXX").utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw SpoolError(description: "cannot create a temporary folder in \(base): \(String(cString: strerror(errno)))")
        }
        let folder = String(cString: made)
        let path = folder + "/spool"
        let opened = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        let openErrno = errno
        unlink(path)
        rmdir(folder)
        guard opened >= 0 else {
            throw SpoolError(description: "cannot create a temporary file in \(base): \(String(cString: strerror(openErrno)))")
        }
        return opened
    }

    deinit {
        if memory >= 0 { close(memory) }
        close(disk)
    }

    /// Whether the spool is still in its memory stretch (for tests).
    var inMemory: Bool {
        lock.lock(); defer { lock.unlock() }
        return memory >= 0
    }

    /// Moves the memory stretch to the disk file and writes there from now on; the caller holds the lock.
    private func moveToDisk(written: Int) {
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        var at = 0
        while at < written {
            let n = min(buffer.count, written - at)
            buffer.withUnsafeMutableBytes { b in
                Self.transfer(n) { done in pread(memory, b.baseAddress! + done, n - done, off_t(at + done)) }
                Self.transfer(n) { done in pwrite(disk, b.baseAddress! + done, n - done, off_t(at + done)) }
            }
            at += n
        }
        close(memory)
        memory = -1
        fd = disk
    }

    /// Repeats a read or write of `count` bytes until all are done (EINTR retried); a failure must not lose findings.
    private static func transfer(_ count: Int, _ call: (_ done: Int) -> Int) {
        var done = 0
        while done < count {
            let n = call(done)
            if n < 0, errno == EINTR { continue }
            if n <= 0 { fatalError("govlint: cannot move the findings spool to disk: \(String(cString: strerror(errno)))") }
            done += n
        }
    }

    /// Appends one file's findings (none: nothing is written). A path is stored once; appending again replaces it.
    @discardableResult
    public func append(_ findings: [Finding], for path: String) -> Slice? {
        guard !findings.isEmpty else { return nil }
        let records = RecordWriter.records(findings)
        lock.lock(); defer { lock.unlock() }
        let slice = write(records, count: findings.count)
        if indexSorted, let last = index.last, !(last.path < path) { indexSorted = false }
        index.append((path, slice))
        return slice
    }

    /// Room in the index for `files` files' findings (the index is then not left at up to twice its size).
    public func reserveFiles(_ files: Int) {
        lock.lock(); defer { lock.unlock() }
        index.reserveCapacity(files)
    }

    /// Appends findings without indexing them by path: the caller keeps the slice (none: nothing is written).
    public func appendDetached(_ findings: [Finding]) -> Slice? {
        guard !findings.isEmpty else { return nil }
        let records = RecordWriter.records(findings)
        lock.lock(); defer { lock.unlock() }
        return write(records, count: findings.count)
    }

    /// Appends one file's site facts of one rule (none: nothing is written).
    public func appendFacts(_ facts: [SiteFact], rule: String, path: String) {
        guard !facts.isEmpty else { return }
        var body = RecordWriter()
        var valueBytes = 0
        for f in facts {
            body.writeFactBody(f)
            valueBytes += f.value.utf8.count
        }
        var group = RecordWriter()
        group.string(path)
        group.int(facts.count)
        group.int(body.bytes.count)
        group.bytes += body.bytes
        lock.lock(); defer { lock.unlock() }
        let known = factTotals[rule] ?? (0, 0, 0)
        factTotals[rule] = (known.facts + facts.count, known.valueBytes + valueBytes, known.groups + 1)
        var pending = pendingFacts.removeValue(forKey: rule) ?? []
        pending += group.bytes
        if pending.count >= factChunkSize {
            factChunks[rule, default: []].append(write(pending, count: 0))
        } else {
            pendingFacts[rule] = pending
        }
    }

    /// Writes the rules' pending fact bytes; the caller holds the lock.
    private func flushFacts() {
        for (rule, pending) in pendingFacts { factChunks[rule, default: []].append(write(pending, count: 0)) }
        pendingFacts = [:]
    }

    /// Rule ids with spooled facts.
    public var factRules: [String] {
        lock.lock(); defer { lock.unlock() }
        return Array(Set(factChunks.keys).union(pendingFacts.keys))
    }

    /// Per rule id, the file groups of spooled facts and where their facts are (in the order they were appended):
    /// read from the spool's chunk headers, for writing a part file one file at a time.
    public var factSlices: [String: [(path: String, slice: Slice)]] {
        lock.lock()
        flushFacts()
        let chunks = factChunks
        lock.unlock()
        return chunks.mapValues { list in
            var out: [(path: String, slice: Slice)] = []
            for chunk in list {
                var reader = RecordReader(bytes: readBytes(chunk))
                while reader.at < reader.bytes.count {
                    let (path, count, length) = reader.factGroupHeader()
                    out.append((path, Slice(offset: chunk.offset + reader.at, length: length, count: count)))
                    reader.at += length
                }
            }
            return out
        }
    }

    /// The site facts of one file group (see ``factSlices``), in the order they were appended.
    public func readFacts(_ slice: Slice, file: String) -> [SiteFact] {
        var reader = RecordReader(bytes: readBytes(slice))
        return (0..<slice.count).map { _ in reader.factBody(file: file) }
    }

    /// One rule's site facts, file group by file group in the order they were appended, skipping the groups
    /// of files `keep` rejects. Facts of one file share its path string, and that of `paths` (the export's
    /// file list) when it has the path.
    public func readFacts(rule: String, keep: ((String) -> Bool)? = nil, paths: Set<String>? = nil) -> SiteFacts {
        readFacts(rule: rule, keep: keep, paths: paths, snippets: true).facts
    }

    /// As ``readFacts(rule:keep:paths:)``, leaving the snippets in the spool (a site rule reports few of its
    /// facts): each fact's snippet is empty and `snippets[i]` is where fact `i`'s is, for ``snippet(at:)``.
    public func readFactsWithoutSnippets(rule: String, keep: ((String) -> Bool)? = nil,
                                         paths: Set<String>? = nil) -> (facts: SiteFacts, snippets: [Int]) {
        readFacts(rule: rule, keep: keep, paths: paths, snippets: false)
    }

    private func readFacts(rule: String, keep: ((String) -> Bool)?, paths: Set<String>?,
                           snippets: Bool) -> (facts: SiteFacts, snippets: [Int]) {
        lock.lock()
        flushFacts()
        let chunks = factChunks[rule] ?? []
        let total = factTotals[rule] ?? (0, 0, 0)
        lock.unlock()
        // Sized once (at most every fact of the rule): grown by doubling, the lists would be up to twice as large.
        var out = SiteFacts()
        out.reserveCapacity(total.facts, valueBytes: total.valueBytes, files: total.groups)
        var at: [Int] = []
        if !snippets { at.reserveCapacity(total.facts) }
        for chunk in chunks {
            var reader = RecordReader(bytes: readBytes(chunk))
            while reader.at < reader.bytes.count {
                var (path, count, length) = reader.factGroupHeader()
                if let keep, !keep(path) {
                    reader.at += length
                    continue
                }
                if let paths, let i = paths.firstIndex(of: path) { path = paths[i] }
                for _ in 0..<count {
                    if snippets {
                        out.append(reader.factBody(file: path))
                    } else {
                        out.append(reader.factBody(file: path) { at.append(chunk.offset + $0) })
                    }
                }
            }
        }
        return (out, at)
    }

    /// The snippet stored at `offset` (from ``readFactsWithoutSnippets(rule:keep:paths:)``).
    public func snippet(at offset: Int) -> String {
        // A LEB128 length of at most 10 bytes, then the text.
        lock.lock()
        let limit = end
        lock.unlock()
        var head = RecordReader(bytes: readBytes(Slice(offset: offset, length: min(10, limit - offset), count: 0)))
        let n = head.int()
        return String(decoding: readBytes(Slice(offset: offset + head.at, length: n, count: 0)), as: UTF8.self)
    }

    /// Appends at the end (written with the next batch); the caller holds the lock.
    private func write(_ bytes: [UInt8], count: Int) -> Slice {
        let offset = end
        end += bytes.count
        if unwritten.isEmpty && bytes.count >= writeBatchSize {
            writeOut(bytes, at: offset)
        } else {
            unwritten += bytes
            if unwritten.count >= writeBatchSize { flushUnwritten() }
        }
        return Slice(offset: offset, length: bytes.count, count: count)
    }

    /// Writes the batch of appended bytes; the caller holds the lock.
    private func flushUnwritten() {
        guard !unwritten.isEmpty else { return }
        writeOut(unwritten, at: end - unwritten.count)
        unwritten.removeAll(keepingCapacity: true)
    }

    private func writeOut(_ bytes: [UInt8], at offset: Int) {
        if memory >= 0, offset + bytes.count > memoryLimit { moveToDisk(written: offset) }
        bytes.withUnsafeBytes { buffer in
            var done = 0
            while done < buffer.count {
                let n = pwrite(fd, buffer.baseAddress! + done, buffer.count - done, off_t(offset + done))
                if n < 0 {
                    if errno == EINTR { continue }
                    // A full disk must not lose findings silently.
                    fatalError("govlint: cannot write the findings spool: \(String(cString: strerror(errno)))")
                }
                done += n
            }
        }
    }

    /// Where a file's findings are, if it has any.
    public func slice(for path: String) -> Slice? {
        lock.lock(); defer { lock.unlock() }
        sortIndex()
        var lo = 0, hi = index.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if index[mid].path < path { lo = mid + 1 } else { hi = mid }
        }
        return lo < index.count && index[lo].path == path ? index[lo].slice : nil
    }

    /// Paths with findings in the spool (unordered).
    public var paths: [String] {
        lock.lock(); defer { lock.unlock() }
        sortIndex()
        return index.map(\.path)
    }

    /// Sorts the index by path, keeping the last entry of a path appended more than once; the caller holds the lock.
    private func sortIndex() {
        guard !indexSorted else { return }
        index.sort { $0.path < $1.path } // stable: a path's entries stay in the order appended
        var kept = 0
        for k in index.indices {
            if kept > 0, index[kept - 1].path == index[k].path {
                index[kept - 1] = index[k]
            } else {
                index[kept] = index[k]
                kept += 1
            }
        }
        index.removeLast(index.count - kept)
        indexSorted = true
    }

    /// Bytes written so far.
    public var size: Int {
        lock.lock(); defer { lock.unlock() }
        return end
    }

    /// The findings of one slice, in the order they were appended.
    public func read(_ slice: Slice) -> [Finding] {
        var out: [Finding] = []
        read(slice, into: &out, strings: nil)
        return out
    }

    /// Appends the findings of one slice to `out`; repeated strings are shared through `strings` if given.
    /// Fields in `omitting` are skipped, left empty.
    func read(_ slice: Slice, into out: inout [Finding], strings: StringInterner?, omitting: FindingFields = []) {
        var reader = RecordReader(bytes: readBytes(slice), strings: strings)
        out.reserveCapacity(out.count + slice.count)
        for _ in 0..<slice.count { out.append(reader.finding(omitting: omitting)) }
    }

    /// Calls `body` with the rule id, file, severity and outcome of each finding of one slice, in
    /// the order they were appended, without decoding the other strings.
    func scan(_ slice: Slice, strings: StringInterner, _ body: (_ rule: String, _ file: String, Severity, Outcome) -> Void) {
        var reader = RecordReader(bytes: readBytes(slice), strings: strings)
        for _ in 0..<slice.count { reader.header(body) }
    }

    /// The bytes of one slice's records.
    func bytes(of slice: Slice) -> [UInt8] { readBytes(slice) }

    private func readBytes(_ slice: Slice) -> [UInt8] {
        // Read under the lock: an append may move the spool to another descriptor.
        lock.lock(); defer { lock.unlock() }
        if slice.offset + slice.length > end - unwritten.count { flushUnwritten() }
        return [UInt8](unsafeUninitializedCapacity: slice.length) { buffer, initialized in
            var done = 0
            while done < slice.length {
                let n = pread(fd, buffer.baseAddress! + done, slice.length - done, off_t(slice.offset + done))
                if n < 0, errno == EINTR { continue }
                if n <= 0 { fatalError("govlint: cannot read the findings spool: \(String(cString: strerror(errno)))") }
                done += n
            }
            initialized = slice.length
        }
    }

    /// The findings appended for `path`, or none.
    public func findings(for path: String) -> [Finding] {
        slice(for: path).map(read) ?? []
    }
}

/// The spool's record format: per finding, strings as a LEB128 length and
/// UTF-8 bytes, integers as zigzag LEB128, enums as one byte.
struct RecordWriter {
    var bytes: [UInt8] = []

    init() { bytes.reserveCapacity(1024) }

    /// The records of `findings`, one after another (what the spool keeps of a file): sized first, then
    /// written in place into one array, with no append (and its checks) per field.
    static func records(_ findings: [Finding]) -> [UInt8] {
        // Through the buffer: each finding read in place, not copied (with its strings retained) first.
        findings.withUnsafeBufferPointer { list -> [UInt8] in
            var size = 0
            for i in list.indices { size += recordSize(list[i]) }
            guard size > 0 else { return [] }
            return [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
                var out = Cursor(at: buffer.baseAddress!)
                for i in list.indices { out.write(list.baseAddress! + i) }
                initialized = out.at - buffer.baseAddress!
                precondition(initialized == size, "govlint: findings spool record size")
            }
        }
    }

    /// The bytes ``Cursor/write(_:)`` writes of `f`.
    static func recordSize(_ f: Finding) -> Int {
        var n = stringSize(f.ruleID) + 2 + stringSize(f.file) + positionSize(f.range.start) + positionSize(f.range.end)
        n += stringSize(f.message.en) + stringSize(f.message.zhCN) + stringSize(f.snippet) + 1
        if let p = f.path { n += stringSize(p) }
        return n
    }

    static func stringSize(_ s: String) -> Int {
        let n = s.utf8.count
        return intSize(n) + n
    }

    static func positionSize(_ p: SourcePosition) -> Int { intSize(p.line) + intSize(p.column) + intSize(p.offset) }

    static func intSize(_ v: Int) -> Int {
        var u = UInt64(bitPattern: Int64((v << 1) ^ (v >> 63)))
        var n = 1
        while u >= 0x80 {
            u >>= 7
            n += 1
        }
        return n
    }

    /// Writes records into memory sized for them (``records(_:)``).
    struct Cursor {
        var at: UnsafeMutablePointer<UInt8>

        /// One finding's record: the format the spool's reader reads.
        @inline(__always) mutating func write(_ f: UnsafePointer<Finding>) {
            string(f.pointee.ruleID)
            byte(RecordWriter.code(f.pointee.severity))
            byte(RecordWriter.code(f.pointee.outcome))
            string(f.pointee.file)
            position(f.pointee.range.start)
            position(f.pointee.range.end)
            string(f.pointee.message.en)
            string(f.pointee.message.zhCN)
            string(f.pointee.snippet)
            if f.pointee.path != nil {
                byte(1)
                string(f.pointee.path!)
            } else {
                byte(0)
            }
        }

        mutating func byte(_ b: UInt8) {
            at.pointee = b
            at += 1
        }

        mutating func position(_ p: SourcePosition) {
            int(p.line); int(p.column); int(p.offset)
        }

        mutating func int(_ v: Int) {
            var u = UInt64(bitPattern: Int64((v << 1) ^ (v >> 63)))
            while u >= 0x80 {
                byte(UInt8(u & 0x7F) | 0x80)
                u >>= 7
            }
            byte(UInt8(u))
        }

        @inline(__always) mutating func string(_ s: String) {
            let utf8 = s.utf8
            int(utf8.count)
            let target = at
            let copied: Int? = utf8.withContiguousStorageIfAvailable { b in
                if let base = b.baseAddress { target.update(from: base, count: b.count) }
                return b.count
            }
            if let copied {
                at += copied
            } else {
                for b in utf8 { byte(b) }
            }
        }
    }

    /// A site fact without its file (a fact group names the file once).
    mutating func writeFactBody(_ f: SiteFact) {
        string(f.value)
        position(f.range.start)
        position(f.range.end)
        string(f.snippet)
    }

    mutating func position(_ p: SourcePosition) {
        int(p.line); int(p.column); int(p.offset)
    }

    mutating func int(_ v: Int) {
        var u = UInt64(bitPattern: Int64((v << 1) ^ (v >> 63)))
        while u >= 0x80 {
            bytes.append(UInt8(u & 0x7F) | 0x80)
            u >>= 7
        }
        bytes.append(UInt8(u))
    }

    mutating func string(_ s: String) {
        var s = s
        s.withUTF8 { utf8 in
            int(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    static func code(_ s: Severity) -> UInt8 {
        switch s {
        case .info: 0
        case .warning: 1
        case .error: 2
        }
    }

    static func code(_ o: Outcome) -> UInt8 {
        switch o {
        case .passed: 0
        case .failed: 1
        case .inapplicable: 2
        case .cantTell: 3
        }
    }
}

struct RecordReader {
    let bytes: [UInt8]
    var at = 0
    /// Shares repeated strings (rule ids, files, messages, snippets) between findings; nil decodes each.
    let strings: StringInterner?

    init(bytes: [UInt8], strings: StringInterner? = nil) {
        self.bytes = bytes
        self.strings = strings
    }

    static let severities: [Severity] = [.info, .warning, .error]
    static let outcomes: [Outcome] = [.passed, .failed, .inapplicable, .cantTell]

    /// The next finding; fields in `omitting` are skipped and left empty.
    mutating func finding(omitting: FindingFields = []) -> Finding {
        let rule = string(field: 0)
        let severity = Self.severities[Int(bytes[at])]
        let outcome = Self.outcomes[Int(bytes[at + 1])]
        at += 2
        let file = string(field: 1)
        let start = position(), end = position()
        let en = string(field: 2)
        let zh = omitting.contains(.zhCN) ? skipString() : string(field: 3)
        let snippet = omitting.contains(.snippet) ? skipString() : string(field: 4)
        let hasPath = bytes[at] == 1
        at += 1
        var path: String?
        if hasPath {
            if omitting.contains(.path) { skipString() } else { path = string(field: 5) }
        }
        return Finding(ruleID: rule, severity: severity, outcome: outcome, file: file, range: SourceRange(start: start, end: end),
                       message: LocalizedText(en: en, zhCN: zh), snippet: snippet, path: path)
    }

    /// Reads one finding's rule id, severity, outcome and file, and skips the rest of its record.
    mutating func header(_ body: (_ rule: String, _ file: String, Severity, Outcome) -> Void) {
        let rule = string(field: 0)
        let severity = Self.severities[Int(bytes[at])]
        let outcome = Self.outcomes[Int(bytes[at + 1])]
        at += 2
        let file = string(field: 1)
        for _ in 0..<6 { skipInt() }
        skipString(); skipString(); skipString()
        let hasPath = bytes[at] == 1
        at += 1
        if hasPath { skipString() }
        body(rule, file, severity, outcome)
    }

    /// The next finding as a report line: what orders and labels it, and where its messages are. Its rule id
    /// and file are indices of `names` (added when new); `lastRule` and `lastFile` remember where the last
    /// ones were, to find a repeated one by its bytes.
    mutating func line(names: inout [String], lastRule: inout (at: Int, count: Int, id: Int32),
                       lastFile: inout (at: Int, count: Int, id: Int32)) -> FindingLines.Line {
        let rule = name(&names, &lastRule)
        let severity = Self.severities[Int(bytes[at])]
        let outcome = Self.outcomes[Int(bytes[at + 1])]
        at += 2
        let file = name(&names, &lastFile)
        let start = position()
        for _ in 0..<3 { skipInt() }
        let enCount = int(), enAt = at
        precondition(enCount >= 0 && at + enCount <= bytes.count, "govlint: corrupt findings spool")
        at += enCount
        let zhCount = int(), zhAt = at
        precondition(zhCount >= 0 && at + zhCount <= bytes.count, "govlint: corrupt findings spool")
        at += zhCount
        skipString()
        let hasPath = bytes[at] == 1
        at += 1
        if hasPath { skipString() }
        return FindingLines.Line(severity: severity, outcome: outcome, rule: rule, file: file, start: start,
                                 enAt: enAt, enCount: enCount, zhAt: zhAt, zhCount: zhCount)
    }

    /// The next string as an index of `names`: that of `last` when the bytes are the same, else that of an
    /// equal name, else a new one.
    private mutating func name(_ names: inout [String], _ last: inout (at: Int, count: Int, id: Int32)) -> Int32 {
        let n = int()
        precondition(n >= 0 && at + n <= bytes.count, "govlint: corrupt findings spool")
        let start = at
        at += n
        return bytes.withUnsafeBufferPointer { b -> Int32 in
            if last.count == n, n == 0 || memcmp(b.baseAddress! + last.at, b.baseAddress! + start, n) == 0 { return last.id }
            let utf8 = UnsafeBufferPointer(rebasing: b[start..<(start + n)])
            var id = -1
            for k in names.indices {
                let same = names[k].utf8.withContiguousStorageIfAvailable { s in
                    s.count == n && (n == 0 || memcmp(s.baseAddress!, utf8.baseAddress!, n) == 0)
                } ?? names[k].utf8.elementsEqual(utf8)
                if same {
                    id = k
                    break
                }
            }
            if id < 0 {
                // New bytes; the same string as a name of other bytes (canonically equivalent) is that name.
                let s = strings?.string(utf8) ?? String(decoding: utf8, as: UTF8.self)
                if let k = names.firstIndex(of: s) {
                    id = k
                } else {
                    names.append(s)
                    id = names.count - 1
                }
            }
            last = (start, n, Int32(id))
            return Int32(id)
        }
    }

    mutating func factGroupHeader() -> (path: String, count: Int, length: Int) {
        let path = string()
        let count = int()
        return (path, count, int())
    }

    mutating func factBody(file: String) -> SiteFact {
        let value = string()
        let start = position(), end = position()
        return SiteFact(file: file, value: value, range: SourceRange(start: start, end: end), snippet: string())
    }

    /// A fact without its snippet, which is skipped; `snippetAt` gets the snippet's offset in `bytes`.
    mutating func factBody(file: String, snippetAt: (Int) -> Void) -> SiteFact {
        let value = string()
        let start = position(), end = position()
        snippetAt(at)
        skipString()
        return SiteFact(file: file, value: value, range: SourceRange(start: start, end: end), snippet: "")
    }

    mutating func position() -> SourcePosition {
        let line = int(), column = int(), offset = int()
        return SourcePosition(line: line, column: column, offset: offset)
    }

    mutating func int() -> Int {
        var u: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let b = bytes[at]
            at += 1
            u |= UInt64(b & 0x7F) << shift
            if b < 0x80 { break }
            shift += 7
        }
        return Int(Int64(bitPattern: (u >> 1) ^ (0 &- (u & 1))))
    }

    mutating func skipInt() {
        while bytes[at] >= 0x80 { at += 1 }
        at += 1
    }

    /// Skips the next string; "" for a field left empty.
    @discardableResult
    mutating func skipString() -> String {
        let n = int()
        precondition(n >= 0 && at + n <= bytes.count, "govlint: corrupt findings spool")
        at += n
        return ""
    }

    /// The next string; `field` (0 to ``StringInterner/fields`` - 1) says which field of a record it is, for sharing.
    mutating func string(field: Int = 0) -> String {
        let n = int()
        precondition(n >= 0 && at + n <= bytes.count, "govlint: corrupt findings spool")
        defer { at += n }
        if let strings {
            return bytes.withUnsafeBufferPointer { strings.string(UnsafeBufferPointer(rebasing: $0[at..<(at + n)]), field: field) }
        }
        return String(decoding: bytes[at..<(at + n)], as: UTF8.self)
    }
}

/// Strings decoded from the spool, remembered so that the same bytes give the
/// same (shared) string: reports read ~25 findings per distinct message or
/// snippet on a typical site (navigation menus repeat on every page), and a
/// shared string is neither allocated, compared byte by byte when equal, nor
/// freed per finding. A direct-mapped cache: bounded, one pass's reader only
/// (not thread-safe).
final class StringInterner {
    private static let slots = 4096
    /// Longer strings are decoded each time.
    private static let maxLength = 512
    /// Fields of a record told apart, each remembering its last string (the same as the next one's, often).
    static let fields = 6
    // Raw buffers: no exclusivity checks on each access.
    private let hashes: UnsafeMutablePointer<UInt64>
    private let values: UnsafeMutablePointer<String>
    private let last: UnsafeMutablePointer<String>

    init() {
        hashes = .allocate(capacity: Self.slots)
        hashes.initialize(repeating: 0, count: Self.slots)
        values = .allocate(capacity: Self.slots)
        values.initialize(repeating: "", count: Self.slots)
        last = .allocate(capacity: Self.fields)
        last.initialize(repeating: "", count: Self.fields)
    }

    deinit {
        values.deinitialize(count: Self.slots)
        values.deallocate()
        last.deinitialize(count: Self.fields)
        last.deallocate()
        hashes.deallocate()
    }

    /// The string of `utf8`, shared with an earlier one of the same bytes if remembered.
    func string(_ utf8: UnsafeBufferPointer<UInt8>, field: Int = 0) -> String {
        let n = utf8.count
        // Small strings are stored inline: nothing to share.
        guard n > 15, n <= Self.maxLength else { return String(decoding: utf8, as: UTF8.self) }
        if Self.equal(last[field], utf8) { return last[field] }
        let h = Self.hash(utf8)
        let slot = Int(truncatingIfNeeded: h >> 52) & (Self.slots - 1)
        if hashes[slot] == h, Self.equal(values[slot], utf8) {
            last[field] = values[slot]
            return values[slot]
        }
        let s = String(decoding: utf8, as: UTF8.self)
        hashes[slot] = h
        values[slot] = s
        last[field] = s
        return s
    }

    private static func equal(_ s: String, _ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = utf8.count
        if let same = s.utf8.withContiguousStorageIfAvailable({ k in k.count == n && memcmp(k.baseAddress!, utf8.baseAddress!, n) == 0 }) {
            return same
        }
        return s.utf8.elementsEqual(utf8)
    }

    /// A fast non-cryptographic hash of the bytes (8 at a time), never 0 for a non-empty input.
    static func hash(_ b: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let raw = UnsafeRawBufferPointer(b)
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 &* UInt64(b.count &+ 1)
        var i = 0
        while i + 8 <= raw.count {
            h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
            h ^= h >> 32
            i += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < raw.count {
            tail |= UInt64(raw[i]) << shift
            shift += 8
            i += 1
        }
        h = (h ^ tail) &* 0xC4CE_B9FE_1A85_EC53
        h ^= h >> 29
        return h | 1
    }
}
