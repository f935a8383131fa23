// libFuzzer entry point: a YAML or JSON descriptor run through the built-in
// descriptor packs (publiccode, us-code-json, dcat-us, cn-resource-catalog,
// api-design) as the engine runs them, with the alias-expansion limit.
@testable import GovlintCore

let descriptorLinter = FuzzSupport.linter()
let descriptorRules = descriptorLinter.activeRules(profiles: []).filter {
    ["publiccode", "us-code-json", "dcat-us", "cn-resource-catalog", "api-design"].contains($0.rule.pack)
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDescriptor(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let text = FuzzSupport.text(data, size) else { return 0 }
    _ = descriptorLinter.checkDescriptor(text: text, relative: "publiccode.yml", rules: descriptorRules)
    return 0
}
