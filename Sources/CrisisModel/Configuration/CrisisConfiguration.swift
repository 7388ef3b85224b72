import SimRandom

/// Everything that describes one catchment system, in the units planners use.
///
/// This is the model's input contract: the scenario layer fills it from a YAML file (with
/// every default cited there), and `CompiledModel` turns it into indices and hours. Durations
/// carry their unit in their name (`Days`, `Hours`); rates are per year; probabilities are
/// in [0, 1]. Distributions are already validated (`SimRandom.Distribution`).
public struct CrisisConfiguration: Sendable {
    /// Catchment areas; at least one. Each has its own services and beds.
    public var areas: [AreaConfiguration]
    /// Population groups with their share of arrivals (shares sum to 1).
    public var cohorts: [CohortConfiguration]
    /// Kinds of ward a person may need (e.g. male, female, PICU), with the share of people
    /// needing each (shares sum to 1). Areas with `wards` have a bed pool per kind.
    public var wardTypes: [WardType]
    public var crht: CRHTConfiguration
    public var homeTreatment: HomeTreatmentConfiguration
    public var crisisHouse: CrisisHouseConfiguration
    public var liaison: LiaisonConfiguration
    public var section136: Section136Configuration
    public var beds: BedPolicyConfiguration
    public var representation: RepresentationConfiguration
    public var costs: CostConfiguration

    public init(areas: [AreaConfiguration], cohorts: [CohortConfiguration], crht: CRHTConfiguration,
                homeTreatment: HomeTreatmentConfiguration, crisisHouse: CrisisHouseConfiguration,
                liaison: LiaisonConfiguration, section136: Section136Configuration,
                beds: BedPolicyConfiguration, representation: RepresentationConfiguration,
                costs: CostConfiguration, wardTypes: [WardType] = [WardType(name: "acute", share: 1)]) {
        self.areas = areas
        self.cohorts = cohorts
        self.wardTypes = wardTypes
        self.crht = crht
        self.homeTreatment = homeTreatment
        self.crisisHouse = crisisHouse
        self.liaison = liaison
        self.section136 = section136
        self.beds = beds
        self.representation = representation
        self.costs = costs
    }
}

/// One catchment area: its population, beds, services and arrival sources.
public struct AreaConfiguration: Sendable {
    public var name: String
    /// Adults living in the area (for per-capita figures only).
    public var adultPopulation: Int
    /// Local adult acute beds at the start of the run.
    public var beds: Int
    /// Planned changes to the number of beds (openings, closures, ramps).
    public var bedSchedule: [CapacityChange]
    /// Other areas whose beds this area may use before going out of area (and which may use
    /// its beds): the pooling question. Names of areas in this configuration.
    public var bedNetwork: [String]
    public var sources: SourcesConfiguration
    /// The capacities of the area's own services (the service sections hold how they work).
    public var services: AreaServiceCapacities
    /// Beds split by ward type (names from `CrisisConfiguration.wardTypes`; a type missing
    /// here has no local beds). Empty: one pool of `beds` serves every ward type. When given,
    /// `beds` is their total.
    public var wards: [WardConfiguration]
    /// Who is already in care when the run starts ("start from today"); nil: an empty system.
    public var start: StartingState?

    public init(name: String, adultPopulation: Int, beds: Int, bedSchedule: [CapacityChange] = [],
                bedNetwork: [String] = [], sources: SourcesConfiguration, services: AreaServiceCapacities,
                wards: [WardConfiguration] = []) {
        self.name = name
        self.adultPopulation = adultPopulation
        self.beds = beds
        self.bedSchedule = bedSchedule
        self.bedNetwork = bedNetwork
        self.sources = sources
        self.services = services
        self.wards = wards
        start = nil
    }
}

