import Foundation
import GovlintHTML
import Testing

@Suite struct EncodingTests {
    static func encode(_ s: String, _ iconvName: String) -> [UInt8] {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
        p.arguments = ["-f", "UTF-8", "-t", iconvName]
        let input = Pipe(), output = Pipe()
        p.standardInput = input
        p.standardOutput = output
        try! p.run()
        input.fileHandleForWriting.write(Data(s.utf8))
        input.fileHandleForWriting.closeFile()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return [UInt8](data)
    }

    struct Case: Sendable, CustomStringConvertible {
        var label: String, iconv: String, text: String, expected: String
        var description: String { label }
    }

    static let cases: [Case] = [
        Case(label: "gbk", iconv: "GBK", text: "江滨市人民政府", expected: "gbk"),
        Case(label: "gb2312", iconv: "GB2312", text: "政府信息公开", expected: "gbk"),
        Case(label: "gb18030", iconv: "GB18030", text: "办事服务𠀀", expected: "gb18030"),
        Case(label: "big5", iconv: "BIG5", text: "政府網站", expected: "big5"),
        Case(label: "shift_jis", iconv: "CP932", text: "政府のウェブサイト", expected: "shift_jis"),
        Case(label: "euc-kr", iconv: "CP949", text: "정부 웹사이트", expected: "euc-kr"),
        Case(label: "windows-1252", iconv: "CP1252", text: "Café — Société", expected: "windows-1252"),
    ]

    @Test(arguments: cases)
    func declaredCharsetDecodesAndPositionsReferToTheOriginal(_ c: Case) throws {
        let prefix = "<html><head><meta charset=\"\(c.label)\"><title>"
        let html = prefix + c.text + "</title></head>\n<body><p>\(c.text)</p><img src=x></body></html>"
        let bytes = Self.encode(html, c.iconv)
        let source = try HTMLDecoder.decode(bytes).get()
        #expect(source.encoding == c.expected)
        #expect(source.encodingSource == "meta")
        let doc = HTMLParser.parse(source)
        #expect(doc.elements.first { $0.name == "title" }?.textContent == c.text)
        let img = doc.elements.first { $0.name == "img" }!
        let pos = img.startPosition
        #expect(pos.line == 2)
        #expect(pos.column == 10 + c.text.unicodeScalars.count + 4)
        // The byte offset is that of the original file.
        let original = Self.encode(html.components(separatedBy: "<img")[0], c.iconv).count
        #expect(pos.offset == original)
        #expect(bytes[pos.offset] == UInt8(ascii: "<"))
    }

    @Test func httpEquivContentType() throws {
        let html = #"<meta http-equiv="Content-Type" content="text/html; charset=gb2312"><p>中文</p>"#
        let source = try HTMLDecoder.decode(Self.encode(html, "GB2312")).get()
        #expect(source.encoding == "gbk")
        #expect(HTMLParser.parse(source).elements.first { $0.name == "p" }?.textContent == "中文")
    }

    @Test func bomWinsOverMeta() throws {
        let utf8 = [0xEF, 0xBB, 0xBF] + Array(#"<meta charset="gbk"><p>中</p>"#.utf8)
        #expect(try HTMLDecoder.decode(utf8).get().encoding == "utf-8")
        let utf16 = [0xFF, 0xFE] + Self.encode("<p>中文</p>", "UTF-16LE")
        let source = try HTMLDecoder.decode(utf16).get()
        #expect(source.encoding == "utf-16le")
        #expect(HTMLParser.parse(source).elements.first { $0.name == "p" }?.textContent == "中文")
    }

    @Test func metaBeyond1024BytesIsIgnored() throws {
        let html = "<!--" + String(repeating: "x", count: 1100) + "--><meta charset=gbk>"
        #expect(try HTMLDecoder.decode(Array(html.utf8)).get().encoding == "utf-8")
    }

    @Test func commentedOutMetaIsIgnored() throws {
        let html = "<!-- <meta charset=gbk> --><p>x</p>"
        #expect(try HTMLDecoder.decode(Array(html.utf8)).get().encoding == "utf-8")
    }

    @Test func invalidSequencesBecomeReplacementCharacters() throws {
        let bytes: [UInt8] = Array(#"<meta charset="gbk"><p>"#.utf8) + [0x81] + Array("</p>".utf8)
        let source = try HTMLDecoder.decode(bytes).get()
        #expect(HTMLParser.parse(source).elements.first { $0.name == "p" } != nil)
    }

    @Test func emptyAndBinaryAreProblems() {
        #expect(HTMLDecoder.decode([]) == .failure(.empty))
        #expect(HTMLDecoder.decode(Array(" \n\t".utf8)) == .failure(.empty))
        #expect(HTMLDecoder.decode([0x3C, 0x00, 0x01, 0x02]) == .failure(.binary))
    }
}

extension Result where Success == SourceText, Failure == DecodingProblem {
    static func == (a: Self, b: Self) -> Bool {
        switch (a, b) {
        case let (.failure(x), .failure(y)): x == y
        default: false
        }
    }
}
