import Foundation
@testable import GovlintCore
import Testing

/// A search begun at the first occurrence of a pattern's leading literal must find what a search of
/// the whole text finds (the same match, the same captures).
@Suite struct LeadingLiteralTests {
    static let patterns: [(String, Bool)] = [
        (#"网站标识码[：:\s]*(bm\d{8}|\d{10})"#, false), (#"网站标识码[：:\s]*(bm\d{8}|\d{10})"#, true),
        (#"ICP备(\d+)号"#, false), (#"abc(?=d)"#, false), (#"ab?c"#, false), (#"ab*c"#, false), (#"ab{2}c"#, false),
        (#"ab\b"#, false), (#"x(?<=yx)z"#, false), (#"foo|bar"#, false), (#"(foo)bar"#, false), (#"a.b"#, false),
        (#"Published: (\d{4})"#, true), (#"发布(时间|日期)[：:]\s*(\d{4})"#, false), (#"ab$"#, false), (#"a\nb"#, false),
    ]
    static let texts = [
        "", "网站标识码", "页脚 网站标识码：3301270001 京ICP备05070218号", "网站标识码 x 网站标识码bm01000001",
        "网站标识码：12345 网站标识码:1234567890", "abcd abce", "ac abc abbc", "abbc", "xab abx", "yxz xz", "barfoo",
        "a\nb axb", "published: 2024 Published: 2025", "发布时间：2024 发布日期: 2025", "zab", "\u{301}网站标识码1234567890",
        "前缀 ICP备12号 ICP备", "网站标识码：٣٣٠١٢٧٠٠٠١", "emoji 👍🏽 网站标识码 bm12345678",
    ]

    @Test func searchFromTheLiteralFindsTheSameMatch() throws {
        var withLeading = 0
        for (pattern, ignoreCase) in Self.patterns {
            let regex = try NSRegularExpression(pattern: pattern, options: ignoreCase ? [.caseInsensitive] : [])
            let filter = RegexPrefilter(pattern: pattern, ignoreCase: ignoreCase)
            if filter?.leading != nil { withLeading += 1 }
            for text in Self.texts {
                let ns = text as NSString
                let whole = regex.firstMatch(in: text, range: NSRange(location: 0, length: ns.length))
                let found = TextMatching.firstMatch(regex, in: text, filter: filter)
                #expect((whole == nil) == (found == nil), "\(pattern) in \(text)")
                #expect(TextMatching.matches(regex, text, filter: filter) == (whole != nil), "\(pattern) in \(text)")
                guard let whole, let (m, searched) = found else { continue }
                let s = searched as NSString
                for g in 0..<whole.numberOfRanges {
                    let a = whole.range(at: g), b = m.range(at: g)
                    #expect((a.location == NSNotFound) == (b.location == NSNotFound), "\(pattern) group \(g) in \(text)")
                    if a.location != NSNotFound, b.location != NSNotFound {
                        #expect(ns.substring(with: a) == s.substring(with: b), "\(pattern) group \(g) in \(text)")
                    }
                }
            }
        }
        #expect(withLeading >= 5)
    }

    @Test(arguments: [
        (#"网站标识码[：:\s]*(\d{10})"#, false, "网站标识码"), (#"ab?c"#, false, "a"), (#"ab*c"#, false, "a"), (#"abc(?=d)"#, false, "abc"),
        (#"foo|bar"#, false, nil), (#"(foo)bar"#, false, nil), (#"x(?<=yx)z"#, false, nil), (#"Published: (\d{4})"#, true, nil),
        (#"发布(时间|日期)"#, true, "发布"), (#"a\Qb\E"#, false, nil), (#"\Gab"#, false, nil),
    ] as [(String, Bool, String?)])
    func leadingLiteralOfAPattern(_ pattern: String, _ ignoreCase: Bool, _ expected: String?) {
        #expect(RegexPrefilter.leadingLiteral(pattern, ignoreCase: ignoreCase).map { String(decoding: $0, as: UTF8.self) } == expected
                || RegexPrefilter(pattern: pattern, ignoreCase: ignoreCase)?.leading == nil && expected == nil)
    }
}
