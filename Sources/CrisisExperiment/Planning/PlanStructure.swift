/// Which way each target's KPI moves along each decision key, read off the plan's first stage
/// (every point at its first batch), and the calls that carry from one point to another
/// because of it: if 80 beds and 4 crisis-house places miss an out-of-area target, so do 78
/// beds and 4 places, and 80 beds and 2 places, when placements never fall as capacity falls.
///
/// The directions are checked, not assumed (`Monotonicity`: paired differences between
/// neighbouring points, beyond two standard errors with common random numbers). A target whose
/// KPI moves both ways along some key has no structure, and nothing is inferred for it; a key
/// along which it moved nowhere beyond noise carries nothing either (the points must agree on
/// it). An inferred call is then right whenever the call it comes from is right and the KPI's
/// mean is monotone in the directions read; a reversal too small for the first stage to see is
/// the risk the plan's output names by listing each inferred point with its source.
struct PlanStructure {
    /// Per target: per decision key, +1 (the KPI rises as the key rises), -1 (falls) or 0 (no
    /// direction seen); nil when the KPI was seen to move both ways along some key.
    let directions: [[Int]?]

    init(directions: [[Int]?]) { self.directions = directions }

    /// The directions `points` show (the first stage: every point at the same replications).
    init(_ problem: PlanProblem, points: [PlanPoint]) {
        let checks = Monotonicity.check(problem, points: points)
        let keys = problem.grid.axes.map(\.key)
        directions = problem.targets.map { target in
            var signs: [Int] = []
            for key in keys {
                guard let check = checks.first(where: { $0.kpi == target.kpi && $0.key == key }) else {
                    signs.append(0)
                    continue
                }
                guard check.isMonotone else { return nil }
                signs.append(check.rising > 0 ? 1 : check.falling > 0 ? -1 : 0)
            }
            return signs
        }
    }

    /// Whether the KPI of `target` (index `k`) is, by the directions, no better at `q` than at
    /// `p`: no lower for an at-most target, no higher for an at-least one. False whenever
    /// the target has no structure or the points differ along a key with no direction.
    func isNoBetter(_ q: [Double], than p: [Double], target k: Int, _ target: PlanTarget) -> Bool {
        guard let signs = directions[k] else { return false }
        // An at-least target is better high: flip the directions so "worse" means "higher KPI".
        let worseIsHigher = target.direction == .atMost
        for (axis, sign) in signs.enumerated() {
            let (a, b) = (q[axis], p[axis])
            switch sign == 0 ? 0 : (sign > 0) == worseIsHigher ? 1 : -1 {
            case 1: if a < b { return false }   // worse needs at least as much of this key
            case -1: if a > b { return false }  // worse needs no more of this key
            default: if a != b { return false }
            }
        }
        return true
    }
}
