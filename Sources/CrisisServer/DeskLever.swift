import CrisisExperiment

/// A sweep's or plan's lever as the page's boxes give it (Setting, From, To, Step), and a
/// plan's target as its Target and "at most" boxes give it: checked here so that a refusal
/// names the boxes the planner typed in, and what was typed, rather than the command line's
/// `--vary KEY=LOW...HIGH:STEP`, and says which box (`lever.from`, `lever.to`, `lever.step`,
/// `target.bound`) so the page can mark it.
struct DeskLever: Decodable, Sendable {
    /// The setting's key path (`areas.Northshire.beds`).
    let key: String
    /// The setting as the page names it (`beds (beds)`).
    let label: String
    let from: ExperimentRequest.TypedNumber
    let to: ExperimentRequest.TypedNumber
    let step: ExperimentRequest.TypedNumber

    /// The grid of values, or every problem with the box it is about.
    func grid(kind: String, maximumPoints: Int) -> Result<SweepGrid, APIError> {
        var problems: [FieldProblem] = []
        var numbers: [Double] = []
        for (box, name, typed) in [("from", "From", from), ("to", "To", to), ("step", "Step", step)] {
            if let value = SweepGrid.plainDecimal(typed.text) {
                numbers.append(value)
            } else {
                problems.append(FieldProblem(key: "lever.\(box)",
                                             message: "\(name): expected a number such as 80 or 0.25, got \(typed)"))
            }
        }
        if problems.isEmpty {
            if numbers[2] <= 0 {
                problems.append(FieldProblem(key: "lever.step", message: "Step: expected a number above 0, got \(step)"))
            } else if numbers[1] < numbers[0] {
                problems.append(FieldProblem(key: "lever.to", message: "To (\(to)) is below From (\(from)): the \(kind) tries "
                    + "\(label) from the From value up to the To value"))
            }
        }
        guard problems.isEmpty else { return .failure(refusal(problems)) }
        switch SweepGrid.axis("\(key)=\(from.text)...\(to.text):\(step.text)") {
        case .success(let axis):
            if axis.values.count > maximumPoints {
                return .failure(refusal([FieldProblem(key: "lever.step", message: "From \(from) to \(to) in steps of \(step) "
                    + "is \(axis.values.count) values; a \(kind) here tries at most \(maximumPoints): use a larger Step")]))
            }
            return .success(SweepGrid(axes: [axis]))
        case .failure(let error):
            // What the numbers alone cannot say: a Step that does not land on To, or a key the
            // page did not offer. The command line's words for the boxes become the page's.
            return .failure(refusal(error.problems.map { problem in
                let said = problem.replacingOccurrences(of: "--vary \(key)=\(from.text)...\(to.text):\(step.text): ", with: "")
                    .replacingOccurrences(of: "HIGH - LOW", with: "To minus From").replacingOccurrences(of: "STEP", with: "Step")
                return FieldProblem(key: said.contains("Step") ? "lever.step" : "lever.key", message: said)
            }))
        }
    }

    private func refusal(_ problems: [FieldProblem]) -> APIError {
        APIError(.badRequest, problems.map { "\(label): \($0.message)" }, fields: problems)
    }
}

/// A plan's target as the page's boxes give it: a KPI, as the page names it, at most a bound.
struct DeskTarget: Decodable, Sendable {
    let kpi: String
    /// The KPI as the page names it (`Out-of-area bed days a year`).
    let label: String
    let bound: ExperimentRequest.TypedNumber

    func target() -> Result<PlanTarget, APIError> {
        guard SweepGrid.plainDecimal(bound.text) != nil else {
            let problem = FieldProblem(key: "target.bound", message: "at most: expected a number such as 1000, got \(bound)")
            return .failure(APIError(.badRequest, ["Target \(label) \(problem.message)"], fields: [problem]))
        }
        return PlanTarget.parse("\(kpi)<=\(bound.text)").mapError { APIError(.badRequest, $0.problems) }
    }
}
