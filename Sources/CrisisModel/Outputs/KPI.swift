import SimKernel

/// What a KPI measures and in which unit. Identifiers are stable: scripts and golden files
/// refer to them. Labels are for people: charts, tables and reports show them, files keep
/// the identifier beside them. Definitions are repeated in docs/MODEL.md.
public struct KPIDefinition: Sendable, Equatable {
    public let id: String
    /// A plain-English name, e.g. "Out-of-area placements started".
    public let label: String
    public let unit: String
    public let definition: String
    /// Whether the KPI exists per cohort (levels such as occupancy belong to places only).
    public let byCohort: Bool

    /// The part of the pathway the KPI belongs to, from its identifier's first word.
    public var section: KPISection { KPISection(kpi: id) }

    /// Whether the KPI is one of the few a summary leads with (`KPISection.headlines`).
    public var isHeadline: Bool { KPISection.headlines.contains(id) }
}

/// The parts of the pathway KPIs are grouped by, in reporting order.
public enum KPISection: String, CaseIterable, Sendable {
    case presentations, crisisTeam, admissions, homeTreatment, crisisHouse, beds, lengthOfStay, outOfArea, timeToBed,
         emergencyDepartment, section136, liaison, costs

    /// The KPIs a summary in words and the precision check lead with: the figures planners
    /// quote (out-of-area placements, occupancy, waits, detentions in custody, cost).
    public static let headlines: [String] = [
        "oap.placements", "oap.bed_days", "beds.occupancy", "admissions.total", "admissions.detained", "time_to_bed.mean",
        "ed.bed_waits_over_12h", "s136.place.police_custody", "crht.response_within_4h", "costs.total",
    ]

    public init(kpi id: String) {
        switch id.prefix(while: { $0 != "." }) {
        case "presentations": self = .presentations
        case "crht": self = .crisisTeam
        case "admissions": self = .admissions
        case "home_treatment": self = .homeTreatment
        case "crisis_house": self = .crisisHouse
        case "beds": self = .beds
        case "discharges", "readmissions": self = .lengthOfStay
        case "oap": self = .outOfArea
        case "time_to_bed": self = .timeToBed
        case "ed": self = .emergencyDepartment
        case "s136": self = .section136
        case "liaison": self = .liaison
        default: self = .costs
        }
    }

    public var title: String {
        switch self {
        case .presentations: "Presentations"
        case .crisisTeam: "Crisis team (CRHT)"
        case .admissions: "Admissions"
        case .homeTreatment: "Home treatment"
        case .crisisHouse: "Crisis house"
        case .beds: "Local beds"
        case .lengthOfStay: "Length of stay and readmissions"
        case .outOfArea: "Out-of-area placements"
        case .timeToBed: "Waiting for a bed"
        case .emergencyDepartment: "Emergency department"
        case .section136: "Section 136 and places of safety"
        case .liaison: "Liaison psychiatry"
        case .costs: "Costs"
        }
    }
}

/// One KPI's value in one stratum of one replication.
public struct KPIValue: Sendable, Equatable {
    public let id: String
    /// "all", "area:<name>" or "cohort:<name>".
    public let stratum: String
    public let value: Double

    public init(id: String, stratum: String, value: Double) {
        self.id = id
        self.stratum = stratum
        self.value = value
    }
}

/// What one replication measured after its warm-up.
public struct ReplicationResult: Sendable {
    public let replication: Int
    /// Every KPI in every stratum, in catalogue order (stable, for byte-identical output).
    public let kpis: [KPIValue]
    public let eventsHandled: Int
    /// The midnight census from the start of the run, when asked for.
    public let daily: DailySeries?
    /// The event trace, when tracing was on.
    public let trace: [TraceRecord]
    /// Whole-system time from admission request to bed, hours (the tally's quarter-hour bins
    /// up to a week): the distribution behind the time_to_bed KPIs, for reports.
    public let timeToBed: Histogram?

    public init(replication: Int, kpis: [KPIValue], eventsHandled: Int, daily: DailySeries?, trace: [TraceRecord],
                timeToBed: Histogram? = nil) {
        self.replication = replication
        self.kpis = kpis
        self.eventsHandled = eventsHandled
        self.daily = daily
        self.trace = trace
        self.timeToBed = timeToBed
    }

    /// The value of `id` in `stratum` (default: the whole system), or nil.
    public func value(_ id: String, stratum: String = "all") -> Double? {
        kpis.value(id, stratum: stratum)
    }
}

extension Array where Element == KPIValue {
    /// The value of `id` in `stratum` (default: the whole system), or nil.
    public func value(_ id: String, stratum: String = "all") -> Double? {
        first { $0.id == id && $0.stratum == stratum }?.value
    }
}
