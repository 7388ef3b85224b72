import SimRandom

/// A compiled `OutcomeSplit`: draws a typed outcome from GSL's alias table.
struct OutcomeChoice<Outcome: CaseIterable & RawRepresentable & Hashable & Sendable> where Outcome.RawValue == String {
    private let choice: WeightedChoice
    private let outcomes: [Outcome]

    init(_ split: OutcomeSplit<Outcome>) throws {
        choice = try WeightedChoice(weights: split.shares)
        outcomes = Array(Outcome.allCases)
    }

    @inline(__always) func choose(_ stream: StreamHandle) -> Outcome {
        outcomes[choice.choose(stream)]
    }
}
