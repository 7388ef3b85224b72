import CrisisExperiment

/// One KPI of a variant against the base, as comparison.csv records it: the paired
/// difference (variant − base) over common-random-number replications, with its 95% interval.
public struct DifferenceEstimate: Sendable, Equatable {
    public let variant: String
    public let id: String
    public let stratum: String
    public let unit: String
    public let baseMean: Double
    public let variantMean: Double
    public let difference: Double
    public let lower: Double
    public let upper: Double
    /// Whether the interval excludes zero.
    public let significant: Bool

    public init(variant: String, id: String, stratum: String, unit: String, baseMean: Double, variantMean: Double,
                difference: Double, lower: Double, upper: Double, significant: Bool) {
        self.variant = variant
        self.id = id
        self.stratum = stratum
        self.unit = unit
        self.baseMean = baseMean
        self.variantMean = variantMean
        self.difference = difference
        self.lower = lower
        self.upper = upper
        self.significant = significant
    }

    /// The difference and its interval as percentages of the base mean (nil when the base
    /// mean is zero or undefined, where a relative change means nothing).
    var relative: (difference: Double, lower: Double, upper: Double)? {
        guard baseMean != 0, baseMean.isFinite, difference.isFinite else { return nil }
        let scale = 100 / abs(baseMean)
        return (difference * scale, lower * scale, upper * scale)
    }

    /// Every row of a comparison.csv.
    static func rows(of table: CSVTable<ComparisonCSV>) throws -> [DifferenceEstimate] {
        let variant = try table.column(.variant), id = try table.column(.kpi), stratum = try table.column(.stratum)
        let unit = try table.column(.unit), base = try table.column(.baseMean), mean = try table.column(.variantMean)
        let difference = try table.column(.difference), lower = try table.column(.ci95Low)
        let upper = try table.column(.ci95High), significant = try table.column(.significant)
        return try table.rows.indices.map { r in
            let row = table.rows[r]
            return DifferenceEstimate(variant: row[variant], id: row[id], stratum: row[stratum], unit: row[unit],
                                      baseMean: try table.value(r, base), variantMean: try table.value(r, mean),
                                      difference: try table.value(r, difference), lower: try table.value(r, lower),
                                      upper: try table.value(r, upper), significant: CSV.isYes(row[significant]))
        }
    }
}

extension DifferenceEstimate: PairedChange {
    public var change: Double { difference }
    public var changeLower: Double { lower }
    public var changeUpper: Double { upper }
    public var isClear: Bool { significant }
}
