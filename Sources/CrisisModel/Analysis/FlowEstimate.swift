import SimKernel

/// A back-of-the-envelope estimate of an area's bed demand from the configuration alone:
/// expected admissions from each source through the routing probabilities, the mean bed
/// stay, the offered load in erlangs, and what Erlang B says about it. It ignores queues,
/// opening hours and re-presentations, so it is a sanity check for `describe`, not a result.
public struct FlowEstimate: Sendable {
    public let area: String
    public let beds: Int
    /// Expected admissions per year (local, network or out of area).
    public let admissionsPerYear: Double
    /// Share of admissions detained under the Mental Health Act.
    public let detainedShare: Double
    /// Mean bed occupancy per admission, days, including expected delayed discharge.
    public let meanBedDays: Double
    /// Offered bed load: admissions per day x mean bed days.
    public var offeredLoad: Double { admissionsPerYear / 365.25 * meanBedDays }
    /// Erlang B at the offered load: the share of admissions finding every bed full.
    public var erlangBlocking: Double { QueueingFormulas.erlangB(servers: beds, load: offeredLoad) }
    /// Expected occupancy of the loss system, as a share of beds.
    public var expectedOccupancy: Double {
        beds > 0 ? QueueingFormulas.lossSystemOccupancy(servers: beds, load: offeredLoad) / Double(beds) : .nan
    }

    public static func estimate(_ configuration: CrisisConfiguration) -> [FlowEstimate] {
        let meanDelay = configuration.beds.delayedDischargeProbability * configuration.beds.delayDays.mean
        return configuration.areas.map { area in
            // Cohorts route differently; their arrivals are shares of every source.
            var total = 0.0, detained = 0.0
            for cohort in configuration.cohorts {
                let flow = admissions(area, cohort: cohort, configuration)
                total += cohort.share * flow.total
                detained += cohort.share * flow.detained
            }
            let shareDetained = total > 0 ? detained / total : 0
            let stay = shareDetained * configuration.beds.detainedStayDays.mean
                + (1 - shareDetained) * configuration.beds.informalStayDays.mean
            // With wards, the estimate treats them as one pool: an optimistic reading of split wards.
            let beds = area.wards.isEmpty ? area.beds : area.wards.reduce(0) { $0 + $1.beds }
            return FlowEstimate(area: area.name, beds: beds, admissionsPerYear: total,
                                detainedShare: shareDetained, meanBedDays: stay + meanDelay)
        }
    }

    /// Expected admissions a year (and detained ones) from `area` if every arrival were of `cohort`.
    static func admissions(_ area: AreaConfiguration, cohort: CohortConfiguration,
                           _ configuration: CrisisConfiguration) -> (total: Double, detained: Double) {
        let sources = area.sources
        let hasCrisisHouse = area.services.crisisHousePlaces > 0
        let crht = configuration.crht
        let avoided = crht.admissionsAvoidedShare
        let detainedShare = cohort.detainedRequestShare ?? crht.detainedRequestShare
        let escalation = configuration.homeTreatment.escalationProbability
        let houseToHome = hasCrisisHouse ? 1 - configuration.crisisHouse.eligibleShare : 1
        // Admissions per gatekept admission request: detained requests cannot be diverted;
        // diverted informal ones come back only through home-treatment escalation.
        let perRequest = detainedShare + (1 - detainedShare) * ((1 - avoided) + avoided * houseToHome * escalation)
        // Admissions per referral to the team (a crisis-house referral becomes home treatment
        // when there is no crisis house).
        let referral = cohort.referralOutcomes ?? crht.referralOutcomes
        let houseEscalation = hasCrisisHouse ? 0 : escalation
        let perReferral = referral[0] * escalation + referral[1] * houseEscalation + referral[2]
        let liaison = configuration.liaison.outcomes
        let s136 = configuration.section136
        let mha = CrisisSystem.mhaOutcomes(s136.outcomes, detentionProbability: cohort.detentionProbability)

        let fromReferrals = sources.community.perYear * perReferral
            + sources.emergencyDepartment.perYear * liaison[1] * perReferral
        let fromRequests = sources.emergencyDepartment.perYear * liaison[2]
        let contacts = sources.police.perYear
        let diverted = contacts * s136.streetTriageShare * s136.streetTriageDiversion
        let detentions = contacts - diverted
        let fromHomeTreatmentAfterS136 = detentions * mha[2] * escalation + diverted * perReferral
        let total = fromReferrals + fromRequests * perRequest + fromHomeTreatmentAfterS136
            + detentions * (mha[0] + mha[1])
        let detained = (fromReferrals + fromHomeTreatmentAfterS136) * detainedShare
            + fromRequests * detainedShare + detentions * mha[0]
        return (total, detained)
    }
}