/// What one area has of each service besides beds. Every area has its own; a scenario gives
/// them per area or lets an area take the service section's figure.
public struct AreaServiceCapacities: Sendable, Equatable {
    /// Crisis team assessments carried out at the same time (each a slot kept open for the
    /// team's hours).
    public var crhtAssessors: Int
    /// Liaison assessments carried out at the same time.
    public var liaisonPractitioners: Int
    /// Approved mental health professionals on duty (Mental Health Act assessments at once).
    public var amhps: Int
    /// Health-based place of safety suites.
    public var placeOfSafetySuites: Int
    /// Home treatment staff; the caseload cap is these x `HomeTreatmentConfiguration.caseloadPerStaff`.
    public var homeTreatmentStaff: Int
    /// Crisis-house places (0: no crisis house).
    public var crisisHousePlaces: Int
    /// Planned changes to each of these capacities (empty: constant for the whole run).
    public var schedules: [ScheduledService: [CapacityChange]]

    public init(crhtAssessors: Int, liaisonPractitioners: Int, amhps: Int, placeOfSafetySuites: Int,
                homeTreatmentStaff: Int, crisisHousePlaces: Int, schedules: [ScheduledService: [CapacityChange]] = [:]) {
        self.crhtAssessors = crhtAssessors
        self.liaisonPractitioners = liaisonPractitioners
        self.amhps = amhps
        self.placeOfSafetySuites = placeOfSafetySuites
        self.homeTreatmentStaff = homeTreatmentStaff
        self.crisisHousePlaces = crisisHousePlaces
        self.schedules = schedules
    }

    /// The capacity of `service` at the start of the run.
    public subscript(service: ScheduledService) -> Int {
        get {
            switch service {
            case .crhtAssessors: crhtAssessors
            case .liaisonPractitioners: liaisonPractitioners
            case .amhps: amhps
            case .placeOfSafetySuites: placeOfSafetySuites
            case .homeTreatmentStaff: homeTreatmentStaff
            case .crisisHousePlaces: crisisHousePlaces
            }
        }
        set {
            switch service {
            case .crhtAssessors: crhtAssessors = newValue
            case .liaisonPractitioners: liaisonPractitioners = newValue
            case .amhps: amhps = newValue
            case .placeOfSafetySuites: placeOfSafetySuites = newValue
            case .homeTreatmentStaff: homeTreatmentStaff = newValue
            case .crisisHousePlaces: crisisHousePlaces = newValue
            }
        }
    }

    /// The planned changes of `service`, empty when it has none.
    public func schedule(of service: ScheduledService) -> [CapacityChange] { schedules[service] ?? [] }

    /// The most `service` ever has over the run (its start or a scheduled value): whether a
    /// service exists at all, for analyses that ask whether a pathway can be taken.
    public func peak(of service: ScheduledService) -> Int {
        schedule(of: service).reduce(self[service]) { max($0, $1.capacity) }
    }
}

/// A service capacity besides beds that a schedule may change over the run.
public enum ScheduledService: UInt8, Sendable, CaseIterable {
    case crhtAssessors
    case liaisonPractitioners
    case amhps
    case placeOfSafetySuites
    case homeTreatmentStaff
    case crisisHousePlaces

    /// Words for describe and messages.
    public var label: String {
        switch self {
        case .crhtAssessors: "crisis team assessors"
        case .liaisonPractitioners: "liaison practitioners"
        case .amhps: "AMHPs"
        case .placeOfSafetySuites: "place-of-safety suites"
        case .homeTreatmentStaff: "home treatment staff"
        case .crisisHousePlaces: "crisis house places"
        }
    }
}

/// People already in care at time 0, so a run can start from today's position instead of
/// an empty system and a warm-up. Each gets a remaining stay or episode drawn from the
/// equilibrium residual of its distribution (see `StartingState` in the pathway).
public struct StartingState: Sendable, Equatable {
    /// People in local beds (at most the area's beds).
    public var bedsOccupied: Int
    /// People placed out of area.
    public var outOfArea: Int
    /// People on the home treatment caseload (at most its cap).
    public var homeTreatment: Int

    public init(bedsOccupied: Int, outOfArea: Int = 0, homeTreatment: Int = 0) {
        self.bedsOccupied = bedsOccupied
        self.outOfArea = outOfArea
        self.homeTreatment = homeTreatment
    }
}

/// A kind of ward and the share of people who need it.
public struct WardType: Sendable, Equatable {
    public var name: String
    public var share: Double

    public init(name: String, share: Double) {
        self.name = name
        self.share = share
    }
}

