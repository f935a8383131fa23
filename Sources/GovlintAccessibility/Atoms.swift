import GovlintHTML

extension NameAtom {
    /// A table indexed by atom: `true` for the atoms of `names` (names without an atom are left out;
    /// check them by string where that matters).
    static func table(of names: some Sequence<String>) -> [Bool] {
        var t = [Bool](repeating: false, count: NameAtom.count)
        for n in names {
            let a = NameAtom.of(n)
            if a != NameAtom.unknown { t[Int(a)] = true }
        }
        return t
    }
}

extension AriaData {
    /// ASCII whitespace as HTML defines it (space, tab, LF, FF, CR), as a byte.
    @inline(__always) public static func isHTMLSpace(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0C || b == 0x0D
    }

    /// `text.allSatisfy(\.isHTMLWhitespace)` on bytes: a Character is HTML whitespace only when
    /// it is one whitespace scalar (or CR LF), so every byte must be one.
    public static func isBlank(_ text: String) -> Bool {
        text.utf8.allSatisfy(isHTMLSpace)
    }
}
