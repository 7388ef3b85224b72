import CrisisModel

/// Sentences for results a planner would not expect, saying why: a simulated occupancy far
/// from the Erlang estimate `describe` prints, or a wait held at a rule's limit rather than set
/// by the beds. For the report's brief.
public enum SurpriseExplanations {
    /// Occupancy further than this from the Erlang estimate (percentage points) is explained.
    public static let occupancyGap = 5.0

    /// The explanations for a scenario of `configuration` whose whole-system occupancy (%)
    /// and 95th percentile wait for a bed (hours) came out as given.
    public static func sentences(_ configuration: CrisisConfiguration, occupancy: Double?, waitP95: Double?) -> [String] {
        var sentences: [String] = []
        let estimates = FlowEstimate.estimate(configuration)
        let beds = estimates.reduce(0) { $0 + $1.beds }
        if let occupancy, occupancy.isFinite, beds > 0 {
            let estimate = 100 * estimates.reduce(0.0) { $0 + $1.expectedOccupancy * Double($1.beds) } / Double(beds)
            if estimate.isFinite, abs(occupancy - estimate) > occupancyGap {
                sentences.append("Bed occupancy came out at \(KPIText.value(occupancy, unit: "%")), against "
                    + "\(KPIText.value(estimate, unit: "%")) from the Erlang loss formula on the routing alone "
                    + "(`crisis-sim describe`): the formula leaves out opening hours, re-presentations and the "
                    + "bed search, during which a person waits for a local bed instead of being turned away, so "
                    + (occupancy > estimate ? "the simulation keeps beds fuller than it predicts."
                        : "the simulation's pathway admits fewer than the routing alone implies."))
            }
        }
        let search = configuration.beds.bedSearchHours.mean
        if let waitP95, waitP95.isFinite, search > 0, waitP95 >= 0.8 * search {
            sentences.append("The 95th percentile wait for a bed (\(NumberFormat.readable(waitP95)) hours) sits at the "
                + "bed search (\(NumberFormat.readable(search)) hours on average, beds.bed_search_hours): a person "
                + "still without a local bed then is placed out of area, so the rule, not the beds, sets that wait; "
                + "fewer beds show up as out-of-area placements instead.")
        }
        return sentences
    }
}
