import CrisisModel
import Foundation
import SimRandom

/// What one shard of an experiment measured: every KPI value of its replications, written
/// exactly, with what is needed to check that shards belong together (the experiment's
/// identity, the tool version, the shard's place in the split).
///
/// It is the unit `merge` works from: the merged summaries are computed from these values by
/// the same code an unsharded run uses, so they are the same bytes. A shard writes its file
/// atomically, so a file that exists is complete; `merge` still checks every item, and the
/// checksum over every value, so a value changed after the shard wrote it is refused rather
/// than merged.
public struct PartialResult: Codable, Sendable {
    /// Names the file format; bumped when the layout changes (2: a checksum, and undefined
    /// values as null rather than "nan").
    public static let formatName = "crisis-sim partial result 2"

    public var format: String
    public var toolVersion: String
    public var shard: ShardSpec
    public var experiment: ExperimentIdentity
    /// The groups this shard has replications of, in group order.
    public var groups: [PartialGroup]
    /// FNV-1a 64 (hex) of the file's canonical JSON (keys sorted, no spaces) without this
    /// field: set by `encoded()`, checked by `read(_:)`.
    public var checksum: String?

    /// A partial result of `shard` from its results (as `ExperimentPlan.run(shard:)` returns
    /// them: per group, sorted by replication).
    public init(shard: ShardSpec, experiment: ExperimentIdentity, results: [[ReplicationResult]]) {
        format = PartialResult.formatName
        toolVersion = RunProvenance.toolVersion
        self.shard = shard
        self.experiment = experiment
        groups = results.enumerated().compactMap { group, replications in
            guard let first = replications.first else { return nil }
            return PartialGroup(group: group, kpis: first.kpis.map { KPIKey(id: $0.id, stratum: $0.stratum) },
                                replications: replications.map { result in
                                    PartialReplication(replication: result.replication, events: result.eventsHandled,
                                                       values: result.kpis.map { ExactDouble($0.value) })
                                })
        }
    }

    /// The file's text: JSON, keys sorted, values as exact text, with its checksum.
    public func encoded() throws -> String {
        var signed = self
        signed.checksum = try contentChecksum()
        return try signed.canonicalJSON() + "\n"
    }

    /// The checksum of everything but the checksum: what `checksum` must be.
    func contentChecksum() throws -> String {
        var body = self
        body.checksum = nil
        return FNV1a.hex(try body.canonicalJSON())
    }

    private func canonicalJSON() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    /// Reads a partial result file, checking its format name and that its checksum matches
    /// its values.
    public static func read(_ url: URL) throws -> PartialResult {
        let data = try Data(contentsOf: url)
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        // The format first: an older layout is named as such, not as a broken file.
        guard let probe = try? decoder.decode(FormatProbe.self, from: data) else {
            throw PartialResultError("\(url.path): not a crisis-sim partial result (no 'format' name)")
        }
        guard probe.format == formatName else {
            throw PartialResultError("\(url.path): format '\(probe.format)', expected '\(formatName)': run the shard again")
        }
        let partial: PartialResult
        do {
            partial = try decoder.decode(PartialResult.self, from: data)
        } catch DecodingError.dataCorrupted(let context) where !context.codingPath.isEmpty {
            throw PartialResultError("\(url.path): \(path(context)): \(context.debugDescription)")
        } catch {
            throw PartialResultError("\(url.path): not a crisis-sim partial result (\(describe(error)))")
        }
        guard let claimed = partial.checksum else {
            throw PartialResultError("\(url.path): no checksum, so its values cannot be trusted: run the shard again")
        }
        let actual = try partial.contentChecksum()
        guard claimed == actual else {
            throw PartialResultError("\(url.path): its values do not match its checksum (\(actual), recorded \(claimed)): "
                + "the file was changed after its shard wrote it; run the shard again")
        }
        return partial
    }

    private struct FormatProbe: Decodable {
        var format: String
    }

    /// Writes the file atomically: it appears whole or not at all.
    public func write(to url: URL) throws {
        try AtomicFile.write(try encoded(), to: url)
    }

