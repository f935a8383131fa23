import Foundation
@testable import GovlintCore
import Testing

/// Inputs found by the fuzz targets (`make fuzz`), kept as tests. The files are
/// also in the targets' seed corpora (`Fuzz/corpus/<target>/`).
@Suite struct FuzzRegressionTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fuzz/corpus")

    /// fuzz-jsonpath: a `match(/…/)` filter whose pattern is over 256 UTF-16
    /// units, with NUL bytes — Foundation leaks a buffer compiling it (reported
    /// by LeakSanitizer, suppressed in Fuzz/lsan.supp); it must still be rejected
    /// or evaluated cleanly.
    @Test func aLongRegexWithNULsInAJSONPathFilter() throws {
        let bytes = try Data(contentsOf: Self.corpus.appendingPathComponent("jsonpath/long-regex-leak"))
        let text = String(decoding: bytes, as: UTF8.self)
        let document = try DescriptorDocument(file: "doc.yml", text: "paths: {/a: {get: {}}, /b: {post: {}}}\n")
        let root = DescriptorMatch(value: document.root, keyNode: nil, path: [])
        if let path = try? JSONPath(text) { _ = path.select(root) }
        // A long pattern that is valid selects what it should.
        let long = String(repeating: "(?:x)?", count: 60) + "^\\/a$"
        let path = try JSONPath("$.paths[?(@property.match(/\(long)/))]")
        #expect(path.select(root).count == 1, "\(path.select(root).map(\.pathText))")
    }
}
