import Testing
import GovlintHTML
import GovlintTestSupport
@testable import GovlintAccessibility

/// The byte-level fast paths answer exactly as the Character-level code they shortcut.
@Suite struct FastPathTests {
    static let texts: [String] = [
        "", " ", "  ", "\t", "\r\n", "a", " a", "a ", " a ", "a b", "a  b", "a\tb", "a\r\nb", "a\n\nb",
        "\u{C}x\u{C}", "Learn more", "  Learn\n   more  ", "é", " é ", "a é b", "é\u{301} x", " \u{301}a",
        "a \u{301}b", "a\u{301} b", "\u{600} b", "x\u{600} b", "日本 語", "日本  語", "\u{A0}a\u{A0}",
        "a\u{A0} b", "\u{200D} x", "x \u{200D}", "\r\n\u{301}", "tab\t\u{301}", "👍🏽 ok", "ok 👍🏽", "a\r\n\r\nb ",
        "¿Qué es?", " ñandú  año ", "Año\t\u{301}x", "añ\u{301} x", "Ā\tb", "\u{17F} x", "x \u{180}", "\u{180} x",
        "\u{85} x", "x\u{AD} y", "y \u{AD}x", "ó\u{600} b", "é \u{200D}", "é\u{E01}  x", "Ł ", " ł",
        "a long line of plain ASCII text, then  two spaces", "longer than eight\tbytes\nwith é at the end é",
        "12345678 é", "1234567\u{301}8 x", "abcdefgh\u{301}", " abcdefghijklmnop ",
        "江滨市人民政府 statistics row 1", "办事指南  办理条件\t办理流程 ", "中\u{301} 文", "中 \u{301}文", "䷀ ䷁", "\u{A000} x",
    ]

    static func referenceNormalise(_ text: String) -> String {
        var out = ""
        var pendingSpace = false
        for ch in text {
            if ch.isHTMLWhitespace {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" "); pendingSpace = false }
                out.append(ch)
            }
        }
        return out
    }

    static func referenceTrim(_ text: String) -> Substring {
        var s = text[...]
        while let f = s.first, f.isHTMLWhitespace { s.removeFirst() }
        while let l = s.last, l.isHTMLWhitespace { s.removeLast() }
        return s
    }

    @Test(arguments: texts)
    func normaliseMatchesCharacters(_ text: String) {
        #expect(AccessibilityContext.normalise(text) == Self.referenceNormalise(text))
        #expect(AccessibilityContext.normalise(text).utf8.elementsEqual(Self.referenceNormalise(text).utf8))
    }

    /// Every scalar whose lead byte the byte-level normaliser trusts stays a Character of its own
    /// next to each HTML whitespace character.
    @Test func scalarsTrustedByLeadByteNeverJoinWhitespace() {
        var joined: [String] = []
        for v in UInt32(0x80)...0x10FFFF {
            guard let u = Unicode.Scalar(v), let lead = String(u).utf8.first,
                  AccessibilityContext.neverJoinsWhitespace(lead) else { continue }
            for w in [" ", "\t", "\n", "\r", "\u{C}"] where (w + String(u)).count != 2 || (String(u) + w).count != 2 {
                joined.append(String(v, radix: 16))
            }
        }
        #expect(joined.isEmpty, "\(joined.prefix(20))")
    }

    @Test(arguments: texts)
    func blankAndTrimMatchCharacters(_ text: String) {
        #expect(AriaData.isBlank(text) == text.allSatisfy(\.isHTMLWhitespace))
        #expect(text.trimmingASCIIWhitespace().utf8.elementsEqual(Self.referenceTrim(text).utf8))
        for word in ["true", "hidden"] {
            let (ax, e) = fixture(#"<div id=t aria-hidden="\#(text)\#(word)\#(text)"></div>"#)
            let v = e.attribute("aria-hidden")!
            let j = ax.attributeSlot(e.index, NameAtom.of("aria-hidden"))!
            #expect(ax.attributeValue(j, equalsTrimmedLowercase: Array(word.utf8))
                    == AriaData.equalsIgnoringCase(Self.referenceTrim(v), word))
        }
    }

    @Test func roleSingleTokenFastPath() {
        for value in ["button", "BUTTON", "button link", " button", "doc-abstract", "graphics-document", "x", "", "nav1", "bütton"] {
            let (ax, e) = fixture(#"<div id=t role="\#(value)"></div>"#)
            let expected = value.split(whereSeparator: \.isHTMLWhitespace).map { $0.lowercased() }.first(where: AriaData.isValidRole)
            #expect(ax.explicitRole(of: e) == expected)
        }
    }

    @Test func atomTablesCoverTheirNames() {
        for name in AccessibilityContext.contextualRoleNames + AccessibilityContext.nativeNameElements
            + AccessibilityContext.namesReadByAtom {
            #expect(NameAtom.of(name) != NameAtom.unknown, "\(name)")
        }
    }
}

