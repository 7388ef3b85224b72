import CrisisExperiment

/// What only a comparison has: headline KPIs side by side per scenario, and every KPI's
/// paired difference from the base.
enum ComparisonFigures {
    /// The KPIs the policy levers of the scenario library aim at (beds, out-of-area
    /// placements, waits, crisis team response, section 136, costs by agency), in that order.
    static let headline = [
        "beds.occupancy", "beds.time_at_or_above_85", "oap.placements", "oap.bed_days",
        "time_to_bed.mean", "admissions.total", "home_treatment.mean_caseload", "crht.response_within_4h",
        "s136.place.police_custody", "s136.breaches_of_limit", "beds.delayed_bed_days",
        "costs.nhs", "costs.police", "costs.local_authority",
    ]

    static func figures(_ content: ReportContent) -> [ChartFigure] {
        guard content.isComparison else { return [] }
        return [headlineBars(content), differences(content)].compactMap { $0 }
    }

    /// One small bar chart per headline KPI, a bar per scenario with its 95% interval.
    static func headlineBars(_ content: ReportContent) -> ChartFigure? {
        let ids = headline.filter { id in content.scenarios.contains { $0.kpi(id) != nil } }
        guard !ids.isEmpty else { return nil }
        let panels = ids.map { id -> ChartFigure.Panel in
            let unit = content.scenarios.lazy.compactMap { $0.kpi(id)?.unit }.first ?? ""
            let label = KPIText.label(id)
            let rows = content.scenarios.enumerated().map { index, scenario in
                IntervalBarChart.Row(label: scenario.name, estimates: [scenario.kpi(id)], colour: Palette.colour(index))
            }
            // The panel's title names the KPI; the axis says what the bars are, in its unit.
            var chart = IntervalBarChart(series: [(name: label, colour: Palette.colour(0))], rows: rows,
                                         xTitle: "Mean with 95% CI (\(unit))")
            chart.width = 420
            return ChartFigure.Panel(title: label, description: "Bars of \(label) in \(unit) for each scenario, with 95% "
                                        + "confidence intervals.", chart: chart.render())
        }
        var columns = ["KPI"]
        for scenario in content.scenarios { columns += ["\(scenario.name): mean", "\(scenario.name): 95% CI"] }
        columns.append("unit")
        let rows = ids.map { id -> [String] in
            var row = [KPIText.label(id)]
            let unit = content.scenarios.lazy.compactMap { $0.kpi(id)?.unit }.first ?? ""
            for scenario in content.scenarios {
                guard let kpi = scenario.kpi(id) else {
                    row += ["-", "-"]
                    continue
                }
                row += [KPIText.value(kpi.mean, unit: unit), KPIText.interval(lower: kpi.lower, upper: kpi.upper, unit: unit)]
            }
            return row + [KPIText.remainingUnit(unit)]
        }
        return ChartFigure(
            id: "headline-kpis", title: "Headline KPIs by scenario", panels: panels,
            caption: "Each panel is one KPI for the whole system: a bar per scenario at the mean over replications, "
                + "whiskers over its 95% confidence interval (cut at zero). Overlapping whiskers do not mean no "
                + "difference: the scenarios share random numbers, so the paired differences below are far more precise.",
            table: DataTable(caption: "Headline KPIs by scenario", columns: columns, rows: rows,
                             textColumns: [columns.count - 1], rowNotes: ids))
    }

    /// Every whole-system KPI that changed, as a percentage of the base mean.
    static func differences(_ content: ReportContent) -> ChartFigure? {
        let variants = content.scenarios.dropFirst().enumerated().map { (name: $0.element.name, colour: Palette.colour($0.offset + 1)) }
        let rows = content.differences.filter { $0.stratum == "all" }
        var ids: [String] = []
        for row in rows where !ids.contains(row.id) { ids.append(row.id) }
        // KPIs every variant leaves exactly as they were (e.g. arrivals, identical under common
        // random numbers) or that have no relative scale (base mean zero) are left to the table.
        let changed = ids.filter { id in
            rows.contains { $0.id == id && $0.relative != nil && ($0.difference != 0 || $0.upper != $0.lower) }
        }
        guard !changed.isEmpty else { return nil }
        let chartRows = changed.map { id in
            DifferenceChart.Row(label: KPIText.label(id), estimates: variants.map { variant in
                rows.first { $0.id == id && $0.variant == variant.name }
            })
        }
        let chart = DifferenceChart(variants: variants, rows: chartRows)
        var columns = ["KPI"]
        for variant in variants {
            columns += ["\(variant.name): difference", "\(variant.name): 95% CI", "\(variant.name): % of base", "\(variant.name): interval excludes 0"]
        }
        columns.append("unit")
        let tableRows = ids.map { id -> [String] in
            var row = [KPIText.label(id)]
            var unit = ""
            for variant in variants {
                guard let estimate = rows.first(where: { $0.id == id && $0.variant == variant.name }) else {
                    row += ["-", "-", "-", "-"]
                    continue
                }
                unit = estimate.unit
                row += [KPIText.change(estimate.difference, unit: unit),
                        KPIText.changeInterval(lower: estimate.lower, upper: estimate.upper, unit: unit),
                        estimate.relative.map { NumberFormat.fixed($0.difference, 1) } ?? "-",
                        estimate.significant ? "yes" : "no"]
            }
            return row + [KPIText.remainingUnit(unit)]
        }
        let unchanged = ids.count - changed.count
        return ChartFigure(
            id: "differences", title: "Difference from the base, KPI by KPI",
            panels: [.init(title: "Difference from the base, KPI by KPI",
                           description: "Forest plot of the paired difference of each variant from the base for "
                               + "\(changed.count) KPIs, as a percentage of the base mean, with 95% confidence intervals; "
                               + "filled points are differences whose interval excludes zero.",
                           chart: chart.render())],
            caption: "Paired difference (variant − base) over common-random-number replications, as a percentage of "
                + "the base mean so KPIs in different units share one axis; whiskers are 95% confidence intervals and "
                + "filled points those that exclude zero; whiskers are cut at −100% (no KPI can fall by more than all "
                + "of it) and at twice the largest change. A change in a percentage KPI is shown relative too: the "
                + "table gives every difference, and its full interval, in the KPI's own unit."
                + (unchanged > 0 ? " \(unchanged) KPIs with no change in any replication, or a base mean of zero, are in the table only." : ""),
            table: DataTable(caption: "Paired differences from the base, every whole-system KPI", columns: columns,
                             rows: tableRows, textColumns: [columns.count - 1], rowNotes: ids))
    }
}
