/// Writes a `ScenarioValue` as YAML in one fixed layout: the resolved scenario `describe`
/// prints, the text the scenario hash is computed from, and the defaults in the docs.
///
/// Fixed means a value has exactly one text: sections in block style, two-space indents,
/// numbers in their shortest round-trip form (`37`, `0.25`, `1e-05`), small mappings of
/// scalars, distributions and lists of scalars in flow style, lists of mappings one item per
/// line, text quoted only when plain style would be read as something else.
enum CanonicalYAML {
    /// The document for a top-level record.
    static func document(_ value: ScenarioValue) -> String {
        guard case .record(let fields) = value else { return flow(value) + "\n" }
        return block(fields, indent: 0).joined(separator: "\n") + "\n"
    }

    /// A value on one line.
    static func flow(_ value: ScenarioValue) -> String {
        switch value {
        case .integer(let integer): return String(integer)
        case .number(let number): return NumberRange.format(number)
        case .boolean(let boolean): return boolean ? "true" : "false"
        case .text(let text): return scalar(text)
        case .list(let items): return "[" + items.map(flow).joined(separator: ", ") + "]"
        case .record(let fields): return "{" + fields.map { "\($0.key): \(flow($0.value))" }.joined(separator: ", ") + "}"
        case .distribution(let distribution):
            let parameters = distribution.parameters.map { "\($0.key): \(flow($0.value))" }
            return "{" + (["type: \(distribution.type)"] + parameters).joined(separator: ", ") + "}"
        }
    }

    /// Records of up to four scalars read best on one line (`hours`, a split, a cohort, a
    /// schedule step); larger ones, and any holding a list or a distribution, go in block style.
    private static func isFlowRecord(_ fields: [ScenarioValue.Field]) -> Bool {
        fields.count <= 4 && fields.allSatisfy { field in
            switch field.value {
            case .integer, .number, .boolean, .text: return true
            case .list, .record, .distribution: return false
            }
        }
    }

    private static func block(_ fields: [ScenarioValue.Field], indent: Int) -> [String] {
        let pad = String(repeating: " ", count: indent)
        var lines: [String] = []
        for field in fields {
            switch field.value {
            case .record(let inner) where !isFlowRecord(inner):
                lines.append("\(pad)\(field.key):")
                lines += block(inner, indent: indent + 2)
            case .list(let items) where items.contains(where: { if case .record = $0 { true } else { false } }):
                lines.append("\(pad)\(field.key):")
                for item in items {
                    if case .record(let inner) = item, !isFlowRecord(inner) {
                        // The item's first key goes on the dash line; the rest align under it.
                        var itemLines = block(inner, indent: indent + 4)
                        itemLines[0] = pad + "  - " + itemLines[0].dropFirst(indent + 4)
                        lines += itemLines
                    } else {
                        lines.append("\(pad)  - \(flow(item))")
                    }
                }
            default:
                lines.append("\(pad)\(field.key): \(flow(field.value))")
            }
        }
        return lines
    }

    /// Plain when it is an unambiguous name-like text, double-quoted otherwise.
    static func scalar(_ text: String) -> String {
        let reserved: Set<String> = ["null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE", "~"]
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 _-./()")
        if let first = text.first, first.isLetter, first.isASCII, text.last != " ",
           text.allSatisfy(allowed.contains), !reserved.contains(text) {
            return text
        }
        return QuotedString.quoted(text)
    }
}
