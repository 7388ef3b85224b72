/// Why a report could not be drawn from a result folder, naming the file and what is wrong
/// with it, so the planner knows which command to run again.
public struct ReportError: Error, CustomStringConvertible, Equatable {
    public let file: String
    public let problem: String

    public init(file: String, problem: String) {
        self.file = file
        self.problem = problem
    }

    public var description: String { "\(file): \(problem)" }
}
