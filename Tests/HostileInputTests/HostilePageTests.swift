import Foundation
import GovlintCore
import GovlintTestSupport
import Testing

/// Hostile pages: each run must finish, report the expected finding, and still check `good.html`.
@Suite(.serialized) struct HostilePageTests {
    @Test func deepNestingIsCutAtTheDepthLimitAndReported() throws {
        let export = try Export(); defer { export.remove() }
        let depth = 200_000
        try export.write("deep.html", "<!doctype html><html lang=en><title>Deep</title><body>"
            + String(repeating: "<div>", count: depth) + "<img src=x>" + String(repeating: "</div>", count: depth))
        let started = Date()
        let result = try export.run()
        let notFull = result.findings("deep.html", "file-not-fully-checked")
        #expect(notFull.count == 1)
        #expect(result.findings("deep.html", "image-alt").count == 1, "the deepest content is still checked")
        #expect(notFull.first?.message.en.contains("nested deeper than 10000 levels") == true, "\(notFull)")
        #expect(result.goodPageChecked)
        print("deep nesting: \(Date().timeIntervalSince(started)) s, peak RSS \(peakRSSMegabytes()) MB")
    }

    @Test func aLowerDepthLimitStillChecksWhatIsAboveIt() throws {
        let export = try Export(); defer { export.remove() }
        try export.write("deep.html", "<!doctype html><html lang=en><title>Deep</title><body><img src=top>"
            + String(repeating: "<div>", count: 100) + "<img src=x>" + String(repeating: "</div>", count: 100))
        let result = try export.run { $0.limits.maxDepth = 50 }
        #expect(result.findings("deep.html", "file-not-fully-checked").count == 1)
        // Both images are still checked: content below the limit is flattened, not dropped.
        #expect(result.findings("deep.html", "image-alt").count == 2)
        #expect(result.goodPageChecked)
    }

    @Test func aMillionAttributesOnOneElement() throws {
        let export = try Export(); defer { export.remove() }
        var page = "<!doctype html><html lang=en><title>Attrs</title><body><div"
        page.reserveCapacity(12_000_000)
        for i in 0..<1_000_000 { page += " a\(i)=1" }
        page += "><img src=x></div></body></html>"
        try export.write("attrs.html", page)
        let started = Date()
        let result = try export.run()
        print("million attributes: \(Date().timeIntervalSince(started)) s, peak RSS \(peakRSSMegabytes()) MB")
        #expect(result.findings("attrs.html", "image-alt").count == 1, "\(result.findings("attrs.html"))")
        let notFull = result.findings("attrs.html", "file-not-fully-checked")
        #expect(notFull.count == 1)
        #expect(notFull.first?.message.en.contains("attributes past the 10000th") == true)
        #expect(result.goodPageChecked)
    }

    @Test func aMillionElements() throws {
        let export = try Export(); defer { export.remove() }
        try export.write("many.html", "<!doctype html><html lang=en><title>Many</title><body>"
            + String(repeating: "<span>x</span>", count: 1_000_000) + "<img src=x></body></html>")
        let started = Date()
        let result = try export.run()
        print("million elements: \(Date().timeIntervalSince(started)) s, peak RSS \(peakRSSMegabytes()) MB")
        #expect(result.findings("many.html", "image-alt").count == 1)
        #expect(result.goodPageChecked)
    }

    @Test func invalidUTF8AndNULBytesAreDecodedAndChecked() throws {
        let export = try Export(); defer { export.remove() }
        var bytes = Array("<!doctype html><html lang=en><title>Bad bytes</title><body><p>".utf8)
        bytes += Array(repeating: UInt8(ascii: "a"), count: 9000) // past the binary sniffing window
        bytes += [0xFF, 0xFE, 0xC3, 0x28, 0x00, 0x00, 0xED, 0xA0, 0x80]
        bytes += Array("</p><img src=x></body></html>".utf8)
        try export.write("bytes.html", bytes)
        let result = try export.run()
        #expect(result.findings("bytes.html", "image-alt").count == 1, "\(result.findings("bytes.html"))")
        #expect(result.goodPageChecked)
    }

