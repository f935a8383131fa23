@testable import GovlintCore
import GovlintTestSupport
import Testing

/// `YAMLReader.firstAlias` finds lines on bytes and reads only those with a `*` as characters; it must
/// answer as reading every line character by character did.
@Suite struct YAMLAliasScanTests {
    /// The character-by-character scan it replaced, line by line (lines end at LF bytes: the old scan, splitting
    /// Characters, saw no line break in CR LF, a single Character, and put every alias of a CR LF file on line 1).
    static func reference(_ text: String) -> (Int, Int)? {
        let lines = text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        for (i, line) in lines.enumerated() {
            var column = 0
            var quote: Character?
            var previous: Character = " "
            for ch in line {
                column += 1
                if let q = quote {
                    if ch == q { quote = nil }
                } else if ch == "\"" || ch == "'" {
                    if previous == " " || previous == ":" || previous == "[" || previous == "," || previous == "-" { quote = ch }
                } else if ch == "#", previous == " " || column == 1 {
                    break
                } else if ch == "*", previous == " " || previous == "[" || previous == "," || column == 1 {
                    if let next = line.dropFirst(column).first, next.isLetter || next.isNumber || next == "_" || next == "-" {
                        return (i + 1, column)
                    }
                }
                previous = ch
            }
        }
        return nil
    }

    @Test(arguments: [
        "a: 1\nb: *x\n", "a: '*x'\nb: \"*y\"\n", "# *x\nk: v # *y\n", "*x: 1\n", "k: [a, *b]\n", "k: * x\n", "k: a*b\n",
        "名称: 规范\nk: *锚\n", "é: x\n  - *a_1\n", "k: \"unclosed *x\n*y: 1\n", "", "*", "\n\n*", "k: v\r\nl: *x\r\n",
        "k: e\u{301} *x\n", "k: *\u{301}x\n", " *-x\n",
    ])
    func answersAsTheCharacterScan(_ text: String) {
        let got = YAMLReader.firstAlias(in: text)
        let expected = Self.reference(text)
        #expect(got?.0 == expected?.0 && got?.1 == expected?.1, "\(text.debugDescription): \(String(describing: got)) vs \(String(describing: expected))")
    }

    @Test func crlfLinesAreCounted() {
        #expect(YAMLReader.firstAlias(in: "k: v\r\nl: *x\r\n").map { [$0.0, $0.1] } == [2, 4])
    }

    @Test func answersAsTheCharacterScanOnGeneratedText() {
        var rng = SplitMix64(seed: 7)
        let pieces = ["k", ": ", "*a", "* ", "'", "\"", "#", " ", "-", "[", ",", "\n", "\r\n", "规", "é", "\u{301}", "*", "_", "1"]
        for _ in 0..<2000 {
            let text = (0..<Int.random(in: 1...30, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
            let got = YAMLReader.firstAlias(in: text), expected = Self.reference(text)
            #expect(got?.0 == expected?.0 && got?.1 == expected?.1, "\(text.debugDescription)")
        }
    }
}

/// Rule files are parsed without typing plain scalars (Yams' `.basic` resolver); a number or flag read from
/// them must be what the default resolver would have given.
@Suite struct YAMLPlainScalarTests {
    static let values = ["yes", "No", "ON", "off", "true", "False", "TRUE", "y", "1", "-3", "0x1F", "0o17", "1_000", "0b101",
                         "5.0", "1e3", "~", "null", "", "'5'", "\"true\"", "2026-11-25", "1:30", "text", "[1]", "{a: 1}", "!!str 7"]

    @Test(arguments: values)
    func typedReadsAsTheDefaultResolver(_ value: String) throws {
        let yaml = "n: \(value)\nb: \(value)\n"
        var plain = try YAMLMap(YAMLReader.load(yaml, file: "t.yaml", plainScalarsAsText: true), file: "t.yaml", what: "test")
        var typed = try YAMLMap(YAMLReader.load(yaml, file: "t.yaml"), file: "t.yaml", what: "test")
        #expect((try? plain.int("n")) == (try? typed.int("n")), "int of \(value)")
        #expect((try? plain.bool("b")) == (try? typed.bool("b")), "bool of \(value)")
        #expect(plain.value("n")?.string == typed.value("n")?.string)
    }
}
