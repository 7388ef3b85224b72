import Foundation

/// Resolves a scenario file and the chain of files it `extends` into one tree.
///
/// A file's base is read first and the file merged onto it (`ScenarioMerge`); then the
/// file's own `set:` assignments apply, so a variant can change one item of an inherited
/// list (`areas.Northshire.beds: 110`) without restating the list. Paths in `extends` are
/// relative to the file that holds them. A file met twice in one chain is a cycle, reported
/// with the whole chain where it closes.
struct ScenarioInheritance {
    /// Every file read, the named file first, then each base in turn.
    private(set) var files: [String] = []
    private(set) var problems: [ScenarioProblem] = []

    /// The merged tree of `path` and its bases, or nil when a file could not be read or
    /// parsed (its problems are in `problems`; validating the rest would only add noise).
    mutating func resolve(_ path: String) -> ScenarioNode? {
        resolve(path, namedAt: nil, chain: [])
    }

    private mutating func resolve(_ path: String, namedAt reference: SourceLocation?,
                                  chain: [(path: String, identity: String)]) -> ScenarioNode? {
        let identity = Self.identity(of: path)
        if let start = chain.firstIndex(where: { $0.identity == identity }) {
            let loop = chain[start...].map(\.path) + [path]
            problems.append(ScenarioProblem(location: reference ?? .file(path), keyPath: "extends",
                                            message: "circular extends: \(loop.joined(separator: " -> "))"))
            return nil
        }
        files.append(path)
        let document: ScenarioNode
        switch ScenarioFileReader.read(path, namedAt: reference) {
        case .success(let node): document = node
        case .failure(let error):
            problems += error.problems
            return nil
        }
        if let foreign = Self.notAScenario(document) {
            problems.append(ScenarioProblem(location: document.location, keyPath: "", message: foreign))
            return nil
        }
        var own = document
        let extends = own.value(forKey: "extends")
        let assignments = own.value(forKey: "set")
        own.removeValue(forKey: "extends")
        own.removeValue(forKey: "set")

        var merged = own
        if let extends, !extends.isNull {
            guard case .scalar(let relative, _) = extends.content, !relative.isEmpty else {
                problems.append(ScenarioProblem(location: extends.location, keyPath: "extends",
                                                message: "expected \(SchemaType.path.expectation), got \(extends.written)"))
                return nil
            }
            // A NUL would end the path where the C library reads it, opening another file.
            if let refusal = ControlCharacters.refusal(of: relative, expected: SchemaType.path.expectation,
                                                       written: extends.written, lineBreaks: false) {
                problems.append(ScenarioProblem(location: extends.location, keyPath: "extends", message: refusal))
                return nil
            }
            let basePath = Self.join(path, relative)
            guard let base = resolve(basePath, namedAt: extends.location, chain: chain + [(path, identity)]) else { return nil }
            merged = ScenarioMerge.merge(base, own, as: .record(ScenarioSchema.root))
        }
        if let assignments, !assignments.isNull {
            let (parsed, parseProblems) = ScenarioAssignment.parse(section: assignments)
            problems += parseProblems
            for assignment in parsed {
                if let problem = assignment.apply(to: &merged) { problems.append(problem) }
            }
        }
        return merged
    }

    /// Why `document` is not a scenario at all, or nil when it may be one.
    ///
    /// An `extends` can name any file (`/etc/passwd`, a key file, a config of another tool),
    /// and problems are printed, logged and shown in a browser: so a file that is not a
    /// scenario is described by its shape only, and none of its text is ever repeated.
    private static func notAScenario(_ document: ScenarioNode) -> String? {
        let expected = "not a scenario file: expected a mapping of sections (description, run, areas, ...) at the top level"
        guard let entries = document.entries else {
            switch document.content {
            case .sequence(let items): return "\(expected), got \(items.isEmpty ? "an empty list" : "a list")"
            default: return "\(expected), got a single value"
            }
        }
        let sections = ScenarioSchema.root.map(\.key)
        if !entries.isEmpty, !entries.contains(where: { sections.contains($0.key) }) {
            return "\(expected), got a mapping with none of them"
        }
        return nil
    }

    /// The file itself, however it was named: absolute, `.` and `..` removed, symbolic links
    /// followed, so `a.yaml` and `./x/../a.yaml` are one file in a cycle.
    private static func identity(of path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }

    /// `relative` from the directory of `file`, tidied (`Scenarios/x.yaml` + `baseline.yaml`
    /// is `Scenarios/baseline.yaml`), keeping the form the user wrote so problems read the same.
    static func join(_ file: String, _ relative: String) -> String {
        let directory = (file as NSString).deletingLastPathComponent
        let joined = relative.hasPrefix("/") || directory.isEmpty ? relative : directory + "/" + relative
        var parts: [Substring] = []
        for part in joined.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                if let last = parts.last, last != ".." { parts.removeLast() } else if !joined.hasPrefix("/") { parts.append(part) }
            default: parts.append(part)
            }
        }
        return (joined.hasPrefix("/") ? "/" : "") + parts.joined(separator: "/")
    }
}
