import CrisisModel
import SimKernel

/// distributions.csv: per replication, the non-empty bins of the whole-system time from
/// admission request to bed (hours), so a report can draw the distribution behind the
/// time_to_bed KPIs without per-admission records.
///
/// One row per (replication, bin). Waits beyond the last bin (a week) are one row from the
/// upper bound to `inf`. Empty bins are left out, so the file stays small; bins are the
/// model's, so replications add up bin by bin.
public enum DistributionsCSV: CSVFormat {
    public static let fileName = "distributions.csv"

    public enum Column: String, CaseIterable, Sendable {
        case distribution, replication, binLow = "bin_low", binHigh = "bin_high", count
    }

    /// The `distribution` of the time from admission request to bed.
    public static let timeToBed = "time_to_bed_hours"

    public static func text(_ results: [ReplicationResult]) -> String {
        var lines = [header]
        for result in results {
            guard let histogram = result.timeToBed else { continue }
            func row(_ low: Double, _ high: Double, _ count: Double) {
                guard count > 0 else { return }
                lines.append(Column.allCases.map { column in
                    switch column {
                    case .distribution: timeToBed
                    case .replication: String(result.replication)
                    case .binLow: NumberFormat.cell(low)
                    case .binHigh: NumberFormat.cell(high)
                    case .count: NumberFormat.cell(count)
                    }
                }.joined(separator: ","))
            }
            row(-.infinity, histogram.lowerBound, histogram.underflowWeight)
            for bin in 0..<histogram.binCount {
                row(histogram.binLowerEdge(bin), histogram.binLowerEdge(bin + 1), histogram.weight(inBin: bin))
            }
            row(histogram.upperBound, .infinity, histogram.overflowWeight)
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
