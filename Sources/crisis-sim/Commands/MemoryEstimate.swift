import ArgumentParser
import CrisisExperiment
import CrisisModel
import Foundation

/// What an experiment holds in memory until it ends: every replication's KPI vector (the
/// confidence intervals need them all) and, when asked for, its daily census. Checked before
/// anything runs, so an experiment too big for the machine stops at once with a way to
/// shrink it, rather than failing to allocate after hours or pushing the machine into swap.
struct MemoryEstimate {
    /// One KPI value with its share of what else a replication keeps (the time-to-bed
    /// histogram, the summaries). Measured: peak memory grows ~16 kB per baseline replication
    /// of 189 values (README's performance table).
    static let bytesPerKPIValue = 85.0
    /// One day of one replication's daily census: six series of doubles, and the line of
    /// daily.csv, which is built whole. Measured: ~300 bytes.
    static let bytesPerCensusDay = 300.0
    /// The share of physical memory an experiment may plan to fill; the rest is the system's
    /// and the allocator's.
    static let usableShare = 0.5

    /// Replications held, across every scenario or sweep point.
    let replications: Int
    /// Their total size, bytes.
    let bytes: Double
    /// Whether they keep a daily census (which grows with the run's length).
    let keepsCensus: Bool

    /// `count` replications of each configuration, each keeping `censusDays` days of daily
    /// census (nil: none).
    init(_ groups: [(configuration: CrisisConfiguration, count: Int)], censusDays: Double?) {
        let definitions = CrisisSystem.kpiDefinitions
        let byCohort = definitions.filter(\.byCohort).count
        var replications = 0
        var bytes = 0.0
        for (configuration, count) in groups {
            let values = definitions.count * (1 + configuration.areas.count) + byCohort * configuration.cohorts.count
            let each = Double(values) * Self.bytesPerKPIValue + (censusDays ?? 0).rounded(.up) * Self.bytesPerCensusDay
            replications += count
            bytes += Double(count) * each
        }
        self.replications = replications
        self.bytes = bytes
        keepsCensus = censusDays != nil
    }

    /// Refuses an experiment larger than `usableShare` of `physicalMemory`, saying the
    /// estimate and how to shrink it: `option` (e.g. `--replications`) at the largest value
    /// that fits, when each unit of it is `perUnit` replications held, then the `otherWays`.
    func check(option: (name: String, perUnit: Int)?, otherWays: [String] = [],
               physicalMemory: UInt64 = ProcessInfo.processInfo.physicalMemory) throws {
        let budget = Self.usableShare * Double(physicalMemory)
        guard bytes > budget else { return }
        let each = bytes / Double(replications)
        var ways = otherWays
        if let option, case let fitting = Int(budget / (each * Double(option.perUnit))), fitting >= 1 {
            ways.insert("use \(option.name) \(NumberFormat.grouped(Double(fitting))) or fewer", at: 0)
        }
        let kept = keepsCensus ? "every KPI value, kept for the confidence intervals, and the daily census"
            : "every KPI value, kept for the confidence intervals"
        throw ValidationError(
            "this would hold about \(Self.text(bytes: bytes)) in memory (\(NumberFormat.grouped(Double(replications))) "
            + "replications of ~\(Self.text(bytes: each)): \(kept)), more than half of this machine's "
            + "\(Self.text(bytes: Double(physicalMemory))); to fit, " + ways.joined(separator: ", or "))
    }

    /// 17 kB, 3.5 MB, 350 GB: decimal units, as disk and memory sizes are usually quoted.
    static func text(bytes: Double) -> String {
        let units = ["bytes", "kB", "MB", "GB", "TB", "PB"]
        var value = bytes
        var unit = 0
        while value >= 1000, unit < units.count - 1 {
            value /= 1000
            unit += 1
        }
        return unit == 0 ? "\(Int(value)) bytes" : "\(NumberFormat.fixed(value, value < 10 ? 1 : 0)) \(units[unit])"
    }
}
