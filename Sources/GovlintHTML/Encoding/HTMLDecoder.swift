#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a file could not be turned into text.
public enum DecodingProblem: Error, Equatable, Sendable {
    case empty
    case binary
    case unsupportedEncoding(String)
}

/// Decodes the bytes of an HTML file to UTF-8: BOM first, then a declared
/// charset in the first 1,024 bytes, else UTF-8 (WHATWG encoding labels).
public enum HTMLDecoder {
    /// The WHATWG encoding for a label, with the iconv name used to decode it.
    public static func encoding(forLabel label: String) -> (name: String, iconv: String)? {
        let l = label.trimmingASCIISpaces.lowercased()
        switch l {
        case "utf-8", "utf8", "unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "x-unicode20utf8":
            return ("utf-8", "UTF-8")
        // The WHATWG GBK decoder is the gb18030 decoder; gb2312 labels map to GBK.
        case "gbk", "gb2312", "gb_2312", "gb_2312-80", "chinese", "csgb2312", "csiso58gb231280", "iso-ir-58", "x-gbk":
            return ("gbk", "GB18030")
        case "gb18030":
            return ("gb18030", "GB18030")
        case "big5", "big5-hkscs", "cn-big5", "csbig5", "x-x-big5":
            return ("big5", "BIG5-HKSCS")
        case "shift_jis", "csshiftjis", "ms932", "ms_kanji", "shift-jis", "sjis", "windows-31j", "x-sjis":
            return ("shift_jis", "CP932")
        case "euc-kr", "cseuckr", "csksc56011987", "iso-ir-149", "korean", "ks_c_5601-1987", "ks_c_5601-1989",
             "ksc5601", "ksc_5601", "windows-949":
            return ("euc-kr", "CP949")
        case "euc-jp", "cseucpkdfmtjapanese", "x-euc-jp":
            return ("euc-jp", "EUC-JP")
        case "windows-1252", "ansi_x3.4-1968", "ascii", "cp1252", "cp819", "csisolatin1", "ibm819", "iso-8859-1",
             "iso-ir-100", "iso8859-1", "iso88591", "iso_8859-1", "iso_8859-1:1987", "l1", "latin1", "us-ascii",
             "x-cp1252":
            return ("windows-1252", "CP1252")
        case "utf-16le", "utf-16", "csunicode", "iso-10646-ucs-2", "ucs-2", "unicode", "unicodefeff":
            return ("utf-16le", "UTF-16LE")
        case "utf-16be", "unicodefffe":
            return ("utf-16be", "UTF-16BE")
        default:
            if l.hasPrefix("iso-8859-") || l.hasPrefix("windows-125") || l == "koi8-r" || l == "koi8-u" {
                return (l, l.uppercased())
            }
            return nil
        }
    }

