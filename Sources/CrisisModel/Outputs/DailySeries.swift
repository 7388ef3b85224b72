/// A midnight census of the system, one row per simulated day, from the start of the run
/// (warm-up included, so the warm-up can be chosen from it).
///
/// Optional: memory grows with the horizon (six numbers a day), so it is kept only when asked
/// for (warm-up analysis, reports). Counting at midnight follows the NHS KH03 bed census.
public struct DailySeries: Sendable, Equatable {
    /// Day d is the census at the end of day d (hour 24·(d+1)).
    public internal(set) var bedsOccupied: [Double] = []
    /// Beds occupied as a percentage of beds available.
    public internal(set) var occupancyPercent: [Double] = []
    public internal(set) var waitingForBed: [Double] = []
    public internal(set) var outOfAreaActive: [Double] = []
    public internal(set) var homeTreatmentCaseload: [Double] = []
    public internal(set) var placeOfSafetyOccupied: [Double] = []

    public init() {}

    public var days: Int { bedsOccupied.count }

    /// The named series, for output files and reports.
    public var columns: [(name: String, unit: String, values: [Double])] {
        [("beds_occupied", "beds", bedsOccupied),
         ("occupancy", "%", occupancyPercent),
         ("waiting_for_bed", "people", waitingForBed),
         ("oap_active", "people", outOfAreaActive),
         ("home_treatment_caseload", "people", homeTreatmentCaseload),
         ("place_of_safety_occupied", "suites", placeOfSafetyOccupied)]
    }
}

extension CrisisSystem {
    /// Takes the midnight census.
    mutating func recordDay() {
        var occupied = 0.0, capacity = 0.0, waiting = 0.0, outOfArea = 0.0, caseload = 0.0, suites = 0.0
        for a in areas.indices {
            for pool in areas[a].beds {
                occupied += Double(pool.inUse)
                capacity += Double(pool.capacity)
                waiting += Double(pool.queue.count)
            }
            outOfArea += stats.level(.outOfAreaActive, area: a).level
            caseload += Double(areas[a].homeTreatment.inUse)
            suites += Double(areas[a].placeOfSafetySuites.inUse)
        }
        daily.bedsOccupied.append(occupied)
        daily.occupancyPercent.append(capacity > 0 ? 100 * occupied / capacity : .nan)
        daily.waitingForBed.append(waiting)
        daily.outOfAreaActive.append(outOfArea)
        daily.homeTreatmentCaseload.append(caseload)
        daily.placeOfSafetyOccupied.append(suites)
    }
}
