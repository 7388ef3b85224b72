/// Event counts and sums accumulated during a replication, each kept for the whole system,
/// per area and per cohort (the strata).
enum Counter: Int, CaseIterable {
    case presentationsCommunity
    case presentationsEmergencyDepartment
    case policeContacts
    case representations
    case streetTriaged
    case streetTriageDiversions
    case s136Detentions
    case s136AtHealthBasedPlace
    case s136AtEmergencyDepartment
    case s136InPoliceCustody
    case s136BreachesOfLimit
    case s136BreachesOfExtendedLimit
    case mhaAssessments
    case liaisonAssessments
    case crhtAssessments
    case crhtRespondedWithin4h
    case crhtOutOfHoursBypasses
    case admissionRequests
    case admissionsAvoided
    case admissionsInformal
    case admissionsDetained
    case admissionsGatekept
    case admissionsToNetworkBed
    case outOfAreaPlacements
    case repatriations
    case homeTreatmentEpisodes
    case homeTreatmentEscalations
    case homeTreatmentFullDischarges
    case crisisHouseStays
    case delayedDischarges
    case delayedBedDays
    case bedRequestsOver4h
    case bedRequestsOver12h
    case bedRequestsServed
    case policeHours
    case dischargesFromBed
}

/// Observations whose distribution matters, per stratum.
enum Observation: Int, CaseIterable {
    /// Request for admission to a bed (local, network or out of area), hours.
    case timeToBedHours
    /// Referral to the start of a crisis team assessment, hours.
    case crhtResponseHours
    /// Arrival at a place of safety to the start of the MHA assessment, hours.
    case timeToMHAAssessmentHours
    /// Time held at a place of safety, hours.
    case placeOfSafetyHours
}

/// Time-weighted levels kept per area, beyond the resources' own busy and queue levels.
enum Level: Int, CaseIterable {
    /// Local beds occupied as a share of the beds available (1 when none are available but
    /// some are still occupied after a closure).
    case bedOccupancyShare
    /// People placed out of area.
    case outOfAreaActive
    /// Local beds available (capacity), to weight occupancy across areas.
    case bedCapacity
}
