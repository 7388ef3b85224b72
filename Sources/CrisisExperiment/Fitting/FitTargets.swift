import CrisisFit
import CrisisScenario

/// What a fit leaves for calibration: the figures of the extract that the model computes
/// rather than takes (admissions and detained admissions a year, the gatekept and out-of-area
/// shares), as targets for `calibrate`, each with its standard error and where it came from.
extension ExtractFit {
    public static let targetsFileName = "targets.yaml"

    /// The targets, the stratum `all` (an extract of one trust is its whole system).
    /// Admissions a year: the count over the period's years (of 365.25 days, as the model
    /// counts them), standard error √count / years (Poisson). Shares in %: 100 × successes /
    /// trials, standard error 100 × √(p(1 − p) / n), the binomial's. The detained share is
    /// given as detained admissions a year, the figure the model reports.
    public func calibrationTargets(files: [String]) -> [CalibrationTarget] {
        let years = (end - start) / (24 * 365.25)
        let period = "\(ExtractCalendar.dateTime(start).prefix(10)) to \(ExtractCalendar.dateTime(end).prefix(10))"
        let origin = "\(files.joined(separator: ", ")), \(period)"
        var result: [CalibrationTarget] = []
        func rate(_ kpi: String, _ count: Int, _ what: String) {
            guard count > 0 else { return }
            result.append(CalibrationTarget(kpi: kpi, value: Double(count) / years, standardError: Double(count).squareRoot() / years,
                                            source: "\(origin): \(count) \(what); Poisson standard error"))
        }
        rate("admissions.total", admissions, "admissions")
        if let detained = targets.first(where: { $0.kpi == "admissions.detained_share" }) {
            rate("admissions.detained", detained.estimate.successes, "detained admissions")
        }
        for target in targets where target.estimate.trials > 0 && target.kpi != "admissions.detained_share" {
            let estimate = target.estimate, n = Double(estimate.trials)
            let p = Double(estimate.successes) / n
            // A share of 0 or 1 has no binomial spread; half an event keeps the scale finite.
            let spread = max(p * (1 - p), 0.5 / n * (1 - 0.5 / n))
            result.append(CalibrationTarget(kpi: target.kpi, value: 100 * p, standardError: 100 * (spread / n).squareRoot(),
                                            source: "\(origin): \(estimate.successes) of \(estimate.trials); binomial standard error"))
        }
        return result
    }
}
