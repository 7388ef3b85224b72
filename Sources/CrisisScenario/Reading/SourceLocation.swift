/// Where a value was written: a line and column in a scenario file, or a `--set` argument on
/// the command line.
///
/// Every value keeps its own location through `extends` merging and overrides, so a problem
/// found after merging still points at the file a planner has to edit.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    public enum Origin: Sendable, Hashable {
        /// A scenario file, by its path as named on the command line or joined from an
        /// `extends` (so it reads the way the user wrote it).
        case file(String)
        /// A `--set key.path=value` argument, as given.
        case commandLine(String)
    }

    public let origin: Origin
    /// 1-based line; nil when the problem concerns a whole file (unreadable, too large).
    public let line: Int?
    /// 1-based column, counted in Unicode scalars as libyaml counts them.
    public let column: Int?

    public init(origin: Origin, line: Int?, column: Int?) {
        self.origin = origin
        self.line = line
        self.column = column
    }

    /// A whole file, when no position within it makes sense.
    public static func file(_ path: String) -> SourceLocation {
        SourceLocation(origin: .file(path), line: nil, column: nil)
    }

    /// The same origin at another position (a Yams mark is relative to the text it parsed).
    func at(line: Int, column: Int) -> SourceLocation {
        SourceLocation(origin: origin, line: line, column: column)
    }

    /// `path:line:column` (the form editors and terminals turn into links), `path` for a whole
    /// file, `--set 'argument'` for the command line (quoted, so an empty value or a space
    /// shows); control characters in a path or an argument as escapes.
    public var description: String {
        switch origin {
        case .file(let path):
            let path = ControlCharacters.visible(path)
            guard let line, let column else { return path }
            return "\(path):\(line):\(column)"
        case .commandLine(let argument):
            return "--set '\(ControlCharacters.visible(argument))'"
        }
    }
}
