import GovlintAccessibility
import GovlintHTML

/// For an image: holds unless its text alternative repeats the text of the
/// nearest enclosing element matching `container` (default: links, buttons,
/// paragraphs, list items and table cells), so that the text is announced
/// twice. Compared case-insensitively after normalising whitespace; the
/// container's own text excludes the image. Presentational images hold.
struct RedundantAltCheck: PageCheck {
    static let id = "redundant-alt"
    static let summary = "An image's text alternative does not repeat the text of its enclosing link, button, paragraph, item or cell."
    let container: Selector
    /// Per page, whether a node matches `container`, asked only of images' ancestors (shared by images).
    let containers: MemoKey<ContainerMemo>

    final class ContainerMemo {
        /// 0: not asked yet, 1: matches, 2: does not.
        var state: [UInt8]
        init(_ count: Int) { state = [UInt8](repeating: 0, count: count) }
    }

    init(options: inout CheckOptions) throws(LocatedError) {
        container = try options.selector("container")
            ?? (try! Selector("button, [role=button i], a[href], p, li, td, th"))
        containers = MemoKey("redundant-alt-containers|\(container.key)")
        try options.finish()
    }

    func evaluate(_ element: HTMLElement, in page: PageContext) -> CheckResult {
        let ax = page.accessibility
        if ax.isPresentational(element) { return .holds }
        let document = page.document, cores = document.cores
        let memo = page.memo(containers) { ContainerMemo(cores.count) }
        func isContainer(_ e: HTMLElement) -> Bool {
            if memo.state[e.index] == 0 { memo.state[e.index] = container.matches(e) ? 1 : 2 }
            return memo.state[e.index] == 1
        }
        var p = element.parent
        while let cur = p, cur.isElement, !isContainer(cur) { p = cur.parent }
        guard let parent = p, parent.isElement else { return .holds }
        // The container's rendered text, without alternative text of images: its text nodes' bytes.
        var bytes: [UInt8] = []
        let textBytes = document.textBytes
        for i in parent.descendantIndices where cores[i].kind == .text {
            if ax.isHiddenFromAccessibilityTree(document[i]) { continue }
            bytes.append(contentsOf: textBytes[document.textRange(of: i)])
            bytes.append(0x20)
        }
        let text = String(decoding: bytes, as: UTF8.self)
        let visible = AccessibilityContext.normalise(text).lowercased()
        if visible.isEmpty { return .holds }
        let name = ax.accessibleName(of: element).text.lowercased()
        return .verdict(visible != name, data: ["alt": name])
    }
}
