/// What happens to a person on their pathway, as the event trace and the event log record it.
///
/// One case per step, so the text a trace shows, the resource it concerns and the kind of
/// step an animation tool needs are written once, not at every call site.
public enum PathwayEvent: UInt8, CaseIterable, Sendable {
    case presentsToCommunityServices
    case presentsAtEmergencyDepartment
    case policeContact
    case representsInCrisis
    case leaves
    case waitsForBed
    case admittedToLocalBed
    case placedOutOfArea
    case repatriatedToLocalBed
    case crisisTeamAssessmentStarts
    case liaisonAssessmentStarts
    case mhaAssessmentStarts
    case homeTreatmentStarts
    case crisisHouseStayStarts
    case takenToHealthBasedPlaceOfSafety
    case takenToEmergencyDepartmentAsPlaceOfSafety
    case heldInPoliceCustody
    case dischargedFromLocalBed
    case dischargedFromOutOfAreaBed
    case homeTreatmentEnds
    case crisisHouseStayEnds
    case leavesPlaceOfSafety
    case admissionAvoidedByGatekeeping
    case admissionBypassesGatekeeping
    case agreesToInformalAdmission
    case crisisHouseFull
    case crisisHouseEscalatesToAdmission
    case detainedUnderMentalHealthAct
    case dischargeDelayed
    case dischargedFromSection136
    case dischargedToCommunityCare
    case dischargedWithFollowUp
    case homeTreatmentCaseloadFull
    case divertedByStreetTriage
    case homeTreatmentEscalatesToAdmission

    /// The kind of step: arrival and departure, joining a queue, starting and ending the use
    /// of a resource, and decisions that move the person on without holding anything.
    public enum Kind: Sendable {
        case arrival, departure, queue, resourceUse, resourceUseEnd, decision

        /// The kind in the terms process-animation tools use (vidigi's `event_type`, which
        /// files arrivals and departures under one name).
        public var eventType: String {
            switch self {
            case .arrival, .departure: return "arrival_departure"
            case .queue: return "queue"
            case .resourceUse: return "resource_use"
            case .resourceUseEnd: return "resource_use_end"
            case .decision: return "decision"
            }
        }
    }

    /// The trace's wording.
    public var text: String {
        switch self {
        case .presentsToCommunityServices: return "presents to community services"
        case .presentsAtEmergencyDepartment: return "presents at the emergency department"
        case .policeContact: return "police mental health contact"
        case .representsInCrisis: return "re-presents in crisis"
        case .leaves: return "leaves"
        case .waitsForBed: return "waits for a bed"
        case .admittedToLocalBed: return "admitted to a local bed"
        case .placedOutOfArea: return "placed out of area"
        case .repatriatedToLocalBed: return "repatriated to a local bed"
        case .crisisTeamAssessmentStarts: return "crisis team assessment starts"
        case .liaisonAssessmentStarts: return "liaison assessment starts"
        case .mhaAssessmentStarts: return "MHA assessment starts"
        case .homeTreatmentStarts: return "home treatment starts"
        case .crisisHouseStayStarts: return "crisis house stay starts"
        case .takenToHealthBasedPlaceOfSafety: return "s136: taken to a health-based place of safety"
        case .takenToEmergencyDepartmentAsPlaceOfSafety: return "s136: taken to the emergency department"
        case .heldInPoliceCustody: return "s136: held in police custody"
        case .dischargedFromLocalBed: return "discharged from a local bed"
        case .dischargedFromOutOfAreaBed: return "discharged from an out-of-area bed"
        case .homeTreatmentEnds: return "home treatment ends"
        case .crisisHouseStayEnds: return "crisis house stay ends"
        case .leavesPlaceOfSafety: return "leaves the place of safety"
        case .admissionAvoidedByGatekeeping: return "admission avoided by gatekeeping"
        case .admissionBypassesGatekeeping: return "admission bypasses gatekeeping out of hours"
        case .agreesToInformalAdmission: return "agrees to informal admission"
        case .crisisHouseFull: return "crisis house full"
        case .crisisHouseEscalatesToAdmission: return "crisis house stay escalates to admission"
        case .detainedUnderMentalHealthAct: return "detained under the Mental Health Act"
        case .dischargeDelayed: return "discharge delayed"
        case .dischargedFromSection136: return "discharged from section 136"
        case .dischargedToCommunityCare: return "discharged to community care"
        case .dischargedWithFollowUp: return "discharged with follow-up"
        case .homeTreatmentCaseloadFull: return "discharged: home treatment caseload full"
        case .divertedByStreetTriage: return "diverted by street triage"
        case .homeTreatmentEscalatesToAdmission: return "home treatment escalates to admission"
        }
    }

