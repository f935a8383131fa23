// Shared by the fuzz targets: the built-in packs read from Rules/ (the
// embedded copy needs the SwiftPM build plugin), a small fixed page and a
// small fixed descriptor to run what an input compiles into.
import Foundation
@testable import GovlintCore
@testable import GovlintHTML

enum FuzzSupport {
    /// Rules/ next to Fuzz/, found from this file's path (or GOVLINT_RULES).
    static let rulesDirectory: URL = {
        if let p = ProcessInfo.processInfo.environment["GOVLINT_RULES"] { return URL(fileURLWithPath: p) }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Rules")
    }()

    static let packFiles: [PackFile] = {
        do { return try PackLoader.files(inDirectory: rulesDirectory) } catch { fatalError("cannot read \(rulesDirectory.path): \(error)") }
    }()

    /// Every built-in pack, loaded once.
    static let catalog: Catalog = {
        do { return try Catalog(packs: PackLoader.load(packFiles, origin: "built-in")) } catch { fatalError("built-in packs: \(error)") }
    }()

    /// Limits for fuzzing: the defaults with short time limits, so a slow input
    /// shows up as a libFuzzer timeout only when a limit fails to stop it.
    static let limits: Limits = {
        var l = Limits()
        l.fileTimeout = 5
        l.ruleTimeout = 2
        return l
    }()

    static func linter(_ configuration: Configuration = Configuration()) -> Linter {
        var c = configuration
        c.limits = limits
        return Linter(catalog: catalog, configuration: c)
    }

    static let site = SiteInfo(files: ["index.html", "about/index.html", "a.png"], now: Date(timeIntervalSince1970: 1_780_000_000))

    static let page = Array("""
        <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Agency</title>
        <meta name="viewport" content="width=device-width"></head><body><header><nav><a href="/">Home</a>
        <a href="about/">About</a></nav></header><main id="m"><h1>Title</h1><img src="a.png" alt="">
        <form><label for="q">Search</label><input id="q" type="search" autocomplete="off"></form>
        <table><tr><th id="h">H</th><td headers="h">1</td></tr></table><p lang="zh-Hans">政府 <time datetime="2026-01-01">1 Jan</time></p>
        </main><footer><a href="mailto:web@agency.gov">Contact</a></footer></body></html>
        """.utf8)

    static let descriptor = """
        publiccodeYmlVersion: "0.4"
        name: Medusa
        url: "https://example.org/medusa.git"
        releaseDate: "2017-04-15"
        legal: {license: AGPL-3.0-or-later}
        maintenance: {type: "community", contacts: [{name: Ann, email: a@example.org}]}
        tags: [a, b, c]
        paths: {/v1/items: {get: {operationId: list, responses: {"200": {description: ok}}}}}
        description: {en: {shortDescription: "x", features: ["one", "two"]}}
        """

    /// The input as text when it is valid UTF-8 (the loaders read UTF-8 files).
    static func text(_ data: UnsafePointer<UInt8>, _ size: Int) -> String? {
        String(validating: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    }
}
