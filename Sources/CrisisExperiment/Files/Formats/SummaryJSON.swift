import CrisisScenario
import Foundation

/// summary.json: the run (scenario, its hash, seed, generator, replications, warm-up and
/// horizon) and each KPI's summary, for programs. Written by hand, not by JSONEncoder, so the
/// keys keep their order and the same run gives the same bytes.
public enum SummaryJSON {
    public static let fileName = "summary.json"

    /// The members of the top-level object, in order.
    public enum Key: String, CodingKey, CaseIterable, Sendable {
        case tool, version, scenario, scenarioHash = "scenario_hash", seed, generator, replications
        case warmupDays = "warmup_days", horizonDays = "horizon_days", confidence, kpis
    }

    /// The members of each object in `kpis`, in order.
    public enum KPIKey: String, CaseIterable, Sendable {
        case id, stratum, unit, replications, mean, sd, ci95
    }

    public static func text(_ summary: Summary, provenance: RunProvenance) -> String {
        let kpis = summary.kpis.map { kpi in
            "    {" + KPIKey.allCases.map { key in
                let value = switch key {
                case .id: json(kpi.id)
                case .stratum: json(kpi.stratum)
                case .unit: json(kpi.unit)
                case .replications: String(kpi.count)
                case .mean: json(kpi.mean)
                case .sd: json(kpi.standardDeviation)
                case .ci95: "[\(json(kpi.lower)), \(json(kpi.upper))]"
                }
                return "\(json(key.rawValue)): \(value)"
            }.joined(separator: ", ") + "}"
        }
        let members = Key.allCases.map { key in
            let value = switch key {
            case .tool: json("crisis-sim")
            case .version: json(RunProvenance.toolVersion)
            case .scenario: json(provenance.scenario)
            case .scenarioHash: json(provenance.scenarioHash)
            case .seed: String(provenance.seed)
            case .generator: json(provenance.generator)
            case .replications: String(provenance.replications)
            case .warmupDays: json(provenance.warmupDays)
            case .horizonDays: json(provenance.horizonDays)
            case .confidence: json(0.95)
            case .kpis: "[\n" + kpis.joined(separator: ",\n") + "\n  ]"
            }
            return "  \(json(key.rawValue)): \(value)"
        }
        return "{\n" + members.joined(separator: ",\n") + "\n}\n"
    }

    /// The run `data` (a summary.json) describes and the crisis-sim version that wrote it. Its
    /// KPIs are read from summary.csv, where an undefined value is an empty cell as it is null
    /// here.
    static func run(_ data: Data) throws -> (provenance: RunProvenance, toolVersion: String) {
        let header = try JSONDecoder().decode(Header.self, from: data)
        return (header.provenance, header.toolVersion)
    }

    private struct Header: Decodable {
        let provenance: RunProvenance
        let toolVersion: String

        init(from decoder: any Decoder) throws {
            let members = try decoder.container(keyedBy: Key.self)
            toolVersion = try members.decode(String.self, forKey: .version)
            provenance = RunProvenance(
                scenario: try members.decode(String.self, forKey: .scenario),
                scenarioHash: try members.decode(String.self, forKey: .scenarioHash),
                seed: try members.decode(UInt64.self, forKey: .seed),
                replications: try members.decode(Int.self, forKey: .replications),
                warmupDays: try members.decode(Double.self, forKey: .warmupDays),
                horizonDays: try members.decode(Double.self, forKey: .horizonDays),
                generator: try members.decode(String.self, forKey: .generator))
        }
    }

    private static func json(_ value: Double) -> String { JSONText.number(value) }
    private static func json(_ text: String) -> String { JSONText.string(text) }
}
