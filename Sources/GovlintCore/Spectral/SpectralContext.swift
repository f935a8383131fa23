import Foundation
import Yams

/// What Spectral passes its functions besides the value (`context.document`):
/// the whole document the rule sees (resolved unless the rule says
/// `resolved: false`), its formats and the reference resolver. The
/// descriptor runner sets it around each rule's evaluation.
final class SpectralContext: @unchecked Sendable {
    @TaskLocal static var current: SpectralContext?

    /// The document's root as the rule sees it.
    let root: DescriptorMatch
    /// Whether `root` is the resolved document.
    let resolved: Bool
    let formats: Set<String>
    let resolver: SpectralRefResolver?

    init(root: DescriptorMatch, resolved: Bool, formats: Set<String>, resolver: SpectralRefResolver?) {
        self.root = root
        self.resolved = resolved
        self.formats = formats
        self.resolver = resolver
    }

    /// The value at `path` in the document the rule sees.
    func match(at path: [PathComponent]) -> DescriptorMatch? {
        var current: DescriptorMatch? = root
        for c in path {
            current = current?.child(c)
            if current == nil { return nil }
        }
        return current
    }

    /// Whether a local pointer (`#/components/schemas/Pet`, as tokens) is the target of some reference.
    func isReferenced(_ tokens: [String]) -> Bool {
        guard let resolver else { return false }
        return resolver.isReferenced(source: resolver.main.name, tokens: tokens)
    }
}
