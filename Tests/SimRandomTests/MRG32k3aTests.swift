import CGSL
import CMRG32k3a
import XCTest

/// The C generator in Sources/CMRG32k3a against L'Ecuyer's RngStreams (L'Ecuyer, Simard,
/// Chen & Kelton 2002) and against MRGOracle, an independent re-implementation.
final class MRG32k3aTests: XCTestCase {
    let m1 = UInt64(MRGOracle.m1)

    // MARK: Published RngStreams values

    /// RngStreams' first stream starts at the package seed 12345 x 6; its first outputs are
    /// Y = 545508589, 1368065410, 1327943761, i.e. U = Y / (m1 + 1) = 0.12701112204657714,
    /// 0.3185275653967945, 0.3091860155832701 (RngStreams' U01 multiplies by
    /// norm = 2.328306549295727688e-10 = 1 / (m1 + 1)). By hand: p1 = 592852 * 12345 mod m1 =
    /// 3023790853, p2 = -842977 * 12345 mod m2 = 2478282264, Y = p1 - p2 = 545508589.
    func testFirstOutputsFromPackageSeedMatchRngStreams() {
        let raw = RawMRG(seed: MRGOracle.defaultSeed)
        XCTAssertEqual(raw.state, MRGOracle.defaultSeed, "stream 0, substream 0 is the seed itself")

        // gsl_rng_get returns Y - 1, in [0, m1 - 1].
        XCTAssertEqual(gsl_rng_get(raw.rng), 545_508_589 - 1)
        let published: [Double] = [0.3185275653967945, 0.3091860155832701, 0.8258468629271136, 0.2216299157820229]
        for expected in published {
            let u = gsl_rng_uniform(raw.rng)
            XCTAssertEqual(u, expected, accuracy: 1e-15)
        }

        let fresh = RawMRG(seed: MRGOracle.defaultSeed)
        XCTAssertEqual(gsl_rng_uniform(fresh.rng), 0.12701112204657714, accuracy: 1e-15)
    }

    /// Published checksum for RngStreams from the default seed: the 1000th uniform.
    func testThousandthUniformFromPackageSeedMatchesRngStreams() {
        let raw = RawMRG(seed: MRGOracle.defaultSeed)
        for _ in 0..<999 { _ = gsl_rng_uniform(raw.rng) }
        XCTAssertEqual(gsl_rng_uniform(raw.rng), 0.98607848680213228, accuracy: 1e-15)
    }

    /// The jump matrices A^(2^127) and A^(2^76), as published in RngStreams.c (A1p127, A2p127,
    /// A1p76, A2p76), reproduced by the oracle's repeated squaring. This grounds the oracle's
    /// jumps, which the position tests below compare the C code with.
    func testOracleJumpMatricesMatchPublishedRngStreamsConstants() {
        XCTAssertEqual(MRGOracle.streamJump1, [
            [2_427_906_178, 3_580_155_704, 949_770_784],
            [226_153_695, 1_230_515_664, 3_580_155_704],
            [1_988_835_001, 986_791_581, 1_230_515_664],
        ])
        XCTAssertEqual(MRGOracle.streamJump2, [
            [1_464_411_153, 277_697_599, 1_610_723_613],
            [32_183_930, 1_464_411_153, 1_022_607_788],
            [2_824_425_944, 32_183_930, 2_093_834_863],
        ])
        XCTAssertEqual(MRGOracle.substreamJump1, [
            [82_758_667, 1_871_391_091, 4_127_413_238],
            [3_672_831_523, 69_195_019, 1_871_391_091],
            [3_672_091_415, 3_528_743_235, 69_195_019],
        ])
        XCTAssertEqual(MRGOracle.substreamJump2, [
            [1_511_326_704, 3_759_209_742, 1_610_795_712],
            [4_292_754_251, 1_511_326_704, 3_889_917_532],
            [3_859_662_829, 4_292_754_251, 3_708_466_080],
        ])
    }

