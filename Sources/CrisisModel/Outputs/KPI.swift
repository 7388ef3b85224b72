import SimKernel

/// What a KPI measures and in which unit. Identifiers are stable: scripts and golden files
/// refer to them. Definitions are repeated in docs/MODEL.md.
public struct KPIDefinition: Sendable, Equatable {
    public let id: String
    public let unit: String
    public let definition: String
    /// Whether the KPI exists per cohort (levels such as occupancy belong to places only).
    public let byCohort: Bool
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
