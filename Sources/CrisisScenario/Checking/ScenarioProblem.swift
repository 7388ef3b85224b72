/// One thing wrong with a scenario: where, which key, and what was expected.
///
/// Loading collects every problem before anything runs (a planner fixes a file in one pass,
/// not one error per run), and prints each as
/// `Scenarios/x.yaml:12:5: crht.assessors: expected an integer in [0, 10000], got -2`.
public struct ScenarioProblem: Error, Sendable, Hashable, CustomStringConvertible {
    public let location: SourceLocation
    /// Dotted path of the key, list items by index (`areas.0.beds`), the form `--set` takes;
    /// empty when the problem is with the file itself.
    public let keyPath: String
    /// What was expected and what was found.
    public let message: String

    /// Control characters in `keyPath` and `message` (an unknown key or a value repeated as
    /// written) are kept as escapes, so a problem never writes them raw to a terminal or log.
    public init(location: SourceLocation, keyPath: String, message: String) {
        self.location = location
        self.keyPath = ControlCharacters.visible(keyPath)
        self.message = ControlCharacters.visible(message)
    }

    public var description: String {
        keyPath.isEmpty ? "\(location): \(message)" : "\(location): \(keyPath): \(message)"
    }

    /// The problem as found loading the scenario `file`: one from a `--set` says it was
    /// applied to that file, since a command applies its --set to every file it reads
    /// (compare's base and variants), and the same message for each would not say which.
    public func description(loading file: String) -> String {
        guard case .commandLine(let argument) = location.origin else { return description }
        let path = Self.asTyped(keyPath, assignment: argument)
        return "\(location) (applied to \(ControlCharacters.visible(file))): " + (path.isEmpty ? "" : path + ": ") + message
    }

    /// A problem with a `--set` value names its key as the user typed it: validation walks
    /// the merged tree and names list items by index (`areas.0.beds`), which the person who
    /// wrote `areas.Northshire.beds` never said. The typed path replaces as many leading
    /// segments (the rest lie inside the value, as in `--set 'crht.hours={start_hour: 30}'`).
    static func asTyped(_ keyPath: String, assignment: String) -> String {
        guard let equals = assignment.firstIndex(of: "=") else { return keyPath }
        let typed = assignment[..<equals].split(separator: ".", omittingEmptySubsequences: false)
        let walked = keyPath.split(separator: ".", omittingEmptySubsequences: false)
        guard walked.count >= typed.count, !typed.isEmpty else { return keyPath }
        return ControlCharacters.visible((typed + walked.dropFirst(typed.count)).joined(separator: "."))
    }
}

/// A scenario that cannot run, with every problem found in it.
public struct ScenarioError: Error, Sendable, CustomStringConvertible {
    /// In reading order: by file (the named file first), then line and column; command-line
    /// overrides last.
    public let problems: [ScenarioProblem]

    public init(problems: [ScenarioProblem]) {
        self.problems = problems
    }

    /// One problem per line.
    public var description: String {
        problems.map(\.description).joined(separator: "\n")
    }

    /// One problem per line, those from a `--set` naming `file` (see `ScenarioProblem.description(loading:)`).
    public func description(loading file: String) -> String {
        problems.map { $0.description(loading: file) }.joined(separator: "\n")
    }
}
