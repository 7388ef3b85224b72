import CrisisFit
import CrisisModel

/// fit.json: everything a fit found, for a researcher or another program: the period and
/// rows, every rejected row with its reason, per source the volume, profile, growth and
/// dispersion with intervals, per legal status every family fitted (parameters with
/// intervals, AIC, goodness of fit), the delays, and the shares kept as targets.
public enum FitJSON {
    public static let fileName = "fit.json"

    public static func text(_ fit: ExtractFit, files: [String], rows: Int, problems: [ExtractProblem]) -> String {
        var fields: [String] = []
        fields.append("\"tool\": \"crisis-sim\"")
        fields.append("\"version\": \(json(RunProvenance.toolVersion))")
        fields.append("\"files\": [" + files.map(json).joined(separator: ", ") + "]")
        fields.append("\"replication\": \(fit.replication)")
        fields.append("\"period\": {\"start\": \(json(ExtractCalendar.dateTime(fit.start))), \"end\": \(json(ExtractCalendar.dateTime(fit.end)))}")
        fields.append("\"rows\": {\"read\": \(rows), \"unusable\": \(problems.count)}")
        fields.append("\"unusable_rows\": [" + problems.map {
            "\n    {\"file\": \(json($0.file)), \"line\": \($0.line), \"column\": \(json($0.column)), \"problem\": \(json($0.problem))}"
        }.joined(separator: ",") + (problems.isEmpty ? "]" : "\n  ]"))
        fields.append("\"arrivals\": [" + fit.arrivals.map(arrivals).joined(separator: ",") + "\n  ]")
        fields.append("\"stays\": [" + fit.stays.map(stays).joined(separator: ",") + "\n  ]")
        if let share = fit.delayedDischarge { fields.append("\"delayed_discharge_share\": \(self.share(share))") }
        if let delay = fit.delayDays {
            fields.append("\"delay_days\": {\"delays\": \(delay.count), \"mean\": \(json(delay.mean)), \"ci95\": "
                + "[\(json(delay.lower)), \(json(delay.upper))], \"cv\": \(json(delay.coefficientOfVariation))}")
        }
        if case .success(let returns) = fit.representation {
            fields.append("\"representation\": {\"episodes\": \(returns.episodes), \"returned\": \(returns.returned), "
                + "\"probability\": \(json(returns.probability.value)), \"probability_ci95\": [\(json(returns.probability.lower)), "
                + "\(json(returns.probability.upper))], \"mean_delay_days\": \(json(returns.meanDelay.value)), "
                + "\"mean_delay_ci95\": [\(json(returns.meanDelay.lower)), \(json(returns.meanDelay.upper))]}")
        }
        fields.append("\"targets\": [" + fit.targets.map {
            "\n    {\"kpi\": \(json($0.kpi)), \"share\": \(share($0.estimate))}"
        }.joined(separator: ",") + (fit.targets.isEmpty ? "]" : "\n  ]"))
        return "{\n  " + fields.joined(separator: ",\n  ") + "\n}\n"
    }

    static func arrivals(_ entry: ExtractFit.Arrivals) -> String {
        let e = entry.estimate
        var out = "\n    {\"area\": \(json(entry.area)), \"source\": \(json(entry.source.scenarioKey)), "
        out += "\"count\": \(e.volume.count), \"per_year\": \(json(e.volume.perYear)), \"ci95\": [\(json(e.volume.lower)), \(json(e.volume.upper))],\n"
        out += "     \"hour_of_day_weights\": " + weights(e.hourOfDay) + ",\n"
        out += "     \"day_of_week_weights\": " + weights(e.dayOfWeek)
        if let growth = e.growth {
            out += ",\n     \"annual_growth\": {\"estimate\": \(json(growth.annualGrowth)), \"ci95\": [\(json(growth.lower)), "
                + "\(json(growth.upper))], \"excludes_zero\": \(growth.excludesZero)}"
        }
        if let dispersion = e.dispersion {
            out += ",\n     \"weekly_dispersion\": {\"index\": \(json(dispersion.index)), \"p\": \(json(dispersion.pValue))}"
        }
        return out + "}"
    }

    static func weights(_ weights: [ArrivalWeight]) -> String {
        "[" + weights.map { "{\"weight\": \(json($0.weight)), \"ci95\": [\(json($0.lower)), \(json($0.upper))], \"count\": \($0.count)}" }
            .joined(separator: ", ") + "]"
    }

    static func stays(_ entry: ExtractFit.Stays) -> String {
        var out = "\n    {\"legal_status\": \(json(entry.legalStatus)), \"stays\": \(entry.observations), "
            + "\"censored\": \(entry.censored), \"left_truncated\": \(entry.leftTruncated)"
        guard let selection = entry.selection else { return out + ", \"fitted\": false}" }
        switch selection.recommendation {
        case .parametric(let chosen, _): out += ", \"recommended\": \(json(chosen.family.rawValue))"
        case .empirical(let empirical):
            out += ", \"recommended\": \"empirical\", \"percentiles\": [" + empirical.quantiles.map { json($0.days) }
                .joined(separator: ", ") + "]"
        }
        out += ",\n     \"families\": ["
        out += zip(selection.comparison.ranked, selection.goodnessOfFit).map { ranked, test in
            let fit = ranked.fit
            let parameters = fit.parameters.map {
                "\(json($0.name)): {\"value\": \(json($0.value)), \"ci95\": [\(json($0.lower)), \(json($0.upper))]}"
            }.joined(separator: ", ")
            return "\n       {\"family\": \(json(fit.family.rawValue)), \(parameters), \"aic\": \(json(fit.aic)), "
                + "\"delta_aic\": \(json(ranked.deltaAIC)), \"mean\": \(json(fit.mean.value)), \"mean_ci95\": "
                + "[\(json(fit.mean.lower)), \(json(fit.mean.upper))], \"ks\": \(json(test.ks)), \"ks_p\": \(json(test.ksP)), "
                + "\"ad\": \(json(test.ad)), \"ad_p\": \(json(test.adP)), \"bootstrap\": \(test.bootstrapReplications)}"
        }.joined(separator: ",")
        return out + "]}"
    }

    static func share(_ share: ShareEstimate) -> String {
        "{\"successes\": \(share.successes), \"trials\": \(share.trials), \"share\": \(json(share.share)), "
            + "\"ci95\": [\(json(share.lower)), \(json(share.upper))]}"
    }

    static func json(_ value: Double) -> String { JSONText.number(value) }
    static func json(_ text: String) -> String { JSONText.string(text) }
}
