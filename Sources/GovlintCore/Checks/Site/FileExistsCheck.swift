import GovlintHTML

/// Holds when the export contains the file `path` (relative to its root).
/// Collect on the root element (`selector: html`): a failure is reported on
/// the home page (the export root's index, else the first page), or on the
/// site as a whole when the export has no pages.
struct FileExistsCheck: SiteCheck {
    static let id = "file-exists"
    static let summary = "The export contains the file `path` (relative to the root); reported on the home page."
    let path: String

    init(options: inout CheckOptions) throws(LocatedError) {
        var p = try options.requireString("path")
        while p.hasPrefix("/") { p.removeFirst() }
        if p.isEmpty || p.split(separator: "/").contains("..") { throw options.error(at: "path", "'path' must name a file inside the export") }
        path = p
        try options.finish()
    }

    func collect(_ element: HTMLElement, in page: PageContext) -> String? {
        element.index == page.document.root?.index ? "" : nil
    }

    func evaluate(_ facts: SiteFacts, in site: SiteContext) -> [SiteVerdict] {
        if site.info.files.contains(path) { return [] }
        let anchor = facts.firstIndex { GovPageFacts.homeFiles.contains($0.file) } ?? (facts.isEmpty ? -1 : 0)
        return [SiteVerdict(factIndex: anchor, data: ["path": path])]
    }
}
