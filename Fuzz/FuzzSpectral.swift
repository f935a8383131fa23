// libFuzzer entry point: the Spectral ruleset loader (`--spectral`), then the
// rules it yields run on a small fixed descriptor.
@testable import GovlintCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSpectral(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let text = FuzzSupport.text(data, size) else { return 0 }
    // No directory: `extends` of local files is reported, never read.
    guard let ruleset = try? SpectralRuleset.load(text: text, file: ".spectral.yaml") else { return 0 }
    guard let catalog = try? Catalog(packs: [ruleset.pack(file: ".spectral.yaml")]) else { return 0 }
    var configuration = Configuration()
    configuration.limits = FuzzSupport.limits
    let linter = Linter(catalog: catalog, configuration: configuration)
    _ = linter.checkDescriptor(text: FuzzSupport.descriptor, relative: "openapi.yaml", rules: linter.activeRules(profiles: []))
    return 0
}
