import Foundation

/// One setting whose resolved value differs between a base scenario and a variant, with
/// where the variant's value was written and the comment beside it there (the files in
/// Scenarios/ give each figure's source in a comment), so a comparison says what it changed.
public struct ScenarioChange: Codable, Sendable, Equatable {
    /// The key path as `--set` takes it (`areas.Northshire.beds`, `crht.hours.hours_per_day`).
    public let key: String
    /// The value as `describe` writes it; empty when the base has no such key (an area only
    /// the variant has).
    public let baseValue: String
    /// Empty when the variant has no such key.
    public let variantValue: String
    /// Where the variant's value was written (`file:line`, or `--set key=value`); nil for a
    /// schema default.
    public let source: String?
    /// The comment on the value's line, else the comment lines just above its key; empty
    /// when there is none.
    public let comment: String

    public init(key: String, baseValue: String, variantValue: String, source: String?, comment: String) {
        self.key = key
        self.baseValue = baseValue
        self.variantValue = variantValue
        self.source = source
        self.comment = comment
    }
}

public enum ScenarioChanges {
    /// Every setting that differs, in the resolved scenario's order (the schema's); the
    /// description, which names the scenario rather than changing it, is left out.
    public static func between(_ base: LoadedScenario, _ variant: LoadedScenario) -> [ScenarioChange] {
        let before = flatten(base.resolvedValue), after = flatten(variant.resolvedValue)
        let beforeValues = Dictionary(before.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
        let afterValues = Dictionary(after.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
        var order = after
        for node in before where afterValues[node.key] == nil { order.append(node) }
        var comments = CommentReader()
        var wholes: [String] = []  // sections or items only one side has, shown as one row
        var changes: [ScenarioChange] = []
        for node in order {
            let key = node.key
            guard !key.hasPrefix("description"), !wholes.contains(where: { key.hasPrefix($0 + ".") }) else { continue }
            let (old, new) = (beforeValues[key], afterValues[key])
            if node.isContainer {
                // A section or list item both have is compared leaf by leaf; one only one side has is one row.
                guard old == nil || new == nil else { continue }
                wholes.append(key)
            } else if old == new {
                continue
            }
            let location = variant.valueLocations[key]
            changes.append(ScenarioChange(key: key, baseValue: old ?? "", variantValue: new ?? "", source: location.map(describe),
                                          comment: location.map { comments.comment(at: $0) } ?? ""))
        }
        return changes
    }

    /// The nodes of a resolved value as (key path, value text): records by key, lists of
    /// records by their `name` where every item has one (as `--set` names them), else by
    /// index. Records and such lists' items are containers (their text is the whole in flow
    /// style) followed by their members; distributions and lists of scalars are leaves.
    static func flatten(_ value: ScenarioValue, prefix: String = "") -> [(key: String, value: String, isContainer: Bool)] {
        func path(_ key: String) -> String { prefix.isEmpty ? key : prefix + "." + key }
        switch value {
        case .record(let fields):
            let whole = prefix.isEmpty ? [] : [(prefix, CanonicalYAML.flow(value), true)]
            return whole + fields.flatMap { flatten($0.value, prefix: path($0.key)) }
        case .list(let items) where items.contains(where: { if case .record = $0 { true } else { false } }):
            let keys = itemKeys(items)
            return [(prefix, CanonicalYAML.flow(value), true)] + items.enumerated().flatMap { index, item in
                flatten(item, prefix: path(keys[index]))
            }
        default:
            return [(prefix, CanonicalYAML.flow(value), false)]
        }
    }

    /// The key of each item of a list of records: its `name` when every item has a distinct
    /// one, else its index. One rule for resolved values and for the written tree, so a
    /// change and the place it was written share a key.
    private static func itemKeys(names: [String?]) -> [String] {
        let named = names.allSatisfy { $0 != nil } && Set(names.compactMap { $0 }).count == names.count
        return names.indices.map { named ? names[$0]! : String($0) }
    }

    private static func itemKeys(_ items: [ScenarioValue]) -> [String] {
        itemKeys(names: items.map { item -> String? in if case .text(let name)? = item["name"] { name } else { nil } })
    }

    /// `path`, as `--set` and `--vary` take it, in the form `between` names keys, so that
    /// `areas.0.beds` and `areas.Northshire.beds` are one key of `scenario`. List items are
    /// found as `--set` finds them (by index, or by name); segments past what the scenario
    /// holds are kept as written.
    public static func keyPath(_ path: String, in scenario: LoadedScenario) -> String {
        let segments = path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        var value = scenario.resolvedValue
        var resolved: [String] = []
        for segment in segments {
            switch value {
            case .record(let fields):
                guard let field = fields.first(where: { $0.key == segment }) else { break }
                resolved.append(segment)
                value = field.value
                continue
            case .list(let items) where items.contains(where: { if case .record = $0 { true } else { false } }):
                let position = Int(segment).flatMap { items.indices.contains($0) ? $0 : nil }
                    ?? items.firstIndex { if case .text(let name)? = $0["name"] { name == segment } else { false } }
                guard let position else { break }
                resolved.append(itemKeys(items)[position])
                value = items[position]
                continue
            default:
                break
            }
            return (resolved + segments[resolved.count...]).joined(separator: ".")
        }
        return resolved.joined(separator: ".")
    }

    /// The number at `path` (as `--set` takes it) in `scenario`, defaults included; nil when
    /// the path names no number there (a section, a distribution, a word, nothing).
    public static func number(at path: String, in scenario: LoadedScenario) -> Double? {
        let key = keyPath(path, in: scenario)
        guard let node = flatten(scenario.resolvedValue).first(where: { $0.key == key }), !node.isContainer else { return nil }
        return DecimalNumber.number(node.value)
    }

    /// Whether `path` names a section or list item of `scenario` (a mapping of settings), not
    /// one setting.
    public static func isSection(_ path: String, in scenario: LoadedScenario) -> Bool {
        let key = keyPath(path, in: scenario)
        return key.isEmpty || flatten(scenario.resolvedValue).contains { $0.key == key && $0.isContainer }
    }

    /// Where each node of a merged tree was written, by the same key paths as `flatten`.
    static func locations(_ node: ScenarioNode, prefix: String = "", into result: inout [String: SourceLocation]) {
        func path(_ key: String) -> String { prefix.isEmpty ? key : prefix + "." + key }
        if let entries = node.entries {
            for entry in entries {
                // The value's line for a scalar (its comment sits there); the key's otherwise.
                result[path(entry.key)] = entry.value.entries == nil && entry.value.items == nil ? entry.value.location
                    : entry.keyLocation
                locations(entry.value, prefix: path(entry.key), into: &result)
            }
        } else if let items = node.items {
            let keys = itemKeys(names: items.map { $0.value(forKey: "name")?.text })
            for (index, item) in items.enumerated() {
                let key = path(keys[index])
                result[key] = item.location
                locations(item, prefix: key, into: &result)
            }
        }
    }

    /// `file:line`, or the `--set` argument.
    static func describe(_ location: SourceLocation) -> String {
        switch location.origin {
        case .file(let file): location.line.map { "\(file):\($0)" } ?? file
        case .commandLine: location.description
        }
    }

    /// Comments read from scenario files, each file read once.
    struct CommentReader {
        private var lines: [String: [Substring]] = [:]

        mutating func comment(at location: SourceLocation) -> String {
            guard case .file(let file) = location.origin, let line = location.line else { return "" }
            if lines[file] == nil {
                let text = (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
                lines[file] = text.split(separator: "\n", omittingEmptySubsequences: false)
            }
            return Self.comment(in: lines[file]!, line: line)
        }

        /// The comment after the value on `line` (1-based), else the comment-only lines
        /// just above it, joined.
        static func comment(in lines: [Substring], line: Int) -> String {
            guard line >= 1, line <= lines.count else { return "" }
            if let trailing = trailingComment(lines[line - 1]) { return trailing }
            var block: [String] = []
            var index = line - 2
            while index >= 0 {
                let text = lines[index].trimmingCharacters(in: .whitespaces)
                guard text.hasPrefix("#") else { break }
                block.insert(String(text.drop { $0 == "#" }).trimmingCharacters(in: .whitespaces), at: 0)
                index -= 1
            }
            return block.joined(separator: " ")
        }

        /// The text after ` #` outside quotes, as YAML reads a comment.
        static func trailingComment(_ line: Substring) -> String? {
            var quote: Character?
            var previous: Character = " "
            for (offset, character) in zip(line.indices, line) {
                if let open = quote {
                    if character == open { quote = nil }
                } else if character == "\"" || character == "'" {
                    quote = character
                } else if character == "#", previous == " " || previous == "\t" {
                    let text = line[line.index(after: offset)...].trimmingCharacters(in: .whitespaces)
                    return text.isEmpty ? nil : text
                }
                previous = character
            }
            return nil
        }
    }

    /// The changes as a terminal table: key, base value -> variant value and where it was
    /// set, then the comment there on the next line.
    public static func table(_ changes: [ScenarioChange], base: String, variant: String) -> String {
        guard !changes.isEmpty else { return "\(variant) sets nothing that differs from \(base).\n" }
        // A whole new section or area can run to hundreds of characters: the table shows the
        // start, `describe` the whole.
        func shown(_ value: String) -> String {
            value.isEmpty ? "(none)" : value.count <= 40 ? value : value.prefix(39) + "…"
        }
        let values = changes.map { "\(shown($0.baseValue)) -> \(shown($0.variantValue))" }
        let keyWidth = changes.map(\.key.count).max()!
        let valueWidth = values.map(\.count).max()!
        var lines = ["What \(variant) changes from \(base) (\(changes.count) setting\(changes.count == 1 ? "" : "s")):"]
        for (change, value) in zip(changes, values) {
            let key = change.key.padding(toLength: keyWidth, withPad: " ", startingAt: 0)
            let shown = value.padding(toLength: valueWidth, withPad: " ", startingAt: 0)
            let source = change.source ?? (change.variantValue.isEmpty ? "removed" : "default")
            lines.append("  \(key)  \(shown)  \(source)")
            if !change.comment.isEmpty { lines.append("      # \(change.comment)") }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