    /// RngStreams' second and third streams (CreateStream after the first) start here.
    func testStreamJumpsMatchRngStreamsSecondAndThirdStreams() {
        let second = RawMRG(seed: MRGOracle.defaultSeed, stream: 1)
        XCTAssertEqual(second.state, [3_692_455_944, 1_366_884_236, 2_968_912_127, 335_948_734, 4_161_675_175, 475_798_818])
        let third = RawMRG(seed: MRGOracle.defaultSeed, stream: 2)
        XCTAssertEqual(third.state, [1_015_873_554, 1_310_354_410, 2_249_465_273, 994_084_013, 2_912_484_720, 3_876_682_925])
    }

    /// RngStreams' ResetNextSubstream on the first stream lands here (one A^(2^76) jump).
    func testSubstreamJumpMatchesRngStreamsSecondSubstream() {
        let raw = RawMRG(seed: MRGOracle.defaultSeed, stream: 0, substream: 1)
        XCTAssertEqual(raw.state, [870_504_860, 2_641_697_727, 884_013_853, 339_352_413, 2_374_306_706, 3_651_603_887])
    }

    // MARK: Against the independent oracle

    /// The C generator's first 1000 outputs equal the oracle's recurrence, from several
    /// starting states: the package seed, a jumped position, and states with components
    /// near their moduli (which exercise the modular reduction's edge cases).
    func testFirstThousandOutputsMatchIndependentRecurrence() {
        let seeds: [[UInt32]] = [
            MRGOracle.defaultSeed,
            MRGOracle.position(seed: MRGOracle.defaultSeed, stream: 3, substream: 7),
            [4_294_967_086, 4_294_967_086, 4_294_967_086, 4_294_944_442, 4_294_944_442, 4_294_944_442],
            [1, 0, 0, 0, 0, 1],
            [0, 0, 4_294_967_086, 4_294_944_442, 0, 0],
            [123_456_789, 987_654_321, 2_718_281_828, 3_141_592_653, 1_414_213_562, 1_732_050_807],
            // 527612 * 1087039 - 1370589 * 415325 = m2 and 527612 * 803489 - 1370589 * 303038 = 2 m2:
            // the second component's first step is an exact multiple of m2 (so p2 = 0), where a
            // quotient estimated in floating point (x * fl(1/m2) rounds just below k) is one too
            // small and the remainder comes out as m2 unless corrected.
            [1, 2, 3, 415_325, 7, 1_087_039],
            [5, 0, 0, 303_038, 11, 803_489],
        ]
        for seed in seeds {
            let raw = RawMRG(seed: seed)
            var oracle = seed.map { Int64($0) }
            for step in 0..<1000 {
                let z = MRGOracle.next(&oracle)
                XCTAssert((1...MRGOracle.m1).contains(z))
                let got = gsl_rng_get(raw.rng)
                guard got == UInt(z - 1) else {
                    XCTFail("seed \(seed), step \(step): C gave \(got) + 1, oracle \(z)")
                    break
                }
                XCTAssertEqual(raw.state, oracle.map { UInt32($0) }, "seed \(seed), step \(step)")
            }
        }
    }

    /// gsl_rng_uniform is z / (m1 + 1), as in RngStreams, to within one ulp (z * norm and
    /// z / (m1 + 1) can differ in the last bit). Normalising by m1 instead would be off by
    /// about 2.3e-10 for large z, far outside this tolerance.
    func testUniformIsOutputOverM1PlusOne() {
        let seed: [UInt32] = [4_294_967_086, 17, 99, 5, 4_294_944_442, 31_337]
        let raw = RawMRG(seed: seed)
        var oracle = seed.map { Int64($0) }
        for _ in 0..<1000 {
            let z = MRGOracle.next(&oracle)
            let expected = Double(z) / Double(MRGOracle.m1 + 1)
            let u = gsl_rng_uniform(raw.rng)
            XCTAssertLessThanOrEqual(abs(u - expected), expected.ulp, "z = \(z)")
            XCTAssert(u > 0 && u < 1)
        }
    }