    @Test func aUTF16PageWithBOMIsDecoded() throws {
        let export = try Export(); defer { export.remove() }
        let page = "<!doctype html><html lang=zh><title>页面</title><body><p>政府网站</p><img src=x></body></html>"
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in page.utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        try export.write("utf16.html", bytes)
        let result = try export.run()
        let alt = result.findings("utf16.html", "image-alt")
        #expect(alt.count == 1)
        #expect(alt.first?.line == 1)
        #expect(result.goodPageChecked)
    }

    @Test func aGBKPageWithoutCharsetIsCheckedWithoutCrashing() throws {
        let export = try Export(); defer { export.remove() }
        // "政府网站" in GBK, no charset declaration anywhere.
        let gbk: [UInt8] = [0xD5, 0xFE, 0xB8, 0xAE, 0xCD, 0xF8, 0xD5, 0xBE]
        let bytes = Array("<!doctype html><html lang=zh><title>".utf8) + gbk + Array("</title><body><p>".utf8)
            + gbk + Array("</p><img src=x></body></html>".utf8)
        try export.write("gbk.html", bytes)
        let result = try export.run()
        #expect(result.findings("gbk.html", "image-alt").count == 1)
        #expect(result.goodPageChecked)
    }

    @Test func aBinaryFileNamedHTML() throws {
        let export = try Export(); defer { export.remove() }
        var generator = SystemRandomNumberGenerator()
        try export.write("image.html", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) })
        let result = try export.run()
        #expect(result.findings("image.html", "file-binary").count == 1)
        #expect(result.goodPageChecked)
    }

    @Test func emptyAndTruncatedFiles() throws {
        let export = try Export(); defer { export.remove() }
        try export.write("empty.html", [])
        try export.write("blank.html", "  \n\t\n")
        try export.write("cut.html", "<!doctype html><html lang=en><title>Cut</title><body><p>Text</p><img src=\"a.png\" al")
        let result = try export.run()
        #expect(result.findings("empty.html", "file-empty").count == 1)
        #expect(result.findings("blank.html", "file-empty").count == 1)
        #expect(result.findings("cut.html", "file-truncated").count == 1)
        #expect(result.goodPageChecked)
    }

    @Test(.disabled(if: getuid() == 0, "running as root: chmod 000 does not stop root from reading, so unreadable files cannot be simulated"))
    func anUnreadableFile() throws {
        let export = try Export(); defer { export.remove() }
        try export.write("secret.html", Export.goodPage)
        chmod(export.url("secret.html").path, 0)
        defer { chmod(export.url("secret.html").path, 0o644) }
        let result = try export.run()
        #expect(result.findings("secret.html", "file-unreadable").count == 1)
        #expect(result.goodPageChecked)
    }

    @Test func aPageOverTheSizeLimitIsReportedNotRead() throws {
        let export = try Export(); defer { export.remove() }
        try export.write("big.html", "<!doctype html><html lang=en><title>Big</title><body>" + String(repeating: "<p>filler</p>", count: 2000) + "</body></html>")
        let result = try export.run { $0.limits.maxFileSize = 10_000 }
        let f = result.findings("big.html", "file-not-fully-checked")
        #expect(f.count == 1)
        #expect(f.first?.message.en.contains("larger than the limit of 9.8 KB") == true, "\(f)")
        #expect(result.goodPageChecked)
    }

    @Test func aLargePageIsCheckedInBoundedTime() throws {
        let export = try Export(); defer { export.remove() }
        // 20 MB of ordinary paragraphs (the 100 MB variant is too slow for a debug build).
        let paragraph = "<p>Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor.</p>\n"
        let count = 20_000_000 / paragraph.utf8.count
        try export.write("large.html", "<!doctype html><html lang=en><title>Large</title><body>"
            + String(repeating: paragraph, count: count) + "<img src=x></body></html>")
        let started = Date()
        let result = try export.run()
        print("20 MB page: \(Date().timeIntervalSince(started)) s, peak RSS \(peakRSSMegabytes()) MB")
        #expect(result.findings("large.html", "image-alt").count == 1)
        #expect(result.goodPageChecked)
    }
}
