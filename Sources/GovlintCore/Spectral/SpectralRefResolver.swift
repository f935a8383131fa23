import Foundation
import GovlintHTML
import Yams

/// JSON reference (`$ref`) resolution as Spectral does it before running rules.
///
/// Local references (`#/components/…`) and relative file references
/// (`other.yaml#/x`, read relative to the referring file) are replaced by
/// their targets; JSON pointers are percent-decoded and `~1`/`~0` unescaped.
/// Circular references stay as written (`{$ref: …}`), as in Spectral, and a
/// reference that cannot be followed (missing target, unreadable file, a file
/// outside the checked folder, a URL) stays too and is recorded in
/// ``problems`` (Spectral's `invalid-ref`). Files are never read outside
/// `rootDirectory`, and never fetched.
///
/// ``locate(_:followRefs:)`` maps a path in the resolved document back to
/// the file, key and value where the value is written, for findings.
final class SpectralRefResolver: @unchecked Sendable {
    /// One parsed file taking part in resolution.
    struct Source {
        /// Display name: relative to the checked folder, `/`-separated.
        var name: String
        var url: URL?
        var root: Node
        var text: SourceText
    }

    /// A reference that could not be followed: at `path` (in the resolved
    /// document, ending with `$ref`).
    struct Problem {
        var path: [PathComponent]
        var message: String
    }

    let main: Source
    let rootDirectory: URL?
    private(set) var sources: [String: Source] = [:]
    private(set) var problems: [Problem] = []
    /// Every reference target met (`source \0 token \0 token…`): Spectral's ref graph nodes.
    private(set) var referenced: Set<String> = []
    private var failedFiles: [String: String] = [:]
    private var reportedProblems: Set<String> = []
    private var memo: [String: (node: Node, size: Int)] = [:]
    /// Values in the resolved document so far (targets count once per use), bounded by
    /// `maxResolvedValues` so that references that multiply (a `$ref` bomb) stop expanding.
    private var produced = 0
    private var tooLarge = false
    static let maxResolvedValues = 5_000_000
    private var cycles = 0
    private var resolvedCache: Node?
    private let maxAliasExpansion: Int
    private let maxFileSize: Int

    /// `url` is the document's file (nil: local references only); `rootDirectory`
    /// the folder no referenced file may be outside of (nil: the document's folder).
    init(document: DescriptorDocument, url: URL?, rootDirectory: URL?, maxAliasExpansion: Int = 100_000, maxFileSize: Int = 50 << 20) {
        main = Source(name: document.file, url: url?.standardizedFileURL, root: document.root, text: document.source)
        self.rootDirectory = (rootDirectory ?? url?.deletingLastPathComponent())?.standardizedFileURL
        self.maxAliasExpansion = maxAliasExpansion
        self.maxFileSize = maxFileSize
        sources[main.name] = main
    }

    /// The checked folder of a file found as `relative` at `url`: its path before `relative`
    /// (else the file's own folder).
    static func checkedFolder(url: URL, relative: String) -> URL {
        let path = url.standardizedFileURL.path
        guard !relative.hasPrefix("/"), !relative.hasPrefix("../"), path.hasSuffix("/" + relative) else { return url.deletingLastPathComponent() }
        return URL(fileURLWithPath: String(path.dropLast(relative.count)), isDirectory: true)
    }

    /// Builds a resolver from text (tests).
    convenience init(text: String, file: String, url: URL? = nil, rootDirectory: URL? = nil) throws(LocatedError) {
        self.init(document: try DescriptorDocument(file: file, text: text), url: url, rootDirectory: rootDirectory)
    }

    /// The document with every resolvable reference replaced by its target.
    var resolvedRoot: Node {
        if let resolvedCache { return resolvedCache }
        let r = Self.containsRef(main.root) ? resolve(main.root, in: main, at: [], path: [], stack: []) : main.root
        resolvedCache = r
        return r
    }

    /// Whether resolution tried to read files other than the document (the outcome depends on them).
    var readsOtherFiles: Bool {
        _ = resolvedRoot
        return sources.count > 1 || !failedFiles.isEmpty
    }

    /// Whether `source#/pointer` (decoded tokens) is the target of some reference.
    func isReferenced(source: String, tokens: [String]) -> Bool {
        _ = resolvedRoot
        return referenced.contains(Self.key(source, tokens))
    }

    static func key(_ source: String, _ tokens: [String]) -> String {
        ([source] + tokens).joined(separator: "\u{0}")
    }

