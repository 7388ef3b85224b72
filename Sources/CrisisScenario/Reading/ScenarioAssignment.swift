/// One `key.path = value` change, from a `--set` argument or a file's `set:` section.
///
/// The path is walked against the schema, so an unknown key is reported (with a suggestion)
/// rather than silently added. Items of a list are named by index (`areas.0.beds`), or by
/// `name` when the items have one (`areas.Northshire.beds`); the index one past the end
/// appends (`areas.1: {...}` adds a second area). The value replaces what was there whole;
/// null removes the key so its default applies.
struct ScenarioAssignment {
    let segments: [String]
    /// Where the path was written: reported for problems with the path itself.
    let location: SourceLocation
    let value: ScenarioNode

    /// Parses `key.path=value`, the value as YAML (`--set crht.hours='{start_hour: 0,
    /// hours_per_day: 24}'`).
    static func parse(commandLine argument: String) -> Result<ScenarioAssignment, ScenarioError> {
        let location = SourceLocation(origin: .commandLine(argument), line: nil, column: nil)
        guard let equals = argument.firstIndex(of: "=") else {
            return .failure(ScenarioError(problems: [ScenarioProblem(location: location, keyPath: "",
                                                                     message: "expected key.path=value")]))
        }
        let path = String(argument[..<equals])
        let (node, problems) = ScenarioYAML.parse(String(argument[argument.index(after: equals)...]), origin: .commandLine(argument))
        guard problems.isEmpty else { return .failure(ScenarioError(problems: problems)) }
        let value = node ?? ScenarioNode(.scalar("", quoted: false), at: location)
        return assignment(path: path, at: location, value: value).mapError { ScenarioError(problems: [$0]) }
    }

    /// The assignments of a `set:` section, in the order written.
    static func parse(section node: ScenarioNode) -> (assignments: [ScenarioAssignment], problems: [ScenarioProblem]) {
        guard let entries = node.entries else {
            return ([], [ScenarioProblem(location: node.location, keyPath: "set",
                                         message: "expected \(SchemaType.assignments.expectation), got \(node.written)")])
        }
        var assignments: [ScenarioAssignment] = []
        var problems: [ScenarioProblem] = []
        for entry in entries {
            switch assignment(path: entry.key, at: entry.keyLocation, value: entry.value) {
            case .success(let assignment): assignments.append(assignment)
            case .failure(let problem): problems.append(problem)
            }
        }
        return (assignments, problems)
    }

    private static func assignment(path: String, at location: SourceLocation, value: ScenarioNode)
        -> Result<ScenarioAssignment, ScenarioProblem> {
        let segments = path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard !segments.contains(where: \.isEmpty) else {
            return .failure(ScenarioProblem(location: location, keyPath: path,
                                            message: "expected a key path like crht.assessors or areas.0.beds"))
        }
        return .success(ScenarioAssignment(segments: segments, location: location, value: value))
    }

    /// Applies the assignment to a merged scenario tree.
    func apply(to root: inout ScenarioNode) -> ScenarioProblem? {
        assign(segments[...], into: &root, type: .record(ScenarioSchema.root), walked: [])
    }

    private func problem(_ path: [String], _ message: String) -> ScenarioProblem {
        ScenarioProblem(location: location, keyPath: path.joined(separator: "."), message: message)
    }

