/// Where a person's admission, if any, was to.
public enum Placement: UInt8, Sendable {
    /// Not admitted in this episode.
    case none
    /// A bed of their own area.
    case local
    /// A bed of a neighbour in the area's bed network.
    case network
    /// An out-of-area bed (possibly repatriated to a local bed later).
    case outOfArea

    public var name: String {
        switch self {
        case .none: return ""
        case .local: return "local"
        case .network: return "network"
        case .outOfArea: return "out_of_area"
        }
    }
}

/// The service an episode of care ended from: whether it was care (a bed, home treatment, a
/// crisis house), after which the model lets a person come back in crisis, or an assessment
/// alone (crisis team, liaison, place of safety) that discharged them.
public enum EpisodeEnd: UInt8, Sendable {
    case open, bed, homeTreatment, crisisHouse, assessment

    public var name: String {
        switch self {
        case .open: return ""
        case .bed: return "bed"
        case .homeTreatment: return "home_treatment"
        case .crisisHouse: return "crisis_house"
        case .assessment: return "assessment"
        }
    }
}

/// One episode of care as a trust's patient administration system would record it: who
/// presented, from where and when, and, when they were admitted, where, for how long and
/// under what legal status. Times are model hours (hour 0 is a Monday midnight); NaN means
/// "did not happen" or, for the discharge of an admitted person, "still in hospital when the
/// extract ends" (right-censored).
public struct EpisodeRecord: Sendable, Equatable {
    /// The same person across episodes (a re-presentation keeps it): pseudonymous.
    public var person: UInt32
    public var area: Int32
    public var source: Source
    public var cohort: Int32
    public var wardType: Int8
    /// NaN for someone already in a bed when the run started (their history is unknown).
    public var presentedAt: Double
    public var decisionToAdmitAt: Double
    public var admittedAt: Double
    public var dischargedAt: Double
    public var detained: Bool
    public var gatekept: Bool
    public var placement: Placement
    public var repatriatedAt: Double
    public var delayedDischargeFrom: Double
    /// When the episode of care ended (the bed, home treatment, crisis house or crisis team
    /// let the person go); NaN while it is open. Re-presentations are timed from it.
    public var endedAt: Double
    /// What the episode ended from; `.open` while it is open.
    public var endedFrom: EpisodeEnd
}

/// Receives finished episodes a batch at a time, in the order episodes end, then the
/// episodes still open when the run ends. Called on the replication's own thread.
public typealias EpisodeSink = @Sendable ([EpisodeRecord]) -> Void

/// The episodes of a replication, kept only when a sink is given (`run --patients`): what
/// `PersonStore` does not already hold per person (presentation, repatriation, delayed
/// discharge), and the finished episodes on their way to the sink in batches, so a long
/// run's extract streams to disk and memory stays flat. Without a sink every hook is one branch.
struct EpisodeLog {
    private var finished: RecordBuffer<EpisodeRecord>
    /// Episodes that end before this hour (the end of the warm-up) are not in the extract.
    var extractStart = 0.0
    /// Per person slot, while the episode is open.
    private var presentedAt: [Double] = []
    private var repatriatedAt: [Double] = []
    private var delayedFrom: [Double] = []

    init(sink: EpisodeSink?) { finished = RecordBuffer(sink: sink) }

    var isEnabled: Bool { finished.isEnabled }

    /// A step of the pathway, as `CrisisSystem.record` hands every step to both logs: an
    /// arrival opens an episode, a departure ends it, and a repatriation or a delayed
    /// discharge is kept for the row.
    mutating func note(_ step: PathwayEvent, _ slot: Int32, people: borrowing PersonStore, at time: Double) {
        switch step.kind {
        case .arrival: begin(slot, presentedAt: time)
        case .departure: end(slot, people: people, at: time)
        default:
            if step == .repatriatedToLocalBed { repatriatedAt[Int(slot)] = time }
            if step == .dischargeDelayed { delayedFrom[Int(slot)] = time }
        }
    }

    /// A new episode in person slot `slot` (slots are reused, so every field is reset).
    private mutating func begin(_ slot: Int32, presentedAt time: Double) {
        let i = Int(slot)
        while presentedAt.count <= i {
            presentedAt.append(.nan)
            repatriatedAt.append(.nan)
            delayedFrom.append(.nan)
        }
        presentedAt[i] = time
        repatriatedAt[i] = .nan
        delayedFrom[i] = .nan
    }

    /// Someone found in care at time 0, who never arrived: an episode whose presentation is unknown.
    mutating func historyUnknown(_ slot: Int32) { begin(slot, presentedAt: .nan) }

    /// The episode in `slot` as `people` holds it, ended at `endedAt` (NaN: still open).
    func record(_ slot: Int32, people: borrowing PersonStore, endedAt: Double) -> EpisodeRecord {
        let i = Int(slot)
        let admitted = people.progress[i].admittedAt
        let placement: Placement = !admitted.isFinite && !people.progress[i].outOfAreaSince.isFinite ? .none
            : people.progress[i].outOfAreaSince.isFinite ? .outOfArea
            : people.progress[i].bedArea == people.facts[i].area ? .local : .network
        let historyKnown = presentedAt[i].isFinite
        return EpisodeRecord(
            person: people.facts[i].identity, area: people.facts[i].area, source: Source(rawValue: Int(people.facts[i].source)) ?? .community,
            cohort: people.facts[i].cohort, wardType: people.facts[i].wardType, presentedAt: presentedAt[i],
            decisionToAdmitAt: historyKnown ? people.progress[i].bedRequestedAt : .nan,
            admittedAt: historyKnown ? admitted : .nan,
            dischargedAt: placement == .none ? .nan : endedAt,
            detained: people.progress[i].detained, gatekept: people.progress[i].gatekept, placement: placement,
            repatriatedAt: repatriatedAt[i], delayedDischargeFrom: delayedFrom[i], endedAt: endedAt,
            endedFrom: endedAt.isFinite ? Self.end(people.progress[i].state) : .open)
    }

    /// What an episode leaving from `state` ended from (read before the slot is freed).
    static func end(_ state: CareState) -> EpisodeEnd {
        switch state {
        case .inLocalBed, .outOfArea: return .bed
        case .homeTreatment: return .homeTreatment
        case .crisisHouse: return .crisisHouse
        case .assessing, .waitingForBed, .left: return .assessment
        }
    }

    /// The episode in `slot` is over at `time`: into the extract unless it ended in the warm-up.
    private mutating func end(_ slot: Int32, people: borrowing PersonStore, at time: Double) {
        guard time >= extractStart else { return }
        let episode = record(slot, people: people, endedAt: time)
        // Someone found in a bed at time 0 who never had one (more than the beds): not an episode.
        guard episode.presentedAt.isFinite || episode.placement != .none else { return }
        finished.append(episode)
    }

    /// The run is over: every episode still open goes into the extract, undischarged.
    mutating func close(people: borrowing PersonStore) {
        guard isEnabled else { return }
        for slot in people.progress.indices where people.progress[slot].state != .left {
            finished.append(record(Int32(slot), people: people, endedAt: .nan))
        }
        finished.flush()
    }
}
