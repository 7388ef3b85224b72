import ArgumentParser
import Foundation

/// Arguments whose bytes are not UTF-8, such as a file name saved in another encoding
/// (`caf\xE9.yaml` in Latin-1). Swift hands every argument over as a String with U+FFFD in
/// place of each such byte, so the path the tool would use is not the one given: a scenario
/// file is "no such file", and an --output is created under the changed name. String paths
/// cannot honour such a name, so the argument is refused, called what it is (the scenario
/// file, --output) with its bytes shown, after parsing and before anything runs.
enum ArgumentEncodingCheck {
    /// One argument that is not UTF-8.
    struct Argument {
        /// Its place on the command line, from 1 after the tool's name.
        let position: Int
        /// As Swift decoded it, U+FFFD for each bad byte: what the parsed command holds.
        let decoded: String
        /// As a message can show it: UTF-8 text with each bad byte written `\xFF`.
        let shown: String
        /// The first byte that is not UTF-8.
        let byte: UInt8
        /// The argument before it, when that is an option (whose value this may be).
        var option: String?
    }

    /// The process's arguments (after its name) that are not UTF-8, read from the raw bytes.
    static func invalidArguments() -> [Argument] {
        (1..<Int(CommandLine.argc)).compactMap { index in
            guard let pointer = CommandLine.unsafeArgv[index] else { return nil }
            let bytes = Array(UnsafeBufferPointer(start: UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self),
                                                  count: strlen(pointer)))
            var argument = invalid(bytes, position: index)
            let previous = CommandLine.arguments[index - 1]
            if index > 1, previous.hasPrefix("-") { argument?.option = previous }
            return argument
        }
    }

    /// `bytes` as an `Argument` when they are not UTF-8, or nil.
    static func invalid(_ bytes: [UInt8], position: Int) -> Argument? {
        var shown = ""
        var firstBad: UInt8?
        var iterator = bytes.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        var offset = 0
        loop: while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                shown.unicodeScalars.append(Unicode.UTF8.decode(encoded))
                offset += encoded.count
            case .error(let length):
                for byte in bytes[offset..<offset + length] { shown += "\\x" + String(byte, radix: 16, uppercase: true) }
                firstBad = firstBad ?? bytes[offset]
                offset += length
            case .emptyInput:
                break loop
            }
        }
        guard let firstBad else { return nil }
        return Argument(position: position, decoded: String(decoding: bytes, as: UTF8.self), shown: shown, byte: firstBad)
    }

    /// A line for each argument of `command` that is not UTF-8, naming it as the command
    /// knows it where it can (the scenario file, --output), by position otherwise.
    static func problems(_ command: ParsableCommand, arguments: [Argument] = invalidArguments()) -> [String] {
        let named = (command as? NamesPaths)?.namedPaths ?? []
        return arguments.map { argument in
            let byte = "byte 0x" + String(argument.byte, radix: 16, uppercase: true)
            // `--output /x` or `--output=/x`: the argument is the path, or ends with it.
            guard let path = named.first(where: { path in
                path.path.map { argument.decoded == $0 || argument.decoded.hasSuffix("=" + $0) } ?? false
            }) else {
                let after = argument.option.map { " (after \($0))" } ?? ""
                return "argument \(argument.position) '\(argument.shown)'\(after) is not valid UTF-8 (\(byte)): crisis-sim takes "
                    + "its arguments as UTF-8 text"
            }
            // `--output=/x`: show the path; the option's name (ASCII) ends at the first `=`.
            let shown = argument.decoded == path.path ? argument.shown
                : String(argument.shown[argument.shown.index(after: argument.shown.firstIndex(of: "=")!)...])
            return "\(path.what) '\(shown)' is not valid UTF-8 (\(byte)): crisis-sim takes file names as UTF-8 "
                + (path.written ? "text and would write under another name; give a UTF-8 path"
                                : "text, so it cannot open this one; rename it")
        }
    }
}

/// A file or folder an argument names, as messages call it.
struct NamedPath {
    /// "the scenario file", "--output".
    let what: String
    let path: String?
    /// Whether the command writes there (else it reads).
    let written: Bool

    static func read(_ what: String, _ path: String?) -> NamedPath { NamedPath(what: what, path: path, written: false) }
    static func written(_ what: String, _ path: String?) -> NamedPath { NamedPath(what: what, path: path, written: true) }
}

/// A command whose arguments name files or folders.
protocol NamesPaths {
    var namedPaths: [NamedPath] { get }
}

extension Run: NamesPaths {
    var namedPaths: [NamedPath] { [.read("the scenario file", scenario), .written("--output", output)] }
}

extension Warmup: NamesPaths {
    var namedPaths: [NamedPath] { [.read("the scenario file", scenario), .written("--output", output)] }
}

extension Compare: NamesPaths {
    var namedPaths: [NamedPath] {
        [.read("the base scenario file", base)] + variants.map { .read("the variant scenario file", $0) }
            + [.written("--output", output)]
    }
}

extension Sweep: NamesPaths {
    var namedPaths: [NamedPath] { [.read("the scenario file", scenario), .written("--output", output)] }
}

extension Validate: NamesPaths {
    var namedPaths: [NamedPath] { files.map { .read("the scenario file", $0) } }
}

extension Describe: NamesPaths {
    var namedPaths: [NamedPath] { [.read("the scenario file", scenario)] }
}

extension Report: NamesPaths {
    var namedPaths: [NamedPath] { [.read("the result folder", folder), .written("--output", output)] }
}

extension Merge: NamesPaths {
    var namedPaths: [NamedPath] { inputs.map { .read("the shard folder or file", $0) } + [.written("--output", output)] }
}

extension Validation: NamesPaths {
    var namedPaths: [NamedPath] { [.written("--output", output)] }
}

extension Slurm: NamesPaths {
    var namedPaths: [NamedPath] { [.written("--output", output), .read("--binary", binary), .read("--workdir", workdir)] }
}
