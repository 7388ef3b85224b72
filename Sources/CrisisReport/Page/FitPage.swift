import CrisisExperiment
import CrisisFit
import CrisisModel

/// fit.html, the page `crisis-sim fit` writes: for each legal status the data's length-of-stay
/// distribution (product-limit, so stays still running and stays begun before the period
/// count as they should) against every family fitted, and for each source the hour-of-day and
/// day-of-week profile with its intervals. What fitted.yaml sets, seen against the data.
public enum FitPage {
    public static let fileName = "fit.html"

    public static func html(_ fit: ExtractFit, files: [String]) -> String {
        var sections: [ReportSection] = []
        var stays = ReportSection(id: "stays", heading: "Lengths of stay")
        stays.body = "<p>Each panel: the stays in the extract (the step line, a product-limit estimate that counts "
            + "stays still running at the period's end and stays begun before it) against every family fitted by "
            + "maximum likelihood. fitted.yaml uses the lowest-AIC family the goodness-of-fit tests do not reject.</p>\n"
        stays.figures = fit.stays.compactMap(staysFigure)
        sections.append(stays)
        var arrivals = ReportSection(id: "arrivals", heading: "When people present")
        arrivals.body = "<p>Relative volume by hour of day and day of week (mean 1), with 95% intervals, per source.</p>\n"
        arrivals.figures = fit.arrivals.flatMap(profileFigures)
        sections.append(arrivals)
        let period = "\(ExtractCalendar.dateTime(fit.start).prefix(10)) to \(ExtractCalendar.dateTime(fit.end).prefix(10))"
        return ReportPage.document(title: "crisis-sim fit: \(files.joined(separator: ", "))", fileStem: "fit")
            + """
            <header><h1>Fit to \(MarkupText.escape(files.joined(separator: ", ")))</h1>
            <p>Replication \(fit.replication); period \(period) (end exclusive). fitted.yaml holds the values, fit.json every interval.</p>
            </header>
            <main>
            \(sections.map { $0.html() }.joined())</main>

            """ + ReportPage.closing
    }

    private static func staysFigure(_ stays: ExtractFit.Stays) -> ChartFigure? {
        guard let selection = stays.selection, let data = stays.productLimit else { return nil }
        let high = data.lastExit
        let grid = (0...100).map { high * Double($0) / 100 }
        var curves = [LineChart.Curve(name: "\(stays.observations) stays (product-limit)", colour: "#1a1a1a",
                                              points: [(0, 0)] + zip(data.times, data.cdf).map { ($0, $1) }, steps: true)]
        for (k, fit) in selection.comparison.fits.enumerated() {
            curves.append(.init(name: "\(fit.family) (ΔAIC \(NumberFormat.fixed(selection.comparison.ranked[k].deltaAIC, 1)))",
                                colour: Palette.colour(k + 1), points: grid.map { ($0, fit.cdf($0)) }))
        }
        let chart = LineChart(curves: curves, xTitle: "Clinical length of stay (days)").render()
        let rows = zip(selection.comparison.ranked, selection.goodnessOfFit).map { ranked, test -> [String] in
            let fit = ranked.fit
            return [fit.family.rawValue,
                    zip(fit.family.parameterNames, fit.parameters).map { "\($0) \(NumberFormat.significant($1.value, 4))" }
                        .joined(separator: ", "),
                    NumberFormat.readable(fit.mean.value) + " (" + NumberFormat.readable(fit.mean.lower) + " to "
                        + NumberFormat.readable(fit.mean.upper) + ")",
                    NumberFormat.fixed(ranked.deltaAIC, 1), NumberFormat.fixed(test.ksP, 2), NumberFormat.fixed(test.adP, 2)]
        }
        let title = "\(stays.legalStatus.prefix(1).uppercased())\(stays.legalStatus.dropFirst()) stays"
        return ChartFigure(
            id: "stays-\(stays.legalStatus)", title: title,
            panels: [.init(title: title,
                           description: "Cumulative share of \(stays.legalStatus) stays by length, data against each fitted family.",
                           chart: chart)],
            caption: "\(stays.observations) stays, \(stays.censored) still running at the period's end, "
                + "\(stays.leftTruncated) begun before it. p-values by parametric bootstrap; a family is rejected "
                + "when either is below 0.05.",
            table: DataTable(caption: "\(title): families compared", columns: ["family", "parameters", "mean days (95% CI)",
                                                                                "ΔAIC", "KS p", "AD p"], rows: rows))
    }

    private static func profileFigures(_ arrivals: ExtractFit.Arrivals) -> [ChartFigure] {
        let name = (arrivals.area.isEmpty ? "" : arrivals.area + " ") + arrivals.source.scenarioKey.replacingOccurrences(of: "_", with: " ")
        let days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
        let profiles = [("hour", "Hour of day", arrivals.estimate.hourOfDay.map { (String(format2($0.index)) + ":00", $0) }),
                        ("day", "Day of week", arrivals.estimate.dayOfWeek.map { (days[$0.index], $0) })]
        return profiles.compactMap { stem, title, weights in
            guard !weights.isEmpty else { return nil }
            let rows = weights.map { label, weight in
                IntervalBarChart.Row(label: label, estimates: [KPIEstimate(id: "", stratum: "all", unit: "", replications: 2,
                                                                            mean: weight.weight, lower: weight.lower,
                                                                            upper: weight.upper)])
            }
            let chart = IntervalBarChart(series: [(name: name, colour: Palette.colour(0))], rows: rows,
                                         xTitle: "Relative volume (mean 1)").render()
            let table = weights.map { label, weight in
                [label, NumberFormat.fixed(weight.weight, 2),
                 NumberFormat.fixed(weight.lower, 2) + " to " + NumberFormat.fixed(weight.upper, 2), String(weight.count)]
            }
            return ChartFigure(
                id: "\(arrivals.area)-\(arrivals.source.scenarioKey)-\(stem)", title: "\(name): \(title.lowercased())",
                panels: [.init(title: "\(name): \(title.lowercased())",
                               description: "Bars of relative volume by \(title.lowercased()) with 95% intervals.", chart: chart)],
                caption: "\(arrivals.estimate.volume.count) presentations. Weights are relative to the mean (1); the "
                    + "intervals are exact (Clopper-Pearson) given the other profile.",
                table: DataTable(caption: "\(name): \(title.lowercased())", columns: [title, "weight", "95% CI", "presentations"],
                                 rows: table))
        }
    }

    private static func format2(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
}
