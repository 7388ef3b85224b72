import CGSL
import Foundation

/// Year-on-year change in arrival volume, from a Poisson regression of counts in 28-day bins
/// on time, in the scenario's terms: `areas[].sources.<source>.annual_growth`, the fraction
/// more each year (0.03 = 3% more), compounded continuously by the whole hour as
/// `RateProfile` does: rate in hour h ∝ (1 + g)^(h / 8766).
///
/// **Model.** Bin j's count is Poisson with mean μ_j = Σ_h e_h w_h exp(a + b (h - h₀) / 8766),
/// summed over the whole model hours h in the bin: e_h the hours of h inside the window and
/// bin, w_h the fitted hour-of-week weight (mean 1), h₀ the middle of the window. So the
/// offset is the bin's exposure weighted by the weekly profile (a part-week final bin is
/// not taken as a whole one), and g = e^b - 1 exactly. GSL's BFGS maximises the
/// log-likelihood with its closed-form gradient (`ArrivalMinimiser`); the observed
/// information is the closed-form Hessian of -log L,
///   ∂²/∂a² = Σ μ_j,  ∂²/∂a∂b = Σ μ'_j,  ∂²/∂b² = Σ [μ''_j - y_j (μ''_j/μ_j - (μ'_j/μ_j)²)]
/// (primes: derivatives in b), and the Wald interval b ± z·se maps to g through e^b - 1.
///
/// The interval assumes Poisson counts: if the weekly counts are over-dispersed
/// (`ArrivalDispersion`), it is too narrow by about √(dispersion index).
public struct ArrivalGrowth: Sendable, Equatable, CustomStringConvertible {
    /// The bin width: 28 days, whole weeks, so the weekly profile cancels within full bins.
    public static let binHours = 672.0

    /// Fractional change per year, e^b - 1: the scenario's `annual_growth`.
    public let annualGrowth: Double
    public let lower: Double
    public let upper: Double
    public let confidence: Double
    /// b: the log of the rate's ratio from one year to the next.
    public let logGrowthPerYear: Double
    /// Standard error of b, from the observed information.
    public let standardError: Double
    /// Bins fitted (the last may be part of a bin).
    public let bins: Int
    /// Expected arrivals per year (rate × 8766, mean-1 weekly profile) at the window's end:
    /// the scenario's `per_year` for a run that starts where the data stop. Wald interval on
    /// the log scale.
    public let perYearAtEnd: Double
    public let perYearAtEndLower: Double
    public let perYearAtEndUpper: Double

    /// a: log of arrivals per hour at `referenceHour` with weight 1.
    let intercept: Double
    let referenceHour: Double
    /// Covariance of (a, b): var a, cov, var b.
    let covariance: [Double]

    /// Whether the interval leaves out 0: growth (or decline) the data can tell from none.
    public var excludesZero: Bool { lower > 0 || upper < 0 }

    /// Expected arrivals per year at model hour `hour` (rate × 8766 with weight 1), with its
    /// Wald interval on the log scale at this fit's confidence level.
    public func perYear(atHour hour: Double) -> (estimate: Double, lower: Double, upper: Double) {
        Self.perYear(atHour: hour, intercept: intercept, slope: logGrowthPerYear, referenceHour: referenceHour,
                     covariance: covariance, confidence: confidence)
    }

    private static func perYear(atHour hour: Double, intercept: Double, slope: Double, referenceHour: Double,
                                covariance: [Double], confidence: Double) -> (estimate: Double, lower: Double, upper: Double) {
        let s = (hour - referenceHour) / ArrivalVolume.hoursPerYear
        let log = intercept + slope * s
        let variance = covariance[0] + 2 * s * covariance[1] + s * s * covariance[2]
        let half = gsl_cdf_ugaussian_Pinv(0.5 + confidence / 2) * variance.squareRoot()
        let perYear = { (x: Double) in exp(x) * ArrivalVolume.hoursPerYear }
        return (perYear(log), perYear(log - half), perYear(log + half))
    }

    /// Expected arrivals in a piece of model hour `hour` of `length` hours with hour-of-week
    /// weight `weight`.
    func expected(hour: Int, length: Double, weight: Double) -> Double {
        length * weight * exp(intercept + logGrowthPerYear * (Double(hour) - referenceHour) / ArrivalVolume.hoursPerYear)
    }

    public var description: String {
        "annual growth \(annualGrowth) [\(lower), \(upper)] (\(confidence * 100)% Wald, \(bins) bins of 28 days)"
    }