/// The beds of one ward type in an area, with their own planned changes.
public struct WardConfiguration: Sendable, Equatable {
    /// A name from `CrisisConfiguration.wardTypes`.
    public var name: String
    public var beds: Int
    public var bedSchedule: [CapacityChange]

    public init(name: String, beds: Int, bedSchedule: [CapacityChange] = []) {
        self.name = name
        self.beds = beds
        self.bedSchedule = bedSchedule
    }
}

/// A planned change of capacity: from `atDay`, capacity moves to `capacity`, one unit at a
/// time spread evenly over `rampDays` (0: at once).
///
/// For staff written as funded posts, `atDay` is already when the staff are in post (the day
/// the posts are funded plus the recruitment lead) and `capacity` the posts filled.
public struct CapacityChange: Sendable, Equatable {
    public var atDay: Double
    public var capacity: Int
    public var rampDays: Double

    public init(atDay: Double, capacity: Int, rampDays: Double = 0) {
        self.atDay = atDay
        self.capacity = capacity
        self.rampDays = rampDays
    }

    /// Staff in post from funded posts: `posts` x `fillRate`, rounded down, since a share of
    /// a person cannot take an assessment or a caseload (a tolerance of 1e-9 keeps products
    /// such as 100 x 0.57 = 56.99999999999999 at the 57 meant).
    public static func filledPosts(_ posts: Int, fillRate: Double) -> Int {
        Int((Double(posts) * fillRate + 1e-9).rounded(.down))
    }

    /// One-unit steps of a schedule starting from `initial`: a ramp moves evenly from the
    /// capacity in force when it starts to its target over `rampDays`, reaching it at
    /// `atDay + rampDays`; a change with no ramp happens at `atDay`. Hours from the start of
    /// the run.
    public static func steps(from initial: Int, _ schedule: [CapacityChange]) -> [(hour: Double, capacity: Int)] {
        var steps: [(hour: Double, capacity: Int)] = []
        var current = initial
        for change in schedule.sorted(by: { $0.atDay < $1.atDay }) {
            let start = change.atDay * 24
            let difference = change.capacity - current
            let count = abs(difference)
            if count == 0 { continue }
            if change.rampDays <= 0 {
                steps.append((start, change.capacity))
            } else {
                let interval = change.rampDays * 24 / Double(count)
                for k in 1...count {
                    steps.append((start + Double(k) * interval, current + (difference > 0 ? k : -k)))
                }
            }
            current = change.capacity
        }
        return steps
    }

    /// The time-average capacity over hours `start` to `end` of a schedule starting from
    /// `initial`: what the capacity each day's schedule has costs. Exactly `initial` when
    /// nothing changes, so a scenario without schedules costs what it did before them.
    public static func meanCapacity(from initial: Int, _ schedule: [CapacityChange], start: Double, end: Double) -> Double {
        let steps = steps(from: initial, schedule)
        guard !steps.isEmpty, end > start else { return Double(initial) }
        var integral = 0.0, level = Double(initial), since = start
        for step in steps {
            if step.hour > since {
                guard step.hour < end else { break }
                integral += level * (step.hour - since)
                since = step.hour
            }
            level = Double(step.capacity)
        }
        integral += level * (end - since)
        return integral / (end - start)
    }
}

/// A source of presentations: a non-stationary Poisson stream.
public struct ArrivalSourceConfiguration: Sendable {
    /// Presentations in the first year.
    public var perYear: Double
    /// 24 relative weights, midnight-01:00 first; empty for flat.
    public var hourOfDayWeights: [Double]
    /// 7 relative weights, Monday first; empty for flat.
    public var dayOfWeekWeights: [Double]
    /// Fractional change in volume per year (0.03 = 3% more each year).
    public var annualGrowth: Double

    public init(perYear: Double, hourOfDayWeights: [Double] = [], dayOfWeekWeights: [Double] = [],
                annualGrowth: Double = 0) {
        self.perYear = perYear
        self.hourOfDayWeights = hourOfDayWeights
        self.dayOfWeekWeights = dayOfWeekWeights
        self.annualGrowth = annualGrowth
    }

