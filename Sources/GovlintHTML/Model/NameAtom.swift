/// Small integer ids for the tag and attribute names that pages and selectors
/// commonly use, assigned once (when a page is parsed, when a selector is
/// compiled) so that matching compares integers instead of strings.
///
/// Atom 0 stands for every name outside the table: two names with atom 0 must
/// still be compared as strings; a known name never equals a name with a
/// different atom. The table is fixed at compile time, so atoms mean the same
/// in every document and selector, on every thread.
public enum NameAtom {
    /// A name outside the table.
    public static let unknown: Int32 = 0

    /// The atom of `name` (case-sensitive, as stored: tag and attribute names are lower case).
    @inline(__always) public static func of(_ name: String) -> Int32 { table[name] ?? 0 }

    public static let id = of("id")
    public static let `class` = of("class")
    public static let href = of("href")
    public static let style = of("style")
    public static let role = of("role")

    /// Number of atoms (index 0 included), for tables indexed by atom.
    public static var count: Int { names.count }

    /// The name of a known atom.
    public static func name(_ atom: Int32) -> String { names[Int(atom)] }

    static let table: [String: Int32] = {
        var t: [String: Int32] = [:]
        for (i, n) in names.enumerated() where i > 0 && t[n] == nil { t[n] = Int32(i) }
        return t
    }()

    static let names: [String] = {
        var seen: Set<String> = []
        var out = [""]
        for n in tagNames + attributeNames where seen.insert(n).inserted { out.append(n) }
        return out
    }()

    private static let tagNames = [
        "html", "head", "title", "base", "link", "meta", "style", "script", "noscript", "template", "body",
        "article", "section", "nav", "aside", "h1", "h2", "h3", "h4", "h5", "h6", "hgroup", "header", "footer",
        "address", "p", "hr", "pre", "blockquote", "ol", "ul", "li", "dl", "dt", "dd", "figure", "figcaption",
        "main", "div", "a", "em", "strong", "small", "s", "cite", "q", "dfn", "abbr", "data", "time", "code",
        "var", "samp", "kbd", "sub", "sup", "i", "b", "u", "mark", "ruby", "rt", "rp", "rb", "rtc", "bdi", "bdo",
        "span", "br", "wbr", "ins", "del", "picture", "source", "img", "iframe", "embed", "object", "param",
        "video", "audio", "track", "map", "area", "math", "svg", "table", "caption", "colgroup", "col", "tbody",
        "thead", "tfoot", "tr", "td", "th", "form", "fieldset", "legend", "label", "input", "button", "select",
        "datalist", "optgroup", "option", "textarea", "output", "progress", "meter", "details", "summary",
        "dialog", "menu", "slot", "canvas", "search", "center", "font", "marquee", "blink", "frame", "frameset",
        "noframes", "applet", "acronym", "big", "tt", "strike", "nobr", "basefont", "bgsound", "dir", "image",
        "isindex", "keygen", "listing", "menuitem", "multicol", "nextid", "noembed", "plaintext", "spacer", "xmp",
        // SVG and MathML
        "g", "path", "circle", "rect", "line", "polyline", "polygon", "ellipse", "text", "tspan", "use", "defs",
        "symbol", "lineargradient", "radialgradient", "stop", "clippath", "mask", "pattern", "desc", "filter",
        "foreignobject", "mi", "mo", "mn", "ms", "mtext", "annotation-xml",
    ]

    private static let attributeNames = [
        "id", "class", "style", "title", "lang", "dir", "hidden", "tabindex", "role", "accesskey", "translate",
        "contenteditable", "draggable", "inert", "href", "src", "srcset", "sizes", "alt", "type", "name", "value",
        "content", "http-equiv", "charset", "rel", "target", "download", "hreflang", "media", "action", "method",
        "for", "form", "label", "placeholder", "autocomplete", "required", "disabled", "readonly", "checked",
        "selected", "multiple", "open", "autoplay", "controls", "muted", "loop", "kind", "srclang", "default",
        "data", "width", "height", "scope", "headers", "colspan", "rowspan", "summary", "align", "valign",
        "border", "cellpadding", "cellspacing", "bgcolor", "color", "face", "size", "ismap", "usemap", "longdesc",
        "frameborder", "allowfullscreen", "sandbox", "loading", "decoding", "async", "defer", "integrity",
        "crossorigin", "referrerpolicy", "property", "itemprop", "itemscope", "itemtype", "datetime", "cite",
        "pattern", "min", "max", "step", "minlength", "maxlength", "list", "accept", "enctype", "novalidate",
        "autofocus", "start", "reversed", "span", "xmlns", "viewbox", "focusable", "fill", "d", "onclick",
        "aria-activedescendant", "aria-atomic", "aria-autocomplete", "aria-braillelabel",
        "aria-brailleroledescription", "aria-busy", "aria-checked", "aria-colcount", "aria-colindex",
        "aria-colindextext", "aria-colspan", "aria-controls", "aria-current", "aria-describedby",
        "aria-description", "aria-details", "aria-disabled", "aria-dropeffect", "aria-errormessage",
        "aria-expanded", "aria-flowto", "aria-grabbed", "aria-haspopup", "aria-hidden", "aria-invalid",
        "aria-keyshortcuts", "aria-label", "aria-labelledby", "aria-level", "aria-live", "aria-modal",
        "aria-multiline", "aria-multiselectable", "aria-orientation", "aria-owns", "aria-placeholder",
        "aria-posinset", "aria-pressed", "aria-readonly", "aria-relevant", "aria-required",
        "aria-roledescription", "aria-rowcount", "aria-rowindex", "aria-rowindextext", "aria-rowspan",
        "aria-selected", "aria-setsize", "aria-sort", "aria-valuemax", "aria-valuemin", "aria-valuenow",
        "aria-valuetext",
    ]
}

/// The fields of an ``HTMLNode`` that tree walks and selector matching read,
/// without its strings: copying one costs no reference counting.
public struct NodeCore: Sendable {
    public var kind: HTMLNodeKind
    public var namespace: HTMLNamespace
    /// ``NameAtom`` of the tag name (0: not in the table, or not an element).
    public var nameAtom: Int32
    public var parent: Int32
    public var firstChild: Int32
    public var nextSibling: Int32
    public var previousSibling: Int32
    public var subtreeEnd: Int32
    public var attributeStart: Int32
    public var attributeCount: Int32
}

/// The fields of an ``HTMLAttribute`` that selector matching reads: the name's
/// atom and where the value's UTF-8 bytes are in ``HTMLDocument/attributeValueBytes``.
public struct AttributeCore: Sendable {
    public var nameAtom: Int32
    public var valueStart: Int32
    public var valueCount: Int32
}
