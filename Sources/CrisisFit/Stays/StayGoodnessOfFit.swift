import CGSL
import Dispatch
import SimRandom

/// Whether a fitted family is consistent with the stays it was fitted to, judged against the
/// product-limit estimate F̂ (which respects censoring and truncation) and calibrated by a
/// parametric bootstrap.
///
/// Statistics, with F the fitted distribution function and t₁ < … < t_m the jumps of F̂:
///
/// - `ks` = max over jumps j of max(|F̂(tⱼ) − F(tⱼ)|, |F̂(tⱼ₋₁) − F(tⱼ)|): the
///   Kolmogorov-Smirnov distance on both sides of each jump (F̂(t₀) = 0), which is the supremum
///   over t up to the last discharge since F̂ is flat between jumps and F increasing.
/// - `ad` = n ∫ (F̂ − F)² / (F (1 − F)) dF, the Anderson-Darling integral taken over every t
///   where F̂ is known: from 0 to the last discharge t_m, and on to infinity when F̂(t_m) = 1.
///   F̂ is a constant c on each piece, so with u = F(t) each piece [a, b] is integrated exactly:
///   ∫ₐᵇ (c − u)² / (u(1 − u)) du = c² ln(b/a) − (1 − c)² ln((1 − b)/(1 − a)) − (b − a),
///   with 1 − u taken from the survival function. Without censoring or truncation this is the
///   classical A² = −n − (1/n) Σ (2i − 1)[ln uᵢ + ln(1 − u₍ₙ₊₁₋ᵢ₎)]; with them it is the
///   censored form of Pettitt & Stephens (1976), truncated where the data stop.
///
/// Neither statistic has its textbook null distribution here: parameters are estimated and
/// stays censored and truncated. So p-values come from a parametric bootstrap that repeats
/// all three: each replicate draws every stay from the fit conditional on exceeding its entry
/// (u ~ Uniform(F(entry), 1), x = F⁻¹(u); drawn as x = S⁻¹(v), v ~ Uniform(0, S(entry)), the
/// same draw without losing digits in the upper tail), censors it at its own limit, refits the
/// same family and recomputes both statistics. p = (1 + #{replicate >= observed}) / (B + 1).
public struct StayGoodnessOfFit: Sendable {
    public let family: StayFamily
    /// Kolmogorov-Smirnov distance between F̂ and the fit.
    public let ks: Double
    /// Anderson-Darling-type A², weighting the tails (see the type's documentation).
    public let ad: Double
    /// Bootstrap p-value of `ks`.
    public let ksP: Double
    /// Bootstrap p-value of `ad`.
    public let adP: Double
    /// B: replicates that refitted and entered the p-values.
    public let bootstrapReplications: Int
    /// Replicates whose refit failed (excluded from B); normally 0.
    public let failedReplications: Int
    /// The seed that makes the bootstrap reproducible.
    public let seed: UInt64

    /// Whether either test rejects the family at `level`. Two tests each at `level` reject a
    /// true family somewhat more often than `level`; the caution is deliberate, since a
    /// rejected family has an empirical distribution to fall back on.
    public func rejects(at level: Double = 0.05) -> Bool { ksP < level || adP < level }

    /// Both statistics for a fitted model against the product-limit estimate of `n` stays.
    static func statistics(_ estimate: ProductLimitEstimate, model: StayModel, n: Int) -> (ks: Double, ad: Double) {
        var ks = 0.0, integral = 0.0
        var previousHat = 0.0, previousF = 0.0, previousS = 1.0
        for (t, hat) in zip(estimate.times, estimate.cdf) {
            let f = model.cdf(t), s = model.survival(t)
            ks = max(ks, abs(hat - f), abs(previousHat - f))
            integral += piece(level: previousHat, from: (previousF, previousS), to: (f, s))
            previousHat = hat
            previousF = f
            previousS = s
        }
        if estimate.highestCDF >= 1 {
            integral += piece(level: 1, from: (previousF, previousS), to: (1, 0))
        }
        return (ks, Double(n) * integral)
    }

    /// ∫ₐᵇ (c − u)² / (u(1 − u)) du for a piece where F̂ = c, from u = a to b (each given with
    /// its 1 − u). Terms whose coefficient is 0 are dropped before a log of 0 can make NaN.
    private static func piece(level c: Double, from a: (u: Double, s: Double), to b: (u: Double, s: Double)) -> Double {
        guard b.u > a.u else { return 0 }
        var value = -(b.u - a.u)
        if c > 0 { value += c * c * (log(b.u) - log(a.u)) }
        if c < 1 { value -= (1 - c) * (1 - c) * (log(b.s) - log(a.s)) }
        return value
    }
}

extension StayFit {
    /// The number of bootstrap replicates unless told otherwise: with 199, p-values are
    /// multiples of 1/200 and a p below 0.05 means fewer than 10 replicates fit worse.
    public static let defaultBootstrapReplications = 199
    /// Simplex size at which a bootstrap refit stops (see `goodnessOfFit`).
    static let bootstrapSimplexTolerance = 1e-6

