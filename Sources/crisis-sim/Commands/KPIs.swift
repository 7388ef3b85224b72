import ArgumentParser
import CrisisExperiment

struct KPIs: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kpis",
        abstract: "List every KPI the model reports: identifier, label, unit and definition.",
        discussion: """
            Grouped by the part of the pathway it measures. Identifiers are what --kpi, sweep and \
            plan take and what the CSV and JSON files use; labels are what tables and charts show.

            Examples:
              crisis-sim kpis
              crisis-sim kpis --format csv > kpis.csv
              crisis-sim kpis --format markdown
            """
    )

    @Option(help: "text, markdown or csv.") var format: KPICatalogueText.Format = .text

    func run() throws {
        print(KPICatalogueText.render(format), terminator: "")
    }
}

extension KPICatalogueText.Format: ExpressibleByArgument {}
