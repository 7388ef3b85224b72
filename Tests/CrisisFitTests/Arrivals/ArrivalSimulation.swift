import Foundation
import SimRandom

/// A non-homogeneous Poisson process in the model's form, drawn by thinning (Lewis and Shedler
/// 1979) from a SimRandom stream: rate in whole model hour h is
/// perYear / 8766 × hourWeight[h mod 24] × dayWeight[(h mod 168) / 24] × (1 + growth)^(h / 8766),
/// with both weight sets at mean 1, as `RateProfile` has it.
struct ArrivalSimulation {
    var perYear: Double
    var hourWeights: [Double] = Array(repeating: 1, count: 24)
    var dayWeights: [Double] = Array(repeating: 1, count: 7)
    var annualGrowth: Double = 0

    init(perYear: Double, hourWeights: [Double]? = nil, dayWeights: [Double]? = nil, annualGrowth: Double = 0) {
        self.perYear = perYear
        if let hourWeights { self.hourWeights = Self.meanOne(hourWeights) }
        if let dayWeights { self.dayWeights = Self.meanOne(dayWeights) }
        self.annualGrowth = annualGrowth
    }

    static func meanOne(_ weights: [Double]) -> [Double] {
        let mean = weights.reduce(0, +) / Double(weights.count)
        return weights.map { $0 / mean }
    }

    func rate(duringHour hour: Int) -> Double {
        let week = ((hour % 168) + 168) % 168
        return perYear / 8766 * hourWeights[week % 24] * dayWeights[week / 24]
            * pow(1 + annualGrowth, Double(hour) / 8766)
    }

    /// Expected arrivals in [start, end) (whole hours pro rata).
    func expected(start: Double, end: Double) -> Double {
        var total = 0.0
        var hour = Int(floor(start))
        while Double(hour) < end {
            let overlap = min(end, Double(hour + 1)) - max(start, Double(hour))
            total += rate(duringHour: hour) * overlap
            hour += 1
        }
        return total
    }

    func arrivals(start: Double, end: Double, seed: UInt64) -> [Double] {
        let stream = RandomStreams(masterSeed: seed, replication: 0).stream("fit.arrivals.thinning")
        var peak = 0.0
        var hour = Int(floor(start))
        while Double(hour) < end {
            peak = max(peak, rate(duringHour: hour))
            hour += 1
        }
        var times: [Double] = []
        var t = start
        while true {
            t += stream.exponential(mean: 1 / peak)
            guard t < end else { return times }
            if stream.uniform() * peak < rate(duringHour: Int(floor(t))) { times.append(t) }
        }
    }
}
