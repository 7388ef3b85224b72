/// Makes the streams of one replication.
///
/// Every stream is a pure function of (generator kind, master seed, replication, identity):
/// with MRG32k3a the identity picks the stream (2^127 numbers apart) and the replication
/// picks the substream (2^76 numbers apart), so streams are disjoint by construction and
/// independent of creation order. Replication r of scenario A and replication r of scenario
/// B see the same numbers in every process they share: common random numbers.
public struct RandomStreams: Sendable {
    public let kind: GeneratorKind
    public let masterSeed: UInt64
    public let replication: UInt64

    /// - Precondition: `replication` < 2^51, the number of substreams in a stream.
    public init(masterSeed: UInt64, replication: Int, kind: GeneratorKind = .mrg32k3a) {
        precondition(replication >= 0 && replication < (1 << 51), "replication index out of range")
        self.kind = kind
        self.masterSeed = masterSeed
        self.replication = UInt64(replication)
    }

    /// The stream for one stochastic process.
    public func stream(_ identity: StreamIdentity) -> RandomStream {
        RandomStream(kind: kind, masterSeed: masterSeed, replication: replication, identity: identity)
    }
}
