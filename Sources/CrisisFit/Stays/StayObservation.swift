/// One stay in hospital as an extract sees it through an observation window, in days.
///
/// Lengths of stay cut by a window are not a plain sample. A stay still open when the
/// window ends is only known to be longer than the time seen (right censored); a stay that
/// began before the window opens was only seen because it lasted that long (left truncated:
/// a short stay admitted then would have left before anyone looked). Treating either as an
/// ordinary stay biases the fit towards short stays, so each observation carries what the
/// likelihood needs to correct for both, and what a parametric bootstrap needs to censor a
/// simulated stay the way the real one could have been.
///
/// All times are measured from the stay's admission.
public struct StayObservation: Sendable, Equatable, CustomStringConvertible {
    /// Days the patient had already been in hospital when the window opened: 0 for a stay
    /// admitted inside the window, more for one admitted before it (left truncated).
    public let entry: Double
    /// Days from admission to discharge, or to the window's end when `censored`.
    public let exit: Double
    /// Still in hospital when the window ended: the stay is at least `exit` days long.
    public let censored: Bool
    /// Days from admission to the window's end: the censoring time this stay would have had
    /// had it lasted that long. Equals `exit` for a censored stay.
    public let limit: Double

    /// The fields as they are; `StayFit` checks them (with the observation's index in any
    /// error) before using them, so a whole extract can be built first and reported at once.
    public init(entry: Double = 0, exit: Double, censored: Bool, limit: Double) {
        self.entry = entry
        self.exit = exit
        self.censored = censored
        self.limit = limit
    }

    /// A stay that ended in discharge inside the window.
    public static func discharged(entry: Double = 0, after days: Double, windowEndsAfter limit: Double) -> StayObservation {
        StayObservation(entry: entry, exit: days, censored: false, limit: limit)
    }

    /// A stay still open when the window ended, `days` after admission.
    public static func stillInHospital(entry: Double = 0, after days: Double) -> StayObservation {
        StayObservation(entry: entry, exit: days, censored: true, limit: days)
    }

    /// Left truncated: admitted before the window opened.
    public var isLeftTruncated: Bool { entry > 0 }

    public var description: String {
        "entry \(entry), exit \(exit)\(censored ? " (censored)" : ""), limit \(limit)"
    }

    /// What is wrong with this observation, or nil when it can enter a likelihood:
    /// 0 <= entry < exit <= limit, all finite, and a censored stay censored at its limit.
    var problem: String? {
        guard entry.isFinite, exit.isFinite, limit.isFinite else {
            return "entry, exit and limit must be finite numbers of days, got \(description)"
        }
        guard entry >= 0 else { return "entry (\(entry) days) must be >= 0" }
        guard exit > entry else {
            return "exit (\(exit) days) must be greater than entry (\(entry) days): a stay seen in the window lasted beyond the day the window opened"
        }
        guard exit <= limit else {
            return "exit (\(exit) days) must not be beyond the window's end (limit \(limit) days)"
        }
        if censored, exit != limit {
            return "a censored stay ends at the window's end, so exit (\(exit) days) must equal limit (\(limit) days)"
        }
        return nil
    }

    /// Throws for the first invalid observation, naming its index and what is wrong.
    static func validate(_ observations: [StayObservation]) throws {
        guard !observations.isEmpty else { throw StayFitError.noObservations }
        for (index, observation) in observations.enumerated() {
            if let problem = observation.problem {
                throw StayFitError.invalidObservation(index: index, problem: problem)
            }
        }
    }
}
