import CGSL

/// Beta, chi-square and gamma quantiles that are checked against GSL's own CDFs.
///
/// GSL 2.7's inverse CDFs refine an initial guess by Newton steps and, when those do not
/// converge, return NaN (with the error handler off) — and not only in odd corners: for the
/// upper Clopper-Pearson bound of 10-60 events out of about 1,900, `gsl_cdf_beta_Pinv(0.975,
/// x + 1, n - x)` is NaN for about 6% of (x, n); `gsl_cdf_chisq_Pinv(0.975, ν)` is NaN for some
/// ν above about 2,000 (a Garwood interval for 1,000-odd events) and off by more than 1e-9 in
/// probability at others. A NaN bound silently fails every comparison, so an interval would
/// "miss" its truth. Each quantile here is GSL's inverse when GSL's CDF confirms it (to a
/// relative 1e-9 in the smaller tail), and otherwise the root of that CDF found by GSL's Brent
/// solver (`gsl_root_fsolver_brent`) on a bracket.
enum CheckedQuantile {
    /// x with P(X <= x) = p for X ~ Beta(a, b).
    static func beta(_ p: Double, _ a: Double, _ b: Double) -> Double {
        let lowerTail = { (x: Double) in gsl_cdf_beta_P(x, a, b) }
        let upperTail = { (x: Double) in gsl_cdf_beta_Q(x, a, b) }
        return checked(p, guess: gsl_cdf_beta_Pinv(p, a, b), lowerTail: lowerTail, upperTail: upperTail) { 1 }
    }

    /// x with P(X <= x) = p for X ~ χ²(nu).
    static func chiSquare(_ p: Double, _ nu: Double) -> Double {
        let lowerTail = { (x: Double) in gsl_cdf_chisq_P(x, nu) }
        let upperTail = { (x: Double) in gsl_cdf_chisq_Q(x, nu) }
        return checked(p, guess: gsl_cdf_chisq_Pinv(p, nu), lowerTail: lowerTail, upperTail: upperTail) {
            // Far enough above the mean nu (sd √(2 nu)) that the CDF there exceeds p.
            var high = nu + 10 * (2 * nu).squareRoot() + 10
            while gsl_cdf_chisq_P(high, nu) < p { high *= 2 }
            return high
        }
    }

    /// x with P(X <= x) = p for X ~ Gamma(shape, scale): gamma stays' quantiles, whose GSL
    /// inverse is refined by the same Newton steps.
    static func gamma(_ p: Double, shape: Double, scale: Double) -> Double {
        checked(p, guess: gsl_cdf_gamma_Pinv(p, shape, scale), lowerTail: { gsl_cdf_gamma_P($0, shape, scale) },
                upperTail: { gsl_cdf_gamma_Q($0, shape, scale) }) { gammaBracket(shape, scale, above: p) }
    }

    /// x with P(X > x) = q for X ~ Gamma(shape, scale), exact for small q.
    static func gammaUpper(_ q: Double, shape: Double, scale: Double) -> Double {
        checked(1 - q, exactUpperTail: q, guess: gsl_cdf_gamma_Qinv(q, shape, scale),
                lowerTail: { gsl_cdf_gamma_P($0, shape, scale) }, upperTail: { gsl_cdf_gamma_Q($0, shape, scale) }) {
            gammaBracket(shape, scale, above: 1 - q)
        }
    }

    /// A point where the gamma CDF exceeds p, doubling out from the mean.
    private static func gammaBracket(_ shape: Double, _ scale: Double, above p: Double) -> Double {
        var high = shape * scale + 10 * shape.squareRoot() * scale + scale
        while gsl_cdf_gamma_P(high, shape, scale) < p, high < .greatestFiniteMagnitude / 4 { high *= 2 }
        return high
    }

    /// `guess` if the CDF confirms it, else the root in [0, upperBracket()]. `exactUpperTail`
    /// is 1 - p exactly, when the caller knows it (a small upper-tail probability).
    private static func checked(_ p: Double, exactUpperTail exactUpper: Double? = nil, guess: Double,
                                lowerTail: @escaping (Double) -> Double, upperTail: @escaping (Double) -> Double,
                                upperBracket: () -> Double) -> Double {
        precondition(p > 0 && p < 1)
        // Compare in the smaller tail, where the probabilities keep their precision.
        let useUpper = p > 0.5
        let target = useUpper ? exactUpper ?? 1 - p : p
        let tail = useUpper ? upperTail : lowerTail
        if guess.isFinite, guess >= 0, abs(tail(guess) - target) <= 1e-9 * target { return guess }
        // Increasing in x whichever tail is used.
        let f = useUpper ? { (x: Double) in target - upperTail(x) } : { (x: Double) in lowerTail(x) - target }
        return solve(f, low: 0, high: upperBracket())
    }

    private final class Box {
        let f: (Double) -> Double
        init(_ f: @escaping (Double) -> Double) { self.f = f }
    }

    /// The root of increasing f on [low, high] by Brent's method, to a relative 1e-13.
    private static func solve(_ f: @escaping (Double) -> Double, low: Double, high: Double) -> Double {
        let box = Box(f)
        return withExtendedLifetime(box) {
            var function = gsl_function(function: { x, params in
                Unmanaged<Box>.fromOpaque(params!).takeUnretainedValue().f(x)
            }, params: Unmanaged.passUnretained(box).toOpaque())
            guard let solver = gsl_root_fsolver_alloc(cgsl_root_fsolver_brent()) else { return .nan }
            defer { gsl_root_fsolver_free(solver) }
            guard gsl_root_fsolver_set(solver, &function, low, high) == Int32(GSL_SUCCESS) else { return .nan }
            for _ in 0..<500 {
                guard gsl_root_fsolver_iterate(solver) == Int32(GSL_SUCCESS) else { return .nan }
                let (lower, upper) = (gsl_root_fsolver_x_lower(solver), gsl_root_fsolver_x_upper(solver))
                if gsl_root_test_interval(lower, upper, 0, 1e-13) == Int32(GSL_SUCCESS) { break }
            }
            return gsl_root_fsolver_root(solver)
        }
    }
}
