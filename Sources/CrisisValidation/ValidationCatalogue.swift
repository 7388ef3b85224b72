/// A published or analytic result, as the document cites it.
public struct Citation: Sendable, Equatable {
    /// For the table: "Erlang 1917".
    public let short: String
    /// For the list of sources.
    public let full: String
}

/// One section of docs/VALIDATION.md: a result, the checks that test the model against it,
/// and why it matters.
public struct ValidationEntry: Sendable {
    public let title: String
    /// What is checked, for the reader: a sentence or two.
    public let summary: String
    public let citation: Citation
    public let checks: [ValidationCheck]

    /// Every study file the entry's checks read.
    public var studies: [String] { checks.flatMap(\.studies) }

    /// Runs the checks (through `runner`, which runs each study once) and compares.
    public func rows(_ runner: StudyRunner) throws -> [ValidationRow] {
        try checks.flatMap { try $0.rows(runner, source: citation.short) }
    }
}

/// Every check docs/VALIDATION.md reports, in the order it reports them, each with the
/// study files in Scenarios/studies/ it runs.
public enum ValidationCatalogue {
    /// Where the study files are, relative to the package root.
    public static let folder = "Scenarios/studies"

    /// The sweep of the Bagust check: 75 to 110 erlangs on 100 beds (the study file's header
    /// gives the same `crisis-sim sweep` command).
    public static let occupancySweep = "areas.Ward.sources.community.per_year=900...1320:60"

    static func study(_ name: String) -> String { "\(folder)/\(name).yaml" }

    static let erlang = Citation(
        short: "Erlang 1917",
        full: "A. K. Erlang (1917). Solution of some problems in the theory of probabilities of significance in "
            + "automatic telephone exchanges. Elektroteknikeren 13:5-13. Values for beds in "
            + "shared/reference/england-figures.md, \"Analytic checks\".")
    static let deBruin = Citation(
        short: "de Bruin et al. 2010",
        full: "A. M. de Bruin, R. Bekker, L. van Zanten, G. M. Koole (2010). Dimensioning hospital wards using the "
            + "Erlang loss model. Annals of Operations Research 178:23-43.")

    public static let entries: [ValidationEntry] = [
        ValidationEntry(
            title: "Erlang loss formula",
            summary: "The bed model as a loss system (an admission finding every bed full is placed out of area at "
                + "once) at 0.85 x beds offered: the share placed out of area must be Erlang B.",
            citation: erlang,
            checks: ["erlang-b-20-beds-exponential", "erlang-b-50-beds-exponential", "erlang-b-100-beds-exponential"]
                .map { .erlangB(study($0)) }),
        ValidationEntry(
            title: "Insensitivity to the stay distribution",
            summary: "The same loss systems with right-skewed lognormal stays (cv 1.2) of the same mean: the blocking "
                + "of an M/G/c/c system depends on stays only through their mean, so it must still be Erlang B.",
            citation: Citation(
                short: "Sevastyanov 1957",
                full: "B. A. Sevastyanov (1957). An ergodic theorem for Markov processes and its application to "
                    + "telephone systems with refusals. Theory of Probability and its Applications 2(1):104-112."),
            checks: ["erlang-b-20-beds-lognormal", "erlang-b-50-beds-lognormal", "erlang-b-100-beds-lognormal"]
                .map { .erlangB(study($0)) }),
        ValidationEntry(
            title: "Erlang C: waiting for a bed",
            summary: "The bed model as a waiting system with exponential stays and no out-of-area placement (M/M/c): "
                + "the mean time to a bed and the probability of waiting must be Erlang C's.",
            citation: Citation(
                short: "Erlang 1917; Gross et al. 2008",
                full: "Erlang (1917), above; D. Gross, J. F. Shortle, J. M. Thompson, C. M. Harris (2008). "
                    + "Fundamentals of Queueing Theory, 4th edition. Wiley (the M/M/c queue)."),
            checks: [.erlangC(study("erlang-c-20-beds"))]),
        ValidationEntry(
            title: "Little's law",
            summary: "Mean local beds occupied must equal local admissions a year times the mean stay, whatever the "
                + "arrivals and stays.",
            citation: Citation(
                short: "Little 1961",
                full: "J. D. C. Little (1961). A proof for the queuing formula L = λW. Operations Research "
                    + "9(3):383-387."),
            checks: [.littlesLaw(study("littles-law"))]),
        ValidationEntry(
            title: "Pooling beds",
            summary: "Two areas of 20 beds, each offered 17 erlangs, separate and then pooled through a bed network: "
                + "pooled, they are one loss system of 40 beds offered 34 erlangs, and refuse fewer admissions.",
            citation: deBruin,
            checks: [.pooling(separate: study("pooling-separate"), pooled: study("pooling-pooled"))]),
        ValidationEntry(
            title: "Small units at 85% occupancy",
            summary: "Units of 10, 20 and 50 beds, each offered the load that fills it to 85% on average: a uniform "
                + "85% target makes small units refuse far more admissions.",
            citation: deBruin,
            checks: [.smallUnits(["de-bruin-10-beds", "de-bruin-20-beds", "de-bruin-50-beds"].map(study))]),
        ValidationEntry(
            title: "Occupancy and bed shortages",
            summary: "100 beds as a loss system over a sweep of load: how often every bed is full against mean "
                + "occupancy. Risks of finding no bed become discernible above about 85% mean occupancy, and at "
                + "90% or more there are regular shortages.",
            citation: Citation(
                short: "Bagust et al. 1999",
                full: "A. Bagust, M. Place, J. W. Posnett (1999). Dynamics of bed use in accommodating emergency "
                    + "admissions: stochastic simulation model. BMJ 319:155-158."),
            checks: [.occupancySweep(study("bagust-occupancy"), vary: occupancySweep)]),
        ValidationEntry(
            title: "Out-of-area placements: stays and referrals",
            summary: "The whole pathway (the baseline): 10% longer stays and 10% more referrals each add 10% to the "
                + "offered bed load, and out-of-area placements are equally sensitive to both. Read two ways: new "
                + "placements a year, and out-of-area bed days (how many people are out of area on an average day).",
            citation: Citation(
                short: "Paton & Tiffin 2018",
                full: "Paton and Tiffin (2018), British Journal of Psychiatry: out-of-area placement rates are "
                    + "equally sensitive to length of stay and referral rate (as summarised in "
                    + "shared/reference/england-figures.md)."),
            checks: [.equalSensitivity(base: study("paton-tiffin-baseline"), longerStays: study("paton-tiffin-longer-stays"),
                                       moreReferrals: study("paton-tiffin-more-referrals"))]),
        ValidationEntry(
            title: "Calibration bands of the baseline",
            summary: "The baseline (Scenarios/baseline.yaml) against public figures for England scaled to 500,000 "
                + "adults (England / 90). The baseline is calibrated to these bands; a value OUTSIDE is reported as it is.",
            citation: Citation(
                short: "england-figures.md",
                full: "shared/reference/england-figures.md, \"Per 500,000 adults: calibration bands for the baseline\": "
                    + "NHS Digital out-of-area placement statistics, Home Office police powers statistics, "
                    + "QualityWatch, Centre for Mental Health 2019, NHS Benchmarking."),
            checks: [.calibrationBands(study("calibration-bands"), CalibrationBand.baseline)]),
    ]
}
