/// Finds a `<meta charset>` or `<meta http-equiv="Content-Type" content="…charset=…">`
/// declaration in the first 1,024 bytes, after the HTML prescan algorithm
/// (comments skipped, attributes parsed, first declaration wins).
enum CharsetPrescan {
    static func declaredCharset(in bytes: [UInt8]) -> String? {
        let n = min(bytes.count, 1024)
        var i = 0
        func lower(_ b: UInt8) -> UInt8 { (b >= 0x41 && b <= 0x5A) ? b + 0x20 : b }
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0C || b == 0x0D }
        func startsWith(_ s: String, at j: Int) -> Bool {
            let u = Array(s.utf8)
            guard j + u.count <= n else { return false }
            for k in 0..<u.count where lower(bytes[j + k]) != u[k] { return false }
            return true
        }
        while i < n {
            if startsWith("<!--", at: i) {
                var j = i + 4
                while j + 2 < n, !(bytes[j] == 0x2D && bytes[j + 1] == 0x2D && bytes[j + 2] == 0x3E) { j += 1 }
                i = j + 3
                continue
            }
            if startsWith("<meta", at: i), i + 5 < n, isSpace(bytes[i + 5]) || bytes[i + 5] == 0x2F {
                var j = i + 5
                var attrs: [String: String] = [:]
                // Attribute loop.
                while j < n {
                    while j < n, isSpace(bytes[j]) || bytes[j] == 0x2F { j += 1 }
                    if j >= n || bytes[j] == 0x3E { break }
                    var name: [UInt8] = []
                    while j < n, !isSpace(bytes[j]), bytes[j] != 0x3D, bytes[j] != 0x3E, bytes[j] != 0x2F {
                        name.append(lower(bytes[j])); j += 1
                    }
                    while j < n, isSpace(bytes[j]) { j += 1 }
                    var value: [UInt8] = []
                    if j < n, bytes[j] == 0x3D {
                        j += 1
                        while j < n, isSpace(bytes[j]) { j += 1 }
                        if j < n, bytes[j] == 0x22 || bytes[j] == 0x27 {
                            let q = bytes[j]; j += 1
                            while j < n, bytes[j] != q { value.append(lower(bytes[j])); j += 1 }
                            j += 1
                        } else {
                            while j < n, !isSpace(bytes[j]), bytes[j] != 0x3E { value.append(lower(bytes[j])); j += 1 }
                        }
                    }
                    let key = String(decoding: name, as: UTF8.self)
                    if attrs[key] == nil { attrs[key] = String(decoding: value, as: UTF8.self) }
                }
                if let charset = attrs["charset"], !charset.isEmpty {
                    return charset.trimmingASCIISpaces
                }
                if attrs["http-equiv"] == "content-type", let content = attrs["content"],
                   let charset = charsetFromContent(content) {
                    return charset
                }
                i = j + 1
                continue
            }
            i += 1
        }
        return nil
    }

    /// The `charset=` parameter of a Content-Type value.
    static func charsetFromContent(_ content: String) -> String? {
        let chars = Array(content)
        let needle = Array("charset")
        guard chars.count >= needle.count,
              let at = (0...(chars.count - needle.count)).first(where: { Array(chars[$0..<($0 + needle.count)]) == needle })
        else { return nil }
        var rest = Substring(String(chars[(at + needle.count)...])).drop { $0 == " " || $0 == "\t" }
        guard rest.first == "=" else { return nil }
        rest = rest.dropFirst().drop { $0 == " " || $0 == "\t" }
        if let q = rest.first, q == "\"" || q == "'" {
            let body = rest.dropFirst()
            return body.firstIndex(of: q).map { String(body[..<$0]) }
        }
        let value = rest.prefix { $0 != ";" && $0 != " " && $0 != "\t" }
        return value.isEmpty ? nil : String(value)
    }
}

extension String {
    var trimmingASCIISpaces: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" || f == "\n" || f == "\r" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\n" || l == "\r" { s = s.dropLast() }
        return String(s)
    }
}
