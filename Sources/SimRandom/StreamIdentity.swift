/// The name of one stochastic process (an arrival source, a decision, a duration).
///
/// A stream's numbers depend only on (master seed, replication, identity), never on the
/// order in which streams are created, so adding a process to a model leaves every other
/// process's numbers unchanged: the basis of common random numbers between scenarios.
/// The identity is hashed to a 64-bit stream index with FNV-1a, which is fixed by
/// definition (unlike Swift's `Hasher`, which is randomly seeded per process).
public struct StreamIdentity: Hashable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
    public let name: String

    public init(_ name: String) { self.name = name }
    public init(stringLiteral name: String) { self.name = name }

    /// FNV-1a of the UTF-8 bytes of the name.
    public var index: UInt64 { FNV1a.hash(name) }

    public var description: String { name }
}
