import SimKernel

/// Scheduled changes of service capacities besides beds (`AreaServiceCapacities.schedules`).
extension CrisisSystem {
    /// A service's capacity changes. A rise takes the people waiting for it at once, in
    /// order; a fall ends nobody's assessment, stay or episode (as a bed closure evicts
    /// nobody): the capacity is simply not refilled until use is below it. Crisis team and
    /// liaison capacity is the number on duty, applied while the team is open and kept for
    /// its next opening while it is closed.
    mutating func changeServiceCapacity(area: Int, service: ScheduledService, to capacity: Int,
                                        scheduler: inout Scheduler<CrisisEvent>) {
        let now = scheduler.now
        switch service {
        case .crhtAssessors:
            areas[area].crhtAssessorsOnDuty = capacity
            guard areas[area].crhtOpen else { return }
            areas[area].crhtAssessors.setCapacity(capacity, at: now)
            while let next = areas[area].crhtAssessors.admitNext(at: now) { beginCRHTAssessment(next, scheduler: &scheduler) }
        case .liaisonPractitioners:
            areas[area].liaisonPractitionersOnDuty = capacity
            guard areas[area].liaisonOpen else { return }
            areas[area].liaison.setCapacity(capacity, at: now)
            while let next = areas[area].liaison.admitNext(at: now) { beginLiaisonAssessment(next, scheduler: &scheduler) }
        case .amhps:
            areas[area].amhps.setCapacity(capacity, at: now)
            while let next = areas[area].amhps.admitNext(at: now) { beginMHAAssessment(next, scheduler: &scheduler) }
        case .placeOfSafetySuites:
            // Nobody queues for a suite (a full place of safety means custody or the emergency
            // department), so a rise serves the next detention.
            areas[area].placeOfSafetySuites.setCapacity(capacity, at: now)
        case .homeTreatmentStaff:
            areas[area].homeTreatment.setCapacity(configuration.homeTreatment.caseloadCap(staff: capacity), at: now)
            while let next = areas[area].homeTreatment.admitNext(at: now) { beginHomeTreatment(next, scheduler: &scheduler) }
        case .crisisHousePlaces:
            // Nobody queues for a place (a full house means home treatment).
            areas[area].crisisHouse.setCapacity(capacity, at: now)
        }
    }
}
