// libFuzzer entry point: the rule-pack loader. The input is read as a rule file
// of a valid pack and, separately, as a pack manifest (pack.yaml); a rule that
// loads is then run on a small page or descriptor, so its selectors, patterns
// and paths are exercised too.
import Foundation
@testable import GovlintCore

let rulePackManifest = """
    id: fuzz
    title: {en: Fuzz, zh-CN: 模糊}
    version: "1.0"
    profiles:
      fuzz: {title: {en: Fuzz, zh-CN: 模糊}, packs: [fuzz]}
    """

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRulePack(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let text = FuzzSupport.text(data, size) else { return 0 }
    // As a rule file (its id must be its file name: `fuzz-rule`).
    let ruleFiles = [PackFile(displayPath: "fuzz/pack.yaml", relativePath: "fuzz/pack.yaml", contents: rulePackManifest),
                     PackFile(displayPath: "fuzz/fuzz-rule.yaml", relativePath: "fuzz/fuzz-rule.yaml", contents: text)]
    if let packs = try? PackLoader.load(ruleFiles, origin: "fuzz"), let catalog = try? Catalog(packs: packs) {
        var configuration = Configuration()
        configuration.limits = FuzzSupport.limits
        let linter = Linter(catalog: catalog, configuration: configuration)
        let rules = linter.activeRules(profiles: [])
        _ = linter.checkPage(bytes: FuzzSupport.page, relative: "index.html", rules: rules.filter { $0.rule.target != .descriptor },
                             site: FuzzSupport.site)
        _ = linter.checkDescriptor(text: FuzzSupport.descriptor, relative: "publiccode.yml",
                                   rules: rules.filter { $0.rule.target == .descriptor })
    }
    // As a manifest.
    let manifest = [PackFile(displayPath: "fuzz/pack.yaml", relativePath: "fuzz/pack.yaml", contents: text)]
    if let packs = try? PackLoader.load(manifest, origin: "fuzz") { _ = try? Catalog(packs: packs) }
    return 0
}
