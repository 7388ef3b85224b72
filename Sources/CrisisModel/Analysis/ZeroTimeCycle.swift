import SimRandom

/// A loop of the pathway that can go round for ever without the clock moving, found from
/// the configuration alone.
///
/// Re-presentation, escalation and diversion send people back to earlier steps. When every
/// step of such a loop can take no time (a duration whose minimum is 0: fixed 0, uniform from
/// 0, exponential, an empirical list holding 0) and every branch leaves people in the loop
/// (probabilities of exactly 1 or 0), a replication spins at one instant and never ends.
/// Loops that people leave with some probability end at once, almost surely, and are allowed;
/// so are zero durations on steps that no loop passes through (zero response times, a fixed 0
/// bed search).
///
/// The analysis follows one person of each cohort in each area through a graph of the
/// pathway's decisions, whose edges are the steps between them. Branches that depend on what
/// others hold (a full caseload, a full crisis house, a bed) are taken as the free branch when
/// there is capacity at all: in a loop at one instant people keep releasing and retaking the
/// same places, so a full service is no way out. The bed search is ignored: everyone admitted
/// spends their clinical stay in some bed.
public struct ZeroTimeCycle: Sendable, Equatable, CustomStringConvertible {
    /// The loop's steps in words, in order, the first repeated at the end.
    public let steps: [String]
    /// Dotted key paths of the durations on the loop, each of which can be 0.
    public let durationKeys: [String]
    /// Dotted key paths of the decisions that keep everyone in the loop.
    public let decisionKeys: [String]
    /// How to leave the loop by its first decision, in words.
    public let wayOut: String?
    /// The area the loop was found in, when there is more than one.
    public let area: String?

    public var description: String {
        let place = area.map { " (area \($0))" } ?? ""
        let exits = decisionKeys.isEmpty ? "nothing leaves it" : "no branch leaves it (\(decisionKeys.joined(separator: ", ")))"
        let way = wayOut.map { ", or open a way out: \($0)" } ?? ""
        return "these steps can repeat for ever without the clock moving, so a run would never end\(place): "
            + steps.joined(separator: " -> ")
            + ". Every step can take no time (\(durationKeys.joined(separator: ", ")) can be 0) and \(exits). "
            + "Break the loop: give one of those durations a minimum above 0\(way)."
    }

    /// Every distinct zero-time loop of `configuration`; empty for a scenario that can run.
    public static func find(in configuration: CrisisConfiguration) -> [ZeroTimeCycle] {
        var loops: [ZeroTimeCycle] = []
        for area in configuration.areas {
            for c in configuration.cohorts.indices {
                let graph = PathwayGraph(configuration, area: area, cohort: c)
                guard let loop = graph.trap(area: configuration.areas.count > 1 ? area.name : nil) else { continue }
                if !loops.contains(loop) { loops.append(loop) }
            }
        }
        return loops
    }
}

/// The decisions one person meets, as far as loops are concerned.
private enum Decision: Int, CaseIterable {
    case episodeEnds, crisisTeamDecides, homeTreatment, homeTreatmentEnds, crisisHouse, crisisHouseEnds,
         admissionRequest, diversion, bed
}

/// A step from one decision to the next (or out of the loops: `to` nil), taken with a
/// positive probability.
private struct Step {
    let from: Decision
    let to: Decision?
    let words: String
    let durations: [(key: String, distribution: Distribution)]
    var takesNoTime: Bool { durations.allSatisfy { $0.distribution.minimum <= 0 } }
}

private struct PathwayGraph {
    var steps: [Step] = []
    /// The key that decides each branching decision, and how it would let people out.
    var decisionKeys: [Decision: (key: String, wayOut: String)] = [:]