    /// Jumps compose: every (stream, substream) start equals the oracle's
    /// A2^(2^76 s) A1^(2^127 k) seed, including 64-bit stream indices such as the FNV-1a
    /// hashes RandomStream uses, and jumping is independent of where the generator was.
    func testPositionsMatchOracleJumps() {
        let seeds: [[UInt32]] = [
            MRGOracle.defaultSeed,
            [1, 2, 3, 4, 5, 6],
            [4_294_967_086, 0, 7, 0, 4_294_944_442, 11],
        ]
        let positions: [(UInt64, UInt64)] = [
            (0, 0), (0, 1), (0, 2), (0, 5), (1, 0), (2, 0), (1, 1), (3, 7), (12, 1000),
            (0xCBF2_9CE4_8422_2325, 0), (0xAF63_DC4C_8601_EC8C, 3), (UInt64.max, (1 << 51) - 1),
        ]
        let raw = RawMRG()
        for seed in seeds {
            for (stream, substream) in positions {
                _ = gsl_rng_get(raw.rng)  // wherever the generator was, set_position resets it
                XCTAssertEqual(raw.setPosition(seed: seed, stream: stream, substream: substream), 0)
                XCTAssertEqual(
                    raw.state, MRGOracle.position(seed: seed, stream: stream, substream: substream),
                    "seed \(seed), stream \(stream), substream \(substream)")
            }
        }
    }

    /// Two substream jumps from substream 0 land where one call for substream 2 does: the
    /// state at substream 2 is A^(2^76) applied to the state at substream 1.
    func testSubstreamJumpsCompose() {
        let one = RawMRG(seed: MRGOracle.defaultSeed, stream: 4, substream: 1).state
        let two = RawMRG(seed: MRGOracle.defaultSeed, stream: 4, substream: 2).state
        let x1 = MRGOracle.apply(MRGOracle.substreamJump1, one[0..<3].map { UInt64($0) }, MRGOracle.mm1)
        let x2 = MRGOracle.apply(MRGOracle.substreamJump2, one[3..<6].map { UInt64($0) }, MRGOracle.mm2)
        XCTAssertEqual(two, (x1 + x2).map { UInt32($0) })
    }

    func testPositionsAreDeterministicAndDistinct() {
        var seen: [[UInt32]: (UInt64, UInt64)] = [:]
        for stream in UInt64(0)..<8 {
            for substream in UInt64(0)..<4 {
                let a = RawMRG(seed: MRGOracle.defaultSeed, stream: stream, substream: substream)
                let b = RawMRG(seed: MRGOracle.defaultSeed, stream: stream, substream: substream)
                XCTAssertEqual(a.state, b.state)
                let firstA = (0..<10).map { _ in gsl_rng_get(a.rng) }
                let firstB = (0..<10).map { _ in gsl_rng_get(b.rng) }
                XCTAssertEqual(firstA, firstB)
                if let previous = seen[a.state] {
                    XCTFail("(\(stream), \(substream)) starts where \(previous) does")
                }
                seen[a.state] = (stream, substream)
            }
        }
        XCTAssertEqual(seen.count, 32)
    }

    // MARK: Seed validation

