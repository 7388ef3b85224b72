/// SplitMix64 (Steele, Lea & Flood 2014): a tiny deterministic generator for the tests' own
/// random choices (interleavings, ties, mutations, data), independent of the SimRandom
/// streams under test.
public struct TestRandom {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in 0..<bound (bound is small here, so the modulo bias is negligible).
    public mutating func int(below bound: Int) -> Int { Int(next() % UInt64(max(bound, 1))) }

    /// True with probability `numerator / denominator`.
    public mutating func chance(_ numerator: Int, in denominator: Int) -> Bool { int(below: denominator) < numerator }

    /// Uniform on [0, 1) with 53 random bits.
    public mutating func uniform() -> Double { Double(next() >> 11) * 0x1p-53 }
}