    init(_ configuration: CrisisConfiguration, area: AreaConfiguration, cohort c: Int) {
        let cohort = configuration.cohorts[c]
        let crht = configuration.crht
        let services = area.services
        let cohortKey = "cohorts.\(c)."
        func add(_ from: Decision, _ to: Decision?, _ words: String, _ durations: [(String, Distribution)] = [],
                 when possible: Bool = true) {
            if possible { steps.append(Step(from: from, to: to, words: words, durations: durations.map { ($0.0, $0.1) })) }
        }

        let representation = configuration.representation
        decisionKeys[.episodeEnds] = ("representation.probability", "representation.probability below 1")
        add(.episodeEnds, services.peak(of: .crhtAssessors) > 0 ? .crisisTeamDecides : nil, "re-presentation and crisis team assessment",
            [("representation.after_days", representation.afterDays), ("crht.response_hours", crht.responseHours),
             ("crht.assessment_hours", crht.assessmentHours)], when: representation.probability > 0)
        add(.episodeEnds, nil, "no re-presentation", when: representation.probability < 1)

        let outcomes = cohort.referralOutcomes ?? crht.referralOutcomes
        let outcomesKey = (cohort.referralOutcomes == nil ? "crht." : cohortKey) + "referral_outcomes"
        decisionKeys[.crisisTeamDecides] = (outcomesKey, "a share for \(outcomesKey).discharge")
        add(.crisisTeamDecides, .homeTreatment, "referral to home treatment", when: outcomes[.homeTreatment] > 0)
        add(.crisisTeamDecides, .crisisHouse, "referral to a crisis house", when: outcomes[.crisisHouse] > 0)
        add(.crisisTeamDecides, .admissionRequest, "admission request", when: outcomes[.admissionRequest] > 0)
        add(.crisisTeamDecides, nil, "discharge", when: outcomes[.discharge] > 0)

        let homeTreatment = configuration.homeTreatment
        if homeTreatment.caseloadCap(staff: services.peak(of: .homeTreatmentStaff)) > 0 {
            add(.homeTreatment, .homeTreatmentEnds, "home treatment episode", [("home_treatment.episode_days", homeTreatment.episodeDays)])
        } else {
            decisionKeys[.homeTreatment] = ("home_treatment.when_full", "home_treatment.when_full: discharge")
            add(.homeTreatment, homeTreatment.whenFull == .admit ? .bed : nil, "home treatment full")
        }
        decisionKeys[.homeTreatmentEnds] = ("home_treatment.escalation_probability", "home_treatment.escalation_probability below 1")
        add(.homeTreatmentEnds, .admissionRequest, "escalation", when: homeTreatment.escalationProbability > 0)
        add(.homeTreatmentEnds, .episodeEnds, "end of home treatment", when: homeTreatment.escalationProbability < 1)

        let crisisHouse = configuration.crisisHouse
        let hasCrisisHouse = services.peak(of: .crisisHousePlaces) > 0
        add(.crisisHouse, .crisisHouseEnds, "crisis house stay", [("crisis_house.stay_days", crisisHouse.stayDays)], when: hasCrisisHouse)
        add(.crisisHouse, .homeTreatment, "no crisis house: home treatment", when: !hasCrisisHouse)
        decisionKeys[.crisisHouseEnds] = ("crisis_house.escalation_probability", "crisis_house.escalation_probability below 1")
        add(.crisisHouseEnds, .admissionRequest, "escalation", when: crisisHouse.escalationProbability > 0)
        add(.crisisHouseEnds, .episodeEnds, "end of the crisis house stay", when: crisisHouse.escalationProbability < 1)

        // Gatekeeping diverts informal requests only; detention is drawn per request.
        let detainedShare = cohort.detainedRequestShare ?? crht.detainedRequestShare
        let diverted = crht.admissionsAvoidedShare > 0 && detainedShare < 1
        decisionKeys[.admissionRequest] = ("crht.admissions_avoided_share", "crht.admissions_avoided_share below 1")
        add(.admissionRequest, .diversion, "diversion by gatekeeping", when: diverted)
        add(.admissionRequest, .bed, "admission", when: crht.admissionsAvoidedShare < 1 || detainedShare > 0)
        add(.diversion, .crisisHouse, "diversion to a crisis house", when: hasCrisisHouse && crisisHouse.eligibleShare > 0)
        add(.diversion, .homeTreatment, "diversion to home treatment", when: !hasCrisisHouse || crisisHouse.eligibleShare < 1)

        let beds = configuration.beds
        let informal = cohort.informalStayDays.map { (cohortKey + "informal_stay_days", $0) } ?? ("beds.informal_stay_days", beds.informalStayDays)
        let detained = cohort.detainedStayDays.map { (cohortKey + "detained_stay_days", $0) } ?? ("beds.detained_stay_days", beds.detainedStayDays)
        let delay = ("beds.delay_days", beds.delayDays)
        decisionKeys[.bed] = ("beds.delayed_discharge_probability", "beds.delayed_discharge_probability above 0 with a positive beds.delay_days")
        for stay in [informal, detained] {
            add(.bed, .episodeEnds, "bed stay", [stay], when: beds.delayedDischargeProbability < 1)
            add(.bed, .episodeEnds, "bed stay and delayed discharge", [stay, delay], when: beds.delayedDischargeProbability > 0)
        }
    }

    /// The loop people cannot leave, if there is one: the largest set of decisions whose every
    /// step takes no time and leads back into the set.
    func trap(area: String?) -> ZeroTimeCycle? {
        var inside = Set(Decision.allCases)
        var changed = true
        while changed {
            changed = false
            for decision in inside {
                let out = steps.filter { $0.from == decision }
                let holds = !out.isEmpty && out.allSatisfy { step in step.takesNoTime && step.to.map(inside.contains) == true }
                if !holds {
                    inside.remove(decision)
                    changed = true
                }
            }
        }
        guard let start = Decision.allCases.first(where: inside.contains) else { return nil }
        // Only what the loop reaches is part of it (the set may hold decisions nobody gets to).
        var reached: Set<Decision> = [start]
        var frontier = [start]
        while let decision = frontier.popLast() {
            for step in steps where step.from == decision {
                if let next = step.to, reached.insert(next).inserted { frontier.append(next) }
            }
        }
        inside = reached
        // Every decision left has a step back into the set, so following steps cycles; the
        // earliest decision next reads as the pathway does (re-presentation first).
        var path: [Step] = []
        var seen: [Decision] = [start]
        var here = start
        while true {
            let step = steps.filter { $0.from == here }.min { $0.to!.rawValue < $1.to!.rawValue }!
            path.append(step)
            here = step.to!
            if let first = seen.firstIndex(of: here) {
                path.removeFirst(first)
                break
            }
            seen.append(here)
        }
        let trapped = steps.filter { inside.contains($0.from) }
        var durations: [String] = []
        for step in trapped { for key in step.durations.map(\.key) where !durations.contains(key) { durations.append(key) } }
        let decisions = Decision.allCases.filter(inside.contains).compactMap { decisionKeys[$0] }
        return ZeroTimeCycle(steps: path.map(\.words) + [path[0].words], durationKeys: durations,
                             decisionKeys: decisions.map(\.key), wayOut: decisions.first?.wayOut, area: area)
    }
}