    /// 168 hour-of-week weights, Monday 00:00-01:00 first: hour of day x day of week (either
    /// may be flat). What the arrival stream normalises, so validation can refuse a week
    /// whose sum overflows before a run finds it.
    public var hourOfWeekWeights: [Double] {
        let hours = hourOfDayWeights.isEmpty ? Array(repeating: 1.0, count: 24) : hourOfDayWeights
        let days = dayOfWeekWeights.isEmpty ? Array(repeating: 1.0, count: 7) : dayOfWeekWeights
        return days.flatMap { day in hours.map { $0 * day } }
    }
}

/// The independent arrival sources of an area (re-presentations come from discharges).
public struct SourcesConfiguration: Sendable {
    /// Self-referrals, GP and single-point-of-access referrals to the crisis team.
    public var community: ArrivalSourceConfiguration
    /// Emergency department (A&E) presentations needing a mental health assessment.
    public var emergencyDepartment: ArrivalSourceConfiguration
    /// Police mental-health contacts that would lead to a section 136 detention without
    /// street triage.
    public var police: ArrivalSourceConfiguration

    public init(community: ArrivalSourceConfiguration, emergencyDepartment: ArrivalSourceConfiguration,
                police: ArrivalSourceConfiguration) {
        self.community = community
        self.emergencyDepartment = emergencyDepartment
        self.police = police
    }
}

/// A population group: its share of arrivals and, where given, its own stays and routing.
public struct CohortConfiguration: Sendable {
    public var name: String
    /// Share of every source's arrivals; shares of all cohorts sum to 1.
    public var share: Double
    /// Length of stay for informal admissions, days; nil: the bed policy's.
    public var informalStayDays: Distribution?
    /// Length of stay for detained admissions, days; nil: the bed policy's.
    public var detainedStayDays: Distribution?
    /// Share of MHA assessments ending in detention; nil: section 136's.
    public var detentionProbability: Double?
    /// Outcome of this cohort's referrals to the crisis team; nil: the crisis team's.
    public var referralOutcomes: OutcomeSplit<ReferralOutcome>?
    /// Share of this cohort's admission requests that come with a detention; nil: the crisis
    /// team's `detainedRequestShare`.
    public var detainedRequestShare: Double?
    /// The ward type everyone in this cohort needs (e.g. a women's cohort and the female
    /// ward); nil: drawn from the ward types' shares.
    public var wardType: String?

    public init(name: String, share: Double, informalStayDays: Distribution? = nil,
                detainedStayDays: Distribution? = nil, detentionProbability: Double? = nil,
                referralOutcomes: OutcomeSplit<ReferralOutcome>? = nil, detainedRequestShare: Double? = nil, wardType: String? = nil) {
        self.name = name
        self.share = share
        self.informalStayDays = informalStayDays
        self.detainedStayDays = detainedStayDays
        self.detentionProbability = detentionProbability
        self.referralOutcomes = referralOutcomes
        self.detainedRequestShare = detainedRequestShare
        self.wardType = wardType
    }
}

/// Hours of operation within each day.
public struct DailyHours: Sendable, Equatable {
    /// Hour of day the service opens (0-24).
    public var startHour: Double
    /// Hours open per day (24: round the clock).
    public var hoursPerDay: Double

    public static let roundTheClock = DailyHours(startHour: 0, hoursPerDay: 24)

    public init(startHour: Double, hoursPerDay: Double) {
        self.startHour = startHour
        self.hoursPerDay = hoursPerDay
    }

    public var isRoundTheClock: Bool { hoursPerDay >= 24 }

    /// The first closing strictly after `time` (the service is open at `time`).
    public func closing(after time: Double) -> Double {
        let dayStart = (time / 24).rounded(.down) * 24
        var closing = dayStart + startHour + hoursPerDay - 24
        while closing <= time { closing += 24 }
        return closing
    }

    /// Whether the service is open at `time` (hours since a midnight).
    public func isOpen(at time: Double) -> Bool {
        if isRoundTheClock { return true }
        let hourOfDay = time - (time / 24).rounded(.down) * 24
        let sinceOpening = hourOfDay - startHour
        let wrapped = sinceOpening < 0 ? sinceOpening + 24 : sinceOpening
        return wrapped < hoursPerDay
    }

