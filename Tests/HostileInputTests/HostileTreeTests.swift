import Foundation
import GovlintCore
import GovlintTestSupport
import Testing

/// Hostile folder trees: links, long and non-ASCII paths.
@Suite struct HostileTreeTests {
    @Test func symlinkLoopsAndLinksOutsideTheRootAreReportedNotFollowed() throws {
        let export = try Export(); defer { export.remove() }
        let outside = try Export(); defer { outside.remove() }
        try outside.write("private.html", "<!doctype html><html lang=en><title>Private</title><body><img src=p></body></html>")
        let fm = FileManager.default
        try fm.createSymbolicLink(atPath: export.url("loop-a").path, withDestinationPath: export.url("loop-b").path)
        try fm.createSymbolicLink(atPath: export.url("loop-b").path, withDestinationPath: export.url("loop-a").path)
        try fm.createDirectory(at: export.url("sub"), withIntermediateDirectories: true)
        try fm.createSymbolicLink(atPath: export.url("sub/self").path, withDestinationPath: export.url("sub").path)
        try fm.createSymbolicLink(atPath: export.url("escape").path, withDestinationPath: outside.dir.path)
        try fm.createSymbolicLink(atPath: export.url("escape.html").path, withDestinationPath: outside.url("private.html").path)
        let result = try export.run()
        let unreadable = result.findings.filter { $0.ruleID == "file-unreadable" }
        #expect(unreadable.contains { $0.file == "loop-a" && $0.message.en.contains("symbolic link loop") }, "\(unreadable)")
        #expect(unreadable.contains { $0.file == "loop-b" && $0.message.en.contains("symbolic link loop") })
        #expect(unreadable.contains { $0.file == "escape" && $0.message.en.contains("outside the checked root") })
        #expect(unreadable.contains { $0.file == "escape.html" && $0.message.en.contains("outside the checked root") })
        #expect(!result.findings.contains { $0.file.contains("private") || $0.file.hasPrefix("escape/") })
        #expect(result.goodPageChecked)
    }

    @Test func veryLongPathsAndNonASCIINames() throws {
        let export = try Export(); defer { export.remove() }
        let component = String(repeating: "长", count: 60) // 180 bytes, under NAME_MAX
        let deepFolder = Array(repeating: component, count: 20).joined(separator: "/")
        let names = ["\(deepFolder)/页面.html", "café/naïve page é.html", "emoji-🏛️/index.html", String(repeating: "x", count: 250) + ".html"]
        for name in names {
            try export.write(name, "<!doctype html><html lang=en><title>T</title><body><img src=x></body></html>")
        }
        #expect(export.url(names[0]).path.utf8.count > 3_600)
        let result = try export.run()
        for name in names {
            #expect(result.findings(name, "image-alt").count == 1, "\(name.prefix(40))…")
        }
        #expect(result.goodPageChecked)
    }
}
