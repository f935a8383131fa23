import CGumbo

/// Parses HTML with gumbo and converts the result into an ``HTMLDocument``.
/// gumbo's output is destroyed before returning; no pointer escapes.
public enum HTMLParser {
    /// Parses decoded UTF-8 text. Conversion is iterative, so nesting depth
    /// costs no Swift stack. gumbo's own tree destruction does recurse: call
    /// from a thread with a generous stack for hostile inputs (the engine does).
    public static func parse(_ source: SourceText) -> HTMLDocument {
        parse(source, maxDepth: Int.max).document
    }

    /// Parses, leaving out content nested deeper than `maxDepth` (hostile pages);
    /// `depthLimited` tells whether anything was left out.
    public static func parse(_ source: SourceText, maxDepth: Int) -> (document: HTMLDocument, depthLimited: Bool) {
        let r = parse(source, maxDepth: maxDepth, maxAttributes: Int.max)
        return (r.document, r.depthLimited)
    }

    /// Parses with limits: content nested deeper than `maxDepth` is left out, and
    /// attributes beyond `maxAttributes` on one tag are blanked before gumbo sees
    /// them (its duplicate-attribute check is quadratic). Offsets are unchanged.
    public static func parse(_ source: SourceText, maxDepth: Int, maxAttributes: Int)
        -> (document: HTMLDocument, depthLimited: Bool, attributesLimited: Bool) {
        var options = kGumboDefaultOptions
        options.max_errors = 0
        options.tab_stop = 1
        var bytes = source.utf8
        let attributesLimited = blankExcessAttributes(&bytes, limit: maxAttributes)
        let nestingLimited = maxDepth < Int.max && blankExcessNesting(&bytes, limit: maxDepth)
        // The pre-scan does not count html, body and elements with optional end tags:
        // the hard cut on the tree leaves them room.
        let hardDepth = maxDepth > Int.max - 256 ? maxDepth : maxDepth + 256
        let parsed = parse(bytes: bytes, source: source, options: &options, maxDepth: hardDepth)
        return (parsed.document, parsed.depthLimited || nestingLimited, attributesLimited)
    }