    /// The next time at or after `time` when the service is open.
    public func nextOpening(atOrAfter time: Double) -> Double {
        if isOpen(at: time) { return time }
        let dayStart = (time / 24).rounded(.down) * 24
        let opening = dayStart + startHour
        return opening >= time ? opening : opening + 24
    }
}

/// What happens to an admission request when the crisis team is closed.
public enum OutOfHoursPolicy: String, Sendable, CaseIterable {
    /// The request waits for the team to open, then is gatekept.
    case wait
    /// The person is admitted without gatekeeping (counted as not gatekept).
    case bypass
}

/// Crisis resolution and home treatment team: assessment and gatekeeping.
public struct CRHTConfiguration: Sendable {
    public var hours: DailyHours
    public var outOfHours: OutOfHoursPolicy
    /// Time from referral to the start of an assessment once an assessor is free, hours.
    public var responseHours: Distribution
    /// Duration of an assessment, hours.
    public var assessmentHours: Distribution
    /// Outcome of a referral to the team; sums to 1.
    public var referralOutcomes: OutcomeSplit<ReferralOutcome>
    /// Share of gatekept informal admission requests the team diverts to home treatment or a
    /// crisis house, whatever the route of the request (liaison, the team's own referrals,
    /// home treatment or crisis-house escalations, informal admissions from a place of
    /// safety) (Stanton 2012: ~30%; Johnson et al. 2005: admissions 71% -> 49%).
    public var admissionsAvoidedShare: Double
    /// Share of admission requests from the community, liaison and home treatment that come
    /// with a Mental Health Act detention (most detentions at admission start outside
    /// section 136). Detained requests are gatekept but cannot be diverted.
    public var detainedRequestShare: Double

    public init(hours: DailyHours, outOfHours: OutOfHoursPolicy, responseHours: Distribution,
                assessmentHours: Distribution, referralOutcomes: OutcomeSplit<ReferralOutcome>, admissionsAvoidedShare: Double,
                detainedRequestShare: Double = 0) {
        self.hours = hours
        self.outOfHours = outOfHours
        self.responseHours = responseHours
        self.assessmentHours = assessmentHours
        self.referralOutcomes = referralOutcomes
        self.admissionsAvoidedShare = admissionsAvoidedShare
        self.detainedRequestShare = detainedRequestShare
    }
}

/// What happens when the home treatment caseload is full.
public enum CaseloadFullPolicy: String, Sendable, CaseIterable {
    /// Admit to a bed instead.
    case admit
    /// Wait at home for a place on the caseload.
    case wait
    /// Discharge to community follow-up.
    case discharge
}

public struct HomeTreatmentConfiguration: Sendable {
    /// People each staff member carries (staff are per area: `AreaServiceCapacities`).
    public var caseloadPerStaff: Int
    public var whenFull: CaseloadFullPolicy
    /// Length of a home treatment episode, days.
    public var episodeDays: Distribution
    /// Probability an episode escalates to an admission request.
    public var escalationProbability: Double

    public init(caseloadPerStaff: Int, whenFull: CaseloadFullPolicy, episodeDays: Distribution,
                escalationProbability: Double) {
        self.caseloadPerStaff = caseloadPerStaff
        self.whenFull = whenFull
        self.episodeDays = episodeDays
        self.escalationProbability = escalationProbability
    }

    /// Caseload cap of a team of `staff`: staff x caseload per staff.
    public func caseloadCap(staff: Int) -> Int { staff * caseloadPerStaff }
}

public struct CrisisHouseConfiguration: Sendable {
    /// Stay, days.
    public var stayDays: Distribution
    /// Share of people diverted from admission who are eligible (informal only).
    public var eligibleShare: Double
    /// Probability a stay ends in an admission request (the person keeps the place while
    /// waiting for a bed).
    public var escalationProbability: Double

    public init(stayDays: Distribution, eligibleShare: Double, escalationProbability: Double = 0) {
        self.stayDays = stayDays
        self.eligibleShare = eligibleShare
        self.escalationProbability = escalationProbability
    }
}

