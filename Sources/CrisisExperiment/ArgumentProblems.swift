/// Command-line arguments that do not describe an experiment (`--vary`, `--free`,
/// `--decide`, `--target`): every problem, one a line, each naming the argument as typed.
public struct ArgumentProblems: Error, CustomStringConvertible, Sendable {
    public let problems: [String]
    public init(problems: [String]) { self.problems = problems }
    public var description: String { problems.joined(separator: "\n") }
}
