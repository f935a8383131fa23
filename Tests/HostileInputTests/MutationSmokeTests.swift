import Foundation
@testable import GovlintCore
import GovlintTestSupport
import Testing

/// Seeded random mutations of valid inputs for the loaders that the libFuzzer
/// targets do not reach yet (JSONPath, configuration, rule packs, descriptors):
/// every input must be accepted or refused with an error, never crash. A crash
/// found here becomes a fixed regression case below.
@Suite struct MutationSmokeTests {
    struct Mutator: RandomNumberGenerator {
        var source: SplitMix64
        init(state: UInt64) { source = SplitMix64(seed: state) }
        mutating func next() -> UInt64 { source.next() }

        static let tokens = ["[", "]", "{", "}", "(", ")", "?", "@", "$", "..", ".", "*", ":", "-", "'", "\"", "\n", "  ", "&a", "*a",
                             "!!", "#", ",", "|", ">", "\\", "\0", "é", "𝄞", "~", "==", "=~", "/", "0", "-1", "99999999999999999999"]

        mutating func mutate(_ text: String) -> String {
            var chars = Array(text.unicodeScalars)
            for _ in 0..<Int.random(in: 1...4, using: &self) {
                let op = Int.random(in: 0..<4, using: &self)
                let at = chars.isEmpty ? 0 : Int.random(in: 0..<chars.count, using: &self)
                switch op {
                case 0 where !chars.isEmpty: chars.remove(at: at)
                case 1: chars.insert(contentsOf: Self.tokens.randomElement(using: &self)!.unicodeScalars, at: at)
                case 2 where !chars.isEmpty: chars[at] = Unicode.Scalar(UInt8.random(in: 0x20...0x7E, using: &self))
                default:
                    if !chars.isEmpty { let end = min(chars.count, at + Int.random(in: 1...8, using: &self)); chars.insert(contentsOf: chars[at..<end], at: at) }
                }
            }
            var s = String.UnicodeScalarView(); s.append(contentsOf: chars); return String(s)
        }
    }

    static let iterations = 5000

    @Test func jsonPathParser() {
        var m = Mutator(state: 1)
        let seeds = ["$.a.b[0]", "$..paths[*][?(@.deprecated == true)]", "$['x-y'][-1:]", "$.a[?(@.b =~ /^v[0-9]+$/i)].c", "$.*~"]
        let doc = try! DescriptorDocument(file: "x.yml", text: "a: {b: [1, {c: 2}], deprecated: true}\npaths: {'/p': {get: {deprecated: true}}}\n")
        var accepted = 0
        for i in 0..<Self.iterations {
            let text = m.mutate(seeds[i % seeds.count])
            if let path = try? JSONPath(text) {
                accepted += 1
                _ = path.select(DescriptorMatch(value: doc.root, keyNode: nil, path: []))
            }
        }
        #expect(accepted > 0)
    }

    @Test func configurationLoader() throws {
        var m = Mutator(state: 2)
        let catalog = try SourcePacks.catalog()
        let seed = """
            profile: starter
            include: ["**/*.html"]
            rules: { image-alt: warning, html-lang-valid: off }
            overrides:
              - files: ["en/**"]
                rules: { frame-title: off }
            limits: { max-file-size: 5MB, max-depth: 100, rule-timeout: 2 }
            fail-on: error
            now: 2026-11-25
            """
        for _ in 0..<Self.iterations {
            _ = try? ConfigurationLoader.parse(m.mutate(seed), file: ".govlint.yml", catalog: catalog)
        }
    }

    @Test func rulePackLoader() throws {
        var m = Mutator(state: 3)
        let files = try SourcePacks.files()
        let pack = files.first { $0.relativePath == "accessibility/pack.yaml" }!
        let rule = files.first { $0.relativePath == "accessibility/tabindex.yaml" }!
        for _ in 0..<(Self.iterations / 3) {
            let mutated = [PackFile(displayPath: pack.displayPath, relativePath: pack.relativePath, contents: pack.contents),
                           PackFile(displayPath: rule.displayPath, relativePath: rule.relativePath, contents: m.mutate(rule.contents))]
            _ = try? PackLoader.load(mutated, origin: "mutation")
        }
    }

    @Test func descriptorDocuments() {
        var m = Mutator(state: 4)
        let seed = """
            publiccodeYmlVersion: "0.4"
            name: &n Example
            url: "https://example.gov/x.git"
            legal: { license: MIT, mainCopyrightOwner: *n }
            maintenance: { type: internal, contacts: [{name: A, email: a@example.gov}] }
            """
        for _ in 0..<Self.iterations {
            if let doc = try? DescriptorDocument(file: "publiccode.yml", text: m.mutate(seed)) {
                _ = DocumentFormats.detect(doc.root)
            }
        }
    }
}
