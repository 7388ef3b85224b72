import SimKernel

/// A back-of-the-envelope estimate of an area's bed demand from the configuration alone:
/// expected admissions from each source through the routing probabilities, the mean bed
/// stay, the offered load in erlangs, and what Erlang B and C say about it: bounds, since the
/// model's people wait a while (the bed search) and then go out of area. It ignores opening
/// hours and re-presentations, so it is a sanity check for `describe`, not a result.
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
    /// Erlang B at the offered load: the share of admissions that would find every bed full
    /// if nobody waited (everyone went out of area at once). A lower bound for the model,
    /// where people wait during the bed search and so meet full beds more often.
    public var erlangBlocking: Double { QueueingFormulas.erlangB(servers: beds, load: offeredLoad) }
    /// Erlang C at the offered load: the share that would find every bed full if everyone
    /// waited for a local bed (no out-of-area option); 1 at or above capacity. An upper bound
    /// for the model. The model's share lies between the two bounds, nearer this one the
    /// longer bed searches last.
    public var erlangWaiting: Double { QueueingFormulas.erlangC(servers: beds, load: offeredLoad) }
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
        let house = configuration.crisisHouse
        // A crisis-house referral becomes home treatment when there is no crisis house.
        let houseEscalation = hasCrisisHouse ? house.escalationProbability : escalation
        let divertedEscalation = hasCrisisHouse
            ? house.eligibleShare * house.escalationProbability + (1 - house.eligibleShare) * escalation : escalation
        // Every admission request is gatekept and a share of informal ones is diverted; a
        // diverted person may escalate into a new request. Summing that loop: requests (and
        // admissions) that one first request leads to.
        let returning = (1 - detainedShare) * avoided * divertedEscalation
        let requestsPerRequest = 1 / (1 - returning)
        let admissionsPerRequest = (detainedShare + (1 - detainedShare) * (1 - avoided)) * requestsPerRequest
        let referral = cohort.referralOutcomes ?? crht.referralOutcomes
        let requestsPerReferral = referral[.homeTreatment] * escalation + referral[.crisisHouse] * houseEscalation
            + referral[.admissionRequest]
        let liaison = configuration.liaison.outcomes
        let s136 = configuration.section136
        let mha = CrisisSystem.mhaOutcomes(s136.outcomes, detentionProbability: cohort.detentionProbability)

        let contacts = sources.police.perYear
        let triageDiverted = contacts * s136.streetTriageShare * s136.streetTriageDiversion
        let detentions = contacts - triageDiverted
        let referrals = sources.community.perYear + sources.emergencyDepartment.perYear * liaison[.referralToCRHT]
            + triageDiverted
        // First requests (not counting those that come back after a diversion). Informal
        // admissions from a place of safety are gatekept like the rest (taken here as if the
        // team were always there).
        let firstRequests = referrals * requestsPerReferral
            + sources.emergencyDepartment.perYear * liaison[.admissionRequest]
            + detentions * mha[.homeTreatment] * escalation
            + detentions * mha[.informalAdmission] * avoided * divertedEscalation
        let total = firstRequests * admissionsPerRequest
            + detentions * (mha[.detainedAdmission] + mha[.informalAdmission] * (1 - avoided))
        let detained = firstRequests * requestsPerRequest * detainedShare + detentions * mha[.detainedAdmission]
        return (total, detained)
    }
}
