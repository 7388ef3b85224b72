import CrisisExperiment
import CrisisModel
import CrisisTestSupport
import XCTest

final class WarmupAnalysisTests: XCTestCase {
    /// A series that is biased for its first 40 days and flat after: MSER-5 cuts the bias.
    func testMSER5FindsTheEndOfAnInitialBias() {
        var series = (0..<40).map { 100 - 2.5 * Double($0) }  // falls from 100 to 2.5
        series += (0..<360).map { _ in 0.0 }
        let cut = WarmupAnalysis.mser5(series)
        XCTAssertEqual(cut, 40)
    }

    func testWelchAveragesWithAShrinkingWindowAtTheStart() {
        let means = [0.0, 3, 6, 9, 12, 15, 18]
        // Window 2: day 0 alone, day 1 over 0...2, then 5-day windows; the last 2 days dropped.
        XCTAssertEqual(WarmupAnalysis.welch(means, window: 2), [0, 3, 6, 9, 12])
    }

    /// An empty bed pool filling towards a known steady state: 50 erlangs offered to 100 beds
    /// (no blocking to speak of), exponential stays of 10 days. Occupancy rises as
    /// 50·(1 − e^(−t/10)) (the M/M/∞ transient), so the bias is below one bed after
    /// 10·ln 50 ≈ 39 days and below the census's own noise (√50 ≈ 7 beds) after ~20 days.
    /// MSER-5 must cut at least the steep part (10 days) and not much beyond the point where
    /// the bias is negligible (80 days), and the mean after the cut must sit at 50. MSER is
    /// only as good as the series it reads: with 10 replications of 400 days its choice
    /// wandered up to 195 days on some seeds; with 20 of 1,500 days it stayed in 25-55 days
    /// over eight seeds, which is the set-up used here.
    func testRecommendationOnAnEmptyStartBedPool() throws {
        let configuration = Configurations.bedsOnly(beds: 100, admissionsPerYear: 50 * 365.25 / 10,
                                                    stayDays: Configurations.exponential(10), bedSearchHours: 0)
        let results = try ReplicationRunner(configuration: configuration, length: RunLength(warmupDays: 0, horizonDays: 1_500),
                                            seed: 3, dailySeries: true).run(Array(0..<20), threads: 2)
        let census = results.map { $0.daily!.bedsOccupied }
        let means = WarmupAnalysis.meanAcrossReplications(census)
        XCTAssertEqual(means.count, 1_500)
        XCTAssertLessThan(means[0], 15, "the pool starts empty")
        let cut = WarmupAnalysis.mser5(means)
        XCTAssertGreaterThanOrEqual(cut, 10)
        XCTAssertLessThanOrEqual(cut, 80)
        let settled = Array(means[cut...])
        let level = settled.reduce(0, +) / Double(settled.count)
        // 20 replications x ~1,470 days of a census with sd ~7 and a correlation time of ~10
        // days (an independent value every ~20): standard error ≈ 7 / sqrt(20 x 1470 / 20)
        // ≈ 0.18 beds; allow about 5 of them.
        XCTAssertEqual(level, 50, accuracy: 1)
    }
}
