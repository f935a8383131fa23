@testable import GovlintHTML

// libFuzzer entry point: HTML decoding and parsing (with the engine's limits),
// then every element's tree accessors. Built by `make fuzz`, linked against
// GovlintHTML (Fuzz/build.sh).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHTML(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard case let .success(source) = HTMLDecoder.decode(bytes) else { return 0 }
    let (document, _, _) = HTMLParser.parse(source, maxDepth: 500, maxAttributes: 200)
    var count = 0
    for element in document.elements {
        count &+= element.children.count
        _ = element.sourceSnippet
        _ = element.sourceRange
    }
    if let s = try? Selector("div > p:not(.x) a[href^=\"/\"]") { count &+= document.select(s).count }
    return count == -1 ? 1 : 0
}