    /// The resource the step concerns ("" for arrivals and departures).
    public var resource: String {
        switch self {
        case .presentsToCommunityServices, .presentsAtEmergencyDepartment, .policeContact, .representsInCrisis, .leaves:
            return ""
        case .waitsForBed, .admittedToLocalBed, .repatriatedToLocalBed, .dischargedFromLocalBed, .dischargeDelayed:
            return "beds"
        case .placedOutOfArea, .dischargedFromOutOfAreaBed:
            return "out of area"
        case .crisisTeamAssessmentStarts, .admissionAvoidedByGatekeeping, .admissionBypassesGatekeeping, .dischargedToCommunityCare:
            return "crht"
        case .liaisonAssessmentStarts, .dischargedWithFollowUp:
            return "liaison"
        case .mhaAssessmentStarts, .agreesToInformalAdmission, .detainedUnderMentalHealthAct, .dischargedFromSection136:
            return "amhp"
        case .homeTreatmentStarts, .homeTreatmentEnds, .homeTreatmentCaseloadFull, .homeTreatmentEscalatesToAdmission:
            return "home treatment"
        case .crisisHouseStayStarts, .crisisHouseStayEnds, .crisisHouseFull, .crisisHouseEscalatesToAdmission:
            return "crisis house"
        // One resource for every place of safety, so an animation pairs each arrival with the
        // leaving; the step says which place it was.
        case .takenToHealthBasedPlaceOfSafety, .takenToEmergencyDepartmentAsPlaceOfSafety, .heldInPoliceCustody,
             .leavesPlaceOfSafety:
            return "place of safety"
        case .divertedByStreetTriage:
            return "street triage"
        }
    }

    public var kind: Kind {
        switch self {
        case .presentsToCommunityServices, .presentsAtEmergencyDepartment, .policeContact, .representsInCrisis:
            return .arrival
        case .leaves:
            return .departure
        case .waitsForBed:
            return .queue
        case .admittedToLocalBed, .placedOutOfArea, .repatriatedToLocalBed, .crisisTeamAssessmentStarts, .liaisonAssessmentStarts, .mhaAssessmentStarts, .homeTreatmentStarts, .crisisHouseStayStarts, .takenToHealthBasedPlaceOfSafety, .takenToEmergencyDepartmentAsPlaceOfSafety, .heldInPoliceCustody:
            return .resourceUse
        case .dischargedFromLocalBed, .dischargedFromOutOfAreaBed, .homeTreatmentEnds, .crisisHouseStayEnds, .leavesPlaceOfSafety:
            return .resourceUseEnd
        case .admissionAvoidedByGatekeeping, .admissionBypassesGatekeeping, .agreesToInformalAdmission, .crisisHouseFull, .crisisHouseEscalatesToAdmission, .detainedUnderMentalHealthAct, .dischargeDelayed, .dischargedFromSection136, .dischargedToCommunityCare, .dischargedWithFollowUp, .homeTreatmentCaseloadFull, .divertedByStreetTriage, .homeTreatmentEscalatesToAdmission:
            return .decision
        }
    }

    /// The identifier an event log writes: the case name in snake case.
    public var id: String {
        switch self {
        case .presentsToCommunityServices: return "presents_to_community_services"
        case .presentsAtEmergencyDepartment: return "presents_at_emergency_department"
        case .policeContact: return "police_contact"
        case .representsInCrisis: return "represents_in_crisis"
        case .leaves: return "leaves"
        case .waitsForBed: return "waits_for_bed"
        case .admittedToLocalBed: return "admitted_to_local_bed"
        case .placedOutOfArea: return "placed_out_of_area"
        case .repatriatedToLocalBed: return "repatriated_to_local_bed"
        case .crisisTeamAssessmentStarts: return "crisis_team_assessment_starts"
        case .liaisonAssessmentStarts: return "liaison_assessment_starts"
        case .mhaAssessmentStarts: return "mha_assessment_starts"
        case .homeTreatmentStarts: return "home_treatment_starts"
        case .crisisHouseStayStarts: return "crisis_house_stay_starts"
        case .takenToHealthBasedPlaceOfSafety: return "taken_to_health_based_place_of_safety"
        case .takenToEmergencyDepartmentAsPlaceOfSafety: return "taken_to_emergency_department_as_place_of_safety"
        case .heldInPoliceCustody: return "held_in_police_custody"
        case .dischargedFromLocalBed: return "discharged_from_local_bed"
        case .dischargedFromOutOfAreaBed: return "discharged_from_out_of_area_bed"
        case .homeTreatmentEnds: return "home_treatment_ends"
        case .crisisHouseStayEnds: return "crisis_house_stay_ends"
        case .leavesPlaceOfSafety: return "leaves_place_of_safety"
        case .admissionAvoidedByGatekeeping: return "admission_avoided_by_gatekeeping"
        case .admissionBypassesGatekeeping: return "admission_bypasses_gatekeeping"
        case .agreesToInformalAdmission: return "agrees_to_informal_admission"
        case .crisisHouseFull: return "crisis_house_full"
        case .crisisHouseEscalatesToAdmission: return "crisis_house_escalates_to_admission"
        case .detainedUnderMentalHealthAct: return "detained_under_mental_health_act"
        case .dischargeDelayed: return "discharge_delayed"
        case .dischargedFromSection136: return "discharged_from_section_136"
        case .dischargedToCommunityCare: return "discharged_to_community_care"
        case .dischargedWithFollowUp: return "discharged_with_follow_up"
        case .homeTreatmentCaseloadFull: return "home_treatment_caseload_full"
        case .divertedByStreetTriage: return "diverted_by_street_triage"
        case .homeTreatmentEscalatesToAdmission: return "home_treatment_escalates_to_admission"
        }
    }
}
