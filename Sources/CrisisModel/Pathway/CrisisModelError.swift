/// A configuration the model cannot run. The scenario layer reports problems with file
/// locations before this is ever reached; this guards programmatic use.
public struct CrisisModelError: Error, CustomStringConvertible, Equatable {
    public let description: String

    static func check(_ configuration: CrisisConfiguration) throws {
        func fail(_ message: String) throws -> Never { throw CrisisModelError(description: message) }
        if configuration.areas.isEmpty { try fail("at least one area is needed") }
        if configuration.cohorts.isEmpty { try fail("at least one cohort is needed") }
        let names = configuration.areas.map(\.name)
        if Set(names).count != names.count { try fail("area names must be unique") }
        for area in configuration.areas {
            if area.beds < 0 { try fail("area \(area.name): beds must be >= 0") }
            let services = area.services
            if min(services.crhtAssessors, services.liaisonPractitioners, services.amhps, services.placeOfSafetySuites,
                   services.homeTreatmentStaff, services.crisisHousePlaces) < 0 {
                try fail("area \(area.name): service capacities must be >= 0")
            }
            for (service, schedule) in services.schedules {
                for change in schedule where change.capacity < 0 || !(change.atDay >= 0) || !(change.rampDays >= 0)
                    || !change.atDay.isFinite || !change.rampDays.isFinite {
                    try fail("area \(area.name): \(service.label) schedule needs capacities >= 0 and finite days >= 0")
                }
            }
            for neighbour in area.bedNetwork where !names.contains(neighbour) {
                try fail("area \(area.name): bed network names unknown area \(neighbour)")
            }
        }
        let wardNames = configuration.wardTypes.map(\.name)
        if wardNames.isEmpty || Set(wardNames).count != wardNames.count { try fail("ward types must be named uniquely") }
        for area in configuration.areas {
            for ward in area.wards where !wardNames.contains(ward.name) {
                try fail("area \(area.name): ward \(ward.name) is not a ward type")
            }
        }
        for cohort in configuration.cohorts {
            if let ward = cohort.wardType, !wardNames.contains(ward) { try fail("cohort \(cohort.name): unknown ward type \(ward)") }
        }
        if !(configuration.costs.staffWorkingHoursPerYear > 0) { try fail("staff working hours per year must be > 0") }
    }
}
