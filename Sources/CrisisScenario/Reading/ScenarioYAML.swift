import Yams

/// YAML text to `ScenarioNode`s, through Yams' node API so every value keeps its line and
/// column, with limits that keep hostile input from exhausting the stack or memory.
enum ScenarioYAML {
    /// Deepest nesting accepted. The format itself needs six levels
    /// (`areas.0.sources.police.hour_of_day_weights.0`); anything far deeper is a mistake or
    /// an attack. libyaml stops at 1000 levels on its own, which bounds Yams' recursive
    /// composer (about 0.5 MB of stack: fine on the main thread, Dispatch and Swift
    /// concurrency threads, all 8 MB on Linux).
    static let maximumDepth = 32
    /// Most values accepted after aliases are expanded: a few aliases can name each other
    /// into billions of values ("billion laughs"), which a file-size limit does not catch.
    static let maximumValues = 100_000

    /// The single document in `text`; nil, with no problem, for text with no document
    /// (empty, or only comments).
    static func parse(_ text: String, origin: SourceLocation.Origin) -> (node: ScenarioNode?, problems: [ScenarioProblem]) {
        let start = SourceLocation(origin: origin, line: 1, column: 1)
        let root: Node?
        do {
            // The basic resolver: scalars are typed by the schema (ScenarioNode.scalar), so
            // Yams' regex-based implicit typing would be wasted work.
            root = try Yams.compose(yaml: text, .basic, .default, .utf8)
        } catch let error as YamlError {
            return (nil, [problem(error, text: text, start: start)])
        } catch {
            // Not a YamlError, so of unknown content: it is not repeated (see `problem`).
            return (nil, [ScenarioProblem(location: start, keyPath: "", message: "cannot parse the YAML")])
        }
        guard let root else { return (nil, []) }
        var converter = Converter(start: start)
        let node = converter.convert(root, depth: 1)
        return (converter.problems.isEmpty ? node : nil, converter.problems)
    }

    /// The one message for nesting past the limit, whether libyaml stopped it (at 1000 levels)
    /// or the conversion did: how deep, as far as was looked, and the limit itself.
    static func tooDeep(found: String) -> String {
        "nested \(found) levels deep; the limit is \(maximumDepth)"
    }

    /// Yams' error as a problem at libyaml's line and column. libyaml's problem and context
    /// texts are fixed phrases ("did not find expected ','"); Yams' `description` would add
    /// the offending line of the file, so it is never used.
    private static func problem(_ error: YamlError, text: String, start: SourceLocation) -> ScenarioProblem {
        func at(_ mark: Mark) -> SourceLocation { start.at(line: mark.line, column: mark.column) }
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            if problem.hasPrefix("Maximum nesting level") {
                return ScenarioProblem(location: at(mark), keyPath: "", message: tooDeep(found: "more than 1000"))
            }
            var message = "malformed YAML: \(problem)"
            if let context {
                message += " (\(context.text) at line \(context.mark.line), column \(context.mark.column))"
            }
            return ScenarioProblem(location: at(mark), keyPath: "", message: message)
        case .reader(let problem, let offset, _, _):
            let position = offset.map { lineAndColumn(ofCharacterOffset: $0, in: text) } ?? (line: 1, column: 1)
            return ScenarioProblem(location: start.at(line: position.line, column: position.column), keyPath: "",
                                   message: "cannot read the text: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            // Only the format's own words are quoted: the file may not be a scenario at all
            // (an `extends` naming a secret), and its text must not leak into a message.
            let named = duplicates.allSatisfy(ScenarioSchema.vocabulary.contains)
                ? "key " + duplicates.map { "'\($0)'" }.joined(separator: ", ") : "a key"
            return ScenarioProblem(location: at(context.mark), keyPath: "",
                                   message: "\(named) appears more than once in the same mapping")
        default:
            // Yams' own description of these quotes the text around the error.
            return ScenarioProblem(location: start, keyPath: "", message: "cannot parse the YAML")
        }
    }

    private static func lineAndColumn(ofCharacterOffset offset: Int, in text: String) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        for character in text.prefix(offset) {
            if character.isNewline {
                line += 1
                column = 1
            } else {
                column += character.unicodeScalars.count
            }
        }
        return (line, column)
    }

    /// Converts Yams nodes, counting depth and values as it goes.
    private struct Converter {
        let start: SourceLocation
        var values = 0
        var problems: [ScenarioProblem] = []

        func location(_ node: Node) -> SourceLocation {
            guard let mark = node.mark else { return start }
            return start.at(line: mark.line, column: mark.column)
        }

        mutating func convert(_ node: Node, depth: Int) -> ScenarioNode? {
            values += 1
            guard values <= maximumValues else {
                if values == maximumValues + 1 {
                    problems.append(ScenarioProblem(location: location(node), keyPath: "",
                                                    message: "more than \(maximumValues) values (aliases expand too far?)"))
                }
                return nil
            }
            guard depth <= maximumDepth else {
                // How much deeper is not measured: the subtree may be aliases expanding without end.
                problems.append(ScenarioProblem(location: location(node), keyPath: "", message: tooDeep(found: "\(depth) or more")))
                return nil
            }
            switch node {
            case .scalar(let scalar):
                let quoted = scalar.style != .plain && scalar.style != .any
                return ScenarioNode(.scalar(scalar.string, quoted: quoted), at: location(node))
            case .sequence(let sequence):
                var items: [ScenarioNode] = []
                for item in sequence {
                    if let converted = convert(item, depth: depth + 1) { items.append(converted) }
                }
                return ScenarioNode(.sequence(items), at: location(node))
            case .mapping(let mapping):
                var entries: [ScenarioNode.Entry] = []
                for (key, value) in mapping {
                    guard case .scalar(let name) = key else {
                        problems.append(ScenarioProblem(location: location(key), keyPath: "",
                                                        message: "a key must be a name, got a \(key.mapping != nil ? "mapping" : "list")"))
                        continue
                    }
                    if let converted = convert(value, depth: depth + 1) {
                        entries.append(ScenarioNode.Entry(key: name.string, keyLocation: location(key), value: converted))
                    }
                }
                return ScenarioNode(.mapping(entries), at: location(node))
            case .alias:
                // Yams' composer replaces aliases by the anchored node; one left over is a
                // Yams change this code has not caught up with.
                problems.append(ScenarioProblem(location: location(node), keyPath: "", message: "unresolved alias"))
                return nil
            }
        }
    }
}
