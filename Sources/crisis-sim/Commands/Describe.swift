import ArgumentParser
import CrisisExperiment
import CrisisModel
import CrisisScenario

struct Describe: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "describe",
        abstract: "Print the resolved scenario and figures a planner can sanity-check.",
        discussion: """
            Shows the scenario after `extends` and --set overrides, with every default written \
            out, then each area's service capacities (its own or its service sections'), and an \
            estimate per area from the routing probabilities alone: admissions a year, mean bed \
            days per admission, offered bed load in erlangs, the occupancy Erlang B predicts, \
            bounds on the share of admissions finding every bed full (Erlang B if nobody waited, \
            Erlang C if everybody did), and warnings.

            With --against BASE it prints only what the scenario changes from BASE.

            Examples:
              crisis-sim describe Scenarios/crht-24-7.yaml \\
                  --set crht.admissions_avoided_share=0.4
              crisis-sim describe Scenarios/crht-24-7-full-gatekeeping.yaml \\
                  --against Scenarios/baseline.yaml
            """
    )

    @Argument(help: "Scenario file (YAML).") var scenario: String
    @Option(help: ArgumentHelp("Print only what the scenario changes from this base scenario: each setting's base and new "
        + "value, where it was set and the comment there.", valueName: "base"))
    var against: String?
    @OptionGroup var scenarioOptions: ScenarioOptions

    /// One line per scheduled capacity of each area: its start, then each change.
    static func scheduleLines(_ configuration: CrisisConfiguration) -> [String] {
        func days(_ value: Double) -> String { value == value.rounded() && abs(value) < 1e9 ? String(Int(value)) : "\(value)" }
        func steps(_ initial: Int, _ schedule: [CapacityChange]) -> String {
            var current = initial
            return "\(initial) at the start" + schedule.sorted { $0.atDay < $1.atDay }.map { change in
                defer { current = change.capacity }
                let day = days(change.atDay)
                return change.rampDays > 0
                    ? "; \(current) -> \(change.capacity) from day \(day) over \(days(change.rampDays)) days"
                    : "; \(change.capacity) from day \(day)"
            }.joined()
        }
        var lines: [String] = []
        for area in configuration.areas {
            if !area.bedSchedule.isEmpty { lines.append("\(area.name) beds: \(steps(area.beds, area.bedSchedule))") }
            for ward in area.wards where !ward.bedSchedule.isEmpty {
                lines.append("\(area.name) \(ward.name) beds: \(steps(ward.beds, ward.bedSchedule))")
            }
            for service in ScheduledService.allCases where !area.services.schedule(of: service).isEmpty {
                lines.append("\(area.name) \(service.label): \(steps(area.services[service], area.services.schedule(of: service)))")
            }
        }
        return lines
    }

    func run() throws {
        let loaded = try loadScenario(scenario, overrides: scenarioOptions.overrides)
        if let against {
            // --set applies to the scenario described, not to the base it is measured against.
            let base = try loadScenario(against, overrides: [])
            print(ScenarioChanges.table(ScenarioChanges.between(base, loaded), base: scenarioName(against),
                                        variant: scenarioName(scenario)), terminator: "")
            return
        }
        printWarnings(of: [loaded], for: loaded.run)  // describe runs nothing: the file's own run
        print("# \(scenario) (scenario \(loaded.hash)), from \(loaded.files.joined(separator: " <- "))")
        print(loaded.resolvedYAML)
        // An area without its own `services` takes the sections' capacities, which the YAML
        // above does not show against the area: say what each area has.
        print("# Service capacities per area:")
        let homeTreatment = loaded.configuration.homeTreatment
        for area in loaded.configuration.areas {
            let services = area.services
            print("#   \(area.name): beds \(area.beds), crisis team assessors \(services.crhtAssessors), "
                + "liaison practitioners \(services.liaisonPractitioners), AMHPs \(services.amhps), "
                + "place-of-safety suites \(services.placeOfSafetySuites), home treatment staff \(services.homeTreatmentStaff) "
                + "(caseload cap \(homeTreatment.caseloadCap(staff: services.homeTreatmentStaff))), "
                + "crisis house places \(services.crisisHousePlaces)")
        }
        let schedules = Self.scheduleLines(loaded.configuration)
        if !schedules.isEmpty {
            print("# Schedules (days from the start of the run, warm-up included; staff given as funded posts are those "
                + "in post, posts x fill rate rounded down, from the end of the recruitment lead):")
            for line in schedules { print("#   \(line)") }
        }
        print("# Estimates from the routing probabilities (no opening hours or re-presentations):")
        for estimate in FlowEstimate.estimate(loaded.configuration) {
            print("#   \(estimate.area): ~\(NumberFormat.readable(estimate.admissionsPerYear)) admissions a year "
                + "(\(NumberFormat.fixed(100 * estimate.detainedShare, 0))% detained), "
                + "\(NumberFormat.readable(estimate.meanBedDays)) bed days each")
            print("#     offered load \(NumberFormat.readable(estimate.offeredLoad)) erlangs on \(estimate.beds) beds "
                + "(Erlang B occupancy \(NumberFormat.fixed(100 * estimate.expectedOccupancy, 1))%)")
            print("#     admissions finding every bed full: between \(NumberFormat.fixed(100 * estimate.erlangBlocking, 1))% "
                + "(Erlang B: nobody waits) and \(NumberFormat.fixed(100 * estimate.erlangWaiting, 1))% "
                + "(Erlang C: everybody waits); people wait during the bed search, so the model lies between")
            if estimate.offeredLoad >= Double(estimate.beds) {
                print("#     WARNING: offered load is at or above capacity: waits and out-of-area placements will grow")
            } else if estimate.offeredLoad / Double(max(estimate.beds, 1)) > 0.85 {
                print("#     note: offered load above 85% of beds (Royal College of Psychiatrists' recommended maximum occupancy)")
            }
        }
    }
}