    /// Tests `fit` against the stays it was fitted to, with p-values from a parametric
    /// bootstrap of `bootstrapReplications` replicates (see `StayGoodnessOfFit`).
    ///
    /// Replicate r draws from substream r of one MRG32k3a stream seeded by `seed`, so results
    /// are the same for a seed whatever the order or thread replicates run on; they run in
    /// parallel. Each refit starts from `fit`'s estimate, which is the truth it is simulating,
    /// and skips the restart a reported fit gets (see the comment in the body).
    ///
    /// - Throws: `StayFitError.invalidObservation`, or `.invalidArgument` when the stays are
    ///   not the number `fit` was fitted to or `bootstrapReplications` < 1.
    public static func goodnessOfFit(_ fit: FittedStayDistribution, to observations: [StayObservation],
                                     bootstrapReplications: Int = defaultBootstrapReplications,
                                     seed: UInt64 = 1) throws -> StayGoodnessOfFit {
        _ = FitGSL.errorHandlerDisabled
        try StayObservation.validate(observations)
        guard observations.count == fit.observationCount else {
            throw StayFitError.invalidArgument(
                "goodness of fit needs the \(fit.observationCount) stays the \(fit.family) fit was made from, got \(observations.count)")
        }
        guard bootstrapReplications >= 1 else {
            throw StayFitError.invalidArgument("bootstrapReplications must be at least 1, got \(bootstrapReplications)")
        }
        let n = observations.count
        let observed = StayGoodnessOfFit.statistics(ProductLimitEstimate(validated: observations), model: fit.model, n: n)

        let replicates = BootstrapResults(count: bootstrapReplications)
        // A replicate's optimum lies within a few standard errors of the fit it was drawn
        // from, so the simplex starts there at that size, stops at a looser tolerance than a
        // reported fit (1e-6 on the log scale moves neither statistic in any digit that
        // matters) and is not restarted: a simplex started this close to a well-shaped peak
        // does not collapse short of it. Together these cut the bootstrap's work by half.
        let steps = (0..<fit.parameterCount).map { 2 * fit.transformedCovariance[$0][$0].squareRoot() }
        let entrySurvival = observations.map { fit.model.survival($0.entry) }
        DispatchQueue.concurrentPerform(iterations: bootstrapReplications) { r in
            let random = RandomStreams(masterSeed: seed, replication: r).stream("stay-goodness-of-fit")
            let sample = simulate(like: observations, from: fit.model, entrySurvival: entrySurvival, random: random)
            let likelihood = StayLikelihood(sample, family: fit.family)
            guard let optimum = try? maximise(likelihood, start: fit.transformed, steps: steps,
                                                tolerance: bootstrapSimplexTolerance, restart: false) else { return }
            let refit = StayModel(family: fit.family, transformed: optimum.point[0],
                                  optimum.point.count > 1 ? optimum.point[1] : 0)
            replicates.store(StayGoodnessOfFit.statistics(ProductLimitEstimate(validated: sample), model: refit, n: n), at: r)
        }

        let done = replicates.completed
        let b = Double(done.count)
        let ksAtLeast = done.filter { $0.ks >= observed.ks }.count
        let adAtLeast = done.filter { $0.ad >= observed.ad }.count
        return StayGoodnessOfFit(family: fit.family, ks: observed.ks, ad: observed.ad,
                                 ksP: Double(1 + ksAtLeast) / (b + 1), adP: Double(1 + adAtLeast) / (b + 1),
                                 bootstrapReplications: done.count,
                                 failedReplications: bootstrapReplications - done.count, seed: seed)
    }

    /// Stays as the window would have recorded them had `model` been the truth: each drawn
    /// given it exceeds its entry, and censored at its own limit.
    static func simulate(like observations: [StayObservation], from model: StayModel, entrySurvival: [Double],
                         random: RandomStream) -> [StayObservation] {
        var sample: [StayObservation] = []
        sample.reserveCapacity(observations.count)
        for (observation, survivalAtEntry) in zip(observations, entrySurvival) {
            var stay = model.upperQuantile(survivalAtEntry * random.uniformPositive())
            // A draw that rounds onto the entry (or a quantile GSL could not invert) is the
            // smallest stay the window could have seen.
            if !(stay > observation.entry) { stay = observation.entry.nextUp }
            sample.append(stay > observation.limit
                ? StayObservation(entry: observation.entry, exit: observation.limit, censored: true, limit: observation.limit)
                : StayObservation(entry: observation.entry, exit: stay, censored: false, limit: observation.limit))
        }
        return sample
    }
}

/// Bootstrap statistics written by concurrent replicates, each into its own slot of memory
/// allocated up front, so no lock is needed and the order of completion does not matter.
private final class BootstrapResults: @unchecked Sendable {
    private let slots: UnsafeMutableBufferPointer<(ks: Double, ad: Double)?>

    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil)
    }

    deinit { slots.deallocate() }

    func store(_ statistics: (ks: Double, ad: Double), at index: Int) { slots[index] = statistics }

    /// The replicates that finished, in replicate order.
    var completed: [(ks: Double, ad: Double)] { slots.compactMap { $0 } }
}
