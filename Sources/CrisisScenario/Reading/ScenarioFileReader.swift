import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a scenario file from disk, refusing what cannot be a scenario before the YAML
/// parser sees it: missing files, symbolic link loops, anything but a regular file (a
/// directory, a FIFO, a device, a socket), files over the size limit, binary data.
enum ScenarioFileReader {
    /// What kind of YAML file is read, for the messages that refuse it: a scenario, or the
    /// targets a calibration aims at (the same reader, the same limits).
    struct Document: Sendable {
        /// "scenario file"
        let name: String
        /// What an empty file should have held.
        let expected: String

        static let scenario = Document(name: "scenario file",
                                       expected: "a mapping of sections (description, run, areas, ...)")
    }

    /// Largest file accepted. The whole scenario library is a few kilobytes; a file this big
    /// is a mistake (a data export, a log) and parsing it would only waste time and memory.
    static let maximumBytes = 10 * 1024 * 1024

    /// The document in the file at `path`, or the problems that stop it being read.
    ///
    /// - Parameters:
    ///   - path: the path as the user or an `extends` wrote it; problems name it this way.
    ///   - reference: where an `extends` named this file; a missing base is reported there,
    ///     in the file the planner has to fix. Nil for the file named on the command line.
    static func read(_ path: String, namedAt reference: SourceLocation?,
                     document: Document = .scenario) -> Result<ScenarioNode, ScenarioError> {
        func fail(_ message: String) -> Result<ScenarioNode, ScenarioError> {
            let problem = reference.map {
                ScenarioProblem(location: $0, keyPath: "extends", message: "cannot read '\(path)': \(message)")
            } ?? ScenarioProblem(location: .file(path), keyPath: "", message: "cannot read the file: \(message)")
            return .failure(ScenarioError(problems: [problem]))
        }
        // Look before opening: opening a FIFO blocks until a writer comes (forever, for a
        // planner who typed the wrong name), and opening a device can have side effects.
        // stat follows symbolic links, so a link is judged by what it finally names.
        var status = stat()
        guard stat(path, &status) == 0 else { return fail(whyNotFound(path, errno: errno)) }
        guard status.st_mode & S_IFMT == S_IFREG else { return fail("it is \(kind(of: status.st_mode)), not a \(document.name)") }
        if Int(status.st_size) > maximumBytes { return fail(tooLarge(Int(status.st_size), document: document)) }
        // O_NONBLOCK so that, should the path be swapped for a FIFO after the look above, the
        // open returns at once and the check on what was opened refuses it.
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)
        guard descriptor >= 0 else { return fail("it cannot be opened (check its permissions)") }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        var opened = stat()
        guard fstat(descriptor, &opened) == 0, opened.st_mode & S_IFMT == S_IFREG else {
            return fail("it is \(kind(of: opened.st_mode)), not a \(document.name)")
        }
        // Read at most one byte past the limit: the file may have grown since the look above.
        let data: Data
        do {
            data = try handle.read(upToCount: maximumBytes + 1) ?? Data()
        } catch {
            return fail(error.localizedDescription)
        }
        guard data.count <= maximumBytes else { return fail(tooLarge(data.count, document: document)) }
        let text = withoutByteOrderMark(data)
        let origin = SourceLocation.Origin.file(path)
        if let (line, column, what) = firstNonText(in: text) {
            return .failure(ScenarioError(problems: [ScenarioProblem(
                location: SourceLocation(origin: origin, line: line, column: column), keyPath: "",
                message: "\(what): a \(document.name) is YAML text")]))
        }
        let (node, problems) = ScenarioYAML.parse(String(decoding: text, as: UTF8.self), origin: origin)
        guard problems.isEmpty else { return .failure(ScenarioError(problems: problems)) }
        guard let node else {
            return .failure(ScenarioError(problems: [ScenarioProblem(
                location: SourceLocation(origin: origin, line: 1, column: 1), keyPath: "",
                message: "the file is empty: expected \(document.expected)")]))
        }
        return .success(node)
    }

    /// `data` without a leading UTF-8 byte order mark, which YAML allows and some Windows
    /// editors write. libyaml, told the text is UTF-8, skips the mark but counts it as a
    /// column: a `---` after it is then not a document start ("did not find expected
    /// <document start>"), and every position on line 1 is one column off what an editor,
    /// which never shows the mark, shows.
    static func withoutByteOrderMark(_ data: Data) -> Data {
        data.starts(with: [0xEF, 0xBB, 0xBF]) ? data.dropFirst(3) : data
    }

    /// Why `stat` found nothing at `path`, in the planner's words.
    private static func whyNotFound(_ path: String, errno error: Int32) -> String {
        switch error {
        case ENOENT:
            // lstat looks at the link itself: a link whose target is gone is not "no such file".
            var link = stat()
            if lstat(path, &link) == 0, link.st_mode & S_IFMT == S_IFLNK {
                return "it is a symbolic link to a file that does not exist"
            }
            return "no such file"
        case ELOOP:
            return "it is a symbolic link loop (ELOOP): following its links never reaches a file"
        case ENOTDIR:
            return "a folder in its path is a file"
        case EACCES:
            return "a folder in its path cannot be searched (check its permissions)"
        case ENAMETOOLONG:
            return "the path is too long"
        default:
            return String(cString: strerror(error))
        }
    }

    /// What kind of thing a file mode says is there, as in "it is a directory".
    private static func kind(of mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFDIR: "a directory"
        case S_IFIFO: "a named pipe (FIFO)"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        case S_IFSOCK: "a socket"
        case S_IFLNK: "a symbolic link"
        default: "not a regular file"
        }
    }

    private static func tooLarge(_ bytes: Int, document: Document) -> String {
        let megabytes = (Double(bytes) / 1_048_576 * 10).rounded() / 10
        return "the file is \(megabytes) MB; \(document.name)s are limited to \(maximumBytes / 1_048_576) MB"
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
