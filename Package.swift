// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "govlint",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "govlint", targets: ["govlint"]),
        .library(name: "GovlintCore", targets: ["GovlintCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // Reading zipped exports in place (`govlint check site.zip`).
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // The only module that sees the C parser.
        .systemLibrary(name: "CGumbo", pkgConfig: "gumbo",
                       providers: [.apt(["libgumbo-dev"]), .brew(["gumbo-parser"])]),
        // HTML decoding, parsing into an immutable model, source positions, CSS selectors.
        .target(name: "GovlintHTML", dependencies: ["CGumbo"]),
        // WAI-ARIA data, implicit roles, hidden content, accessible names, language tags.
        .target(name: "GovlintAccessibility", dependencies: ["GovlintHTML"]),
        // Rules, packs, checks, configuration, descriptors and the engine.
        .target(name: "GovlintCore", dependencies: [
            "GovlintHTML", "GovlintAccessibility", .product(name: "Yams", package: "Yams"),
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        // Output formats; they know the result model, not how it was produced.
        .target(name: "GovlintReporters", dependencies: ["GovlintCore"]),
        // The built-in packs under Rules/, embedded into the binary at build time.
        .executableTarget(name: "govlint-embed", path: "Sources/govlint-embed"),
        .plugin(name: "EmbedRulesPlugin", capability: .buildTool(), dependencies: ["govlint-embed"]),
        .target(name: "GovlintRules", plugins: ["EmbedRulesPlugin"]),
        // Command line: parses arguments and hands off.
        .executableTarget(name: "govlint", dependencies: [
            "GovlintCore", "GovlintReporters", "GovlintRules",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .target(name: "GovlintTestSupport",
                dependencies: ["GovlintCore", "GovlintRules", .product(name: "Yams", package: "Yams")],
                path: "Tests/GovlintTestSupport"),
        .testTarget(name: "GovlintHTMLTests", dependencies: ["GovlintHTML", "GovlintTestSupport"]),
        .testTarget(name: "GovlintAccessibilityTests", dependencies: ["GovlintAccessibility", "GovlintHTML", "GovlintTestSupport"]),
        .testTarget(name: "GovlintCoreTests", dependencies: ["GovlintCore", "GovlintTestSupport"]),
        .testTarget(name: "RulePackTests", dependencies: ["GovlintCore", "GovlintRules", "GovlintTestSupport"]),
        .testTarget(name: "FixtureTests", dependencies: ["GovlintCore", "GovlintRules", "GovlintTestSupport"]),
        .testTarget(name: "GovlintReportersTests", dependencies: ["GovlintReporters", "GovlintCore", "GovlintHTML", "GovlintTestSupport"]),
        .testTarget(name: "CLITests", dependencies: ["GovlintTestSupport", .product(name: "Yams", package: "Yams")]),
        // Untrusted inputs generated at test time: nothing crashes, hangs or is skipped silently.
        .testTarget(name: "HostileInputTests", dependencies: [
            "GovlintCore", "GovlintTestSupport", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
    ],
    swiftLanguageModes: [.v6]
)
