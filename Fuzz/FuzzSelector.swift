@testable import GovlintHTML

// libFuzzer entry point: the CSS selector parser, and matching what it accepts.
let selectorFuzzDocument = HTMLParser.parse(
    "<html><body><div id=a class='x y'><p lang=en>t<a href='/x'>l</a></p><ul><li>1<li>2</ul></div></body></html>")

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSelector(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    guard let selector = try? Selector(text) else { return 0 }
    _ = selectorFuzzDocument.select(selector).count
    return 0
}