    private func assign(_ segments: ArraySlice<String>, into node: inout ScenarioNode, type: SchemaType,
                        walked: [String]) -> ScenarioProblem? {
        guard let segment = segments.first else { return nil }
        let here = walked + [segment]
        switch type {
        case .record(let entries):
            guard let entry = entries.first(where: { $0.key == segment }) else {
                return problem(here, RetiredKeys.unknownKey(segment, at: walked, among: entries.map(\.key)))
            }
            switch entry.type {
            case .path, .assignments:
                return problem(here, "'\(segment)' cannot be set this way; write a scenario file that extends this one")
            case _ where segments.count == 1 && value.isNull && entry.presence.isRequired:
                // Said here, of the assignment: left to validation, the missing key would be
                // blamed on the file that wrote it (an outside audit's `--set crht.assessors=`).
                return problem(here, "an empty value removes the key, and it is required: expected \(entry.type.expectation)")
            default:
                return assign(segments, inMapping: &node, childType: entry.type, walked: walked)
            }
        case .distribution:
            let keys = ["type"] + DistributionForm.all.flatMap(\.parameterKeys).reduce(into: [String]()) {
                if !$0.contains($1) { $0.append($1) }
            }
            guard keys.contains(segment) else {
                return problem(here, "unknown distribution key '\(segment)'" + Suggestion.hint(for: segment, among: keys))
            }
            return assign(segments, inMapping: &node, childType: .number(.closed(-.infinity, .infinity)), walked: walked)
        case .split(let parts):
            guard parts.contains(segment) else {
                return problem(here, "unknown outcome '\(segment)'" + Suggestion.hint(for: segment, among: parts))
            }
            return assign(segments, inMapping: &node, childType: .probability, walked: walked)
        case .list(let item, _):
            return assign(segments, inList: &node, itemType: item, walked: walked)
        case .weights:
            return assign(segments, inList: &node, itemType: .number(.closed(0, .infinity)), walked: walked)
        default:
            return problem(here, "'\(walked.joined(separator: "."))' is a single value; it has no key '\(segment)'")
        }
    }

    private func assign(_ segments: ArraySlice<String>, inMapping node: inout ScenarioNode, childType: SchemaType,
                        walked: [String]) -> ScenarioProblem? {
        let key = segments[segments.startIndex]
        if node.isNull { node = .emptyMapping(at: location) }
        guard node.entries != nil else {
            return problem(walked, "is \(node.written), not a mapping, so it has no key '\(key)'")
        }
        let rest = segments.dropFirst()
        if rest.isEmpty {
            if value.isNull {
                node.removeValue(forKey: key)
            } else {
                node.setValue(value, forKey: key, keyLocation: location)
            }
            return nil
        }
        let existing = node.entry(forKey: key)
        var child = existing?.value ?? {
            if case .list = childType { return ScenarioNode(.sequence([]), at: location) }
            return .emptyMapping(at: location)
        }()
        if let problem = assign(rest, into: &child, type: childType, walked: walked + [key]) { return problem }
        node.setValue(child, forKey: key, keyLocation: existing?.keyLocation ?? location)
        return nil
    }

    private func assign(_ segments: ArraySlice<String>, inList node: inout ScenarioNode, itemType: SchemaType,
                        walked: [String]) -> ScenarioProblem? {
        let segment = segments[segments.startIndex]
        guard var items = node.items else {
            return problem(walked, "is \(node.written), not a list, so it has no item '\(segment)'")
        }
        let rest = segments.dropFirst()
        let index: Int
        if let number = Int(segment) {
            guard number >= 0, number < items.count || (number == items.count && rest.isEmpty) else {
                return problem(walked + [segment], "no item \(segment): the list has \(items.count) (index \(items.count) appends a whole item)")
            }
            index = number
        } else {
            let names = items.compactMap { $0.value(forKey: "name")?.text }
            guard case .record(let fields) = itemType, fields.contains(where: { $0.key == "name" }),
                  let named = items.firstIndex(where: { $0.value(forKey: "name")?.text == segment }) else {
                return problem(walked + [segment], "no item named '\(segment)'"
                               + (names.isEmpty ? " (items are named by index: 0, 1, ...)" : Suggestion.hint(for: segment, among: names)))
            }
            index = named
        }
        if rest.isEmpty {
            if index == items.count { items.append(value) } else { items[index] = value }
        } else if let problem = assign(rest, into: &items[index], type: itemType, walked: walked + [segment]) {
            return problem
        }
        node.content = .sequence(items)
        return nil
    }
}
