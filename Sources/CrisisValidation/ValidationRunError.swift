/// Why the validation document could not be made. Every failure stops the whole run: a
/// document with a check quietly missing would read as if the model had passed it.
public enum ValidationRunError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A study file could not be loaded; `problems` is the loader's report, one per line.
    case scenario(file: String, problems: String)
    /// A check reads a KPI that the study's results do not report (a renamed or not yet
    /// added KPI).
    case missingKPI(id: String, study: String)
    /// A check needs something of a study that it does not have (a sweep point, an area).
    case study(file: String, problem: String)

    public var description: String {
        switch self {
        case .scenario(let file, let problems):
            return "\(file): cannot be loaded:\n\(problems)"
        case .missingKPI(let id, let study):
            return "\(study): no KPI '\(id)' in the results; a check reads it (see docs/MODEL.md for the KPI ids)"
        case .study(let file, let problem):
            return "\(file): \(problem)"
        }
    }
}
