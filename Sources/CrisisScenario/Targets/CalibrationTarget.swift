import CrisisModel

/// One observed figure a calibration aims the model at: a KPI in a stratum, its value in the
/// KPI's unit, how uncertain it is, and where it came from. `targets` writes them from the
/// public statistics, `fit` from a patient extract; `calibrate` reads them (`TargetsFile`).
public struct CalibrationTarget: Sendable, Equatable {
    /// A KPI identifier (`crisis-sim kpis`).
    public var kpi: String
    /// `all`, `area:<name>` or `cohort:<name>`.
    public var stratum: String
    /// In the KPI's unit (per year, %, days, people).
    public var value: Double
    /// The observed value's standard error, in the same unit: the scale on which the model's
    /// distance from it is measured.
    public var standardError: Double
    /// A multiplier on this target's share of the objective (1 unless the file says).
    public var weight: Double
    /// Where the figure comes from: file, measure, provider, period.
    public var source: String
    /// Where the target was written (`file:line:column`), for messages; nil for targets made
    /// in memory.
    public var location: SourceLocation?

    public init(kpi: String, stratum: String = "all", value: Double, standardError: Double, weight: Double = 1,
                source: String, location: SourceLocation? = nil) {
        self.kpi = kpi
        self.stratum = stratum
        self.value = value
        self.standardError = standardError
        self.weight = weight
        self.source = source
        self.location = location
    }

    /// The KPI's definition; nil for an identifier the model does not have.
    public var definition: KPIDefinition? { CrisisSystem.kpiDefinitions.first { $0.id == kpi } }
}
