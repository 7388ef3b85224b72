import SimKernel

/// A small hand-checkable model on the kernel, shared by the trace, same-time and reneging
/// tests: patients arrive at given times and need a bed for a given stay. In a queueing ward
/// they wait (and may give up after a maximum wait); in a loss ward a patient who finds every
/// bed full is placed out of area on the spot.
struct Ward: SimulationModel {
    enum Event {
        case arrive(patient: Int)
        case discharge(patient: Int)
        case giveUp(patient: Int)
        case setCapacity(Int)
        case observe
    }

    struct Patient {
        var arrival: Double
        var stay: Double
        /// Hours the patient will wait for a bed before giving up; nil waits for ever.
        var maximumWait: Double? = nil
        /// Queue priority (lower first) under a `.priority` discipline.
        var priority = 0
    }

    struct Observation: Equatable {
        var time: Double
        var inUse: Int
        var capacity: Int
        var waiting: Int
    }

    let patients: [Patient]
    var beds: Resource<Int>
    /// Whether patients queue for a bed (true) or go out of area when none is free (false).
    let queues: Bool
    /// The priority of discharges; `.release` in the real rule, changeable to show it matters.
    var dischargePriority = EventPriority.release
    /// The priority of giving up; `.renege` in the real rule.
    var giveUpPriority = EventPriority.renege

    private(set) var tickets: [Int: QueueTicket] = [:]
    private(set) var admittedAt: [Int: Double] = [:]
    private(set) var dischargedAt: [Int: Double] = [:]
    private(set) var gaveUpAt: [Int: Double] = [:]
    private(set) var outOfArea: [Int] = []
    /// Give-up events that found the patient already in a bed (a stale ticket).
    private(set) var staleGiveUps: [Int] = []
    private(set) var observations: [Observation] = []

    init(patients: [Patient], beds: Int, queues: Bool, discipline: QueueDiscipline = .fifo) {
        self.patients = patients
        self.beds = Resource(capacity: beds, discipline: discipline, maximumTrackedLevel: beds)
        self.queues = queues
    }

    mutating func handle(_ event: Event, scheduler: inout Scheduler<Event>) {
        let now = scheduler.now
        switch event {
        case .arrive(let patient):
            scheduler.trace("arrive", entity: patient, resource: "bed")
            if queues {
                switch beds.request(patient, priority: patients[patient].priority, at: now) {
                case .seized:
                    admit(patient, scheduler: &scheduler)
                case .queued(let ticket):
                    scheduler.trace("queue", entity: patient, resource: "bed")
                    tickets[patient] = ticket
                    if let wait = patients[patient].maximumWait {
                        scheduler.schedule(.giveUp(patient: patient), after: wait, priority: giveUpPriority)
                    }
                }
            } else if beds.trySeize(at: now) {
                admit(patient, scheduler: &scheduler)
            } else {
                scheduler.trace("out of area", entity: patient, resource: "bed")
                outOfArea.append(patient)
            }
        case .discharge(let patient):
            scheduler.trace("release", entity: patient, resource: "bed")
            dischargedAt[patient] = now
            if let next = beds.release(at: now) { admit(next, scheduler: &scheduler) }
        case .giveUp(let patient):
            guard let ticket = tickets[patient] else { return }
            if let gone = beds.renege(ticket, at: now) {
                precondition(gone == patient, "renege returned someone else")
                scheduler.trace("renege", entity: patient, resource: "bed")
                gaveUpAt[patient] = now
            } else {
                staleGiveUps.append(patient)
            }
        case .setCapacity(let capacity):
            scheduler.trace("capacity", resource: "bed")
            beds.setCapacity(capacity, at: now)
            while let next = beds.admitNext(at: now) { admit(next, scheduler: &scheduler) }
        case .observe:
            observations.append(Observation(time: now, inUse: beds.inUse, capacity: beds.capacity,
                                            waiting: beds.queue.count))
        }
    }

    private mutating func admit(_ patient: Int, scheduler: inout Scheduler<Event>) {
        scheduler.trace("seize", entity: patient, resource: "bed")
        admittedAt[patient] = scheduler.now
        scheduler.schedule(.discharge(patient: patient), after: patients[patient].stay, priority: dischargePriority)
    }

    /// A simulation with every arrival scheduled up front, in the order of `patients`.
    static func simulation(_ patients: [Patient], beds: Int, queues: Bool,
                           discipline: QueueDiscipline = .fifo,
                           trace: EventTrace = EventTrace()) -> Simulation<Ward> {
        var simulation = Simulation(model: Ward(patients: patients, beds: beds, queues: queues, discipline: discipline),
                                    trace: trace)
        for (index, patient) in patients.enumerated() {
            simulation.schedule(.arrive(patient: index), at: patient.arrival)
        }
        return simulation
    }
}
