import CrisisScenario

extension ResultFolder {
    /// Replaces the folder's set with a comparison's files, comparison.csv and changes.csv,
    /// from the runs `provenance` combines. `variants` are each variant's name (its scenario's)
    /// and comparison with the base, `changes` what each changes from it. `parts` names the
    /// scenario folders already written inside this one (compare --report), which the set's
    /// manifest then vouches for too.
    public func writeComparison(_ variants: [(name: String, comparison: [PairedDifference])],
                                changes: [(name: String, changes: [ScenarioChange])], provenance: RunProvenance,
                                parts: [String] = []) throws {
        try replace(with: [ResultFile(ComparisonCSV.fileName) { ComparisonCSV.text(variants) },
                           ResultFile(ChangesCSV.fileName) { ChangesCSV.text(changes) }],
                    provenance: provenance, parts: parts)
    }
}