    static func containsRef(_ node: Node) -> Bool {
        var stack = [node]
        while let n = stack.popLast() {
            switch n {
            case let .mapping(m):
                for (k, v) in m {
                    if k.string == "$ref" { return true }
                    stack.append(v)
                }
            case let .sequence(s): stack.append(contentsOf: s)
            default: break
            }
        }
        return false
    }

    /// The `$ref` string of a reference object, if `node` is one.
    static func reference(_ node: Node) -> (text: String, keyNode: Node)? {
        guard case let .mapping(m) = node else { return nil }
        for (k, v) in m where k.string == "$ref" {
            if case let .scalar(s) = v { return (s.string, k) }
        }
        return nil
    }

    /// JSON pointer fragment (without `#`) to reference tokens; nil when malformed.
    static func tokens(_ fragment: String) -> [String]? {
        guard let decoded = fragment.removingPercentEncoding else { return nil }
        if decoded.isEmpty { return [] }
        guard decoded.hasPrefix("/") else { return nil }
        return decoded.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map {
            $0.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
        }
    }

    /// Walks `tokens` from `root`: (key node of the last step, value).
    static func walk(_ root: Node, _ tokens: [String]) -> (key: Node?, value: Node)? {
        var current = root
        var key: Node?
        for token in tokens {
            switch current {
            case let .mapping(m):
                guard let pair = m.first(where: { $0.key.string == token }) else { return nil }
                key = pair.key; current = pair.value
            case let .sequence(s):
                guard let i = Int(token), String(i) == token, i >= 0, i < s.count else { return nil }
                key = nil; current = s[i]
            default:
                return nil
            }
        }
        return (key, current)
    }

    enum Target {
        case found(source: Source, tokens: [String], key: Node?, value: Node)
        case failed(String)
    }

    /// Follows one reference written in `source`.
    func target(of ref: String, from source: Source) -> Target {
        let hash = ref.firstIndex(of: "#")
        let filePart = String(hash.map { ref[..<$0] } ?? ref[...])
        let fragment = hash.map { String(ref[ref.index(after: $0)...]) } ?? ""
        guard let tokens = Self.tokens(fragment) else {
            return .failed("'\(ref)' is not a valid JSON pointer")
        }
        var target = source
        if !filePart.isEmpty {
            switch load(filePart, from: source) {
            case let .success(s): target = s
            case let .failure(failure): return .failed(failure.message)
            }
        }
        guard let (key, value) = Self.walk(target.root, tokens) else {
            return .failed("'\(ref)' does not exist")
        }
        return .found(source: target, tokens: tokens, key: key, value: value)
    }

    struct LoadFailure: Error { var message: String }

    /// Reads and parses a referenced file, once.
    func load(_ filePart: String, from source: Source) -> Result<Source, LoadFailure> {
        if filePart.contains("://") || filePart.hasPrefix("//") {
            return .failure(LoadFailure(message: "'\(filePart)' is a remote reference; govlint does not fetch it"))
        }
        guard let base = source.url, let root = rootDirectory else {
            return .failure(LoadFailure(message: "'\(filePart)' is a file reference; the document has no folder to read it from"))
        }
        let decoded = filePart.removingPercentEncoding ?? filePart
        let url = URL(fileURLWithPath: decoded, relativeTo: base.deletingLastPathComponent()).standardizedFileURL
        let rootPath = root.path.hasSuffix("/") ? root.path : root.path + "/"
        guard url.path.hasPrefix(rootPath) else {
            return .failure(LoadFailure(message: "'\(filePart)' is outside the checked folder; govlint does not read it"))
        }
        let name = String(url.path.dropFirst(rootPath.count))
        if let s = sources[name] { return .success(s) }
        if let m = failedFiles[name] { return .failure(LoadFailure(message: m)) }
        let message: String
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? Int ?? 0
        if size > maxFileSize {
            message = "'\(filePart)' is larger than the file size limit (max-file-size); not read"
        } else if let data = FileManager.default.contents(atPath: url.path), let text = String(data: data, encoding: .utf8) {
            do {
                let doc = try DescriptorDocument(file: name, text: text, maxAliasExpansion: maxAliasExpansion)
                let s = Source(name: name, url: url, root: doc.root, text: doc.source)
                sources[name] = s
                return .success(s)
            } catch {
                message = "'\(filePart)' cannot be parsed: \(error.message) (line \(error.line), column \(error.column))"
            }
        } else {
            message = "'\(filePart)' cannot be read (no such file, or not UTF-8 text)"
        }
        failedFiles[name] = message
        return .failure(LoadFailure(message: message))
    }

