// libFuzzer entry point: the JSONPath parser, and evaluating what it accepts
// on a small fixed document (filters, slices, recursive descent).
import Foundation
@testable import GovlintCore

let jsonPathDocument = try! DescriptorDocument(file: "doc.yml", text: """
    a: {b: [1, 2, {c: "x", d: [true, null, 3.5]}], "e f": {g: "h"}}
    list: [{name: one, n: 1}, {name: two, n: 2, tags: [x, y]}, {name: "", n: -1}]
    anchors: {base: &b {k: v}, copy: *b}
    """)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSONPath(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let text = FuzzSupport.text(data, size) else { return 0 }
    guard let path = try? JSONPath(text) else { return 0 }
    let root = DescriptorMatch(value: jsonPathDocument.root, keyNode: nil, path: [])
    // As the engine does for every rule: nested filters over recursive descent are
    // exponential in their nesting, and selection stops at the rule's deadline.
    RuleDeadline.set(Date().addingTimeInterval(2))
    defer { RuleDeadline.set(nil) }
    for m in path.select(root) { _ = m.pathText }
    return 0
}
