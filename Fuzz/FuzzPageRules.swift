// libFuzzer entry point: a page as the engine checks it — decoding, parsing
// with the limits, every built-in page and site rule (site rules collect their
// facts here), suppression comments.
@testable import GovlintCore

let pageRulesLinter = FuzzSupport.linter()
let pageRules = pageRulesLinter.activeRules(profiles: []).filter { $0.rule.target == .page || $0.rule.target == .site }

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPageRules(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let outcome = pageRulesLinter.checkPage(bytes: bytes, relative: "index.html", rules: pageRules, site: FuzzSupport.site)
    for f in outcome.findings where f.file != "index.html" { fatalError("finding on another file: \(f)") }
    return 0
}
