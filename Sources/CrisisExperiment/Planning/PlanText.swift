import CrisisModel

/// A plan in words for the terminal: the answer, why, what it cost to find, and the
/// runners-up.
public enum PlanText {
    /// "Minimise costs.total subject to ..., each with 95% confidence."
    public static func question(_ problem: PlanProblem) -> String {
        let targets = problem.targets.map { "\(KPIText.label($0.kpi)) \($0.direction == .atMost ? "at most" : "at least") "
            + KPIText.value($0.bound, unit: KPIText.unit($0.kpi)) }.joined(separator: "; ")
        return "minimise \(PlanJSON.objectiveName(problem)) subject to \(targets), each with "
            + "\(NumberFormat.fixed(100 * problem.confidence, 0))% confidence."
    }

    public static func report(_ result: PlanResult, seconds: Double) -> String {
        let problem = result.problem
        let objective = PlanJSON.objectiveName(problem)
        var lines = [
            "Plan for \(problem.scenario): " + question(problem),
            "\(result.evaluated.count) of \(result.points.count) points evaluated, \(NumberFormat.grouped(Double(result.replicationsRun))) "
                + "replications of \(NumberFormat.days(problem.length.horizonDays)) days (seed \(problem.seed), common random "
                + "numbers); an exhaustive sweep at the same depth would run \(NumberFormat.grouped(Double(result.exhaustiveReplications))); "
                + "\(NumberFormat.fixed(seconds, 1)) s",
            "",
        ]
        func describe(_ index: Int) -> String { result.decisionsText(index) }
        func kpiLine(_ index: Int) -> String {
            let point = result.points[index]
            // The KPIs the plan judged by: its targets' and a KPI objective's.
            var judged = problem.targets.map(\.kpi)
            if case .kpi(let id) = problem.objective, !judged.contains(id) { judged.append(id) }
            return judged.map { kpi in
                let estimate = point.estimate(kpi, oneSided: 0.975)
                return "\(KPIText.label(kpi)) \(KPIText.value(estimate.mean, unit: KPIText.unit(kpi))) "
                    + "(95% CI \(KPIText.interval(lower: estimate.lower, upper: estimate.upper, unit: KPIText.unit(kpi))))"
            }.joined(separator: "; ") + "; \(point.replications) replications"
        }
        if let recommended = result.recommended {
            lines.append("Recommended: \(describe(recommended))")
            lines.append("  " + kpiLine(recommended))
            if case .decision(let axis) = problem.objective {
                let value = Double(result.points[recommended].values[axis]) ?? .nan
                let cheaper = result.points.filter { (Double($0.values[axis]) ?? .nan) < value }
                let undecided = cheaper.filter { if case .undecided = $0.status { true } else { false } }
                lines.append(undecided.isEmpty
                    ? "  Every point with less \(objective) misses a target (\(cheaper.count) points, each shown with the same confidence)."
                    : "  \(NumberFormat.count(undecided.count, "point")) with less \(objective) \(undecided.count == 1 ? "was" : "were") "
                        + "too close to call at \(problem.maximumReplications) replications: raise --max-replications to settle "
                        + "\(undecided.count == 1 ? "it" : "them").")
            } else if let selection = result.selection {
                lines.append(selection.separated
                    ? "  Selected by KN among \(result.points.filter { $0.status == .feasible }.count) feasible points: within "
                        + "\(KPIText.value(selection.indifference, unit: KPIText.unit(objective))) of the best with "
                        + "\(NumberFormat.fixed(100 * problem.confidence, 0))% confidence."
                    : "  KN could not separate the last points within \(problem.maximumReplications) replications: the lowest mean was taken.")
            }
            if case .kpi = problem.objective {
                let undecided = result.points.filter { if case .undecided = $0.status { true } else { false } }
                if !undecided.isEmpty {
                    lines.append("  Too close to call at \(problem.maximumReplications) replications, so not considered: "
                        + undecided.prefix(3).map { describe($0.index) }.joined(separator: "; ")
                        + (undecided.count > 3 ? " and \(undecided.count - 3) more" : "")
                        + " (plan.csv has \(undecided.count == 1 ? "its" : "their") KPIs; raise --max-replications to settle "
                        + "\(undecided.count == 1 ? "it" : "them")).")
                }
            }
            for (rank, index) in result.runnersUp.enumerated() {
                lines.append("Runner-up \(rank + 1): \(describe(index))")
                lines.append("  " + kpiLine(index))
            }
        } else {
            let undecided = result.points.filter { if case .undecided = $0.status { true } else { false } }.count
            lines.append("No point of the grid meets every target with \(NumberFormat.fixed(100 * problem.confidence, 0))% confidence"
                + (undecided > 0 ? " (\(undecided) too close to call: raise --max-replications)" : "")
                + ": widen the grid or relax a target.")
            // A bound no grid can reach says so plainly: every KPI is a count, share, duration
            // or cost (none below 0), so "at most -5" is out of reach whatever the lever.
            for target in problem.targets where target.direction == .atMost && target.bound < 0 {
                lines.append("  \(KPIText.label(target.kpi)) is never below 0, so no value can meet a target of "
                    + "at most \(KPIText.value(target.bound, unit: KPIText.unit(target.kpi))).")
            }
            // The best each target reached, and where: a KPI that levels off short of its target
            // needs another lever, not a wider grid.
            for target in problem.targets {
                let means = result.evaluated.map { ($0, $0.mean(target.kpi)) }.filter { $0.1.isFinite }
                guard let best = target.direction == .atMost ? means.min(by: { $0.1 < $1.1 }) : means.max(by: { $0.1 < $1.1 })
                else { continue }
                lines.append("  Best \(KPIText.label(target.kpi)) seen: \(KPIText.value(best.1, unit: KPIText.unit(target.kpi))) at "
                    + "\(describe(best.0.index)) (target \(target.direction.rawValue) \(KPIText.value(target.bound, unit: KPIText.unit(target.kpi))))")
            }
        }
        let checks = result.monotonicity
        if !checks.isEmpty {
            lines.append("")
            lines.append("Checked on the evaluated points, not assumed:")
            lines += checks.map { "  " + $0.sentence + "." }
        }
        let inferred = result.inferred
        if !inferred.isEmpty {
            let infeasible = inferred.filter { if case .infeasible = $0.status { true } else { false } }.count
            let kinds = [infeasible > 0 ? "\(infeasible) called infeasible because a point with more capacity missed the same target" : nil,
                         inferred.count > infeasible ? "\(inferred.count - infeasible) called feasible because a point with less "
                            + "capacity met every target" : nil]
            lines.append("  \(NumberFormat.count(inferred.count, "point")) called from another by these directions (read off "
                + "every point's first batch), with no replications beyond it: " + kinds.compactMap { $0 }.joined(separator: "; ")
                + ". plan.csv names each one's source.")
        }
        return lines.joined(separator: "\n")
    }
}
