import CrisisModel

/// A sweep's outcome: each point's values and KPI summaries, and the table printed from them
/// (`ResultFolder.writeSweep` writes its files). The same from an unsharded sweep and from
/// merged shards, byte for byte.
public struct SweepResult: Sendable {
    public let identity: ExperimentIdentity
    public let settings: SweepSettings
    /// Each point's values, one per varied key.
    public let points: [[String]]
    /// Each point's summary, in point order.
    public let summaries: [Summary]

    /// Summarises each point's results (`results[g]` for group g of `identity`, a sweep).
    public init(identity: ExperimentIdentity, results: [[ReplicationResult]]) {
        precondition(identity.kind == .sweep && identity.sweep != nil, "a sweep's identity")
        self.identity = identity
        settings = identity.sweep!
        points = identity.groups.map(\.point)
        summaries = results.map { Summary($0) }
    }

    /// The scenario's name (its file name without extension).
    public var scenarioName: String {
        CrisisExperiment.scenarioName(identity.groups.first?.scenario ?? "sweep")
    }

    /// "<scenario>: sweep of <key> x <key>", the chart's title.
    public var title: String { "\(scenarioName): sweep of \(settings.keys.joined(separator: " x "))" }

    /// The summary of `kpi` in the sweep's stratum at each point (nil where it is absent).
    public func series(_ kpi: String) -> [KPISummary?] {
        summaries.map { $0.kpi(kpi, stratum: settings.stratum) }
    }

    /// A readable table per charted KPI, headed by its label as `run` and `compare` head
    /// theirs: each point's values, mean and 95% interval in the KPI's own terms (GBP 19.4m,
    /// 93.7%), intervals cut at what the KPI can be, and the half-width as ±% of the mean.
    public func table() -> String {
        var blocks: [String] = []
        let widths = settings.keys.enumerated().map { a, key in
            max(key.count, points.map { $0[a].count }.max() ?? 0) + 2
        }
        for kpi in settings.kpis {
            let unit = KPIText.unit(kpi)
            let shownUnit = KPIText.remainingUnit(unit)
            var lines = ["\(KPIText.label(kpi))\(shownUnit.isEmpty ? "" : " (\(shownUnit))") [\(kpi)]"
                + (settings.stratum == "all" ? "" : ", \(settings.stratum)")]
            lines.append(zip(settings.keys, widths).map { NumberFormat.pad($0, $1) }.joined()
                + NumberFormat.pad("mean", 12, right: true) + "  " + NumberFormat.pad("95% CI", 27)
                + NumberFormat.pad("±%", 7, right: true))
            for (point, summary) in zip(points, series(kpi)) {
                let keys = zip(point, widths).map { NumberFormat.pad($0, $1) }.joined()
                guard let summary, summary.count > 0 else {
                    lines.append(keys + NumberFormat.pad("-", 12, right: true) + "  (undefined in every replication)")
                    continue
                }
                let interval = summary.count > 1 ? KPIText.interval(summary) : "(one replication)"
                let relative = summary.relativeHalfWidth.isFinite ? NumberFormat.fixed(100 * summary.relativeHalfWidth, 1) : "-"
                lines.append(keys + NumberFormat.pad(KPIText.value(summary.mean, unit: unit), 12, right: true) + "  "
                    + NumberFormat.pad(interval, 27) + NumberFormat.pad(relative, 7, right: true))
            }
            blocks.append(lines.joined(separator: "\n"))
        }
        return blocks.joined(separator: "\n\n")
    }
}
