import CrisisTestSupport
import Foundation
import XCTest
import SimKernel
import SimRandom

/// Referral streams: non-stationary Poisson arrivals by inversion of the integrated rate.
final class ArrivalProcessTests: XCTestCase {
    /// A strongly peaked week: nobody between 02:00 and 06:00, a Monday-morning surge 40 times
    /// the night rate, busy weekday office hours and quiet weekends.
    private static func peakedWeight(hourOfWeek: Int) -> Double {
        let day = hourOfWeek / 24, hour = hourOfWeek % 24
        if (2..<6).contains(hour) { return 0 }
        if day == 0 && (9..<12).contains(hour) { return 40 }
        if day >= 5 { return 0.5 }
        if (8..<18).contains(hour) { return 4 }
        return 1
    }

    private static let peakedWeights = (0..<168).map { peakedWeight(hourOfWeek: $0) }

    private func streams(_ replication: Int = 0, seed: UInt64 = 20_240_601) -> RandomStreams {
        RandomStreams(masterSeed: seed, replication: replication)
    }

    // MARK: Exact behaviour

    func testZeroVolumeNeverArrives() throws {
        let silent = ArrivalProcess(profile: try RateProfile(perYear: 0), stream: streams().stream("silent"))
        XCTAssertEqual(silent.next(after: 0), .infinity)
        XCTAssertEqual(silent.next(after: 12_345.6), .infinity)
        let silentWeek = ArrivalProcess(profile: try RateProfile(perYear: 0, hourOfWeekWeights: Array(repeating: 0, count: 168)),
                                        stream: streams().stream("silent"))
        XCTAssertEqual(silentWeek.next(after: 3), .infinity)
    }

    /// Each arrival uses exactly one unit exponential E from its stream, and lands where the
    /// integrated rate since the previous arrival reaches E. The oracle here draws the same E
    /// from a twin stream (same seed, replication and identity) and inverts a precomputed
    /// cumulative rate, built from the raw weights, by binary search: a different computation
    /// of the same function. The two differ only by floating-point rounding of sums of about
    /// 10^4 terms of size ~1 (relative 1e-12), far inside the 1e-7 h tolerance.
    func testArrivalTimesInvertTheIntegratedRateOfOneExponentialEach() throws {
        let perYear = 2 * RateProfile.hoursPerYear  // 2 an hour on average
        let rawMean = Self.peakedWeights.reduce(0, +) / 168
        let cases: [(name: String, weights: [Double], growth: Double, start: Int)] = [
            ("flat", [], 0, 0),
            ("peaked", Self.peakedWeights, 0, 0),
            ("peaked, growing, starting Wednesday 14:00", Self.peakedWeights, 0.3, 2 * 24 + 14),
        ]
        for (name, weights, growth, start) in cases {
            let profile = try RateProfile(perYear: perYear, hourOfWeekWeights: weights, annualGrowth: growth,
                                          startHourOfWeek: start)
            func rate(_ hour: Int) -> Double {
                let shape = weights.isEmpty ? 1 : weights[(hour + start) % 168] / rawMean
                return 2 * shape * pow(1 + growth, Double(hour) / RateProfile.hoursPerYear)
            }
            let horizon = 20_000
            var cumulative = [0.0]
            cumulative.reserveCapacity(horizon + 1)
            for hour in 0..<horizon { cumulative.append(cumulative[hour] + rate(hour)) }
            func integrated(_ t: Double) -> Double {
                let hour = Int(t)
                return cumulative[hour] + rate(hour) * (t - Double(hour))
            }
            func invert(_ target: Double) -> Double {
                // Smallest hour h with cumulative[h + 1] >= target.
                var low = 0, high = horizon - 1
                while low < high {
                    let mid = (low + high) / 2
                    if cumulative[mid + 1] >= target { high = mid } else { low = mid + 1 }
                }
                return Double(low) + (target - cumulative[low]) / rate(low)
            }

            let streams = streams()
            let process = ArrivalProcess(profile: profile, stream: streams.stream("referrals"))
            let twin = streams.stream("referrals")
            var t = 0.0
            for arrival in 0..<5_000 {
                let next = process.next(after: t)
                let expected = invert(integrated(t) + twin.exponential(mean: 1))
                XCTAssertEqual(next, expected, accuracy: 1e-7, "\(name): arrival \(arrival) after \(t)")
                XCTAssertGreaterThan(next, t)
                if abs(next - expected) > 1e-7 { break }
                t = next
            }
            XCTAssertGreaterThan(t, 2_000, "\(name): 5,000 arrivals at ~2 an hour")
        }
    }

