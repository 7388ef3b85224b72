/// A range a 500,000-adult baseline should fall in, derived from England's published figures
/// (shared reference: england-figures.md, "Per 500,000 adults: calibration bands").
///
/// Most bands are on one KPI; two are ratios of KPIs (the detained share of admissions, the
/// police-custody share of section 136 detentions), computed per replication like a KPI.
public struct CalibrationBand: Sendable {
    public let measure: String
    /// The KPI ids the measure is computed from (one, or a numerator and a denominator).
    public let kpis: [String]
    public let unit: String
    public let low: Double
    public let high: Double
    /// Where the band comes from.
    public let source: String

    /// The measure from one replication's KPIs; nil when a KPI it needs is missing.
    public func value(_ kpi: (String) -> Double?) -> Double? {
        let values = kpis.map(kpi)
        guard values.allSatisfy({ $0 != nil }) else { return nil }
        return values.count == 1 ? values[0]! : 100 * values[0]! / values[1]!
    }

    public func contains(_ value: Double) -> Bool { value >= low && value <= high }

    public static let baseline: [CalibrationBand] = [
        .init(measure: "adult acute occupancy", kpis: ["beds.occupancy"], unit: "%", low: 93, high: 97,
              source: "94-95% excluding leave (NHS Benchmarking 2015/16, 2019)"),
        .init(measure: "new out-of-area placements", kpis: ["oap.placements"], unit: "per year", low: 50, high: 130,
              source: "586-665 a month in England, 2017-2020 (NHS Digital), / 90"),
        .init(measure: "out-of-area placements active at month end", kpis: ["oap.active_at_month_end"], unit: "people",
              low: 4, high: 14, source: "700-825 in England, 2023-24 (NHS Digital), / 90"),
        .init(measure: "mean out-of-area placement length", kpis: ["oap.length_days.mean"], unit: "days",
              low: 15, high: .infinity, source: "80% of placements ending Dec 2021 lasted 15+ nights (NHS Digital, RCPsych 2022)"),
        .init(measure: "admissions gatekept by the crisis team", kpis: ["admissions.gatekept"], unit: "%", low: 95, high: 99.5,
              source: "95% standard; 96-98% reported (QualityWatch)"),
        .init(measure: "detained share of admissions", kpis: ["admissions.detained", "admissions.total"], unit: "%",
              low: 35, high: 45, source: "~40% (Centre for Mental Health 2019)"),
        .init(measure: "section 136 detentions", kpis: ["s136.detentions"], unit: "per year", low: 200, high: 400,
              source: "31,213-34,685 a year in England and Wales, 2022-24 (Home Office), per head"),
        .init(measure: "section 136 detentions held in police custody", kpis: ["s136.place.police_custody", "s136.detentions"],
              unit: "%", low: 0, high: 1.5, source: "264-322 a year, ~1% (Home Office, 2021-24)"),
    ]
}