/// Liaison psychiatry in the emergency department.
public struct LiaisonConfiguration: Sendable {
    public var hours: DailyHours
    /// Time from referral to assessment start once a practitioner is free, hours.
    public var responseHours: Distribution
    public var assessmentHours: Distribution
    /// Outcome of a liaison assessment; sums to 1.
    public var outcomes: OutcomeSplit<LiaisonOutcome>

    public init(hours: DailyHours, responseHours: Distribution, assessmentHours: Distribution,
                outcomes: OutcomeSplit<LiaisonOutcome>) {
        self.hours = hours
        self.responseHours = responseHours
        self.assessmentHours = assessmentHours
        self.outcomes = outcomes
    }
}

/// Section 136: places of safety and Mental Health Act assessment.
public struct Section136Configuration: Sendable {
    /// Share of police contacts seen by street triage (a mental health professional with the
    /// police); 0 when there is no street triage.
    public var streetTriageShare: Double
    /// Share of triaged contacts diverted from detention (to a crisis team referral).
    public var streetTriageDiversion: Double
    /// Share of detentions taken to A&E first for a medical need.
    public var medicalNeedShare: Double
    /// When the suites are full: probability of police custody rather than A&E (0: police
    /// cells are never used).
    public var custodyWhenFullProbability: Double
    /// Time from arrival at the place of safety until the AMHP and doctors start the
    /// assessment (once an AMHP is free), hours.
    public var assessmentResponseHours: Distribution
    public var assessmentHours: Distribution
    /// Outcome of the MHA assessment; sums to 1.
    public var outcomes: OutcomeSplit<MHAOutcome>
    /// Legal limit of detention, hours (24 since December 2017; 72 before).
    public var limitHours: Double
    /// Extension allowed, hours (12 since December 2017).
    public var extensionHours: Double

    public init(streetTriageShare: Double, streetTriageDiversion: Double,
                medicalNeedShare: Double, custodyWhenFullProbability: Double,
                assessmentResponseHours: Distribution, assessmentHours: Distribution, outcomes: OutcomeSplit<MHAOutcome>,
                limitHours: Double, extensionHours: Double) {
        self.streetTriageShare = streetTriageShare
        self.streetTriageDiversion = streetTriageDiversion
        self.medicalNeedShare = medicalNeedShare
        self.custodyWhenFullProbability = custodyWhenFullProbability
        self.assessmentResponseHours = assessmentResponseHours
        self.assessmentHours = assessmentHours
        self.outcomes = outcomes
        self.limitHours = limitHours
        self.extensionHours = extensionHours
    }
}

/// Stays, waits for a bed, out-of-area placements, repatriation and discharge.
public struct BedPolicyConfiguration: Sendable {
    /// Clinical length of stay of informal admissions, days.
    public var informalStayDays: Distribution
    /// Clinical length of stay of detained admissions, days.
    public var detainedStayDays: Distribution
    /// From a decision to admit that finds no local or network bed to an out-of-area bed
    /// being found, hours. Meanwhile the person waits where they are (the emergency
    /// department, a place of safety, a crisis-house place or at home, on home treatment
    /// when they came from it) and takes a local bed if one frees first. Fixed 0: placed
    /// out of area at once (a loss system).
    public var bedSearchHours: Distribution
    /// Whether people placed out of area may come back to a local bed before their stay ends.
    public var repatriation: Bool
    /// Whether repatriations take a freed bed before people waiting for admission.
    public var repatriationBeforeNewAdmissions: Bool
    /// Share of placements that may be repatriated; the rest complete their stay out of area
    /// (too unwell to move, or nearly ready for discharge).
    public var repatriationShare: Double
    /// No repatriation before this many days out of area, days.
    public var repatriationMinimumDays: Double
    /// Repatriations happen within these hours of the day (transfers are planned in the
    /// working day).
    public var repatriationHours: DailyHours
    /// Whether repatriations happen Monday to Friday only.
    public var repatriationWeekdaysOnly: Bool
    /// Probability a discharge is delayed (housing, social care).
    public var delayedDischargeProbability: Double
    /// Extra bed days when delayed.
    public var delayDays: Distribution