    /// Common random numbers: doubling the volume of a profile halves every arrival time.
    func testDoublingTheVolumeHalvesTheArrivalTimes() throws {
        let single = ArrivalProcess(profile: try RateProfile(perYear: 1_000), stream: streams().stream("a"))
        let double = ArrivalProcess(profile: try RateProfile(perYear: 2_000), stream: streams().stream("a"))
        var t1 = 0.0, t2 = 0.0
        for _ in 0..<1_000 {
            t1 = single.next(after: t1)
            t2 = double.next(after: t2)
            XCTAssertEqual(t2, t1 / 2, accuracy: 1e-9 * t1)
        }
    }

    // MARK: Statistical behaviour

    /// Counts by hour of the week over 400 weeks of a strongly peaked profile. Hours with zero
    /// weight must see no arrival at all. In the others the counts are independent Poisson
    /// with known means E_h = 400 · rate(h), so Σ (O − E)² / E is approximately chi-square with
    /// 140 degrees of freedom (168 hours less 28 quiet ones). Its 0.999 quantile is 197.45
    /// (scipy.stats.chi2.ppf(0.999, 140)); the smallest E_h is about 200, so the chi-square
    /// approximation is good.
    func testCountsByHourOfWeekMatchThePeakedProfile() throws {
        let perHour = 3.0
        let weeks = 400
        let profile = try RateProfile(perYear: perHour * RateProfile.hoursPerYear, hourOfWeekWeights: Self.peakedWeights)
        let process = ArrivalProcess(profile: profile, stream: streams().stream("peaked"))
        let horizon = Double(weeks * 168)
        var counts = Array(repeating: 0, count: 168)
        var t = process.next(after: 0)
        while t < horizon {
            counts[Int(t) % 168] += 1
            t = process.next(after: t)
        }
        let rawMean = Self.peakedWeights.reduce(0, +) / 168
        var chiSquare = 0.0, againstFlat = 0.0
        var positiveHours = 0
        for hour in 0..<168 {
            let expected = Double(weeks) * perHour * Self.peakedWeights[hour] / rawMean
            if expected == 0 {
                XCTAssertEqual(counts[hour], 0, "an arrival in quiet hour \(hour) of the week")
                continue
            }
            positiveHours += 1
            XCTAssertGreaterThan(expected, 150)
            chiSquare += pow(Double(counts[hour]) - expected, 2) / expected
            let flat = Double(weeks) * perHour
            againstFlat += pow(Double(counts[hour]) - flat, 2) / flat
        }
        XCTAssertEqual(positiveHours, 140)
        XCTAssertLessThan(chiSquare, 197.45, "counts by hour of week do not fit the profile")
        // Power: the same statistic rejects a flat week by a mile.
        XCTAssertGreaterThan(againstFlat, 197.45 * 10)
    }