@Suite struct TokenFastPathTests {
    @Test(arguments: ["", " ", "a", " a  b ", "a\r\nb", "a\tb\u{C}c", "é b", "a \u{301}b", "x\r\n\r\ny", "\u{A0}a b"])
    func tokensMatchCharacterSplit(_ value: String) {
        let v = value[...]
        #expect(AriaData.htmlTokens(v).map(String.init) == v.split(whereSeparator: \.isHTMLWhitespace).map(String.init))
    }
}

/// Roles by number answer as roles by name.
@Suite struct RoleIDTests {
    static let fragments: [String] = [
        #"<a id=t href="/x">x</a>"#, #"<a id=t>x</a>"#, #"<ul><li id=t>x</li></ul>"#,
        #"<ul role="none"><li id=t>x</li></ul>"#, #"<ol role="presentation"><li id=t>x</li></ol>"#,
        #"<div><li id=t>x</li></div>"#, #"<nav id=t></nav>"#, #"<section id=t aria-label="s"></section>"#,
        #"<section id=t></section>"#, #"<header id=t></header>"#, #"<main><header id=t></header></main>"#,
        #"<aside id=t></aside>"#, #"<img id=t alt="">"#, #"<img id=t alt="x">"#, #"<input id=t type=checkbox>"#,
        #"<input id=t list=l><datalist id=l></datalist>"#, #"<select id=t><option>a</select>"#,
        #"<table><tr><th id=t>h</th><td>d</td></tr></table>"#, #"<table role=grid><tr><td id=t>d</td></tr></table>"#,
        #"<svg id=t></svg>"#, ##"<svg><a id=t href="#x">x</a></svg>"##, #"<math id=t></math>"#,
        #"<div id=t role="none" tabindex="0"></div>"#, #"<div id=t role="presentation" aria-label="x"></div>"#,
        #"<span id=t role="BUTTON link"></span>"#, #"<p id=t role="landmark"></p>"#, #"<custom-el id=t></custom-el>"#,
        #"<h3 id=t></h3>"#, #"<div id=t></div>"#, #"<option id=t>x</option>"#, #"<area id=t href="/">"#,
        #"<table><tr><td id=t>d</td></tr></table>"#, #"<table><tr id=t><td>d</td></tr></table>"#,
        #"<table><tbody id=t><tr><td>d</td></tr></tbody></table>"#, #"<table><thead id=t><tr><th>h</th></tr></thead></table>"#,
        #"<table><tfoot id=t><tr><td>f</td></tr></tfoot></table>"#, #"<table role=none><tr><td id=t>d</td></tr></table>"#,
        #"<table role=presentation><tr id=t><td>d</td></tr></table>"#, #"<table role=treegrid><tr><td id=t>d</td></tr></table>"#,
        #"<table role=button><tr><td id=t>d</td></tr></table>"#, #"<table role=button><tr id=t><td>d</td></tr></table>"#,
        #"<table role=none tabindex=0><tr><td id=t>d</td></tr></table>"#, #"<table role="bogus grid"><tr><td id=t>d</td></tr></table>"#,
        #"<table role=grid><tr><td><table><tr><td id=t>d</td></tr></table></td></tr></table>"#,
        #"<table role=none><tr><td><table><tbody id=t><tr><td>d</td></tr></tbody></table></td></tr></table>"#,
        #"<table><tr><th id=t>h</th><th>i</th></tr></table>"#, #"<table><thead><tr><th id=t>h</th><td>d</td></tr></thead></table>"#,
        #"<table><tr><th id=t scope=" COL ">h</th><td>d</td></tr></table>"#, #"<table><tr><th id=t scope=rowgroup>h</th></tr></table>"#,
        #"<table><tr><th id=t scope=bogus>h</th><td>d</td></tr></table>"#, #"<table role=grid><tr><th id=t>h</th></tr></table>"#,
        #"<table role=none><tr><th id=t>h</th></tr></table>"#, #"<table role=button><tr><th id=t>h</th></tr></table>"#,
        #"<table><tr><td>d</td><th id=t>h</th></tr></table>"#,
        #"<img id=t>"#, #"<img id=t alt>"#, #"<img id=t alt="" title="t">"#, #"<img id=t alt="" tabindex=0>"#,
        #"<img id=t alt="" aria-label="x">"#, #"<img id=t ALT=" ">"#, #"<img id=t alt="" role=img>"#,
        #"<svg><image id=t alt=""></image></svg>"#,
    ]

