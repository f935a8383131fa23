import Foundation
import GovlintTestSupport
import Testing

/// The demo's HTML report passes govlint's own accessibility rules and renders in Chromium.
@Suite(.serialized) struct HTMLReportCLITests {
    static func demoReport() throws -> URL {
        let out = try CLITests.tempDir().appendingPathComponent("report")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let r = try CLITests.govlint(["check", CLITests.demo, "--profile", "starter", "--no-cache", "--fail-on", "never",
                                      "--format", "html=\(out.path)/report.html"])
        #expect(r.status == 0, "\(r.stderr)")
        return out
    }

    @Test func demoReportPassesTheWCAGProfile() throws {
        let out = try Self.demoReport()
        let r = try CLITests.govlint(["check", out.path, "--profile", "wcag22-aa", "--no-cache", "--format", "json", "--fail-on", "never"])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let findings = try #require(json["findings"] as? [[String: Any]])
        let failed = findings.filter { $0["outcome"] as? String == "failed" }
        #expect(failed.isEmpty, "\(failed)")
        let text = try CLITests.govlint(["check", out.path, "--profile", "wcag22-aa", "--no-cache"])
        #expect(text.status == 0)
        #expect(text.stdout.contains("1 pages and 0 descriptors checked with"), "the report itself was checked: \(text.stdout)")
    }

    static let chromium: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Headless Chromium lays the report out: a screenshot that is not blank and no console errors.
    @Test(.enabled(if: chromium != nil, "Chromium is not installed (apt-get install chromium); the rendering test is skipped"),
          .timeLimit(.minutes(2)))
    func rendersInChromium() throws {
        let out = try Self.demoReport()
        let report = out.appendingPathComponent("report.html")
        let shot = out.deletingLastPathComponent().appendingPathComponent("shot.png")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: Self.chromium!)
        p.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--enable-logging=stderr", "--v=0",
                       "--user-data-dir=\(out.deletingLastPathComponent().appendingPathComponent("profile").path)",
                       "--window-size=1200,1600", "--screenshot=\(shot.path)", report.absoluteString]
        let err = Pipe()
        p.standardOutput = FileHandle.nullDevice
        p.standardError = err
        try p.run()
        let log = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationStatus == 0, "\(log)")
        let consoleErrors = log.split(separator: "\n").filter { $0.contains("CONSOLE") || $0.contains("Uncaught") }
        #expect(consoleErrors.isEmpty, "console errors: \(consoleErrors)")
        // Decode the PNG and count distinct colours: a blank page has one.
        let (status, output) = try Python.run("""
            import sys, zlib, struct
            data = open(sys.argv[1], 'rb').read()
            assert data[:8] == b'\\x89PNG\\r\\n\\x1a\\n'
            pos, idat = 8, b''
            while pos < len(data):
                n, kind = struct.unpack('>I4s', data[pos:pos+8])
                body = data[pos+8:pos+8+n]
                if kind == b'IHDR': w, h, depth, ctype = struct.unpack('>IIBB', body[:10])
                if kind == b'IDAT': idat += body
                pos += 12 + n
            bpp = {2: 3, 6: 4}[ctype]
            raw = zlib.decompress(idat)
            stride = w * bpp
            prev = bytearray(stride)
            colours = set()
            dark = 0
            for y in range(h):
                f = raw[y*(stride+1)]
                line = bytearray(raw[y*(stride+1)+1:(y+1)*(stride+1)])
                for i in range(stride):
                    a = line[i-bpp] if i >= bpp else 0
                    b = prev[i]
                    c = prev[i-bpp] if i >= bpp else 0
                    if f == 1: line[i] = (line[i] + a) & 255
                    elif f == 2: line[i] = (line[i] + b) & 255
                    elif f == 3: line[i] = (line[i] + (a + b) // 2) & 255
                    elif f == 4:
                        p = a + b - c; pa, pb, pc = abs(p-a), abs(p-b), abs(p-c)
                        line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
                if y % 4 == 0:
                    for x in range(0, w, 4):
                        px = tuple(line[x*bpp:x*bpp+3]); colours.add(px)
                        if sum(px) < 200: dark += 1
                prev = line
            print(w, h, len(colours), dark)
            """, [shot.path])
        #expect(status == 0, "\(output)")
        let numbers = output.split(whereSeparator: { $0.isWhitespace }).compactMap { Int($0) }
        #expect(numbers.count == 4, "\(output)")
        if numbers.count == 4 {
            #expect(numbers[0] == 1200)
            #expect(numbers[2] > 10, "the screenshot has \(numbers[2]) colours: blank?")
            #expect(numbers[3] > 500, "little dark text in the screenshot: \(numbers[3]) samples")
        }
    }
}

/// Runs a python3 script with arguments; returns the exit status and combined output.
enum Python {
    static func run(_ script: String, _ args: [String]) throws -> (status: Int32, output: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", script] + args
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = pipe
        try p.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
