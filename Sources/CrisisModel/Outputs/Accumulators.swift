import SimKernel

/// The statistics of one replication, in flat arrays indexed by (measure, stratum).
///
/// Stratum 0 is the whole system, then one per area, then one per cohort, so a person's
/// event updates up to three cells. With a single area (or a single cohort) that stratum
/// always equals the whole system, so it is not updated alongside it on every event but read
/// from stratum 0 (`cell`). Allocated once per replication; memory does not grow with the
/// horizon.
struct Accumulators {
    let areaCount: Int
    let cohortCount: Int
    var strata: Int { 1 + areaCount + cohortCount }

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
        counters = Array(repeating: 0, count: Counter.allCases.count * strata)
        observations = Observation.allCases.flatMap { observation in
            Array(repeating: Tally(histogram: observation.histogram), count: strata)
        }
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
        let base = counter.rawValue * strata
        counters[base] += amount
        if areaCount > 1 { counters[base + 1 + area] += amount }
        if cohortCount > 1 { counters[base + 1 + areaCount + cohort] += amount }
    }

    @inline(__always) mutating func observe(_ observation: Observation, _ value: Double, area: Int, cohort: Int) {
        let base = observation.rawValue * strata
        observations[base].add(value)
        if areaCount > 1 { observations[base + 1 + area].add(value) }
        if cohortCount > 1 { observations[base + 1 + areaCount + cohort].add(value) }
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
        counters[counter.rawValue * strata + cell(stratum)]
    }

    func observation(_ observation: Observation, stratum: Int) -> Tally {
        observations[observation.rawValue * strata + cell(stratum)]
    }

    /// Forgets everything before `time` (the end of the warm-up); levels keep their value.
    mutating func reset(at time: Double) {
        for i in counters.indices { counters[i] = 0 }
        for i in observations.indices { observations[i].reset() }
        for i in levels.indices { levels[i].reset(at: time) }
        for i in outOfAreaAtMonthEnd.indices { outOfAreaAtMonthEnd[i].reset() }
    }
}
