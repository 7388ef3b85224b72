import CrisisExperiment
import CrisisReport

/// Small hand-made results whose every number is known, so tests can find them in the page.
enum SyntheticResults {
    /// Three replications of 20 days (10 of warm-up): occupancy climbs 80, 81, ... by day and
    /// replication r adds r, so day d's mean is 80 + (d − 1) + 1.
    static func scenario(name: String = "base", bedsOffset: Double = 0) -> ScenarioResults {
        let days = 20
        func series(_ value: (Int, Int) -> Double) -> [[Double]] {
            (0..<3).map { r in (0..<days).map { d in value(r, d) } }
        }
        let daily = DailyCensus(series: [
            "occupancy": series { r, d in 80 + Double(d) + Double(r) - bedsOffset },
            "oap_active": series { r, _ in Double(r) },
            "home_treatment_caseload": series { r, d in 60 + Double((d + r) % 5) },
        ])
        let waits = BinnedCounts(bins: [.init(low: 0, high: 0.25, count: 300), .init(low: 1, high: 1.25, count: 60),
                                        .init(low: 4, high: 4.25, count: 40)], replications: 3)
        let kpis = [
            kpi("beds.occupancy", "%", 93.5 - bedsOffset, 92, 95),
            kpi("oap.placements", "per year", 120, 100, 140),
            kpi("s136.detentions", "per year", 250, 240, 260),
            kpi("s136.place.hbpos", "per year", 180, 170, 190),
            kpi("s136.place.emergency_department", "per year", 65, 60, 70),
            kpi("s136.place.police_custody", "per year", 0.5, -0.1, 1.1),
            kpi("s136.breaches_of_limit", "per year", 1, 0.3, 1.7),
            kpi("s136.breaches_of_extended_limit", "per year", 0, 0, 0),
            KPIEstimate(id: "beds.occupancy", stratum: "area:North & South", unit: "%", replications: 3, mean: 93.5,
                        lower: 92, upper: 95),
        ]
        return ScenarioResults(
            name: name,
            provenance: RunProvenance(scenario: "Scenarios/\(name).yaml", scenarioHash: "0123456789abcdef", seed: 42,
                                      replications: 3, warmupDays: 10, horizonDays: 10, generator: "mrg32k3a"),
            toolVersion: "0.1.0", kpis: kpis, daily: daily, timeToBed: waits)
    }

    static func kpi(_ id: String, _ unit: String, _ mean: Double, _ lower: Double, _ upper: Double) -> KPIEstimate {
        KPIEstimate(id: id, stratum: "all", unit: unit, replications: 3, mean: mean, lower: lower, upper: upper)
    }

    /// The base and one variant with five fewer points of occupancy and fewer placements.
    static func comparison() -> ReportContent {
        let base = scenario(name: "base"), variant = scenario(name: "more-beds", bedsOffset: 5)
        let differences = [
            DifferenceEstimate(variant: "more-beds", id: "beds.occupancy", stratum: "all", unit: "%", baseMean: 93.5,
                               variantMean: 88.5, difference: -5, lower: -6, upper: -4, significant: true),
            DifferenceEstimate(variant: "more-beds", id: "oap.placements", stratum: "all", unit: "per year", baseMean: 120,
                               variantMean: 110, difference: -10, lower: -25, upper: 5, significant: false),
            DifferenceEstimate(variant: "more-beds", id: "s136.detentions", stratum: "all", unit: "per year", baseMean: 250,
                               variantMean: 250, difference: 0, lower: 0, upper: 0, significant: false),
        ]
        return ReportContent(scenarios: [base, variant], differences: differences)
    }
}
