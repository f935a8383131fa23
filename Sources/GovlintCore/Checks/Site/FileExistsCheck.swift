import GovlintHTML

/// Holds when the export contains the file `path` (relative to its root).
/// Collects nothing; a failure is reported on the site's root page.
struct FileExistsCheck: SiteCheck {
    static let id = "file-exists"
    static let summary = "The export contains the file `path` (relative to the root)."
    let path: String

    init(options: inout CheckOptions) throws(LocatedError) {
        var p = try options.requireString("path")
        while p.hasPrefix("/") { p.removeFirst() }
        if p.isEmpty || p.split(separator: "/").contains("..") { throw options.error(at: "path", "'path' must name a file inside the export") }
        path = p
        try options.finish()
    }

    func collect(_ element: HTMLElement, in page: PageContext) -> String? { nil }

    func evaluate(_ facts: [SiteFact], in site: SiteContext) -> [SiteVerdict] {
        site.info.files.contains(path) ? [] : [SiteVerdict(factIndex: -1, data: ["path": path])]
    }
}
