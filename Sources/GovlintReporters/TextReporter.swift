import GovlintCore

/// `path:line:col: severity [rule-id] message`, one finding a line, then a summary.
public enum TextReporter: Reporter {
    public static let id = "text"
    public static let summary = "Human-readable lines (colour on a terminal)."

    public static func write(_ context: ReportContext, to out: inout some TextOutputStream) throws {
        // One file's lines go into one byte buffer, written out at once.
        var line = LineBuffer()
        let labels = [Severity.info, .warning, .error].map { severity -> (failed: String, review: String) in
            let failed = Finding(ruleID: "", severity: severity, file: "", range: .fileStart, message: LocalizedText(en: "", zhCN: ""))
            var review = failed
            review.outcome = .cantTell
            return context.colour ? (colour(severity.rawValue, failed), colour("review", review)) : (severity.rawValue, "review")
        }
        // Lines show neither snippets nor CSS paths (nor the other language's message): not read back.
        let unused: FindingFields = context.language == .en ? [.snippet, .path, .zhCN] : [.snippet, .path]
        // The bytes between the column and the message (`: error [rule-id] `) of the last few labels and rules
        // (findings of a few rules interleave on a page), each made once; the last one used is tried first, then the newest.
        var middles: [(rule: String, label: String, bytes: [UInt8])] = []
        var recent = 0
        try context.findings.forEachFile(omitting: unused) { findings in
            let file = sanitize(findings[0].file)
            for f in findings {
                let label = labels[f.severity == .info ? 0 : f.severity == .warning ? 1 : 2]
                let shown = f.outcome == .cantTell ? label.review : label.failed
                line.append(f.file == findings[0].file ? file : sanitize(f.file))
                line.append(UInt8(ascii: ":"))
                line.append(f.line)
                line.append(UInt8(ascii: ":"))
                line.append(f.column)
                if recent >= middles.count || middles[recent].label != shown || middles[recent].rule != f.ruleID {
                    if let k = middles.lastIndex(where: { $0.label == shown && $0.rule == f.ruleID }) {
                        recent = k
                    } else {
                        if middles.count == 16 { middles.removeFirst() }
                        middles.append((f.ruleID, shown, Array(": \(shown) [\(f.ruleID)] ".utf8)))
                        recent = middles.count - 1
                    }
                }
                line.bytes.append(contentsOf: middles[recent].bytes)
                line.appendSanitized(f.message.text(context.language))
                line.append(UInt8(ascii: "\n"))
            }
            line.flush(to: &out)
        }
        let r = context.result
        let c = context.counts
        out.write("\(r.pagesChecked) pages and \(r.descriptorsChecked) descriptors checked with \(r.rulesRun.count) rules: ")
        out.write("\(c.errors) errors, \(c.warnings) warnings, \(c.info) info, \(c.cantTell) to review.\n")
        if let i = r.inspection {
            let verdict = i.passed ? (context.language == .zhCN ? "合格" : "pass") : (context.language == .zhCN ? "不合格" : "fail")
            let assessed = i.items.filter { $0.state == .assessed }.count
            out.write("Inspection score (\(i.model)): \(InspectionText.number(i.score)) / 100, \(verdict)")
            out.write(i.vetoes.isEmpty ? "; no veto item triggered" : "; veto items: \(i.vetoes.joined(separator: ", "))")
            out.write("; \(assessed) of \(i.items.count) indicators assessed statically.\n")
            if let note = i.note { out.write("  \(note.text(context.language))\n") }
        }
    }

    static func colour(_ label: String, _ f: Finding) -> String {
        let code = f.outcome == .cantTell ? "36" : f.severity == .error ? "31" : f.severity == .warning ? "33" : "34"
        return "\u{1B}[\(code)m\(label)\u{1B}[0m"
    }

    /// Control characters would let a page rewrite the terminal; show them escaped.
    static func needsEscaping(_ s: String) -> Bool {
        var s = s
        return s.withUTF8 { b in
            // Eight bytes at a time: skip words without a byte below 0x20, 0x7F or 0xE2 (bit tricks
            // that may flag a word wrongly, never miss one); flagged words are looked at byte by byte.
            let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
            let raw = UnsafeRawBufferPointer(b)
            var start = 0
            while start + 8 <= raw.count {
                let w = raw.loadUnaligned(fromByteOffset: start, as: UInt64.self)
                let below20 = (w &- ones &* 0x20) & ~w & highs
                let x7F = w ^ (ones &* 0x7F), xE2 = w ^ (ones &* 0xE2)
                let is7F = (x7F &- ones) & ~x7F & highs
                let isE2 = (xE2 &- ones) & ~xE2 & highs
                if below20 | is7F | isE2 != 0 { break }
                start += 8
            }
            for i in start..<b.count {
                let x = b[i]
                if x < 0x20 || x == 0x7F { return true }
                if x == 0xE2, i + 2 < b.count {
                    let y = b[i + 1], z = b[i + 2]
                    if (y == 0x80 && z >= 0xAA && z <= 0xAE) || (y == 0x81 && z >= 0xA6 && z <= 0xA9) { return true }
                }
            }
            return false
        }
    }

    /// UTF-8 bytes of report lines, kept between files.
    struct LineBuffer {
        var bytes: [UInt8] = []

        init() { bytes.reserveCapacity(1 << 16) }

        mutating func append(_ byte: UInt8) { bytes.append(byte) }

        mutating func append(_ s: String) {
            if let done: Void = s.utf8.withContiguousStorageIfAvailable({ bytes.append(contentsOf: $0) }) { return done }
            bytes.append(contentsOf: s.utf8)
        }

        /// A string as ``sanitize(_:)`` gives it.
        mutating func appendSanitized(_ s: String) {
            if needsEscaping(s) { append(sanitize(s)) } else { append(s) }
        }

        /// A decimal integer, as `"\(n)"` writes it.
        mutating func append(_ n: Int) {
            if n < 0 {
                // Not reached for positions; keeps the output of interpolation.
                append(String(n))
                return
            }
            var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                          UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
                (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
            var count = 0
            var v = n
            withUnsafeMutableBytes(of: &digits) { d in
                repeat {
                    d[19 - count] = UInt8(ascii: "0") + UInt8(v % 10)
                    v /= 10
                    count += 1
                } while v > 0
                bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: d[(20 - count)...]))
            }
        }

        mutating func flush(to out: inout some TextOutputStream) {
            guard !bytes.isEmpty else { return }
            FileOutput.write(bytes, to: &out)
            bytes.removeAll(keepingCapacity: true)
        }
    }

    static func sanitize(_ s: String) -> String {
        // Nearly every message and snippet has nothing to escape: say so from the bytes (C0 controls,
        // DEL, and the UTF-8 forms E2 80 AA–AE / E2 81 A6–A9 of the bidi controls) without copying.
        if !needsEscaping(s) { return s }
        var out = ""
        for scalar in s.unicodeScalars {
            if scalar.value < 0x20 || scalar.value == 0x7F || (0x202A...0x202E).contains(scalar.value)
                || (0x2066...0x2069).contains(scalar.value) {
                out += "\\u{\(String(scalar.value, radix: 16))}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
