#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// When in the week arrivals come, and how their volume drifts over the years.
///
/// The rate is piecewise constant by the hour: hour h of the run (time in hours, hour 0 the
/// start of Monday 00:00 unless `startHourOfWeek` says otherwise) has rate
/// `perHour × weights[hour of week] × (1 + annualGrowth)^(h / hoursPerYear)`, growth
/// compounding continuously over fractional years and held constant within each hour. The
/// 168 weights (Monday 00:00-01:00 first) are normalised to mean 1, so `perHour` is the
/// long-run mean rate at the start of the run.
public struct RateProfile: Sendable, Equatable {
    public static let hoursPerWeek = 168
    /// 365.25 days, so leap years average out over long runs.
    public static let hoursPerYear = 8766.0

    /// Mean arrivals per hour at the start of the run (hour 0, before any warm-up); growth
    /// compounds from there.
    public let perHour: Double
    /// 168 weights normalised to mean 1.
    public let weights: [Double]
    /// Fractional change per year (0.02 = 2% more each year), compounded; > −1.
    public let annualGrowth: Double
    /// The hour of the week at time 0 (0 = Monday 00:00).
    public let startHourOfWeek: Int

    /// - Parameters:
    ///   - perYear: arrivals in the first year (>= 0).
    ///   - hourOfWeekWeights: 168 relative weights, or 24 (the same every day), or empty (flat).
    public init(perYear: Double, hourOfWeekWeights: [Double] = [], annualGrowth: Double = 0,
                startHourOfWeek: Int = 0) throws {
        guard perYear.isFinite, perYear >= 0 else {
            throw RateProfileError.invalid("perYear must be a finite number >= 0, got \(perYear)")
        }
        guard annualGrowth.isFinite, annualGrowth > -1 else {
            throw RateProfileError.invalid("annualGrowth must be > -1, got \(annualGrowth)")
        }
        var raw: [Double]
        switch hourOfWeekWeights.count {
        case 0: raw = Array(repeating: 1, count: Self.hoursPerWeek)
        case 24: raw = (0..<7).flatMap { _ in hourOfWeekWeights }
        case Self.hoursPerWeek: raw = hourOfWeekWeights
        default:
            throw RateProfileError.invalid("hour weights must number 24 or 168, got \(hourOfWeekWeights.count)")
        }
        guard raw.allSatisfy({ $0.isFinite && $0 >= 0 }) else {
            throw RateProfileError.invalid("hour weights must be finite numbers >= 0")
        }
        let mean = raw.reduce(0, +) / Double(raw.count)
        guard mean > 0 || perYear == 0 else {
            throw RateProfileError.invalid("hour weights are all zero but perYear is \(perYear)")
        }
        weights = mean > 0 ? raw.map { $0 / mean } : raw
        perHour = perYear / Self.hoursPerYear
        self.annualGrowth = annualGrowth
        self.startHourOfWeek = ((startHourOfWeek % Self.hoursPerWeek) + Self.hoursPerWeek) % Self.hoursPerWeek
    }

    /// Arrivals per hour during whole hour `hour` of the run (hour 0 = [0, 1)).
    @inlinable public func rate(duringHour hour: Int) -> Double {
        Self.rate(perHour: perHour, weight: weights[hourOfWeek(hour)], annualGrowth: annualGrowth, hour: hour)
    }

    /// The hour of the week (0 = Monday 00:00-01:00) that hour `hour` of the run falls in.
    @inlinable public func hourOfWeek(_ hour: Int) -> Int { Self.hourOfWeek(hour, start: startHourOfWeek) }

    /// The same for a run whose hour 0 is hour `start` of the week.
    @inlinable static func hourOfWeek(_ hour: Int, start: Int) -> Int { (hour + start) % hoursPerWeek }

    /// The rate of hour `hour` given its week weight: the formula itself, shared with
    /// `ArrivalClock`, which steps through consecutive hours reading weights by pointer.
    @inlinable static func rate(perHour: Double, weight: Double, annualGrowth: Double, hour: Int) -> Double {
        guard annualGrowth != 0 else { return perHour * weight }
        return perHour * weight * pow1p(annualGrowth, Double(hour) / hoursPerYear)
    }

    /// Whether the rate is the same at every hour (flat weights, no growth), so the
    /// inter-arrival times are plain exponentials.
    public var isStationary: Bool { annualGrowth == 0 && weights.allSatisfy { $0 == weights[0] } }

    /// Whether the profile can ever produce an arrival.
    public var isNeverActive: Bool { perHour == 0 }

    /// Expected arrivals in [0, hours), by summing whole hours.
    public func expectedArrivals(inFirst hours: Int) -> Double {
        (0..<hours).reduce(0) { $0 + rate(duringHour: $1) }
    }
}

public enum RateProfileError: Error, Equatable, CustomStringConvertible {
    case invalid(String)
    public var description: String {
        switch self { case .invalid(let message): return message }
    }
}

/// (1 + g)^x, computed as exp(x · log1p(g)) for accuracy at small g.
@inlinable func pow1p(_ g: Double, _ x: Double) -> Double {
    exp(x * log1p(g))
}
