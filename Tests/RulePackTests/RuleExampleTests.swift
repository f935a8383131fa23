import Foundation
import GovlintCore
import GovlintTestSupport
import Testing

/// Every pass, fail and review example of every rule in `Rules/`, one test case each.
@Suite struct RuleExampleTests {
    @Test(arguments: try ExampleRunner.allCases())
    func example(_ c: ExampleCase) {
        let mismatches = ExampleRunner.run(c)
        let location = SourceLocation(fileID: "Rules/\(c.rule.pack)", filePath: c.rule.sourceFile,
                                      line: c.example.line, column: 1)
        if c.example.kind != .pass {
            #expect(c.example.files.contains { $0.code.contains(ExampleRunner.marker) },
                    "a \(c.example.kind.rawValue) example needs at least one ↓ marker", sourceLocation: location)
        }
        #expect(mismatches.isEmpty, "\(c): \(mismatches.map(\.description).joined(separator: "; "))",
                sourceLocation: location)
    }
}
