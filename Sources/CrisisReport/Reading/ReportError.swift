import CrisisExperiment
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

    /// A result folder's files that do not belong together, naming the file at fault (which
    /// may be inside a comparison's scenario folder).
    init(resultFolder error: ResultFolderError) {
        self.init(file: error.folder + "/" + error.file, problem: error.problem)
    }

    /// What `read` returns, with a result folder's problem said as the report's error.
    static func reading<Value>(_ read: () throws -> Value) throws -> Value {
        do {
            return try read()
        } catch let error as ResultFolderError {
            throw ReportError(resultFolder: error)
        }
    }
}
