/// The values a number may take: bounds that are open or closed, either side, so that the
/// schema table can say exactly `[0, 24)` for an hour of day or `(0, 24]` for hours open.
struct NumberRange: Sendable {
    var lower: Double
    var lowerIncluded: Bool
    var upper: Double
    var upperIncluded: Bool

    /// lower <= x <= upper.
    static func closed(_ lower: Double, _ upper: Double) -> NumberRange {
        NumberRange(lower: lower, lowerIncluded: true, upper: upper, upperIncluded: true)
    }

    /// lower <= x < upper.
    static func upperOpen(_ lower: Double, _ upper: Double) -> NumberRange {
        NumberRange(lower: lower, lowerIncluded: true, upper: upper, upperIncluded: false)
    }

    /// lower < x <= upper.
    static func lowerOpen(_ lower: Double, _ upper: Double) -> NumberRange {
        NumberRange(lower: lower, lowerIncluded: false, upper: upper, upperIncluded: true)
    }

    func contains(_ x: Double) -> Bool {
        (lowerIncluded ? x >= lower : x > lower) && (upperIncluded ? x <= upper : x < upper)
    }

    /// `[0, 24)`, the interval notation the docs and problems use.
    var interval: String {
        "\(lowerIncluded ? "[" : "(")\(Self.format(lower)), \(Self.format(upper))\(upperIncluded ? "]" : ")")"
    }

    /// Whole numbers without a trailing `.0`, others as Swift's shortest round-trip text.
    static func format(_ x: Double) -> String {
        if x.isFinite, x.rounded() == x, abs(x) < 1e15 { return String(Int64(x)) }
        return "\(x)"
    }
}
