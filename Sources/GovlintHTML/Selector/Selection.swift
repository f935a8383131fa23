extension HTMLDocument {
    /// Every element matching `selector`, in document order (one pass over the nodes).
    public func select(_ selector: Selector) -> [HTMLElement] {
        select(selector, in: 1..<nodes.count)
    }

    func select(_ selector: Selector, in range: Range<Int>) -> [HTMLElement] {
        var result: [HTMLElement] = []
        nodes.withUnsafeBufferPointer { nodes in
            attributes.withUnsafeBufferPointer { attributes in
                let matcher = SelectorMatcher(nodes: nodes, attributes: attributes)
                for i in range where nodes[i].kind == .element && matcher.matches(selector.list, i, scope: -1) {
                    result.append(HTMLElement(document: self, index: i))
                }
            }
        }
        return result
    }
}

extension HTMLElement {
    /// Descendant elements matching `selector`, in document order. Combinators
    /// may reach outside this element (as with DOM `querySelectorAll`).
    public func select(_ selector: Selector) -> [HTMLElement] {
        document.select(selector, in: descendantIndices)
    }

    /// Whether this element matches `selector`.
    public func matches(_ selector: Selector) -> Bool {
        selector.matches(self)
    }
}
