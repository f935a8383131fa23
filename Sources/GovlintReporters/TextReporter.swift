import GovlintCore

/// `path:line:col: severity [rule-id] message`, one finding a line, then a summary.
public enum TextReporter: Reporter {
    public static let id = "text"
    public static let summary = "Human-readable lines (colour on a terminal)."

    public static func write(_ context: ReportContext, to out: inout some TextOutputStream) throws {
        // One file's lines go into one byte buffer, written out at once.
        let line = LineBuffer()
        let labels = [Severity.info, .warning, .error].map { severity -> (failed: String, review: String) in
            let failed = Finding(ruleID: "", severity: severity, file: "", range: .fileStart, message: LocalizedText(en: "", zhCN: ""))
            var review = failed
            review.outcome = .cantTell
            return context.colour ? (colour(severity.rawValue, failed), colour("review", review)) : (severity.rawValue, "review")
        }
        // Lines show neither snippets nor CSS paths: findings are read as lines, their messages as bytes.
        // The bytes between the column and the message (`: error [rule-id] `) of the last few labels and rules
        // (findings of a few rules interleave on a page), each made once; the last one used is tried first, then the newest.
        var middles: [(rule: String, label: String, bytes: [UInt8])] = []
        var recent = 0
        let language = context.language
        try context.findings.forEachFileLines { run in
            // One file's lines (the same name index: the same file).
            let file = Array(sanitize(run.file(run.lines.first!)).utf8)
            // The middles of this file's lines, by rule (a name index) and label: the last one tried first.
            var known: [(rule: Int32, label: Int, middle: Int)] = []
            var last = -1
            for f in run.lines {
                let labelIndex = (f.severity == .info ? 0 : f.severity == .warning ? 1 : 2) * 2 + (f.outcome == .cantTell ? 1 : 0)
                line.append(file)
                line.append(UInt8(ascii: ":"))
                line.append(f.start.line)
                line.append(UInt8(ascii: ":"))
                line.append(f.start.column)
                if last >= 0, known[last].rule == f.rule, known[last].label == labelIndex {
                    recent = known[last].middle
                } else if let k = known.lastIndex(where: { $0.rule == f.rule && $0.label == labelIndex }) {
                    last = k
                    recent = known[k].middle
                } else {
                    let label = labels[labelIndex / 2]
                    let shown = labelIndex % 2 == 1 ? label.review : label.failed
                    let rule = run.ruleID(f)
                    if recent >= middles.count || middles[recent].label != shown || middles[recent].rule != rule {
                        if let k = middles.lastIndex(where: { $0.label == shown && $0.rule == rule }) {
                            recent = k
                        } else {
                            if middles.count == 16 {
                                middles.removeFirst()
                                // Indices of `middles` held in `known` moved down.
                                known.removeAll()
                            }
                            middles.append((rule, shown, Array(": \(shown) [\(rule)] ".utf8)))
                            recent = middles.count - 1
                        }
                    }
                    known.append((f.rule, labelIndex, recent))
                    last = known.count - 1
                }
                line.append(middles[recent].bytes)
                run.withMessage(f, in: language) { line.appendSanitized($0) }
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
        return s.withUTF8 { needsEscaping($0) }
    }

    /// ``needsEscaping(_:)`` of UTF-8 bytes.
    static func needsEscaping(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
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

    /// UTF-8 bytes of report lines, kept between files: written in place into memory of its own (no
    /// array append, with its checks, per piece of a line).
    final class LineBuffer {
        private var base: UnsafeMutablePointer<UInt8>
        private(set) var count = 0
        private var capacity: Int

        init() {
            capacity = 1 << 16
            base = .allocate(capacity: capacity)
        }

        deinit { base.deallocate() }

        /// Room for `n` more bytes.
        @inline(__always) private func reserve(_ n: Int) {
            if count + n > capacity { grow(count + n) }
        }

        private func grow(_ needed: Int) {
            var c = capacity * 2
            while c < needed { c *= 2 }
            let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: c)
            bigger.update(from: base, count: count)
            base.deallocate()
            base = bigger
            capacity = c
        }

        func append(_ byte: UInt8) {
            reserve(1)
            base[count] = byte
            count += 1
        }

        func append(_ utf8: UnsafeBufferPointer<UInt8>) {
            guard let from = utf8.baseAddress, !utf8.isEmpty else { return }
            reserve(utf8.count)
            (base + count).update(from: from, count: utf8.count)
            count += utf8.count
        }

        func append(_ bytes: [UInt8]) {
            bytes.withUnsafeBufferPointer { append($0) }
        }

        func append(_ s: String) {
            var s = s
            s.withUTF8 { append($0) }
        }

        /// A string as ``sanitize(_:)`` gives it.
        func appendSanitized(_ s: String) {
            if needsEscaping(s) { append(sanitize(s)) } else { append(s) }
        }

        /// UTF-8 bytes of a string as ``sanitize(_:)`` gives it.
        func appendSanitized(_ utf8: UnsafeBufferPointer<UInt8>) {
            if needsEscaping(utf8) {
                append(sanitize(String(decoding: utf8, as: UTF8.self)))
            } else {
                append(utf8)
            }
        }

        /// A decimal integer, as `"\(n)"` writes it.
        func append(_ n: Int) {
            if n < 0 {
                // Not reached for positions; keeps the output of interpolation.
                append(String(n))
                return
            }
            let digits = DecimalDigits.count(n)
            reserve(digits)
            DecimalDigits.write(n, digits: digits, to: base + count)
            count += digits
        }

        func flush(to out: inout some TextOutputStream) {
            guard count > 0 else { return }
            FileOutput.write(UnsafeBufferPointer(start: base, count: count), to: &out)
            count = 0
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