    @Test(arguments: fragments)
    func idsNameTheSameRoles(_ body: String) {
        let (ax, e) = fixture(body)
        #expect(ax.implicitRoleID(of: e).map { AriaData.roleNames[$0] } == ax.implicitRole(of: e))
        #expect(ax.explicitRoleID(of: e).map { AriaData.roleNames[$0] } == ax.explicitRole(of: e))
        let explicit = e.attribute("role").flatMap {
            $0.split(whereSeparator: \.isHTMLWhitespace).map { $0.lowercased() }.first(where: AriaData.isValidRole)
        }
        #expect(ax.explicitRole(of: e) == explicit)
        let role = ax.effectiveRole(of: e)
        #expect(ax.effectiveRoleID(of: e) == role.flatMap(AriaData.roleID))
        let r = ax.effectiveRole(of: e)
        #expect(ax.isPresentational(e) == (r == "none" || r == "presentation"))
    }

    @Test func tablesFollowTheRoleData() {
        #expect(AriaData.roleNames.count == AriaData.roles.count)
        for (i, name) in AriaData.roleNames.enumerated() {
            let role = AriaData.roles[name]!
            #expect(AriaData.roleID(name) == i)
            #expect(AriaData.roleID(name.uppercased()) == i)
            #expect(AriaData.isValidRole(name) == !role.isAbstract)
            #expect(AriaData.landmarkByID[i] == AriaData.landmarkRoleNames.contains(name))
            #expect(AriaData.nameFromContentByID[i] == role.supportsNameFromContent)
        }
        #expect(AriaData.roleID("nonsense") == nil)
        #expect(AriaData.roleTable(of: ["list", "nonsense"]).enumerated().filter(\.element).map { AriaData.roleNames[$0.offset] } == ["list"])
    }
}

/// ARIA attributes by index and bit answer as by name.
@Suite struct AriaAttributeFastPathTests {
    /// `isValidValue(_:for:in:)` as it read before its fast paths.
    static func referenceIsValid(_ value: String, for a: AriaAttribute, in document: HTMLDocument) -> Bool {
        let v = value.trimmingASCIIWhitespace()
        let shape: Bool
        if v.isEmpty {
            shape = a.allowsEmpty
        } else {
            switch a.type {
            case .string, .idrefs: shape = true
            case .idref: shape = !v.contains(where: \.isHTMLWhitespace)
            default: shape = AriaData.isValidValue(value, for: a)
            }
        }
        guard shape else { return false }
        switch a.type {
        case .idref: return v.isEmpty || document.idIndex[String(v)] != nil
        case .idrefs:
            let ids = v.split(whereSeparator: \.isHTMLWhitespace)
            return ids.isEmpty || ids.contains { document.idIndex[String($0)] != nil }
        default: return true
        }
    }

    static let values = ["", " ", "a", "x", " a ", "a b", "x y", "zz a", "a\tb", "true", " TRUE ", "false", "mixed",
                         "page", "0", "-1", "3", "1.5", "abc", "é", "a é", "\u{A0}a", "x\r\ny"]

    @Test func valuesAgreeWithTheReference() {
        let doc = HTMLParser.parse(#"<!doctype html><body><p id=a>a</p><p id=b>b</p><p id="é">e</p></body>"#)
        for a in AriaAttribute.all {
            for v in Self.values {
                #expect(AriaData.isValidValue(v, for: a, in: doc) == Self.referenceIsValid(v, for: a, in: doc),
                        "\(a.name)=\"\(v)\"")
            }
        }
    }