    /// The week starts where startHourOfWeek says: with the run starting Wednesday 14:00,
    /// run hour h is hour (h + 62) of the week, and quiet hours stay quiet.
    func testShiftedStartKeepsTheQuietHoursQuiet() throws {
        let start = 2 * 24 + 14
        let profile = try RateProfile(perYear: 5 * RateProfile.hoursPerYear, hourOfWeekWeights: Self.peakedWeights,
                                      startHourOfWeek: start)
        let process = ArrivalProcess(profile: profile, stream: streams().stream("shifted"))
        var t = process.next(after: 0)
        var arrivals = 0
        var mondayPeak = 0
        while t < 50 * 168 {
            let hourOfWeek = (Int(t) + start) % 168
            XCTAssertGreaterThan(Self.peakedWeights[hourOfWeek], 0, "arrival at \(t) in a quiet hour")
            if (9..<12).contains(hourOfWeek) { mondayPeak += 1 }
            arrivals += 1
            t = process.next(after: t)
        }
        XCTAssertGreaterThan(arrivals, 30_000)
        XCTAssertGreaterThan(mondayPeak, arrivals / 20, "the Monday surge moved with the start hour")
    }

    /// With 50% annual growth, the second year brings 1.5 times the first year's referrals.
    /// 30 replications (independent substreams); the 99.9% Student-t CI of the ratio N2/N1 must
    /// contain 1.5, and that of N1 must contain the first-year expectation perYear · g / ln(1 + g)
    /// of a rate compounding continuously. (The ratio's small-sample bias, ~Var(N1)/N1², is
    /// about 1e-4 of it, well inside the CI.)
    func testYearTwoBringsOnePlusGrowthTimesYearOne() throws {
        let growth = 0.5
        let perYear = 10_000.0
        let profile = try RateProfile(perYear: perYear, annualGrowth: growth)
        let year = RateProfile.hoursPerYear
        var ratio = Replications()
        var firstYear = Replications()
        for replication in 0..<30 {
            let process = ArrivalProcess(profile: profile, stream: streams(replication).stream("growing"))
            var counts = [0, 0]
            var t = process.next(after: 0)
            while t < 2 * year {
                counts[t < year ? 0 : 1] += 1
                t = process.next(after: t)
            }
            ratio.add(Double(counts[1]) / Double(counts[0]))
            firstYear.add(Double(counts[0]))
        }
        ratio.assertContains(1 + growth, "year-2 / year-1 referrals")
        firstYear.assertContains(perYear * growth / log1p(growth), "first-year referrals")
        // Power: growth of 45% would have been caught, and so would growth applied in steps
        // (perYear in the whole first year).
        ratio.assertExcludes(1.45, "year-2 / year-1 referrals")
        firstYear.assertExcludes(perYear, "first-year referrals")
    }

    /// A flat profile takes the one-step path: gaps are exponential with mean 1 / perHour.
    /// Per replication: the mean gap, the share of gaps longer than the mean (e^-1 for an
    /// exponential) and the mean squared gap (2 / perHour² for an exponential); the 99.9% CI
    /// over 20 replications must contain each.
    func testStationaryGapsAreExponentialWithTheRightMean() throws {
        let perHour = 2.0
        let profile = try RateProfile(perYear: perHour * RateProfile.hoursPerYear)
        XCTAssertTrue(profile.isStationary)
        var meanGap = Replications(), longGaps = Replications(), meanSquare = Replications()
        for replication in 0..<20 {
            let process = ArrivalProcess(profile: profile, stream: streams(replication).stream("flat"))
            var t = 0.0
            var sum = 0.0, sumSquares = 0.0, long = 0
            let n = 5_000
            for _ in 0..<n {
                let next = process.next(after: t)
                let gap = next - t
                sum += gap
                sumSquares += gap * gap
                if gap > 1 / perHour { long += 1 }
                t = next
            }
            meanGap.add(sum / Double(n))
            longGaps.add(Double(long) / Double(n))
            meanSquare.add(sumSquares / Double(n))
        }
        meanGap.assertContains(1 / perHour, "mean gap")
        longGaps.assertContains(exp(-1), "share of gaps longer than the mean")
        meanSquare.assertContains(2 / (perHour * perHour), "mean squared gap")
        meanGap.assertExcludes(1.05 / perHour, "mean gap")
    }
}
