import GovlintHTML
@testable import GovlintCore

/// Builds a check from its YAML options (`""` for none).
func makeCheck<C: PageCheck>(_ type: C.Type, _ yaml: String = "") throws -> C {
    let node = try YAMLReader.load(yaml.isEmpty ? "{}" : yaml, file: "test.yaml")
    var options = try CheckOptions(node, file: "test.yaml", anchor: node)
    return try C(options: &options)
}

/// Parses a body fragment (or a whole document when it starts with `<html` or
/// `<!doctype`) and evaluates the check on the element with `id`.
func evaluate<C: PageCheck>(_ check: C, _ html: String, id: String = "t") -> CheckResult {
    let lower = html.lowercased()
    let source = lower.hasPrefix("<html") || lower.hasPrefix("<!doctype") ? html
        : "<!doctype html><html lang=en><head><title>x</title></head><body>\(html)</body></html>"
    let doc = HTMLParser.parse(source)
    let page = PageContext(document: doc, file: "index.html", site: SiteInfo())
    guard let element = doc.element(withID: id) ?? (id == "html" ? doc.root : nil) else {
        fatalError("no #\(id) in \(html)")
    }
    return check.evaluate(element, in: page)
}
