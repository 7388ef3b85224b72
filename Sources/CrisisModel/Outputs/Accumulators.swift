import SimKernel

/// The statistics of one replication, in flat arrays indexed by (stratum, measure).
///
/// Stratum 0 is the whole system, then one per area, then one per cohort, so a person's
/// event updates up to three cells. With a single area (or a single cohort) that stratum
/// always equals the whole system, so it is not updated alongside it on every event but read
/// from stratum 0 (`cell`). Allocated once per replication; memory does not grow with the
/// horizon.
///
/// Stratum-major, so the measures of one area sit together: a handler that counts several
/// things for one person touches that area's block of counters (360 bytes), not a line in
/// every counter's row (at England scale, 42 areas and one cohort, a row spans six lines).
struct Accumulators {
    let areaCount: Int
    let cohortCount: Int
    var strata: Int { 1 + areaCount + cohortCount }
    /// Cells per stratum in `counters` and in `observations`.
    let counterStride = Counter.allCases.count
    let observationStride = Observation.allCases.count

    var counters: [Double]
    var observations: [Tally]
    /// Per area (not per cohort): levels belong to places.
    var levels: [TimeWeightedLevel]
    /// Out-of-area placements active at each month end: system-wide, then per area.
    var outOfAreaAtMonthEnd: [Tally]

    static let occupancyThresholds = [0.85, 0.95, 1.0]

    init(areaCount: Int, cohortCount: Int, at time: Double) {
        self.areaCount = areaCount
        self.cohortCount = cohortCount
        let strata = 1 + areaCount + cohortCount
        counters = Array(repeating: 0, count: strata * counterStride)
        // One tally per measure, copied into every stratum: the copies share its histogram storage
        // until each is first written (the warm-up's reset writes them all).
        let prototypes = Observation.allCases.map { Tally(histogram: $0.histogram) }
        observations = (0..<strata).flatMap { _ in prototypes }
        outOfAreaAtMonthEnd = Array(repeating: Tally(), count: 1 + areaCount)
        levels = []
        for _ in 0..<areaCount {
            for level in Level.allCases {
                let thresholds = level == .bedOccupancyShare ? Self.occupancyThresholds : []
                levels.append(TimeWeightedLevel(at: time, thresholds: thresholds))
            }
        }
    }

    @inline(__always) mutating func count(_ counter: Counter, area: Int, cohort: Int, by amount: Double = 1) {
        counters[counter.rawValue] += amount
        if areaCount > 1 { counters[(1 + area) * counterStride + counter.rawValue] += amount }
        if cohortCount > 1 { counters[(1 + areaCount + cohort) * counterStride + counter.rawValue] += amount }
    }

    @inline(__always) mutating func observe(_ observation: Observation, _ value: Double, area: Int, cohort: Int) {
        observations[observation.rawValue].add(value)
        if areaCount > 1 { observations[(1 + area) * observationStride + observation.rawValue].add(value) }
        if cohortCount > 1 { observations[(1 + areaCount + cohort) * observationStride + observation.rawValue].add(value) }
    }

    /// The stratum whose cells hold `stratum`'s values: itself, or 0 for the only area or the
    /// only cohort (see `count`).
    func cell(_ stratum: Int) -> Int {
        let isArea = stratum >= 1 && stratum <= areaCount
        let isCohort = stratum > areaCount
        return (isArea && areaCount == 1) || (isCohort && cohortCount == 1) ? 0 : stratum
    }

    @inline(__always) mutating func record(_ level: Level, area: Int, _ value: Double, at time: Double) {
        levels[area * Level.allCases.count + level.rawValue].record(value, at: time)
    }

    func level(_ level: Level, area: Int) -> TimeWeightedLevel {
        levels[area * Level.allCases.count + level.rawValue]
    }

    func counter(_ counter: Counter, stratum: Int) -> Double {
        counters[cell(stratum) * counterStride + counter.rawValue]
    }

    func observation(_ observation: Observation, stratum: Int) -> Tally {
        observations[cell(stratum) * observationStride + observation.rawValue]
    }

    /// Forgets everything before `time` (the end of the warm-up); levels keep their value.
    mutating func reset(at time: Double) {
        for i in counters.indices { counters[i] = 0 }
        for i in observations.indices { observations[i].reset() }
        for i in levels.indices { levels[i].reset(at: time) }
        for i in outOfAreaAtMonthEnd.indices { outOfAreaAtMonthEnd[i].reset() }
    }
}
