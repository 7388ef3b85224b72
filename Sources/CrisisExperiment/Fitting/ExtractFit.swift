import CrisisFit
import CrisisModel
import Foundation

/// What a patient extract says about the scenario parameters it can inform, each with its
/// uncertainty: per area and source the arrivals (volume, hour-of-day and day-of-week
/// profile, growth), per legal status the clinical length of stay (censored and truncated
/// maximum likelihood over four families, with bootstrap goodness of fit), and the delayed
/// discharges; plus shares the model produces rather than takes (detained, gatekept, out of
/// area), kept as targets to compare a run with.
public struct ExtractFit: Sendable {
    /// The period the extract covers, model hours [start, end).
    public let start: Double
    public let end: Double
    /// The replication fitted (a model extract holds several; a trust's has one).
    public let replication: Int

    public struct Arrivals: Sendable {
        public let area: String
        public let source: Source
        public let estimate: ArrivalEstimate
    }
    public let arrivals: [Arrivals]

    public struct Stays: Sendable {
        /// "informal" or "detained".
        public let legalStatus: String
        public let observations: Int
        public let censored: Int
        public let leftTruncated: Int
        /// Nil when there were too few stays to fit (`minimumStays`).
        public let selection: StaySelection?
        /// The data's own distribution, censoring and truncation allowed for, to draw the fits against.
        public let productLimit: ProductLimitEstimate?
    }
    public let stays: [Stays]

    /// Share of clinical stays ending in a local bed whose discharge was delayed.
    public let delayedDischarge: ShareEstimate?
    /// Length of the delays that ended in the period, days.
    public let delayDays: DelayFit?
    /// The chance an ended episode is followed by a re-presentation, and its delay; nil
    /// (with the reason) when too few returns were seen.
    public let representation: Result<RepresentationFit, RepresentationFit.Failure>?

    public struct Target: Sendable {
        public let kpi: String
        public let estimate: ShareEstimate
    }
    /// Shares the model computes, for comparing a run of the fitted scenario with the data.
    public let targets: [Target]
    /// Admissions in the period, another figure the model computes rather than takes.
    public let admissions: Int

    /// Stays below this are not fitted: four families and a bootstrap need some data.
    public static let minimumStays = 30