    @Test(arguments: ["", " ", "a", " a  b ", "a\r\nb", "a\tb\u{C}c", "é b", "a \u{301}b", "x\r\n\r\ny", "\u{A0}a b"])
    func tokenSearchMatchesTokens(_ value: String) {
        for wanted in ["a", "b", "c", "é", "x", "nothing"] {
            #expect(AriaData.containsHTMLToken(value[...]) { $0 == wanted }
                    == AriaData.htmlTokens(value[...]).contains { $0 == wanted })
            // A slice in the middle of its string.
            let sub = "zz \(value) x".dropFirst(2)
            #expect(AriaData.containsHTMLToken(sub) { $0 == wanted } == AriaData.htmlTokens(sub).contains { $0 == wanted })
        }
    }

    @Test func lookupFindsWhatNamedFinds() {
        let names = AriaAttribute.all.map(\.name) + ["aria-labeledby", "aria-role", "aria-", "role", "class", "data-aria-label"]
        let attributes = names.map { "\($0)=\"v\"" }.joined(separator: " ")
        let doc = HTMLParser.parse("<!doctype html><body><div id=t \(attributes)></div><svg><g \(attributes)></g></svg></body>")
        var seen = 0
        for j in doc.attributes.indices {
            let name = doc.attributes[j].name
            let found = AriaAttribute.lookup(attribute: j, in: doc)
            #expect(found.map { AriaAttribute.all[$0.index].name } == AriaAttribute.named(name)?.name, "\(name)")
            if let found { #expect(found.exact == (AriaAttribute.all[found.index].name == name)) }
            if found != nil { seen += 1 }
        }
        #expect(seen == 2 * AriaAttribute.all.count)
    }

    @Test func masksFollowTheSets() {
        #expect(AriaAttribute.all.count <= 64)
        for (k, a) in AriaAttribute.all.enumerated() {
            let bit: UInt64 = 1 << UInt64(k)
            #expect((AriaAttribute.globalMask & bit != 0) == AriaAttribute.globalNames.contains(a.name))
            for (i, role) in AriaData.roleNames.enumerated() {
                #expect((AriaData.supportedMaskByRoleID[i] & bit != 0) == AriaData.roles[role]!.supportedAttributes.contains(a.name))
            }
        }
    }
}

@Suite struct NodeIndexSetTests {
    /// Random inserts, removals and unions give the members a `Set` would hold.
    @Test(arguments: [1, 2, 3, 4])
    func behavesAsASet(_ seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        var small = NodeIndexSet(), reference = Set<Int>()
        var other = NodeIndexSet(), otherReference = Set<Int>()
        for _ in 0..<2_000 {
            let i = Int(rng.next() % 12)
            switch rng.next() % 6 {
            case 0, 1: small.insert(i); reference.insert(i)
            case 2: small.remove(i); reference.remove(i)
            case 3: other.insert(i); otherReference.insert(i)
            case 4: other.remove(i); otherReference.remove(i)
            default: small.formUnion(other); reference.formUnion(otherReference)
            }
            #expect(Set(small.elements) == reference)
            #expect(small.elements.count == reference.count)
            #expect((0..<12).allSatisfy { small.contains($0) == reference.contains($0) })
        }
    }
}

extension AriaAttributeFastPathTests {
    @Test(arguments: ["", " ", "a", " a  b ", "a\r\nb", "a\tb\u{C}c", "é b", "a \u{301}b", "x\r\n\r\ny", "\u{A0}a b"])
    func tokenWalkMatchesTokens(_ value: String) {
        var seen: [String] = []
        AriaData.forEachHTMLToken(value[...]) { seen.append($0) }
        #expect(seen == AriaData.htmlTokens(value[...]).map(String.init))
    }
}

@Suite struct ExposedRolesTests {
    @Test func listsTheElementsInTheTreeWithARole() {
        let (ax, _) = fixture(#"""
        <header id=t>h</header><main><nav>n</nav><div hidden><nav>x</nav></div><span>s</span>
        <custom-el>c</custom-el><section aria-label="s">s</section><ul role=none><li>a</li></ul>
        <div aria-hidden="true"><main>m</main></div><p style="display:none">p</p></main>
        """#)
        let document = ax.document
        var expected: [(Int32, Int16)] = []
        for e in document.elements where !ax.isHiddenFromAccessibilityTree(e) {
            if let r = ax.effectiveRole(of: e) { expected.append((Int32(e.index), Int16(AriaData.roleID(r)!))) }
        }
        #expect(ax.exposedRoles.map(\.index) == expected.map(\.0))
        #expect(ax.exposedRoles.map(\.role) == expected.map(\.1))
        #expect(expected.count > 5)
    }
}

@Suite struct InlineStyleFastPathTests {
    /// The ASCII reading of a declaration equals the Character one.
    @Test(arguments: [
        "display:none", " Display : NONE ", "display: none !important", "display:none!IMPORTANT ", "display:none ! important",
        "visibility:\thidden\r\n", "color: red !importan", "a b: c", ": x", "x:", "x: !important", "x:y!z!important",
        "\r\nDISPLAY\r\n:\r\nBlock\r\n", "font-family: \"A B\"", "x: !", "x:  ! ", "", "no colon", "X:Y:Z",
    ])
    func asciiMatchesCharacters(_ text: String) {
        let bytes = Array(text.utf8)
        let a = InlineStyle.asciiEntry(bytes), c = InlineStyle.characterEntry(bytes)
        #expect(a == c)
        #expect(a?.property.utf8.elementsEqual(c?.property.utf8 ?? "".utf8) ?? (c == nil))
        #expect(a?.value.utf8.elementsEqual(c?.value.utf8 ?? "".utf8) ?? (c == nil))
    }
}
