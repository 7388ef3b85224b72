import CrisisExperiment

/// A range a model value should sit in.
public enum Band: Sendable, Equatable, CustomStringConvertible {
    /// From `lower` to `upper`, both included.
    case between(Double, Double)
    /// Strictly below the bound.
    case below(Double)
    /// At or above the bound.
    case atLeast(Double)

    public func contains(_ value: Double) -> Bool {
        switch self {
        case .between(let lower, let upper): return lower <= value && value <= upper
        case .below(let bound): return value < bound
        case .atLeast(let bound): return value >= bound
        }
    }

    public var description: String {
        switch self {
        case .between(let lower, let upper): return "\(NumberFormat.stated(lower))-\(NumberFormat.stated(upper))"
        case .below(let bound): return "< \(NumberFormat.stated(bound))"
        case .atLeast(let bound): return ">= \(NumberFormat.stated(bound))"
        }
    }
}

/// A band the baseline should sit in, from public figures for England scaled to its
/// 500,000 adults, and the model value it is compared with.
public struct CalibrationBand: Sendable {
    /// What a replication's value is: one KPI, or one KPI as a percentage of another.
    public enum Measure: Sendable, Equatable {
        case kpi(String)
        case share(String, of: String)
    }

    /// What is measured, with its unit.
    public let name: String
    public let measure: Measure
    public let band: Band
    /// The figures the band is derived from.
    public let source: String

    public init(_ name: String, _ measure: Measure, _ band: Band, source: String) {
        self.name = name
        self.measure = measure
        self.band = band
        self.source = source
    }

    /// The calibration bands for the baseline: shared/reference/england-figures.md, "Per
    /// 500,000 adults: calibration bands for the baseline" (England / 90). One line a band;
    /// a KPI id the results lack stops the document with an error naming it.
    public static let baseline: [CalibrationBand] = [
        .init("adult acute occupancy, %", .kpi("beds.occupancy"), .between(93, 97),
              source: "NHS Benchmarking 2015/16, 2019"),
        .init("new out-of-area placements, per year", .kpi("oap.placements"), .between(50, 130),
              source: "NHS Digital OAP statistics 2017-20, / 90"),
        .init("out-of-area placements active at month end, people", .kpi("oap.active_at_month_end"), .between(4, 14),
              source: "NHS Digital OAP statistics 2023-24, / 90"),
        .init("mean out-of-area placement length, days", .kpi("oap.length_days.mean"), .atLeast(15),
              source: "NHS Digital via RCPsych 2022: 80% of placements ending Dec 2021 lasted 15+ nights"),
        .init("admissions gatekept by the crisis team, %", .kpi("admissions.gatekept"), .between(95, 99.5),
              source: "QualityWatch; 95% standard"),
        .init("admissions detained, % of admissions", .share("admissions.detained", of: "admissions.total"), .between(35, 45),
              source: "Centre for Mental Health 2019"),
        .init("section 136 detentions, per year", .kpi("s136.detentions"), .between(200, 400),
              source: "Home Office police powers 2022-24, per head"),
        .init("section 136 detentions in police custody, % of detentions",
              .share("s136.place.police_custody", of: "s136.detentions"), .below(1.5),
              source: "Home Office police powers 2021-24"),
    ]

    /// The row comparing `study`'s value with this band.
    /// - Throws: `ValidationRunError.missingKPI` when the study's results lack a KPI the measure reads.
    public func row(_ study: StudyResults) throws -> ValidationRow {
        let estimate: KPISummary
        switch measure {
        case .kpi(let id): estimate = try study.summary(id)
        case .share(let part, let whole): estimate = try study.summary(share: part, of: whole)
        }
        return ValidationRow(check: name, source: source, scenario: study.label, expectation: .band(band),
                             basis: "calibration band", estimate: estimate)
    }
}
