import CrisisExperiment
import CrisisModel

/// The checks against published findings that are stated in words: each is made measurable
/// here, by a rule stated once, so the document can say plainly whether it holds.
extension ValidationCheck {
    /// Bagust, Place and Posnett's "discernible" risk, made measurable: every bed full at
    /// least 1% of the time (about four days' worth a year).
    static let discernibleShortage = 1.0
    /// Their "regular bed shortages": every bed full at least twelve days' worth a year
    /// (about one a month), as a percentage of the time.
    static let regularShortage = 100 * 12 / 365.25

    /// Every point of the sweep against Erlang B (Poisson arrivals see time averages, so the
    /// share of time every bed is full is the blocking probability), then the three claims,
    /// each read at the sweep point nearest its occupancy on the side the claim is about.
    func occupancySweepRows(_ file: String, vary: String, _ runner: StudyRunner, source: String) throws -> [ValidationRow] {
        let grid: SweepGrid
        do {
            grid = try SweepGrid.parse([vary])
        } catch {
            throw ValidationRunError.study(file: file, problem: error.problems.joined(separator: "; "))
        }
        var points: [(study: StudyResults, occupancy: KPISummary, full: KPISummary)] = []
        var rows: [ValidationRow] = []
        for point in grid.points {
            let study = try runner.results(file, overrides: grid.assignments(at: point))
            let area = try study.singleArea()
            let occupancy = try study.summary("beds.occupancy")
            let full = try study.summary("beds.time_full")
            points.append((study, occupancy, full))
            rows.append(ValidationRow(
                check: "\(Self.describe(area)) (mean occupancy \(NumberFormat.fixed(occupancy.mean, 1))%): "
                    + "time every bed is full, %",
                source: source, scenario: study.label, expectation: Self.analytic(100 * area.erlangBlocking),
                basis: "Erlang B(\(area.beds), \(NumberFormat.readable(area.offeredLoad)))", estimate: full))
        }
        func claim(_ description: String, at point: (study: StudyResults, occupancy: KPISummary, full: KPISummary)?,
                   _ expectation: Expectation, basis: String) throws -> ValidationRow {
            guard let point else {
                throw ValidationRunError.study(file: file, problem: "the sweep \(vary) has no point \(description)")
            }
            return ValidationRow(
                check: "\(description) (\(NumberFormat.fixed(point.occupancy.mean, 1))%): time every bed is full, %",
                source: source, scenario: point.study.label, expectation: expectation, basis: basis, estimate: point.full)
        }
        let discernible = "\(NumberFormat.stated(Self.discernibleShortage))%: about 4 days' worth a year"
        rows.append(try claim("below 80% mean occupancy", at: points.last { $0.occupancy.mean < 80 },
                              .below(Self.discernibleShortage), basis: "risk not yet discernible: under \(discernible)"))
        rows.append(try claim("above 85% mean occupancy", at: points.first { $0.occupancy.mean > 85 },
                              .above(Self.discernibleShortage), basis: "risk discernible: over \(discernible)"))
        rows.append(try claim("at 90% mean occupancy or more", at: points.first { $0.occupancy.mean >= 90 },
                              .above(Self.regularShortage), basis: "regular shortages: over 12 days' worth a year"))
        return rows
    }

    /// On each measure, both changes must be real (intervals above zero) for "equally
    /// sensitive" to mean anything; then their paired difference must be indistinguishable
    /// from zero. "Out-of-area placements" is read two ways: new placements a year, and
    /// out-of-area bed days (people placed out of area on an average day, x 365.25).
    func equalSensitivityRows(base: StudyResults, longerStays: StudyResults, moreReferrals: StudyResults,
                              source: String) throws -> [ValidationRow] {
        let measures = [("oap.placements", "new out-of-area placements, per year"),
                        ("oap.bed_days", "out-of-area bed days, per year")]
        return try measures.flatMap { id, name in [
            ValidationRow(check: "10% longer stays: change in \(name)", source: source,
                          scenario: "\(longerStays.label) - \(base.label)", expectation: .above(0),
                          basis: "more load, more out of area",
                          estimate: try Self.pairedDifference(id, base: base, variant: longerStays)),
            ValidationRow(check: "10% more referrals: change in \(name)", source: source,
                          scenario: "\(moreReferrals.label) - \(base.label)", expectation: .above(0),
                          basis: "more load, more out of area",
                          estimate: try Self.pairedDifference(id, base: base, variant: moreReferrals)),
            ValidationRow(check: "longer stays minus more referrals: \(name)", source: source,
                          scenario: "\(longerStays.label) - \(moreReferrals.label)",
                          expectation: .indistinguishableFrom(0), basis: "equally sensitive: the same change",
                          estimate: try Self.pairedDifference(id, base: moreReferrals, variant: longerStays)),
        ] }
    }
}