    private func problem(_ path: [PathComponent], _ message: String, at node: Node, in source: Source) {
        let mark = node.mark.map { "\($0.line):\($0.column)" } ?? ""
        guard reportedProblems.insert(source.name + "\u{0}" + mark + "\u{0}" + message).inserted else { return }
        problems.append(Problem(path: path + [.key("$ref")], message: message))
    }

    /// `tokens` is where `node` is written in `source`: a reference to it or to one of its
    /// ancestors is circular, as is one already being followed (`stack`).
    private func resolve(_ node: Node, in source: Source, at tokens: [String], path: [PathComponent], stack: [String]) -> Node {
        if let (ref, keyNode) = Self.reference(node) {
            switch target(of: ref, from: source) {
            case let .failed(message):
                problem(path, message, at: keyNode, in: source)
                return node
            case let .found(target, targetTokens, _, value):
                let key = Self.key(target.name, targetTokens)
                referenced.insert(key)
                let ancestor = target.name == source.name && targetTokens.count <= tokens.count
                    && Array(tokens.prefix(targetTokens.count)) == targetTokens
                guard !ancestor, !stack.contains(key), stack.count < 64 else {
                    cycles += 1 // circular: left as written, as Spectral does
                    return node
                }
                guard produced < Self.maxResolvedValues else {
                    if !tooLarge {
                        tooLarge = true
                        problem(path, "references expand to more than \(Self.maxResolvedValues) values; this and further $refs are left unresolved",
                                at: keyNode, in: source)
                    }
                    return node
                }
                if let done = memo[key] {
                    produced += done.size
                    return done.node
                }
                let before = cycles
                let start = produced
                let resolved = resolve(value, in: target, at: targetTokens, path: path, stack: stack + [key])
                if cycles == before { memo[key] = (resolved, produced - start) }
                return resolved
            }
        }
        produced += 1
        switch node {
        case let .mapping(m):
            var pairs: [(Node, Node)] = []
            pairs.reserveCapacity(m.count)
            for (k, v) in m {
                pairs.append((k, resolve(v, in: source, at: tokens + [k.string ?? ""], path: path + [.key(k.string ?? "")], stack: stack)))
            }
            return .mapping(Node.Mapping(pairs, m.tag, m.style, m.mark))
        case let .sequence(s):
            var nodes: [Node] = []
            nodes.reserveCapacity(s.count)
            for (i, v) in s.enumerated() {
                nodes.append(resolve(v, in: source, at: tokens + [String(i)], path: path + [.index(i)], stack: stack))
            }
            return .sequence(Node.Sequence(nodes, s.tag, s.style, s.mark))
        default:
            return node
        }
    }

    /// Where the value at `path` is written: its file, the key naming it (when it
    /// is a mapping entry) and the value. With `followRefs`, references met on
    /// the way — and at the end — are followed into their targets, as Spectral
    /// reports findings where a value is actually written. A path that leaves
    /// the document stops at its closest existing node.
    func locate(_ path: [PathComponent], followRefs: Bool) -> (source: Source, key: Node?, value: Node) {
        var source = main
        var key: Node?
        var value = main.root
        func follow() {
            guard followRefs else { return }
            var hops = 0
            while hops < 32, let (ref, _) = Self.reference(value), case let .found(s, _, k, v) = target(of: ref, from: source) {
                source = s; key = k; value = v
                hops += 1
            }
        }
        for component in path {
            // A path into a `$ref` key stays on this reference object, unless it was followed to
            // another reference object (a chain whose last link could not be followed).
            if component != .key("$ref") {
                follow()
            } else if followRefs, let (ref, _) = Self.reference(value), case let .found(s, _, k, v) = target(of: ref, from: source),
                      Self.reference(v) != nil {
                source = s; key = k; value = v
            }
            switch (value, component) {
            case let (.mapping(m), .key(k)):
                guard let pair = m.first(where: { $0.key.string == k }) else { return (source, key, value) }
                key = pair.key; value = pair.value
            case let (.sequence(s), .index(i)):
                guard i >= 0, i < s.count else { return (source, key, value) }
                key = nil; value = s[i]
            default:
                return (source, key, value)
            }
        }
        follow()
        return (source, key, value)
    }
}
