/// Spectral's wording for function errors (`{{error}}` in rule messages).
enum SpectralText {
    /// `"name" property ` when a field is checked, else nothing (Spectral's `print("property")`).
    static func property(_ field: String?) -> String {
        guard let field, !field.isEmpty else { return "" }
        return "\"\(field)\" property "
    }
}
