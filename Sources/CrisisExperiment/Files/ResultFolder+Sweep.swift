extension ResultFolder {
    /// Replaces the folder's set with a sweep's table and chart, so a folder never holds the
    /// table of one sweep beside the chart of another. `chart` draws sweep.svg
    /// (`SweepChart.svg`, which lives with the report's charts).
    public func writeSweep(_ sweep: SweepResult, chart: @escaping (SweepResult) -> String) throws {
        let provenance = RunProvenance(combining: sweep.identity.groups.indices.map { sweep.identity.provenance(group: $0) })
        try replace(with: [ResultFile(SweepCSV.fileName) { SweepCSV.text(sweep) },
                           ResultFile(SweepCSV.chartFileName) { chart(sweep) }],
                    provenance: provenance)
    }
}
