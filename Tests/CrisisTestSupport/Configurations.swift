import CrisisModel
import SimRandom

/// Hand-built configurations shared by the test targets: a realistic area, and reductions of it to
/// textbook queues.
public enum Configurations {
    public static func fixed(_ value: Double) -> Distribution { try! .fixed(value) }
    public static func exponential(_ mean: Double) -> Distribution { try! .exponential(mean: mean) }

    public static let quiet = ArrivalSourceConfiguration(perYear: 0)

    /// One area, every service present, roughly the size of the baseline scenario.
    public static func area(beds: Int = 100, communityPerYear: Double = 2_000, edPerYear: Double = 1_500,
                     policePerYear: Double = 250) -> CrisisConfiguration {
        CrisisConfiguration(
            areas: [AreaConfiguration(name: "Northshire", adultPopulation: 500_000, beds: beds,
                                      sources: SourcesConfiguration(
                                          community: ArrivalSourceConfiguration(perYear: communityPerYear),
                                          emergencyDepartment: ArrivalSourceConfiguration(perYear: edPerYear),
                                          police: ArrivalSourceConfiguration(perYear: policePerYear)),
                                      services: AreaServiceCapacities(crhtAssessors: 3, liaisonPractitioners: 2, amhps: 2,
                                                                      placeOfSafetySuites: 2, homeTreatmentStaff: 14,
                                                                      crisisHousePlaces: 0))],
            cohorts: [CohortConfiguration(name: "adults", share: 1)],
            crht: CRHTConfiguration(hours: .roundTheClock, outOfHours: .wait,
                                    responseHours: exponential(2), assessmentHours: fixed(1.5),
                                    referralOutcomes: [.homeTreatment: 0.4, .crisisHouse: 0.05, .admissionRequest: 0.2, .discharge: 0.35],
                                    admissionsAvoidedShare: 0.3),
            homeTreatment: HomeTreatmentConfiguration(caseloadPerStaff: 2, whenFull: .admit,
                                                      episodeDays: exponential(21), escalationProbability: 0.1),
            crisisHouse: CrisisHouseConfiguration(stayDays: exponential(7), eligibleShare: 0.5),
            liaison: LiaisonConfiguration(hours: .roundTheClock, responseHours: exponential(1), assessmentHours: fixed(1),
                                          outcomes: [.dischargeWithFollowUp: 0.6, .referralToCRHT: 0.25, .admissionRequest: 0.15]),
            section136: Section136Configuration(streetTriageShare: 0, streetTriageDiversion: 0.3,
                                                medicalNeedShare: 0.2, custodyWhenFullProbability: 0.05,
                                                assessmentResponseHours: exponential(6), assessmentHours: fixed(2),
                                                outcomes: [.detainedAdmission: 0.3, .informalAdmission: 0.1, .homeTreatment: 0.2, .discharge: 0.4], limitHours: 24, extensionHours: 12),
            beds: BedPolicyConfiguration(informalStayDays: try! .lognormal(mean: 30, median: 20),
                                         detainedStayDays: try! .lognormal(mean: 45, median: 30),
                                         bedSearchHours: fixed(12), repatriation: true, repatriationBeforeNewAdmissions: false,
                                         delayedDischargeProbability: 0.1, delayDays: exponential(10)),
            representation: RepresentationConfiguration(probability: 0.1, afterDays: exponential(90)),
            // Staff work 2,191.5 hours a year (6 x 365.25), so a slot open round the clock takes
            // exactly 4 staff-years: costs tests compute by hand.
            costs: CostConfiguration(localStaffedBedDay: 450, outOfAreaBedDay: 600, crhtStaffYear: 50_000,
                                     liaisonStaffYear: 40_000, homeTreatmentStaffYear: 45_000,
                                     staffWorkingHoursPerYear: 2_191.5, crisisHousePlaceDay: 250,
                                     placeOfSafetySuiteYear: 300_000, policeHour: 50, delayedDischargeDay: 300))
    }

    /// The bed model alone: every community referral asks for a bed, nothing is gatekept
    /// away, nothing is delayed, nobody comes back, and the crisis team takes no time. What is
    /// left is a loss system (bed search 0: out of area at once) or a waiting system (a very
    /// long search).
    public static func bedsOnly(beds: Int, admissionsPerYear: Double, stayDays: Distribution,
                         bedSearchHours: Double) -> CrisisConfiguration {
        var configuration = area(beds: beds, communityPerYear: admissionsPerYear, edPerYear: 0, policePerYear: 0)
        configuration.crht = CRHTConfiguration(hours: .roundTheClock, outOfHours: .wait, responseHours: fixed(0),
                                               assessmentHours: fixed(0), referralOutcomes: [.admissionRequest: 1],
                                               admissionsAvoidedShare: 0)
        configuration.areas[0].services.crhtAssessors = 1_000_000
        configuration.beds = BedPolicyConfiguration(informalStayDays: stayDays, detainedStayDays: stayDays,
                                                    bedSearchHours: fixed(bedSearchHours), repatriation: false,
                                                    repatriationBeforeNewAdmissions: false,
                                                    delayedDischargeProbability: 0, delayDays: fixed(0))
        configuration.representation = RepresentationConfiguration(probability: 0, afterDays: fixed(1))
        return configuration
    }
}