    /// Problems that make this file unusable as shard `shard` of `experiment`: another
    /// version, another experiment, replications missing or out of place, values not matching
    /// the KPI list. Empty when the file is a complete result of exactly that work.
    public func problems(asShard expected: ShardSpec? = nil, of identity: ExperimentIdentity? = nil) -> [String] {
        var problems: [String] = []
        if toolVersion != RunProvenance.toolVersion {
            problems.append("written by crisis-sim \(toolVersion), this is \(RunProvenance.toolVersion)")
        }
        if let expected, expected != shard { problems.append("holds shard \(shard), not \(expected)") }
        if let identity { problems += identity.differences(from: experiment) }
        guard problems.isEmpty else { return problems }

        let r = experiment.replications
        guard r >= 1, !experiment.groups.isEmpty else { return ["an experiment with no work"] }
        var expectedItems = Set(shard.items(of: experiment.itemCount))
        for group in groups {
            guard group.group >= 0, group.group < experiment.groups.count else {
                problems.append("group \(group.group) does not exist (the experiment has \(experiment.groups.count))")
                continue
            }
            for replication in group.replications {
                let item = group.group * r + replication.replication
                let place = "replication \(replication.replication) of \(experiment.groups[group.group].label)"
                if replication.replication < 0 || replication.replication >= r {
                    problems.append("\(place) is outside 0..<\(r)")
                } else if expectedItems.remove(item) == nil {
                    problems.append(shard.owns(item: item) ? "\(place) appears twice"
                        : "\(place) belongs to shard \(ShardSpec.owner(ofItem: item, count: shard.count))/\(shard.count)")
                }
                if replication.values.count != group.kpis.count {
                    problems.append("\(place) has \(replication.values.count) values for \(group.kpis.count) KPIs")
                }
                for (kpi, value) in zip(group.kpis, replication.values) where value.value.isInfinite {
                    problems.append("\(place): \(kpi.id) (\(kpi.stratum)) is \(value.value), not a finite number")
                }
            }
        }
        if let missing = expectedItems.min() {
            problems.append("\(expectedItems.count) replication(s) missing, the first replication \(missing % r) of "
                + experiment.groups[missing / r].label)
        }
        return problems
    }

    /// The results of each group present in this file, as the runner returned them.
    public func results() -> [(group: Int, results: [ReplicationResult])] {
        groups.map { group in
            (group.group, group.replications.map { replication in
                ReplicationResult(replication: replication.replication,
                                  kpis: zip(group.kpis, replication.values).map {
                                      KPIValue(id: $0.id, stratum: $0.stratum, value: $1.value)
                                  },
                                  eventsHandled: replication.events, daily: nil, trace: [])
            })
        }
    }

    private static func describe(_ error: Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, let context):
            return "no '\(key.stringValue)' at \(path(context))"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            return "\(context.debugDescription) at \(path(context))"
        case DecodingError.dataCorrupted(let context):
            return context.debugDescription + (context.codingPath.isEmpty ? "" : " at \(path(context))")
        default:
            return "\(error)"
        }
    }

    private static func path(_ context: DecodingError.Context) -> String {
        context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
    }
}

/// One group's replications in a shard.
public struct PartialGroup: Codable, Sendable {
    /// Index into the experiment's groups.
    public var group: Int
    /// The KPIs in the order of each replication's `values`.
    public var kpis: [KPIKey]
    public var replications: [PartialReplication]
}

public struct KPIKey: Codable, Sendable, Hashable {
    public var id: String
    public var stratum: String
}

/// One replication's KPI values, in its group's KPI order.
public struct PartialReplication: Codable, Sendable {
    public var replication: Int
    public var events: Int
    public var values: [ExactDouble]
}

/// A Double written as the shortest text that reads back to the same value (Swift's
/// description), so it survives a file bit for bit; NaN, a KPI undefined in a replication
/// (a share with no denominator), is null.
///
/// Nothing else non-finite is written or read: the text "nan" or "inf" in a file is an
/// edit, not a measurement, and reading it as undefined would drop a replication silently.
public struct ExactDouble: Codable, Sendable {
    public var value: Double

    public init(_ value: Double) { self.value = value }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            value = .nan
            return
        }
        let text = try container.decode(String.self)
        guard let value = Double(text), value.isFinite else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "'\(text)' is not a finite number "
                + "(a value undefined in a replication is null)")
        }
        self.value = value
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        if value.isNaN { return try container.encodeNil() }
        guard value.isFinite else {
            throw EncodingError.invalidValue(value, .init(codingPath: encoder.codingPath,
                                                          debugDescription: "\(value) is not a finite number"))
        }
        try container.encode(NumberFormat.exact(value))
    }
}

/// A UInt64 as decimal text: JSON readers differ on integers beyond 2^53.
struct ExactUInt64: Codable {
    var value: UInt64

    init(value: UInt64) { self.value = value }

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = UInt64(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "'\(text)' is not a seed")
        }
        self.value = value
    }

    func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(String(value))
    }
}

public struct PartialResultError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
