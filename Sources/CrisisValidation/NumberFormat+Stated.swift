import CrisisExperiment

extension NumberFormat {
    /// A bound or threshold as a person states it: whole numbers without decimals ("50-130",
    /// "> 0"), others as `readable` gives them ("99.5", "3.29").
    static func stated(_ value: Double) -> String {
        value.isFinite && value == value.rounded() && abs(value) < 1e15 ? fixed(value, 0) : readable(value)
    }
}