    func testInvalidSeedsAreRejected() {
        let raw = RawMRG()
        let m1 = UInt32(MRGOracle.m1), m2 = UInt32(MRGOracle.m2)
        let invalid: [[UInt32]] = [
            [0, 0, 0, 1, 1, 1],  // first component all zero
            [1, 1, 1, 0, 0, 0],  // second component all zero
            [0, 0, 0, 0, 0, 0],
            [m1, 1, 1, 1, 1, 1],  // x1 component not below m1
            [1, 1, m1, 1, 1, 1],
            [UInt32.max, 1, 1, 1, 1, 1],
            [1, 1, 1, m2, 1, 1],  // x2 component not below m2
            [1, 1, 1, 1, 1, m2],
            [1, 1, 1, 1, UInt32.max, 1],
        ]
        for seed in invalid {
            XCTAssertEqual(raw.setPosition(seed: seed, stream: 0, substream: 0), -1, "\(seed)")
        }
        // The largest valid components, and single nonzero components, are accepted.
        let valid: [[UInt32]] = [
            [m1 - 1, m1 - 1, m1 - 1, m2 - 1, m2 - 1, m2 - 1],
            [0, 0, 1, 0, 0, 1],
            [1, 0, 0, 1, 0, 0],
            // m2 <= x < m1 is valid for the first component only.
            [m2, m2 + 1, m1 - 1, 1, 1, 1],
        ]
        for seed in valid {
            XCTAssertEqual(raw.setPosition(seed: seed, stream: 2, substream: 3), 0, "\(seed)")
            XCTAssertEqual(raw.state, MRGOracle.position(seed: seed, stream: 2, substream: 3))
        }
        XCTAssertEqual(raw.setPosition(seed: [1, 1, 1, m2, 1, 1], stream: 0, substream: 0), -1)
    }

    func testSetPositionRejectsOtherGenerators() {
        let mt = gsl_rng_alloc(cgsl_rng_mt19937())!
        defer { gsl_rng_free(mt) }
        XCTAssertEqual(crisis_mrg32k3a_set_position(mt, MRGOracle.defaultSeed, 0, 0), -1)
        XCTAssertEqual(crisis_mrg32k3a_set_position(nil, MRGOracle.defaultSeed, 0, 0), -1)
    }

    // MARK: The GSL generator type

    func testGeneratorTypeDescribesMRG32k3a() {
        let raw = RawMRG()
        XCTAssertEqual(String(cString: gsl_rng_name(raw.rng)), "mrg32k3a")
        XCTAssertEqual(gsl_rng_min(raw.rng), 0)
        XCTAssertEqual(gsl_rng_max(raw.rng), UInt(MRGOracle.m1 - 1))
    }

    /// gsl_rng_set spreads an integer seed over the six components (SplitMix64): the state is
    /// a deterministic function of the seed, every component in [1, m), and the generator
    /// then follows the recurrence from it.
    func testIntegerSeedingIsDeterministicAndValid() {
        var states: Set<[UInt32]> = []
        for seed: UInt in [0, 1, 2, 12345, UInt.max] {
            let a = RawMRG(), b = RawMRG()
            gsl_rng_set(a.rng, seed)
            gsl_rng_set(b.rng, seed)
            XCTAssertEqual(a.state, b.state)
            let state = a.state
            XCTAssert(state[0..<3].allSatisfy { $0 >= 1 && UInt64($0) < m1 }, "\(state)")
            XCTAssert(state[3..<6].allSatisfy { $0 >= 1 && Int64($0) < MRGOracle.m2 }, "\(state)")
            states.insert(state)

            var oracle = state.map { Int64($0) }
            for _ in 0..<100 {
                XCTAssertEqual(gsl_rng_get(a.rng), UInt(MRGOracle.next(&oracle) - 1))
            }
        }
        XCTAssertEqual(states.count, 5, "different integer seeds give different states")
    }

    /// gsl_rng_clone copies the state (the type's state size is right): the clone continues
    /// with exactly the original's numbers.
    func testCloneContinuesIdentically() {
        let raw = RawMRG(seed: [7, 8, 9, 10, 11, 12], stream: 5, substream: 2)
        for _ in 0..<17 { _ = gsl_rng_get(raw.rng) }
        let clone = gsl_rng_clone(raw.rng)!
        defer { gsl_rng_free(clone) }
        for _ in 0..<100 {
            XCTAssertEqual(gsl_rng_get(clone), gsl_rng_get(raw.rng))
        }
    }
}
