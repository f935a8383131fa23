// libFuzzer entry point: the configuration loader (`.govlint.yml`), validated
// against the built-in catalog, then the rule selection it makes.
@testable import GovlintCore

let configCatalog = FuzzSupport.catalog

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConfig(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let text = FuzzSupport.text(data, size) else { return 0 }
    guard let configuration = try? ConfigurationLoader.parse(text, file: ".govlint.yml", catalog: configCatalog) else { return 0 }
    let linter = Linter(catalog: configCatalog, configuration: configuration)
    let rules = linter.activeRules(profiles: [])
    for file in ["index.html", "docs/a b/ü.html", "publiccode.yml", "api/openapi.json"] {
        _ = linter.rules(rules, for: file)
        _ = linter.isDescriptor(file, rules: rules)
    }
    return 0
}
