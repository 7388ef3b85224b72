import SimKernel
import SimRandom

/// The services of one catchment area, with the random streams of each process.
///
/// Every process draws from its own stream named `<area>.<process>`, so changing one service
/// (say, more crisis-house places) leaves the numbers every other process sees untouched.
struct AreaServices {
    let name: String
    /// Bed pools: one per ward type when the area splits its beds by ward, else one for all.
    var beds: [Resource<Int32>]
    /// The pool serving each ward type.
    let poolOfWardType: [Int]
    /// Capacity is `crhtAssessorsOnDuty` while the team is open and 0 while it is closed, so
    /// nobody starts an assessment out of hours (see `changeServiceHours`); a schedule
    /// changes those on duty (see `changeServiceCapacity`).
    var crhtAssessors: Resource<Int32>
    var crhtAssessorsOnDuty: Int
    var crhtOpen: Bool
    /// Liaison practitioners, following liaison's hours like the crisis team.
    var liaison: Resource<Int32>
    var liaisonPractitionersOnDuty: Int
    var liaisonOpen: Bool
    var amhps: Resource<Int32>
    var placeOfSafetySuites: Resource<Int32>
    var homeTreatment: Resource<Int32>
    var crisisHouse: Resource<Int32>
    /// Areas (indices) whose beds this area may use before going out of area.
    let network: [Int]
    /// Per pool: people placed out of area, oldest first, waiting for a local bed (if
    /// repatriation is on).
    var repatriationQueues: [RingBuffer<Int32>]

    let streams: AreaStreams

    init(index: Int, area: AreaConfiguration, configuration: CrisisConfiguration, network: [Int],
         streams factory: RandomStreams, owners: inout [RandomStream]) throws {
        name = area.name
        let pools = Self.bedPools(area, wardTypes: configuration.wardTypes)
        beds = pools.map { Resource(capacity: $0.beds) }
        poolOfWardType = area.wards.isEmpty ? configuration.wardTypes.map { _ in 0 } : Array(configuration.wardTypes.indices)
        repatriationQueues = pools.map { _ in RingBuffer() }
        let capacities = area.services
        crhtAssessorsOnDuty = capacities.crhtAssessors
        crhtOpen = configuration.crht.hours.isOpen(at: 0)
        crhtAssessors = Resource(capacity: crhtOpen ? crhtAssessorsOnDuty : 0)
        liaisonPractitionersOnDuty = capacities.liaisonPractitioners
        liaisonOpen = configuration.liaison.hours.isOpen(at: 0)
        liaison = Resource(capacity: liaisonOpen ? liaisonPractitionersOnDuty : 0)
        amhps = Resource(capacity: capacities.amhps)
        placeOfSafetySuites = Resource(capacity: capacities.placeOfSafetySuites)
        homeTreatment = Resource(capacity: configuration.homeTreatment.caseloadCap(staff: capacities.homeTreatmentStaff))
        crisisHouse = Resource(capacity: capacities.crisisHousePlaces)
        self.network = network
        streams = AreaStreams(area: area.name, configuration: configuration, factory: factory, owners: &owners)
    }

    /// The area's independent arrival sources, indexed by `Source` (community, emergency
    /// department, police).
    static func arrivals(_ area: AreaConfiguration, streams factory: RandomStreams) throws -> [ArrivalProcess] {
        let sources = [area.sources.community, area.sources.emergencyDepartment, area.sources.police]
        let names = ["community", "emergency_department", "police"]
        return try zip(sources, names).map { source, sourceName in
            let profile = try RateProfile(perYear: source.perYear,
                                          hourOfWeekWeights: source.hourOfWeekWeights,
                                          annualGrowth: source.annualGrowth)
            return ArrivalProcess(profile: profile, stream: factory.stream(StreamIdentity("\(area.name).arrivals.\(sourceName)")))
        }
    }

    /// The area's bed pools with their schedules: one per ward type in `wardTypes` order (zero
    /// beds for a type the area lacks), or a single pool when the area does not split by ward.
    static func bedPools(_ area: AreaConfiguration, wardTypes: [WardType]) -> [WardConfiguration] {
        guard !area.wards.isEmpty else {
            return [WardConfiguration(name: "all", beds: area.beds, bedSchedule: area.bedSchedule)]
        }
        return wardTypes.map { type in area.wards.first { $0.name == type.name } ?? WardConfiguration(name: type.name, beds: 0) }
    }
}

/// One stream per stochastic process of an area.
///
/// The streams are held as `StreamHandle`s, plain values: copying this struct (which the
/// pathway code does on every event) then costs no reference counting, which even
/// `unowned(unsafe)` references did not avoid. The streams are kept alive by the model's
/// `streamOwners`, which lives exactly as long as the model holding these copies.
struct AreaStreams {
    let cohort: StreamHandle
    let informalStay: StreamHandle
    let detainedStay: StreamHandle
    let wardType: StreamHandle
    let crhtResponse: StreamHandle
    let crhtAssessment: StreamHandle
    let crhtOutcome: StreamHandle
    let crhtAvoidance: StreamHandle
    let legalStatus: StreamHandle
    let homeTreatmentEpisode: StreamHandle
    let homeTreatmentEscalation: StreamHandle
    let crisisHouseStay: StreamHandle
    let crisisHouseEligibility: StreamHandle
    let crisisHouseEscalation: StreamHandle
    let liaisonResponse: StreamHandle
    let liaisonAssessment: StreamHandle
    let liaisonOutcome: StreamHandle
    let streetTriage: StreamHandle
    let placeOfSafety: StreamHandle
    let mhaResponse: StreamHandle
    let mhaAssessment: StreamHandle
    let mhaOutcome: StreamHandle
    let delayedDischarge: StreamHandle
    let bedSearch: StreamHandle
    let repatriation: StreamHandle
    let representation: StreamHandle
    let startingState: StreamHandle

    init(area: String, configuration: CrisisConfiguration, factory: RandomStreams, owners: inout [RandomStream]) {
        func stream(_ process: String) -> StreamHandle {
            let stream = factory.stream(StreamIdentity("\(area).\(process)"))
            owners.append(stream)
            return stream.handle
        }
        cohort = stream("cohort")
        informalStay = stream("stay.informal")
        detainedStay = stream("stay.detained")
        wardType = stream("ward_type")
        crhtResponse = stream("crht.response")
        crhtAssessment = stream("crht.assessment")
        crhtOutcome = stream("crht.outcome")
        crhtAvoidance = stream("crht.avoidance")
        legalStatus = stream("admission.legal_status")
        homeTreatmentEpisode = stream("home_treatment.episode")
        homeTreatmentEscalation = stream("home_treatment.escalation")
        crisisHouseStay = stream("crisis_house.stay")
        crisisHouseEligibility = stream("crisis_house.eligibility")
        crisisHouseEscalation = stream("crisis_house.escalation")
        liaisonResponse = stream("liaison.response")
        liaisonAssessment = stream("liaison.assessment")
        liaisonOutcome = stream("liaison.outcome")
        streetTriage = stream("s136.street_triage")
        placeOfSafety = stream("s136.place_of_safety")
        mhaResponse = stream("s136.mha_response")
        mhaAssessment = stream("s136.mha_assessment")
        mhaOutcome = stream("s136.mha_outcome")
        delayedDischarge = stream("beds.delayed_discharge")
        bedSearch = stream("beds.bed_search")
        repatriation = stream("beds.repatriation")
        representation = stream("representation")
        startingState = stream("starting_state")
    }
}