    public init(informalStayDays: Distribution, detainedStayDays: Distribution, bedSearchHours: Distribution,
                repatriation: Bool, repatriationBeforeNewAdmissions: Bool, repatriationShare: Double = 1,
                repatriationMinimumDays: Double = 0, repatriationHours: DailyHours = .roundTheClock,
                repatriationWeekdaysOnly: Bool = false, delayedDischargeProbability: Double, delayDays: Distribution) {
        self.informalStayDays = informalStayDays
        self.detainedStayDays = detainedStayDays
        self.bedSearchHours = bedSearchHours
        self.repatriation = repatriation
        self.repatriationBeforeNewAdmissions = repatriationBeforeNewAdmissions
        self.repatriationShare = repatriationShare
        self.repatriationMinimumDays = repatriationMinimumDays
        self.repatriationHours = repatriationHours
        self.repatriationWeekdaysOnly = repatriationWeekdaysOnly
        self.delayedDischargeProbability = delayedDischargeProbability
        self.delayDays = delayDays
    }
}

/// Re-presentation after discharge from a bed, home treatment or a crisis house.
public struct RepresentationConfiguration: Sendable {
    public var probability: Double
    /// Time from discharge to re-presentation, days.
    public var afterDays: Distribution

    public init(probability: Double, afterDays: Distribution) {
        self.probability = probability
        self.afterDays = afterDays
    }
}

/// Unit costs, in pounds sterling, by the agency that pays.
///
/// The NHS pays for what it staffs, used or not: local beds per staffed (available) bed-day,
/// crisis-house places per place-day, staff per staff-year and place-of-safety suites per
/// suite-year, from each area's configured capacities. Out-of-area beds are bought by the
/// occupied day. Police and local-authority costs follow use.
public struct CostConfiguration: Sendable {
    /// NHS: a local adult acute bed available for a day, occupied or not.
    public var localStaffedBedDay: Double
    /// NHS: an out-of-area bed occupied for a day.
    public var outOfAreaBedDay: Double
    /// NHS: a whole-time crisis team clinician for a year. A crisis team assessor is a slot
    /// for one assessment at a time, costed as the staff who keep it open for the team's hours
    /// (see `staffWorkingHoursPerYear`).
    public var crhtStaffYear: Double
    /// NHS: a whole-time liaison practitioner for a year; practitioners are slots, as assessors.
    public var liaisonStaffYear: Double
    /// NHS: a home treatment staff member for a year.
    public var homeTreatmentStaffYear: Double
    /// Hours a whole-time clinician works in a year, after leave, training and sickness. A slot
    /// open `h` hours a day takes h x 365.25 / this staff-years.
    public var staffWorkingHoursPerYear: Double
    /// NHS: a crisis-house place for a day, used or not.
    public var crisisHousePlaceDay: Double
    /// NHS: a health-based place of safety suite, staffed and ready, for a year.
    public var placeOfSafetySuiteYear: Double
    /// Police: an hour of officers' time with a detained person (custody or A&E).
    public var policeHour: Double
    /// Local authority: a delayed-discharge bed day (social care and housing).
    public var delayedDischargeDay: Double

    public init(localStaffedBedDay: Double, outOfAreaBedDay: Double, crhtStaffYear: Double, liaisonStaffYear: Double,
                homeTreatmentStaffYear: Double, staffWorkingHoursPerYear: Double, crisisHousePlaceDay: Double,
                placeOfSafetySuiteYear: Double, policeHour: Double, delayedDischargeDay: Double) {
        self.localStaffedBedDay = localStaffedBedDay
        self.outOfAreaBedDay = outOfAreaBedDay
        self.crhtStaffYear = crhtStaffYear
        self.liaisonStaffYear = liaisonStaffYear
        self.homeTreatmentStaffYear = homeTreatmentStaffYear
        self.staffWorkingHoursPerYear = staffWorkingHoursPerYear
        self.crisisHousePlaceDay = crisisHousePlaceDay
        self.placeOfSafetySuiteYear = placeOfSafetySuiteYear
        self.policeHour = policeHour
        self.delayedDischargeDay = delayedDischargeDay
    }
}