    /// The fit, or nil when the data cannot identify a trend: fewer than two bins with
    /// exposure, or every arrival in one bin (the likelihood then rises without limit).
    static func fit(times: [Double], window: ArrivalWindow, hourOfWeekWeights: [Double],
                    confidence: Double) throws -> ArrivalGrowth? {
        let likelihood = Likelihood(times: times, window: window, hourOfWeekWeights: hourOfWeekWeights)
        guard likelihood.identifiesTrend else { return nil }
        let point: [Double]
        do {
            point = try ArrivalMinimiser.minimise({ x, gradient in likelihood.value(x, gradient: &gradient) },
                                                  start: likelihood.start,
                                                  gradientTolerance: ArrivalMinimiser.tolerance(count: likelihood.total))
        } catch let failure as ArrivalMinimiser.Failure {
            throw ArrivalFitError.didNotConverge(what: "annual growth regression", detail: failure.detail)
        }
        let (a, b) = (point[0], point[1])
        let h = likelihood.information(point)
        let determinant = h[0] * h[2] - h[1] * h[1]
        guard h[0] > 0, determinant > 0 else { return nil }
        let covariance = [h[2] / determinant, -h[1] / determinant, h[0] / determinant]
        let se = covariance[2].squareRoot()
        let z = gsl_cdf_ugaussian_Pinv(0.5 + confidence / 2)
        let atEnd = perYear(atHour: window.end, intercept: a, slope: b, referenceHour: likelihood.referenceHour,
                            covariance: covariance, confidence: confidence)
        return ArrivalGrowth(annualGrowth: expm1(b), lower: expm1(b - z * se), upper: expm1(b + z * se),
                             confidence: confidence, logGrowthPerYear: b, standardError: se, bins: likelihood.bins.count,
                             perYearAtEnd: atEnd.estimate, perYearAtEndLower: atEnd.lower,
                             perYearAtEndUpper: atEnd.upper, intercept: a, referenceHour: likelihood.referenceHour,
                             covariance: covariance)
    }

    /// -log L of the binned counts in (a, b), its gradient and its Hessian (the observed
    /// information), all closed-form.
    struct Likelihood {
        /// Count in each bin.
        let counts: [Double]
        /// Per bin: each piece's weighted exposure and its time from `referenceHour` in years.
        let pieces: [[(exposure: Double, years: Double)]]
        /// Bins with exposure (the only ones in the likelihood).
        let bins: [Int]
        let referenceHour: Double
        let total: Double

        init(times: [Double], window: ArrivalWindow, hourOfWeekWeights: [Double]) {
            let binCount = window.binCount(binHours: ArrivalGrowth.binHours)
            var counts = [Double](repeating: 0, count: binCount)
            for time in times { counts[window.bin(of: time, binHours: ArrivalGrowth.binHours)] += 1 }
            referenceHour = (window.start + window.end) / 2
            var pieces = [[(exposure: Double, years: Double)]](repeating: [], count: binCount)
            for cell in window.cells(binHours: ArrivalGrowth.binHours) {
                let weighted = cell.length * hourOfWeekWeights[cell.hourOfWeek]
                guard weighted > 0 else { continue }
                pieces[cell.bin].append((weighted, (Double(cell.hour) - referenceHour) / ArrivalVolume.hoursPerYear))
            }
            self.counts = counts
            self.pieces = pieces
            bins = (0..<binCount).filter { !pieces[$0].isEmpty }
            total = counts.reduce(0, +)
        }

        /// At least two bins, and arrivals in at least two of them.
        var identifiesTrend: Bool { bins.count >= 2 && bins.filter { counts[$0] > 0 }.count >= 2 }

        /// No growth, and the mean rate.
        var start: [Double] {
            let exposure = bins.reduce(0.0) { $0 + moments($1, 0).0 }
            return [log(total / exposure), 0]
        }

        /// F, F', F'' of bin j at b: Σ e·exp(b s), Σ e·s·exp(b s), Σ e·s²·exp(b s).
        func moments(_ j: Int, _ b: Double) -> (Double, Double, Double) {
            var f0 = 0.0, f1 = 0.0, f2 = 0.0
            for piece in pieces[j] {
                let term = piece.exposure * exp(b * piece.years)
                f0 += term
                f1 += term * piece.years
                f2 += term * piece.years * piece.years
            }
            return (f0, f1, f2)
        }

        /// -log L at x = (a, b) less its value for a perfect fit (μ_j = y_j), i.e. half the
        /// deviance: near the optimum it is of the order of the number of bins rather than
        /// N log N, so the line search sees differences a large N would round away. And its
        /// gradient.
        func value(_ x: [Double], gradient: inout [Double]) -> Double {
            let (a, b) = (x[0], x[1])
            var value = 0.0, ga = 0.0, gb = 0.0
            for j in bins {
                let (f0, f1, _) = moments(j, b)
                let mu = exp(a) * f0
                value += mu - counts[j]
                if counts[j] > 0 { value -= counts[j] * (a + log(f0) - log(counts[j])) }
                ga += mu - counts[j]
                gb += exp(a) * f1 - counts[j] * f1 / f0
            }
            gradient[0] = ga
            gradient[1] = gb
            return value
        }

        /// The Hessian of -log L at x: [∂aa, ∂ab, ∂bb].
        func information(_ x: [Double]) -> [Double] {
            let (a, b) = (x[0], x[1])
            var haa = 0.0, hab = 0.0, hbb = 0.0
            for j in bins {
                let (f0, f1, f2) = moments(j, b)
                haa += exp(a) * f0
                hab += exp(a) * f1
                hbb += exp(a) * f2 - counts[j] * (f2 / f0 - (f1 / f0) * (f1 / f0))
            }
            return [haa, hab, hbb]
        }
    }
}
