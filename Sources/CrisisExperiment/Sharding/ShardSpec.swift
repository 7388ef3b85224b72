import CrisisScenario

/// Which share of an experiment's work one process does: shard `index` of `count`, counted
/// from 1 as Slurm array task ids usually are (`--shard 2/8`).
///
/// An experiment's work is a list of items, one per (group, replication), numbered
/// group-major (`group * replications + replication`); item i belongs to shard
/// `i % count + 1`. The split is round robin so that groups of different cost (sweep points
/// with more beds run longer) spread over every shard, and it is a pure function of
/// (item, count): whichever machine runs a shard does the same replications. Replication r
/// always draws from substream r, so its KPIs do not depend on which shard ran it.
public struct ShardSpec: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The most shards one experiment may be split into.
    public static let maximumCount = 100_000

    /// 1-based position of this shard.
    public let index: Int
    /// How many shards the experiment is split into.
    public let count: Int

    /// The whole experiment as one shard.
    public static let whole = ShardSpec(uncheckedIndex: 1, count: 1)

    /// A shard, or nil unless 1 <= index <= count <= `maximumCount`.
    public init?(index: Int, count: Int) {
        guard count >= 1, count <= ShardSpec.maximumCount, index >= 1, index <= count else { return nil }
        self.index = index
        self.count = count
    }

    private init(uncheckedIndex index: Int, count: Int) {
        self.index = index
        self.count = count
    }

    /// Parses `K/N`, with a message saying what was expected when it is not one.
    public static func parse(_ text: String) -> Result<ShardSpec, ShardSpecError> {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        // Numbers as a scenario file writes them: not `+1/2`, which Int(_:) would take.
        guard parts.count == 2, let k = DecimalNumber.integer(String(parts[0])), let n = DecimalNumber.integer(String(parts[1])) else {
            return .failure(ShardSpecError(message: "expected K/N, e.g. 2/8 for the second of eight shards; got '\(text)'"))
        }
        guard n >= 1, n <= maximumCount else {
            return .failure(ShardSpecError(message: "N in '\(text)' must be between 1 and \(maximumCount)"))
        }
        guard k >= 1, k <= n else {
            return .failure(ShardSpecError(message: "K in '\(text)' must be between 1 and \(n) (shards are counted from 1)"))
        }
        return .success(ShardSpec(uncheckedIndex: k, count: n))
    }

    /// The shard that work item `item` (0-based) belongs to, of `count`.
    public static func owner(ofItem item: Int, count: Int) -> Int { item % count + 1 }

    /// Whether work item `item` (0-based) is this shard's.
    public func owns(item: Int) -> Bool { ShardSpec.owner(ofItem: item, count: count) == index }

    /// This shard's items among `total`, in increasing order.
    public func items(of total: Int) -> [Int] {
        guard index - 1 < total else { return [] }
        return Array(stride(from: index - 1, to: total, by: count))
    }

    /// The partial result file a shard writes in its output folder.
    public var fileName: String { "shard-\(index)-of-\(count).partial.json" }

    /// Whether `name` is a shard's partial result file name, `shard-K-of-N.partial.json`: what
    /// merge reads from a folder, and what report says to merge first.
    public static func isFileName(_ name: String) -> Bool {
        let parts = name.split(separator: "-")
        return name.hasSuffix(".partial.json") && parts.count == 4 && parts[0] == "shard" && parts[2] == "of"
            && Int(parts[1]) != nil && Int(parts[3].dropLast(".partial.json".count)) != nil
    }

    public var description: String { "\(index)/\(count)" }
}

/// A `--shard` argument that is not `K/N` with 1 <= K <= N.
public struct ShardSpecError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public var description: String { message }
}
