/// A YAML value with the place it was written: the loader's own tree.
///
/// Yams' `Node` carries a line and column but not a file; after `extends` merges several
/// files and `--set` adds command-line values, each value must still say where it came from.
/// Scalars keep their text as written: the schema, not YAML's implicit typing, decides what
/// a value means (so `no` is not quietly read as false, nor `010` as eight).
struct ScenarioNode: Sendable {
    enum Content: Sendable {
        /// Text as written; a quoted scalar is always a string, never a number or null.
        case scalar(String, quoted: Bool)
        case mapping([Entry])
        case sequence([ScenarioNode])
    }

    struct Entry: Sendable {
        var key: String
        var keyLocation: SourceLocation
        var value: ScenarioNode
    }

    var content: Content
    var location: SourceLocation

    init(_ content: Content, at location: SourceLocation) {
        self.content = content
        self.location = location
    }

    static func emptyMapping(at location: SourceLocation) -> ScenarioNode {
        ScenarioNode(.mapping([]), at: location)
    }

    // MARK: Mappings

    var entries: [Entry]? {
        if case .mapping(let entries) = content { return entries }
        return nil
    }

    var items: [ScenarioNode]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    func value(forKey key: String) -> ScenarioNode? {
        entries?.first { $0.key == key }?.value
    }

    func entry(forKey key: String) -> Entry? {
        entries?.first { $0.key == key }
    }

    /// Replaces the value for `key`, keeping its place, or appends it. Only for mappings.
    mutating func setValue(_ value: ScenarioNode, forKey key: String, keyLocation: SourceLocation) {
        guard case .mapping(var entries) = content else { return }
        if let index = entries.firstIndex(where: { $0.key == key }) {
            entries[index].value = value
            entries[index].keyLocation = keyLocation
        } else {
            entries.append(Entry(key: key, keyLocation: keyLocation, value: value))
        }
        content = .mapping(entries)
    }

    mutating func removeValue(forKey key: String) {
        guard case .mapping(let entries) = content else { return }
        content = .mapping(entries.filter { $0.key != key })
    }

    // MARK: Scalars

    /// What a plain scalar means under the YAML 1.2 core schema, restricted to the forms a
    /// scenario needs.
    enum Scalar: Equatable {
        case null
        case boolean(Bool)
        case number(Double)
        case text(String)
    }

    /// The scalar's meaning; nil for mappings and sequences.
    var scalar: Scalar? {
        guard case .scalar(let text, let quoted) = content else { return nil }
        if quoted { return .text(text) }
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE": return .boolean(true)
        case "false", "False", "FALSE": return .boolean(false)
        default: return Self.number(text).map(Scalar.number) ?? .text(text)
        }
    }

    var isNull: Bool { scalar == .null }

    /// The text of a scalar that is a string (quoted, or plain and not a number, bool or null).
    var text: String? {
        if case .text(let text) = scalar { return text }
        return nil
    }

    /// The scalar as an integer: exact for integers written as such (a seed may need all 63
    /// bits), otherwise a number with no fractional part (see `DecimalNumber.integer`).
    var integer: Int? {
        guard case .scalar(let text, false) = content else { return nil }
        return DecimalNumber.integer(text)
    }

    /// `DecimalNumber`'s decimals (YAML 1.2 core numbers without a leading `+`), plus
    /// `.inf`, `-.inf` and `.nan`, kept so validation can say "not finite" rather than "not a
    /// number". Hex, octal, underscores and sexagesimal forms are not numbers here.
    private static func number(_ text: String) -> Double? {
        switch text {
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .infinity
        case "-.inf", "-.Inf", "-.INF": return -.infinity
        case ".nan", ".NaN", ".NAN": return .nan
        default: return DecimalNumber.number(text)
        }
    }

    /// How the value was written, for the "got ..." part of a problem.
    var written: String {
        switch content {
        case .mapping(let entries): return entries.isEmpty ? "an empty mapping" : "a mapping"
        case .sequence(let items): return items.isEmpty ? "an empty list" : "a list"
        case .scalar(let text, let quoted):
            if !quoted && text.isEmpty { return "nothing" }
            let shown = text.count > 40 ? String(text.prefix(37)) + "..." : text
            return quoted ? "\"\(shown)\"" : shown
        }
    }
}