    /// Decodes a file's bytes. Never fails on malformed sequences (they become
    /// U+FFFD); fails only for empty or binary content.
    public static func decode(_ bytes: [UInt8]) -> Result<SourceText, DecodingProblem> {
        if bytes.isEmpty || bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            return .failure(.empty)
        }
        // Byte order marks.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return .success(utf8Source(bytes, source: "bom"))
        }
        if bytes.starts(with: [0xFF, 0xFE]) { return .success(transcode(bytes, skip: 2, name: "utf-16le", iconv: "UTF-16LE", source: "bom")) }
        if bytes.starts(with: [0xFE, 0xFF]) { return .success(transcode(bytes, skip: 2, name: "utf-16be", iconv: "UTF-16BE", source: "bom")) }
        if looksBinary(bytes) { return .failure(.binary) }
        if let label = CharsetPrescan.declaredCharset(in: bytes), var enc = encoding(forLabel: label) {
            // A page that claims UTF-16 in ASCII-compatible bytes is UTF-8 (HTML spec).
            if enc.name.hasPrefix("utf-16") { enc = ("utf-8", "UTF-8") }
            if enc.name == "utf-8" { return .success(utf8Source(bytes, source: "meta")) }
            if isPureASCII(bytes) { return .success(SourceText(utf8: bytes, encoding: enc.name, encodingSource: "meta")) }
            return .success(transcode(bytes, skip: 0, name: enc.name, iconv: enc.iconv, source: "meta"))
        }
        return .success(utf8Source(bytes, source: "default"))
    }

    private static func utf8Source(_ bytes: [UInt8], source: String) -> SourceText {
        SourceText(utf8: bytes, encoding: "utf-8", encodingSource: source)
    }

    private static func isPureASCII(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { !$0.contains { $0 >= 0x80 } }
    }

    /// NUL bytes or many control characters in the first 8 KiB mean binary content.
    static func looksBinary(_ bytes: [UInt8]) -> Bool {
        let sample = bytes.prefix(8192)
        var controls = 0
        for b in sample {
            if b == 0 { return true }
            if b < 0x09 || (b > 0x0D && b < 0x20 && b != 0x1B) { controls += 1 }
        }
        return controls * 10 > sample.count
    }

    /// Converts with iconv line by line so that each decoded line start maps to
    /// its original offset; invalid sequences become U+FFFD.
    static func transcode(_ bytes: [UInt8], skip: Int, name: String, iconv iconvName: String, source: String) -> SourceText {
        guard let converter = IconvConverter(from: iconvName, to: "UTF-8") else {
            return SourceText(utf8: Array(bytes[skip...]), encoding: "utf-8", encodingSource: "default")
        }
        let wide = name.hasPrefix("utf-16")
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count * 3 / 2)
        var originalLineStarts: [Int] = [skip]
        var lineStart = skip
        var i = skip
        let unit = wide ? 2 : 1
        func isNewline(_ j: Int) -> (Bool, Int) {
            // Returns (is a line break, its length in original bytes).
            if wide {
                guard j + 1 < bytes.count else { return (false, 0) }
                let cu = name == "utf-16le" ? UInt16(bytes[j]) | UInt16(bytes[j + 1]) << 8 : UInt16(bytes[j]) << 8 | UInt16(bytes[j + 1])
                if cu == 0x0A { return (true, 2) }
                if cu == 0x0D {
                    if j + 3 < bytes.count {
                        let next = name == "utf-16le" ? UInt16(bytes[j + 2]) | UInt16(bytes[j + 3]) << 8 : UInt16(bytes[j + 2]) << 8 | UInt16(bytes[j + 3])
                        if next == 0x0A { return (true, 4) }
                    }
                    return (true, 2)
                }
                return (false, 0)
            }
            if bytes[j] == 0x0A { return (true, 1) }
            if bytes[j] == 0x0D { return (true, j + 1 < bytes.count && bytes[j + 1] == 0x0A ? 2 : 1) }
            return (false, 0)
        }
        while i < bytes.count {
            let (isBreak, length) = isNewline(i)
            if isBreak {
                converter.convert(bytes, lineStart, i + length, into: &output)
                i += length
                lineStart = i
                originalLineStarts.append(i)
            } else {
                i += unit
            }
        }
        if lineStart < bytes.count { converter.convert(bytes, lineStart, bytes.count, into: &output) }
        let iconvName = iconvName
        return SourceText(utf8: output, encoding: name, encodingSource: source,
                          originalLineStarts: originalLineStarts,
                          encoder: { fragment in
                              IconvConverter(from: "UTF-8", to: iconvName).map { $0.encodedLength(fragment) } ?? fragment.count
                          })
    }
}

/// A small wrapper over iconv(3).
final class IconvConverter {
    private let handle: iconv_t
    private let replacement: [UInt8]

    init?(from: String, to: String) {
        let h = iconv_open(to, from)
        if h == iconv_t(bitPattern: -1) { return nil }
        handle = h!
        replacement = to == "UTF-8" ? [0xEF, 0xBF, 0xBD] : [0x3F]
    }

    deinit { iconv_close(handle) }

    /// Converts `bytes[start..<end]`, appending to `output`; skips one byte and
    /// emits a replacement character at each invalid or incomplete sequence.
    func convert(_ bytes: [UInt8], _ start: Int, _ end: Int, into output: inout [UInt8]) {
        guard start < end else { return }
        iconv(handle, nil, nil, nil, nil)
        var chunk = [UInt8](repeating: 0, count: max(64, (end - start) * 4))
        bytes.withUnsafeBufferPointer { src in
            var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(mutating: src.baseAddress! + start).assumingMemoryBound(to: CChar.self)
            var inLeft = end - start
            while inLeft > 0 {
                let produced: Int = chunk.withUnsafeMutableBufferPointer { dst in
                    var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(dst.baseAddress!).assumingMemoryBound(to: CChar.self)
                    var outLeft = dst.count
                    let r = iconv(handle, &inPtr, &inLeft, &outPtr, &outLeft)
                    let written = dst.count - outLeft
                    if r == -1 {
                        let e = errno
                        if e == EILSEQ || e == EINVAL {
                            // Skip one byte of the bad sequence.
                            inPtr = inPtr.map { $0 + 1 }
                            inLeft -= 1
                            return -(written + 1)
                        }
                    }
                    return written
                }
                if produced < 0 {
                    output.append(contentsOf: chunk[0..<(-produced - 1)])
                    output.append(contentsOf: replacement)
                    iconv(handle, nil, nil, nil, nil)
                } else {
                    output.append(contentsOf: chunk[0..<produced])
                    if produced == 0 && inLeft > 0 { chunk = [UInt8](repeating: 0, count: chunk.count * 2) }
                }
            }
        }
    }

    /// Number of bytes `utf8` occupies once encoded.
    func encodedLength(_ utf8: [UInt8]) -> Int {
        var out: [UInt8] = []
        convert(utf8, 0, utf8.count, into: &out)
        return out.count
    }
}