    static let voidElements: Set<[UInt8]> = Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                                                 "source", "track", "wbr", "param", "keygen"].map { Array($0.utf8) })
    /// Elements whose end tag may be left out: not counted, as sloppy pages would look deep.
    static let optionalEnd: Set<[UInt8]> = Set(["p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "tbody", "thead",
                                                "tfoot", "colgroup", "caption", "rb", "rt", "rp", "rtc", "html", "head", "body"].map { Array($0.utf8) })
    static let rawText: Set<[UInt8]> = Set(["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes"].map { Array($0.utf8) })

    /// gumbo's tree construction is quadratic in nesting depth (scope checks walk
    /// the open-element stack). Start tags that would nest deeper than `limit`, and
    /// the end tags closing them, are blanked: their content is kept, flattened
    /// into the deepest allowed element. Linear; offsets are unchanged.
    static func blankExcessNesting(_ b: inout [UInt8], limit: Int) -> Bool {
        let n = b.count
        guard n > limit * 3 else { return false }
        @inline(__always) func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0C || c == 0x0D }
        @inline(__always) func isLetter(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }
        func tagEnd(_ from: Int) -> Int {
            var j = from
            while j < n, b[j] != 0x3E {
                if b[j] == 0x22 || b[j] == 0x27, j > 0, b[j - 1] == 0x3D || isSpace(b[j - 1]) {
                    let q = b[j]; j += 1
                    while j < n, b[j] != q { j += 1 }
                }
                j += 1
            }
            return min(j + 1, n)
        }
        var depth = 0, excess = 0, changed = false
        var i = 0
        while i < n {
            guard b[i] == 0x3C, i + 1 < n else { i += 1; continue }
            if b[i + 1] == 0x21 { // comment or doctype
                if i + 3 < n, b[i + 2] == 0x2D, b[i + 3] == 0x2D {
                    var j = i + 4
                    while j + 2 < n, !(b[j] == 0x2D && b[j + 1] == 0x2D && b[j + 2] == 0x3E) { j += 1 }
                    i = j + 3
                } else { i = tagEnd(i + 2) }
                continue
            }
            let closing = b[i + 1] == 0x2F
            let nameStart = closing ? i + 2 : i + 1
            guard nameStart < n, isLetter(b[nameStart]) else { i += 1; continue }
            var j = nameStart
            var name: [UInt8] = []
            while j < n, !isSpace(b[j]), b[j] != 0x3E, b[j] != 0x2F {
                if name.count < 16 { name.append(b[j] | (isLetter(b[j]) ? 0x20 : 0)) }
                j += 1
            }
            let end = tagEnd(j)
            let selfClosing = end >= 2 && b[end - 2] == 0x2F
            if closing {
                if !voidElements.contains(name), !optionalEnd.contains(name) {
                    if excess > 0 {
                        for k in i..<end where b[k] != 0x0A && b[k] != 0x0D { b[k] = 0x20 }
                        excess -= 1
                    } else if depth > 0 { depth -= 1 }
                }
                i = end
                continue
            }
            if rawText.contains(name) {
                // Skip to the matching end tag.
                var k = end
                while k + 1 < n {
                    if b[k] == 0x3C, b[k + 1] == 0x2F {
                        var m = k + 2, t = 0
                        while m < n, t < name.count, (b[m] | 0x20) == name[t] { m += 1; t += 1 }
                        if t == name.count { break }
                    }
                    k += 1
                }
                i = k
                continue
            }
            if !selfClosing, !voidElements.contains(name), !optionalEnd.contains(name) {
                if depth >= limit {
                    for k in i..<end where b[k] != 0x0A && b[k] != 0x0D { b[k] = 0x20 }
                    excess += 1
                    changed = true
                } else { depth += 1 }
            }
            i = end
        }
        return changed
    }

    /// Replaces attributes past the `limit`-th of any start tag with spaces. Linear.
    static func blankExcessAttributes(_ b: inout [UInt8], limit: Int) -> Bool {
        guard limit < Int.max, b.count > limit * 2 else { return false }
        let n = b.count
        var changed = false
        @inline(__always) func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0C || c == 0x0D }
        @inline(__always) func isLetter(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }
        var i = 0
        while i < n {
            guard b[i] == 0x3C, i + 1 < n, isLetter(b[i + 1]) else { i += 1; continue }
            var j = i + 1
            while j < n, !isSpace(b[j]), b[j] != 0x3E, b[j] != 0x2F { j += 1 }
            var count = 0
            var blankFrom = -1
            while j < n {
                while j < n, isSpace(b[j]) || b[j] == 0x2F { j += 1 }
                if j >= n || b[j] == 0x3E { break }
                count += 1
                if count > limit, blankFrom < 0 { blankFrom = j }
                j += 1 // the first name character may be anything but space, / or >
                while j < n, !isSpace(b[j]), b[j] != 0x3D, b[j] != 0x3E, b[j] != 0x2F { j += 1 }
                while j < n, isSpace(b[j]) { j += 1 }
                if j < n, b[j] == 0x3D {
                    j += 1
                    while j < n, isSpace(b[j]) { j += 1 }
                    if j < n, b[j] == 0x22 || b[j] == 0x27 {
                        let q = b[j]
                        j += 1
                        while j < n, b[j] != q { j += 1 }
                        j += 1
                    } else {
                        while j < n, !isSpace(b[j]), b[j] != 0x3E { j += 1 }
                    }
                }
            }
            let end = min(j, n)
            if blankFrom >= 0 {
                changed = true
                for k in blankFrom..<end where b[k] != 0x0A && b[k] != 0x0D { b[k] = 0x20 }
            }
            i = end
        }
        return changed
    }

    private static func parse(bytes: [UInt8], source: SourceText, options: inout GumboOptions, maxDepth: Int)
        -> (document: HTMLDocument, depthLimited: Bool) {
        return bytes.withUnsafeBufferPointer { buffer -> (document: HTMLDocument, depthLimited: Bool) in
            let base = buffer.baseAddress.map { UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self) }
            let empty: [CChar] = [0]
            return empty.withUnsafeBufferPointer { emptyBuffer -> (document: HTMLDocument, depthLimited: Bool) in
                let input = base ?? emptyBuffer.baseAddress!
                guard let output = gumbo_parse_with_options(&options, input, buffer.count) else {
                    return (HTMLDocument(nodes: [Self.documentNode()], attributes: [], doctype: nil, source: source), false)
                }
                defer { gumbo_destroy_output(&options, output) }
                return convert(output.pointee.document, source: source, maxDepth: maxDepth)
            }
        }
    }

    public static func parse(_ string: String) -> HTMLDocument {
        parse(SourceText(string))
    }

    static func documentNode() -> HTMLNode {
        HTMLNode(kind: .document, namespace: .html, name: "", text: "", parent: -1, firstChild: -1,
                 nextSibling: -1, previousSibling: -1, subtreeEnd: 1, attributeStart: 0, attributeCount: 0,
                 startOffset: -1, endOffset: -1, endTagOffset: -1, depth: 0)
    }

    private static func convert(_ root: UnsafeMutablePointer<GumboNode>, source: SourceText,
                                maxDepth: Int) -> (document: HTMLDocument, depthLimited: Bool) {
        var depthLimited = false
        var nodes: [HTMLNode] = []
        var attributes: [HTMLAttribute] = []
        var nameAtoms: [Int32] = [0]
        var attributeAtoms: [Int32] = []
        nodes.reserveCapacity(1024)
        nameAtoms.reserveCapacity(1024)
        var doctype: HTMLDoctype?
        let rootDoc = root.pointee.v.document
        if rootDoc.has_doctype {
            doctype = HTMLDoctype(name: string(rootDoc.name), publicIdentifier: string(rootDoc.public_identifier),
                                  systemIdentifier: string(rootDoc.system_identifier))
        }
        nodes.append(documentNode())
        // Explicit stack of (gumbo node, parent index); children pushed in reverse.
        var stack: [(UnsafeMutablePointer<GumboNode>, Int32)] = []
        pushChildren(of: rootDoc.children, parent: 0, onto: &stack)
        var lastChild: [Int32] = [-1]
        lastChild.reserveCapacity(1024)

        while let (ptr, parent) = stack.popLast() {
            let g = ptr.pointee
            let index = Int32(nodes.count)
            var node = HTMLNode(kind: .text, namespace: .html, name: "", text: "", parent: parent, firstChild: -1,
                                nextSibling: -1, previousSibling: -1, subtreeEnd: index + 1, attributeStart: 0,
                                attributeCount: 0, startOffset: -1, endOffset: -1, endTagOffset: -1,
                                depth: nodes[Int(parent)].depth + 1)
            var children: GumboVector?
            var atom: Int32 = 0
            switch g.type {
            case GUMBO_NODE_ELEMENT, GUMBO_NODE_TEMPLATE:
                let el = g.v.element
                node.kind = .element
                node.namespace = el.tag_namespace == GUMBO_NAMESPACE_SVG ? .svg
                    : el.tag_namespace == GUMBO_NAMESPACE_MATHML ? .mathml : .html
                (node.name, atom) = tagName(el)
                if el.original_tag.length > 0 {
                    node.startOffset = Int32(clamping: el.start_pos.offset)
                    node.endOffset = node.startOffset &+ Int32(clamping: el.original_tag.length)
                }
                if el.original_end_tag.length > 0 { node.endTagOffset = Int32(clamping: el.end_pos.offset) }
                node.attributeStart = Int32(attributes.count)
                node.attributeCount = Int32(el.attributes.length)
                for i in 0..<Int(el.attributes.length) {
                    let a = el.attributes.data[i]!.assumingMemoryBound(to: GumboAttribute.self).pointee
                    // gumbo can leave name_end and value positions unset for valueless
                    // attributes: derive ends from the original text, and only trust
                    // value offsets that fall inside the source.
                    let limit = UInt(source.utf8.count)
                    let nameOffset = Int32(clamping: a.name_start.offset)
                    let nameEnd = nameOffset &+ Int32(clamping: a.original_name.length)
                    let hasValue = a.original_value.length > 0 && UInt(a.value_start.offset) <= limit
                    let valueStart = hasValue ? Int32(clamping: a.value_start.offset) : nameEnd
                    let name = string(a.name)
                    attributeAtoms.append(NameAtom.of(name))
                    attributes.append(HTMLAttribute(
                        name: name, value: string(a.value), nameOffset: nameOffset,
                        valueStartOffset: valueStart,
                        valueEndOffset: hasValue ? valueStart &+ Int32(clamping: a.original_value.length) : nameEnd))
                }
                children = el.children
            case GUMBO_NODE_COMMENT:
                node.kind = .comment
                fillText(&node, g.v.text)
            default: // text, whitespace, CDATA
                node.kind = .text
                fillText(&node, g.v.text)
            }
            nodes.append(node)
            nameAtoms.append(atom)
            lastChild.append(-1)
            // Link into the parent's child list.
            let p = Int(parent)
            let previous = lastChild[p]
            if previous < 0 {
                nodes[p].firstChild = index
            } else {
                nodes[Int(previous)].nextSibling = index
                nodes[Int(index)].previousSibling = previous
            }
            lastChild[p] = index
            if let children, children.length > 0 {
                if Int(node.depth) >= maxDepth { depthLimited = true } else { pushChildren(of: children, parent: index, onto: &stack) }
            }
        }
        // Subtree ends, propagated bottom-up (pre-order: a parent precedes its descendants).
        for i in stride(from: nodes.count - 1, through: 1, by: -1) {
            let p = Int(nodes[i].parent)
            if nodes[i].subtreeEnd > nodes[p].subtreeEnd { nodes[p].subtreeEnd = nodes[i].subtreeEnd }
        }
        if nodes[0].subtreeEnd < Int32(nodes.count) { nodes[0].subtreeEnd = Int32(nodes.count) }
        return (HTMLDocument(nodes: nodes, attributes: attributes, doctype: doctype, source: source,
                             nameAtoms: nameAtoms, attributeAtoms: attributeAtoms), depthLimited)
    }

    private static func pushChildren(of vector: GumboVector, parent: Int32,
                                     onto stack: inout [(UnsafeMutablePointer<GumboNode>, Int32)]) {
        var i = Int(vector.length) - 1
        while i >= 0 {
            if let child = vector.data[i] {
                stack.append((child.assumingMemoryBound(to: GumboNode.self), parent))
            }
            i -= 1
        }
    }

    private static func fillText(_ node: inout HTMLNode, _ t: GumboText) {
        node.text = string(t.text)
        if t.original_text.length > 0 || t.start_pos.offset > 0 || t.start_pos.line > 0 {
            node.startOffset = Int32(clamping: t.start_pos.offset)
            node.endOffset = node.startOffset &+ Int32(clamping: t.original_text.length)
        }
    }

    /// gumbo's normalised name and its atom for each known tag, looked up once.
    private static let gumboTags: [(name: String, atom: Int32)] = (0..<Int(GUMBO_TAG_LAST.rawValue)).map { raw in
        let tag = GumboTag(rawValue: GumboTag.RawValue(raw))
        guard tag != GUMBO_TAG_UNKNOWN, let n = gumbo_normalized_tagname(tag), n.pointee != 0 else { return ("", 0) }
        let name = String(cString: n)
        return (name, NameAtom.of(name))
    }

    private static func tagName(_ el: GumboElement) -> (String, Int32) {
        if el.tag != GUMBO_TAG_UNKNOWN, Int(el.tag.rawValue) < gumboTags.count {
            let known = gumboTags[Int(el.tag.rawValue)]
            if !known.name.isEmpty { return known }
        }
        var piece = el.original_tag
        guard piece.length > 0, piece.data != nil else { return ("", 0) }
        gumbo_tag_from_original_text(&piece)
        guard let data = piece.data, piece.length > 0 else { return ("", 0) }
        let raw = UnsafeRawBufferPointer(start: data, count: piece.length)
        let name = String(decoding: raw, as: UTF8.self).lowercased()
        return (name, NameAtom.of(name))
    }

    @inline(__always) private static func string(_ p: UnsafePointer<CChar>?) -> String {
        guard let p else { return "" }
        return String(cString: p)
    }
}
