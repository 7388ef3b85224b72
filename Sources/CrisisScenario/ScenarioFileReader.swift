import Foundation

/// Reads a scenario file from disk, refusing what cannot be a scenario before the YAML
/// parser sees it: missing files, directories, files over the size limit, binary data.
enum ScenarioFileReader {
    /// Largest file accepted. The whole scenario library is a few kilobytes; a file this big
    /// is a mistake (a data export, a log) and parsing it would only waste time and memory.
    static let maximumBytes = 10 * 1024 * 1024

    /// The document in the file at `path`, or the problems that stop it being read.
    ///
    /// - Parameters:
    ///   - path: the path as the user or an `extends` wrote it; problems name it this way.
    ///   - reference: where an `extends` named this file; a missing base is reported there,
    ///     in the file the planner has to fix. Nil for the file named on the command line.
    static func read(_ path: String, namedAt reference: SourceLocation?) -> Result<ScenarioNode, ScenarioError> {
        func fail(_ message: String) -> Result<ScenarioNode, ScenarioError> {
            let problem = reference.map {
                ScenarioProblem(location: $0, keyPath: "extends", message: "cannot read '\(path)': \(message)")
            } ?? ScenarioProblem(location: .file(path), keyPath: "", message: "cannot read the file: \(message)")
            return .failure(ScenarioError(problems: [problem]))
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return fail("no such file") }
        guard !isDirectory.boolValue else { return fail("it is a directory, not a scenario file") }
        if let size = ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue,
           size > maximumBytes {
            return fail(tooLarge(size))
        }
        guard let handle = FileHandle(forReadingAtPath: path) else { return fail("it cannot be opened (check its permissions)") }
        defer { try? handle.close() }
        // Read at most one byte past the limit: the size attribute says nothing for devices
        // and pipes.
        let data: Data
        do {
            data = try handle.read(upToCount: maximumBytes + 1) ?? Data()
        } catch {
            return fail(error.localizedDescription)
        }
        guard data.count <= maximumBytes else { return fail(tooLarge(data.count)) }
        let origin = SourceLocation.Origin.file(path)
        if let (line, column, what) = firstNonText(in: data) {
            return .failure(ScenarioError(problems: [ScenarioProblem(
                location: SourceLocation(origin: origin, line: line, column: column), keyPath: "",
                message: "\(what): a scenario file is YAML text")]))
        }
        let (node, problems) = ScenarioYAML.parse(String(decoding: data, as: UTF8.self), origin: origin)
        guard problems.isEmpty else { return .failure(ScenarioError(problems: problems)) }
        guard let node else {
            return .failure(ScenarioError(problems: [ScenarioProblem(
                location: SourceLocation(origin: origin, line: 1, column: 1), keyPath: "",
                message: "the file is empty: expected a mapping of sections (description, run, areas, ...)")]))
        }
        return .success(node)
    }

    private static func tooLarge(_ bytes: Int) -> String {
        let megabytes = (Double(bytes) / 1_048_576 * 10).rounded() / 10
        return "the file is \(megabytes) MB; scenario files are limited to \(maximumBytes / 1_048_576) MB"
    }

    /// The position of the first NUL or invalid UTF-8 byte, if any: binary data would
    /// otherwise surface as a confusing YAML error, or none at all.
    private static func firstNonText(in data: Data) -> (line: Int, column: Int, what: String)? {
        var line = 1
        var column = 1
        var bytes = data.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        while true {
            switch parser.parseScalar(from: &bytes) {
            case .valid(let encoded):
                let scalar = Unicode.UTF8.decode(encoded)
                if scalar == "\0" { return (line, column, "binary data (a NUL byte)") }
                if scalar == "\n" {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            case .error:
                return (line, column, "not UTF-8 text (an invalid byte)")
            case .emptyInput:
                return nil
            }
        }
    }
}
