import CrisisExperiment
import CrisisModel
import SimKernel

/// The checks against closed-form queueing results: the bed model reduced to a textbook
/// queue (Scenarios/studies/bed-model-only.yaml), evaluated at the offered load the
/// study's own configuration gives (`FlowEstimate`, exact for the reduction).
extension ValidationCheck {
    func erlangBRows(_ study: StudyResults, source: String) throws -> [ValidationRow] {
        let area = try study.singleArea()
        return [ValidationRow(
            check: "\(Self.describe(area)), \(Self.stayKind(study)) stays: admissions placed out of area, %",
            source: source, scenario: study.label, expectation: Self.analytic(100 * area.erlangBlocking),
            basis: "Erlang B(\(area.beds), \(NumberFormat.readable(area.offeredLoad)))",
            estimate: try study.summary("oap.share_of_admissions"))]
    }

    func erlangCRows(_ study: StudyResults, source: String) throws -> [ValidationRow] {
        let area = try study.singleArea()
        let load = NumberFormat.readable(area.offeredLoad)
        let wait = QueueingFormulas.mmcMeanWait(servers: area.beds,
                                                arrivalRate: area.admissionsPerYear / RateProfile.hoursPerYear,
                                                meanService: area.meanBedDays * 24)
        let waiting = 100 * QueueingFormulas.erlangC(servers: area.beds, load: area.offeredLoad)
        let name = "\(Self.describe(area)), waiting"
        return [
            ValidationRow(check: "\(name): mean time to a bed, hours", source: source, scenario: study.label,
                          expectation: Self.analytic(wait), basis: "Erlang C mean wait, M/M/\(area.beds)",
                          estimate: try study.summary("time_to_bed.mean")),
            // Poisson arrivals see time averages, so the probability of waiting is the share
            // of time every bed is full.
            ValidationRow(check: "\(name): time every bed is full, %", source: source, scenario: study.label,
                          expectation: Self.analytic(waiting), basis: "Erlang C(\(area.beds), \(load))",
                          estimate: try study.summary("beds.time_full")),
            ValidationRow(check: "\(name): out-of-area placements, per year", source: source, scenario: study.label,
                          expectation: .value(0, tolerance: 0), basis: "none: every admission waits",
                          estimate: try study.summary("oap.placements")),
        ]
    }

    /// L − λW replication by replication, which cancels the year-to-year swings both share.
    /// λ counts admissions to this system's beds: all admissions less out-of-area
    /// placements, which holds only while nobody is repatriated into a local bed.
    func littlesLawRows(_ study: StudyResults, source: String) throws -> [ValidationRow] {
        let area = try study.singleArea()
        guard !study.scenario.configuration.beds.repatriation else {
            throw ValidationRunError.study(file: study.file, problem: "Little's law here counts local admissions as "
                + "admissions less out-of-area placements, so the study must not repatriate")
        }
        let daysPerYear = 365.25
        let occupied = try study.values("beds.bed_days").map { $0 / daysPerYear }
        let local = zip(try study.values("admissions.total"), try study.values("oap.placements")).map { $0 - $1 }
        let demand = local.map { $0 * area.meanBedDays / daysPerYear }
        let beds = KPISummary(id: "L", stratum: "all", unit: "beds", values: occupied)
        let difference = KPISummary(id: "L - lambda W", stratum: "all", unit: "beds", values: zip(occupied, demand).map(-))
        let stay = NumberFormat.readable(area.meanBedDays)
        return [ValidationRow(
            check: "\(Self.describe(area)): mean local beds occupied (L) minus local admissions x mean stay (λW), beds",
            source: source, scenario: study.label,
            // A mismatch under 1% of the beds occupied is within the tolerance.
            expectation: .value(0, tolerance: 0.01 * beds.mean),
            basis: "L = λW; L = \(NumberFormat.readable(beds.mean)) beds, W = \(stay) days",
            estimate: difference)]
    }

    /// Separate pools are each a loss system; a network in which every area uses every
    /// other's beds is one loss system of all the beds offered all the load.
    func poolingRows(separate: StudyResults, pooled: StudyResults, source: String) throws -> [ValidationRow] {
        let areas = separate.flow
        let admissions = areas.reduce(0) { $0 + $1.admissionsPerYear }
        let separateBlocking = 100 * areas.reduce(0) { $0 + $1.admissionsPerYear * $1.erlangBlocking } / admissions
        let configuration = pooled.scenario.configuration
        let names = Set(configuration.areas.map(\.name))
        guard configuration.areas.allSatisfy({ Set($0.bedNetwork + [$0.name]) == names }) else {
            throw ValidationRunError.study(file: pooled.file, problem: "every area must list every other in bed_network "
                + "for the pool to be one loss system")
        }
        let pool = pooled.flow
        let beds = pool.reduce(0) { $0 + $1.beds }
        let load = pool.reduce(0) { $0 + $1.offeredLoad }
        let pooledBlocking = 100 * QueueingFormulas.erlangB(servers: beds, load: load)
        let perArea = areas.map { "B(\($0.beds), \(NumberFormat.readable($0.offeredLoad)))" }.joined(separator: ", ")
        let id = "oap.share_of_admissions"
        return [
            ValidationRow(check: "\(areas.count) areas, beds separate: admissions placed out of area, %", source: source,
                          scenario: separate.label, expectation: Self.analytic(separateBlocking),
                          basis: "Erlang B of each area: \(perArea)", estimate: try separate.summary(id)),
            ValidationRow(check: "the same areas, \(beds) beds pooled: admissions placed out of area, %", source: source,
                          scenario: pooled.label, expectation: Self.analytic(pooledBlocking),
                          basis: "Erlang B(\(beds), \(NumberFormat.readable(load)))", estimate: try pooled.summary(id)),
            ValidationRow(check: "pooled minus separate: admissions placed out of area, percentage points", source: source,
                          scenario: "\(pooled.label) - \(separate.label)", expectation: .below(0),
                          basis: "pooling refuses fewer",
                          estimate: try Self.pairedDifference(id, base: separate, variant: pooled)),
        ]
    }

    /// Each unit against Erlang B and its loss-system occupancy, then each unit against the
    /// next larger one.
    func smallUnitRows(_ studies: [StudyResults], source: String) throws -> [ValidationRow] {
        let units = try studies.map { (study: $0, area: try $0.singleArea()) }.sorted { $0.area.beds < $1.area.beds }
        var rows: [ValidationRow] = []
        for (study, area) in units {
            let name = Self.describe(area)
            rows.append(ValidationRow(check: "\(name): mean occupancy, %", source: source, scenario: study.label,
                                      expectation: Self.analytic(100 * area.expectedOccupancy),
                                      basis: "A (1 - B) / c, loss system", estimate: try study.summary("beds.occupancy")))
            rows.append(ValidationRow(check: "\(name): admissions refused (placed out of area), %", source: source,
                                      scenario: study.label, expectation: Self.analytic(100 * area.erlangBlocking),
                                      basis: "Erlang B(\(area.beds), \(NumberFormat.readable(area.offeredLoad)))",
                                      estimate: try study.summary("oap.share_of_admissions")))
        }
        for (small, large) in zip(units, units.dropFirst()) {
            rows.append(ValidationRow(
                check: "\(small.area.beds) beds minus \(large.area.beds) beds: admissions refused, percentage points",
                source: source, scenario: "\(small.study.label) - \(large.study.label)", expectation: .above(0),
                basis: "the smaller unit refuses more",
                estimate: try Self.pairedDifference("oap.share_of_admissions", base: large.study, variant: small.study)))
        }
        return rows
    }
}
