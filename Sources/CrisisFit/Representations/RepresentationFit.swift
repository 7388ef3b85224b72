import CGSL
import Foundation

/// One finished episode, followed up for re-presentation: how long the record watched after
/// it ended, and when (if at all) the person came back in crisis, both in days.
public struct RepresentationObservation: Sendable, Equatable {
    /// Days from the episode's end to the end of the record.
    public let followUp: Double
    /// Days from the episode's end to the person's return; nil when they did not return
    /// within the follow-up.
    public let delay: Double?

    public init(followUp: Double, delay: Double?) {
        self.followUp = followUp
        self.delay = delay
    }
}

/// The chance that an episode is followed by a re-presentation, and the delay until it, as
/// the model draws them (`representation.probability`, then `representation.after_days`),
/// fitted together by maximum likelihood.
///
/// Neither can be read off alone: an episode that ended near the record's end has had little
/// time to come back, so the share who came back understates the probability, and the delays
/// seen are the short ones. This is a cure (mixture) model with exponential delays: an
/// episode seen to return after d days contributes p·e^(−d/m)/m, one not seen to return
/// within f days contributes 1 − p + p·e^(−f/m). Maximised with GSL's simplex on (logit p,
/// log m); intervals are Wald intervals on that scale, from the observed information, mapped
/// back (so they stay inside (0, 1) and above 0).
public struct RepresentationFit: Sendable {
    public struct Estimate: Sendable, Equatable {
        public let value: Double
        public let lower: Double
        public let upper: Double
        public func covers(_ x: Double) -> Bool { lower <= x && x <= upper }
    }

    /// Episodes followed up, and those seen to return.
    public let episodes: Int
    public let returned: Int
    /// `representation.probability`.
    public let probability: Estimate
    /// `representation.after_days` as an exponential mean, days.
    public let meanDelay: Estimate

    public enum Failure: Error, Equatable, CustomStringConvertible {
        case invalidObservation(index: Int, reason: String)
        case tooFewReturns(Int)
        case noMaximum

        public var description: String {
            switch self {
            case .invalidObservation(let index, let reason): return "observation \(index): \(reason)"
            case .tooFewReturns(let count):
                return "\(count) re-presentations seen: at least \(RepresentationFit.minimumReturns) are needed to fit "
                    + "their probability and delay"
            case .noMaximum: return "the likelihood has no proper maximum (no interval can be given)"
            }
        }
    }

    /// Fewer returns than this leave the delay's scale undetermined.
    public static let minimumReturns = 10

    public static func fit(_ observations: [RepresentationObservation]) throws -> RepresentationFit {
        _ = FitGSL.errorHandlerDisabled
        for (i, observation) in observations.enumerated() {
            guard observation.followUp.isFinite, observation.followUp > 0 else {
                throw Failure.invalidObservation(index: i, reason: "follow-up must be positive, got \(observation.followUp)")
            }
            if let delay = observation.delay, !(delay >= 0 && delay <= observation.followUp) {
                throw Failure.invalidObservation(index: i, reason: "delay \(delay) must lie in [0, follow-up \(observation.followUp)]")
            }
        }
        let delays = observations.compactMap(\.delay)
        guard delays.count >= minimumReturns else { throw Failure.tooFewReturns(delays.count) }
        let watched = observations.filter { $0.delay == nil }.map(\.followUp)
        let delaySum = delays.reduce(0, +)
        // −log L on the optimiser scale (logit p, log m).
        let negativeLogLikelihood: ([Double]) -> Double = { theta in
            let p = 1 / (1 + Foundation.exp(-theta[0])), m = Foundation.exp(theta[1])
            var value = -Double(delays.count) * (Foundation.log(p) - Foundation.log(m)) + delaySum / m
            for f in watched { value -= Foundation.log(1 - p + p * Foundation.exp(-f / m)) }
            return value.isFinite ? value : .greatestFiniteMagnitude
        }
        let share = min(max(Double(delays.count) / Double(observations.count), 0.01), 0.99)
        let start = [Foundation.log(share / (1 - share)), Foundation.log(max(delaySum / Double(delays.count), 1e-3))]
        let optimum = try Simplex.minimise(negativeLogLikelihood, start: start, steps: [0.5, 0.5], tolerance: 1e-8)
        let information = Derivatives.hessian(negativeLogLikelihood, at: optimum.point, innerStep: 1e-5, outerStep: 1e-2)
        guard let covariance = Derivatives.inverseOfPositiveDefinite(information) else { throw Failure.noMaximum }
        let z = FittedStayDistribution.z95
        func interval(_ k: Int, _ map: (Double) -> Double) -> Estimate {
            let half = z * covariance[k][k].squareRoot()
            return Estimate(value: map(optimum.point[k]), lower: map(optimum.point[k] - half), upper: map(optimum.point[k] + half))
        }
        return RepresentationFit(episodes: observations.count, returned: delays.count,
                                 probability: interval(0) { 1 / (1 + Foundation.exp(-$0)) }, meanDelay: interval(1) { Foundation.exp($0) })
    }
}