    /// Fits `episodes` of `replication` over [start, end); `bootstrap` replications judge
    /// each stay family's fit (seeded by `seed`).
    public static func fit(_ episodes: [ExtractEpisode], replication: Int, start: Double, end: Double,
                           bootstrap: Int, seed: UInt64) throws -> ExtractFit {
        let rows = episodes.filter { $0.replication == replication }
        var arrivals: [Arrivals] = []
        let areas = Array(Set(rows.map { $0.area ?? "" })).sorted()
        for area in areas {
            for source in [Source.community, .emergencyDepartment, .police] {
                let times = rows.filter { ($0.area ?? "") == area && $0.source == source }
                    .compactMap(\.presentedAt).filter { $0 >= start && $0 < end }
                guard !times.isEmpty else { continue }
                arrivals.append(Arrivals(area: area, source: source,
                                         estimate: try ArrivalFit.fit(times: times, start: start, end: end)))
            }
        }

        var stays: [Stays] = []
        for (status, detained) in [("informal", false), ("detained", true)] {
            let observations = rows.filter { $0.isAdmitted && $0.detained == detained }
                .compactMap { stayObservation($0, start: start, end: end) }
            let selection = observations.count >= minimumStays
                ? try StayFit.select(observations, bootstrapReplications: bootstrap, seed: seed) : nil
            stays.append(Stays(legalStatus: status, observations: observations.count,
                               censored: observations.filter(\.censored).count,
                               leftTruncated: observations.filter(\.isLeftTruncated).count, selection: selection,
                               productLimit: observations.isEmpty ? nil : try ProductLimitEstimate(observations)))
        }

        // Delayed discharge: the model decides it when a clinical stay ends in a local bed.
        let localStayEnds = rows.filter { episode in
            guard episode.isAdmitted, let stayEnd = episode.clinicalStayEnd, stayEnd >= start, stayEnd < end else { return false }
            return episode.placement != .outOfArea || episode.repatriatedAt != nil
        }
        let delayed = localStayEnds.filter { $0.delayedDischargeFrom != nil }
        let delayedDischarge = localStayEnds.isEmpty ? nil
            : try ShareEstimate.estimate(successes: delayed.count, trials: localStayEnds.count)
        let delays = delayed.compactMap { episode -> Double? in
            guard let from = episode.delayedDischargeFrom, let to = episode.dischargedAt, to > from else { return nil }
            return (to - from) / 24
        }
        let delayDays = delays.isEmpty ? nil : try DelayFit.exponential(delays: delays)

        let representation = representationFit(rows, start: start, end: end)

        let admissions = rows.filter { $0.isAdmitted && ($0.admittedAt ?? -.infinity) >= start && ($0.admittedAt ?? .infinity) < end }
        var targets: [Target] = []
        if !admissions.isEmpty {
            let decided = admissions.filter { $0.detained != nil }
            if !decided.isEmpty {
                targets.append(Target(kpi: "admissions.detained_share", estimate: try ShareEstimate.estimate(
                    successes: decided.filter { $0.detained == true }.count, trials: decided.count)))
            }
            let gatekeeping = admissions.filter { $0.gatekept != nil }
            if !gatekeeping.isEmpty {
                targets.append(Target(kpi: "admissions.gatekept", estimate: try ShareEstimate.estimate(
                    successes: gatekeeping.filter { $0.gatekept == true }.count, trials: gatekeeping.count)))
            }
            targets.append(Target(kpi: "oap.share_of_admissions", estimate: try ShareEstimate.estimate(
                successes: admissions.filter { $0.placement == .outOfArea }.count, trials: admissions.count)))
        }
        return ExtractFit(start: start, end: end, replication: replication, arrivals: arrivals, stays: stays,
                          delayedDischarge: delayedDischarge, delayDays: delayDays, representation: representation,
                          targets: targets, admissions: admissions.count)
    }

    /// Each episode of care (a bed, home treatment or a crisis house: what the model lets a
    /// person come back after) that ended in the period, followed to the period's end: did the
    /// same person come back (their next episode, a re-presentation, keeps their id), and after
    /// how long. Nil when no episode says what it ended from (`ended_at`, `ended_from`).
    static func representationFit(_ rows: [ExtractEpisode], start: Double, end: Double)
        -> Result<RepresentationFit, RepresentationFit.Failure>? {
        let byPerson = Dictionary(grouping: rows, by: \.person)
        var observations: [RepresentationObservation] = []
        for episode in rows {
            guard let ended = episode.endedAt, ended >= start, ended < end,
                  let from = episode.endedFrom, from != EpisodeEnd.assessment.name else { continue }
            let next = byPerson[episode.person]?.compactMap { $0.source == .representation ? $0.presentedAt : nil }
                .filter { $0 >= ended && $0 < end }.min()
            observations.append(RepresentationObservation(followUp: (end - ended) / 24, delay: next.map { ($0 - ended) / 24 }))
        }
        guard !observations.isEmpty else { return nil }
        do { return .success(try RepresentationFit.fit(observations)) } catch let failure as RepresentationFit.Failure {
            return .failure(failure)
        } catch {
            return .failure(.noMaximum)
        }
    }

    /// The clinical stay of an admitted episode as the fit sees it, days from admission:
    /// left-truncated when admitted before the period, right-censored when still in
    /// hospital (and not yet ready to leave) at its end; nil when it ended before the period.
    static func stayObservation(_ episode: ExtractEpisode, start: Double, end: Double) -> StayObservation? {
        guard let admitted = episode.admittedAt, admitted < end else { return nil }
        let entry = max(0, start - admitted) / 24
        let limit = (end - admitted) / 24
        if let stayEnd = episode.clinicalStayEnd, stayEnd < end {
            let exit = (stayEnd - admitted) / 24
            guard exit > entry else { return nil }
            return StayObservation(entry: entry, exit: exit, censored: false, limit: limit)
        }
        guard limit > entry else { return nil }
        return StayObservation(entry: entry, exit: limit, censored: true, limit: limit)
    }
}
