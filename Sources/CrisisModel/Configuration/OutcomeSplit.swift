/// How the people reaching one decision divide among its outcomes.
///
/// Each decision has its own `CaseIterable` outcome type, so a split cannot be read in the
/// wrong order and every `switch` on a drawn outcome names each case. The scenario schema
/// takes a split's keys from `allCases` (the raw values), so the file format, the model and
/// the documentation cannot drift apart.
public struct OutcomeSplit<Outcome: CaseIterable & RawRepresentable & Hashable & Sendable>: Sendable, Equatable
where Outcome.RawValue == String {
    /// Shares in `Outcome.allCases` order (they sum to 1 once validated).
    public private(set) var shares: [Double]

    /// Shares in `Outcome.allCases` order; missing outcomes get 0.
    public init(_ shares: [Outcome: Double]) {
        self.shares = Outcome.allCases.map { shares[$0] ?? 0 }
    }

    /// Shares listed in `Outcome.allCases` order (the scenario compiler reads them so).
    public init(orderedShares: [Double]) {
        precondition(orderedShares.count == Outcome.allCases.count,
                     "\(Outcome.self) has \(Outcome.allCases.count) outcomes, got \(orderedShares.count) shares")
        shares = orderedShares
    }

    public subscript(outcome: Outcome) -> Double {
        get { shares[Self.index(of: outcome)] }
        set { shares[Self.index(of: outcome)] = newValue }
    }

    /// The outcome names, as the scenario file spells them.
    public static var keys: [String] { Outcome.allCases.map(\.rawValue) }

    static func index(of outcome: Outcome) -> Int {
        Array(Outcome.allCases).firstIndex(of: outcome)!
    }
}

extension OutcomeSplit: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (Outcome, Double)...) {
        self.init(Dictionary(elements, uniquingKeysWith: { $1 }))
    }
}

/// What the crisis team decides after assessing a referral.
public enum ReferralOutcome: String, CaseIterable, Sendable {
    case homeTreatment = "home_treatment"
    case crisisHouse = "crisis_house"
    case admissionRequest = "admission_request"
    /// Back to community care.
    case discharge
}

/// What liaison psychiatry decides after assessing someone in the emergency department.
public enum LiaisonOutcome: String, CaseIterable, Sendable {
    case dischargeWithFollowUp = "discharge_with_follow_up"
    case referralToCRHT = "referral_to_crht"
    case admissionRequest = "admission_request"
}

/// What a Mental Health Act assessment at a place of safety decides.
public enum MHAOutcome: String, CaseIterable, Sendable {
    case detainedAdmission = "detained_admission"
    case informalAdmission = "informal_admission"
    case homeTreatment = "home_treatment"
    case discharge
}
