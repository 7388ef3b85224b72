import SimKernel

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
    /// Placements that ended (discharge or repatriation), their nights in total, and those
    /// of 15 and 31 nights or more.
    case outOfAreaPlacementsEnded
    case outOfAreaPlacementDays
    case outOfAreaPlacementsOf15Nights
    case outOfAreaPlacementsOf31Nights
    case repatriations
    case homeTreatmentEpisodes
    case homeTreatmentEscalations
    case homeTreatmentFullDischarges
    case crisisHouseStays
    case crisisHouseEscalations
    case delayedDischarges
    case delayedBedDays
    case bedRequestsOver4h
    case bedRequestsOver12h
    case bedRequestsServed
    /// Decisions to admit that found no free local or network bed.
    case bedRequestsFindingNoBed
    /// Admissions of people who waited in the emergency department (liaison, or section 136
    /// with A&E as the place of safety), and those waiting over 12 hours from the decision.
    case emergencyDepartmentBedWaits
    case emergencyDepartmentBedWaitsOver12h
    /// Admissions within 30 days of the same person leaving a bed.
    case readmissionsWithin30Days
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
    /// Decision to admit to leaving the emergency department for a bed, hours.
    case emergencyDepartmentBedWaitHours
    /// Admission to discharge from a bed (local or out of area, delayed discharge included),
    /// days.
    case lengthOfStayDays

    /// The histogram quantiles are read from: quarter hours up to a week for waits, half
    /// days up to two years for stays. Longer values read as the last bin's edge.
    var histogram: Histogram {
        switch self {
        case .lengthOfStayDays: return Histogram(lowerBound: 0, binWidth: 0.5, binCount: 2 * 730)
        case .timeToBedHours, .crhtResponseHours, .timeToMHAAssessmentHours, .placeOfSafetyHours,
             .emergencyDepartmentBedWaitHours:
            return Histogram(lowerBound: 0, binWidth: 0.25, binCount: 4 * 168)
        }
    }
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
