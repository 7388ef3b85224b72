import CGSL

/// The log-likelihood of one family for a set of censored and left-truncated stays:
///
///     log L = Σᵢ [ (1 − cᵢ) log f(exitᵢ) + cᵢ log S(exitᵢ) − log S(entryᵢ) ]
///
/// with cᵢ = 1 for a censored stay. A discharged stay contributes its density; a stay still
/// open at the window's end contributes the probability of lasting at least that long; a stay
/// admitted before the window is conditioned on having lasted to the window's start, which is
/// why it was seen at all. S(0) = 1, so stays admitted inside the window have no third term.
///
/// The observations are split once into the three kinds of term so that each evaluation is a
/// tight loop over contiguous doubles with no allocation: Nelder-Mead and the numerical
/// Hessian call this hundreds of times per fit.
final class StayLikelihood {
    let family: StayFamily
    /// Exits of discharged stays: log f terms.
    let dischargedExits: [Double]
    /// Exits of stays still open at the window's end: log S terms.
    let censoredExits: [Double]
    /// Entries of left-truncated stays (entry > 0): − log S terms.
    let truncatedEntries: [Double]
    let observationCount: Int

    init(_ observations: [StayObservation], family: StayFamily) {
        self.family = family
        var discharged: [Double] = [], censored: [Double] = [], truncated: [Double] = []
        discharged.reserveCapacity(observations.count)
        for observation in observations {
            if observation.censored { censored.append(observation.exit) } else { discharged.append(observation.exit) }
            if observation.entry > 0 { truncated.append(observation.entry) }
        }
        dischargedExits = discharged
        censoredExits = censored
        truncatedEntries = truncated
        observationCount = observations.count
    }

    /// log L at a member of the family.
    func logLikelihood(_ model: StayModel) -> Double {
        var total = 0.0
        for x in dischargedExits { total += log(model.density(x)) }
        for x in censoredExits { total += log(model.survival(x)) }
        for x in truncatedEntries { total -= log(model.survival(x)) }
        return total
    }

    /// log L at optimiser-scale parameters.
    func logLikelihood(transformed t0: Double, _ t1: Double) -> Double {
        logLikelihood(StayModel(family: family, transformed: t0, t1))
    }

    /// What Nelder-Mead minimises: −log L, or the largest finite double where log L is not a
    /// finite number (a density or survival that underflows to 0 far from the data).
    /// GSL's nmsimplex2 fails outright on infinite values met while contracting; a huge
    /// finite value is simply a vertex never to move towards.
    func objective(transformed t0: Double, _ t1: Double) -> Double {
        let value = -logLikelihood(transformed: t0, t1)
        return value.isFinite ? value : Double.greatestFiniteMagnitude
    }
}
