import CrisisExperiment
import CrisisModel
import CrisisReport
import CrisisScenario
import Foundation
import XCTest
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Real reports, from short runs of the scenario library, opened in headless Chromium: the
/// page must render its charts (SVG with marks bound to data, named by KPI label) with no
/// console message, its download buttons must make SVG and PNG files, and no axis title may
/// cover a tick label. Screenshots are kept under results/test-artifacts/ (git-ignored) for
/// CI to publish and for people to look at.
final class BrowserRenderingTests: XCTestCase {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let artifacts = repository.appendingPathComponent("results/test-artifacts/report")

    /// Long enough for the beds to fill and a few out-of-area placements; short enough for a
    /// debug build.
    static let length = RunLength(warmupDays: 120, horizonDays: 180)
    static let replications = 4

    /// Runs `scenario` from the library and writes its result folder as `compare --report` does.
    func runScenario(_ scenario: String, into folder: URL) throws -> [ReplicationResult] {
        let path = Self.repository.appendingPathComponent("Scenarios/\(scenario).yaml").path
        let loaded = try ScenarioLoader.load(path)
        let runner = ReplicationRunner(configuration: loaded.configuration, length: Self.length, seed: loaded.run.seed,
                                       generator: loaded.run.generator, dailySeries: true)
        let results = try runner.run(Array(0..<Self.replications), threads: 2)
        let provenance = RunProvenance(scenario: "Scenarios/\(scenario).yaml", scenarioHash: loaded.hash, seed: loaded.run.seed,
                                       replications: Self.replications, warmupDays: Self.length.warmupDays,
                                       horizonDays: Self.length.horizonDays, generator: loaded.run.generator.rawValue)
        try ResultFolder(folder).writeRun(summary: Summary(results), results: results, provenance: provenance,
                                          options: .report(resolvedScenario: loaded.resolvedYAML))
        return results
    }

    func freshArtifactFolder(_ name: String) throws -> URL {
        let folder = Self.artifacts.appendingPathComponent(name)
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    func testRunReportRendersItsChartsInChromium() throws {
        let chromium = try HeadlessChromium.find()
        let folder = try freshArtifactFolder("run")
        _ = try runScenario("baseline", into: folder)
        let written = try HTMLReport.write(folder: folder)
        XCTAssertEqual(written.missing, [], "a report-ready folder draws every chart")
        let bytes = try Data(contentsOf: written.file)
        XCTAssertEqual(try Data(contentsOf: HTMLReport.write(folder: folder).file), bytes, "same results, same bytes")

        // 300 days: long enough for the month-by-month views.
        let dom = try checkRendering(written.file, screenshot: folder.appendingPathComponent("report.png"), height: 9000, charts: [
            "occupancy-over-time", "occupancy-by-month", "occupancy-distribution", "oap-over-time", "oap-by-month",
            "time-to-bed", "s136-places", "s136-breaches", "caseload-over-time", "caseload-by-month",
        ], chromium: chromium)
        for label in ["Bed occupancy over the run", "Bed occupancy, month by month", "Out-of-area placements started",
                      "Mean wait for a bed", "Local beds", "Total cost"] {
            XCTAssertTrue(dom.contains(">\(label)<"), "\(label) is in the rendered page")
        }
        XCTAssertTrue(dom.contains("<th scope=\"row\">Bed occupancy<span class=\"row-note\">beds.occupancy</span></th>"))
    }

    func testComparisonReportRendersItsChartsInChromium() throws {
        let chromium = try HeadlessChromium.find()
        let folder = try freshArtifactFolder("compare")
        let base = try runScenario("baseline", into: folder.appendingPathComponent("baseline"))
        let variant = try runScenario("beds-plus-10", into: folder.appendingPathComponent("beds-plus-10"))
        let differences = Comparison.paired(base: base, variant: variant).map {
            DifferenceEstimate(variant: "beds-plus-10", id: $0.id, stratum: $0.stratum, unit: $0.unit, baseMean: $0.base.mean,
                               variantMean: $0.variant.mean, difference: $0.difference.mean, lower: $0.difference.lower,
                               upper: $0.difference.upper, significant: $0.isSignificant)
        }
        func scenario(_ name: String) throws -> LoadedScenario {
            try ScenarioLoader.load(Self.repository.appendingPathComponent("Scenarios/\(name).yaml").path)
        }
        let changes = ScenarioChanges.between(try scenario("baseline"), try scenario("beds-plus-10"))
        let content = ReportContent(
            scenarios: [try ScenarioResults(folder: folder.appendingPathComponent("baseline")),
                        try ScenarioResults(folder: folder.appendingPathComponent("beds-plus-10"))],
            differences: differences, changes: ["beds-plus-10": changes])
        let page = folder.appendingPathComponent("report.html")
        try AtomicFile.write(ReportPage.html(content), to: page)

        let dom = try checkRendering(page, screenshot: folder.appendingPathComponent("report.png"), height: 12000, charts: [
            "headline-kpis-1", "differences", "occupancy-over-time", "occupancy-by-month", "occupancy-distribution",
            "oap-over-time", "oap-by-month", "time-to-bed", "s136-places", "s136-breaches", "caseload-over-time",
            "caseload-by-month",
        ], chromium: chromium)
        XCTAssertTrue(dom.contains("data-series=\"beds-plus-10\""), "the variant is drawn")
        XCTAssertTrue(dom.contains("<title id=\"headline-kpis-1-title\">Bed occupancy</title>"), "panels are named by label")
        XCTAssertTrue(dom.contains(">Out-of-area placements started</text>"), "the difference chart's rows are labels")
        // The brief opens the page: the description, what the variant changes with its source,
        // and the clear changes in words.
        XCTAssertTrue(dom.contains("<h2>In brief: what changed and why</h2>"), "the brief is rendered")
        XCTAssertTrue(dom.contains("<p class=\"description\">Ten more local beds (84 instead of 74).</p>"))
        XCTAssertTrue(dom.contains("<caption>What beds-plus-10 changes from baseline</caption>"))
        XCTAssertTrue(dom.contains("<th scope=\"row\">areas.Northshire.beds</th><td class=\"text\">74</td><td class=\"text\">84</td>"),
                      "the changes table")
        XCTAssertTrue(dom.contains("<ul class=\"findings\"><li>"), "the summary in words")
        XCTAssertTrue(dom.contains("<summary>Every setting of beds-plus-10, as it ran</summary>"))
    }

    /// The console check is only worth having if it sees errors: a page that throws must show up.
    func testConsoleCheckSeesAScriptError() throws {
        let chromium = try HeadlessChromium.find()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("crisis-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("broken.html")
        try "<!DOCTYPE html><title>broken</title><script>undefinedFunction()</script>".write(to: page, atomically: true, encoding: .utf8)
        let outcome = try chromium.dumpDOM(page)
        XCTAssertEqual(outcome.status, 0)
        XCTAssertTrue(outcome.console.contains { $0.contains("undefinedFunction is not defined") }, "\(outcome.console)")
    }

    /// Opens `page` in Chromium twice (screenshot, then DOM) and checks what a reader would
    /// see: no console message, each chart an SVG image with a title and data-bound marks,
    /// and a screenshot with far more in it than a blank page. Returns the DOM.
    @discardableResult
    func checkRendering(_ page: URL, screenshot: URL, height: Int, charts: [String], chromium: HeadlessChromium) throws -> String {
        let shot = try chromium.screenshot(page, to: screenshot, height: height)
        XCTAssertEqual(shot.status, 0)
        XCTAssertEqual(shot.console, [], "console messages while rendering \(page.path)")
        print("Report screenshot: \(screenshot.path)")
        let png = try Data(contentsOf: screenshot)
        XCTAssertEqual(Array(png.prefix(8)), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "a PNG")
        XCTAssertEqual(Self.pngSize(png).width, 1280)
        XCTAssertEqual(Self.pngSize(png).height, height)

        // A blank page of the same size compresses to almost nothing; charts, text and tables do not.
        let blank = screenshot.deletingLastPathComponent().appendingPathComponent("blank.html")
        try "<!DOCTYPE html><title>blank</title>".write(to: blank, atomically: true, encoding: .utf8)
        let blankShot = screenshot.deletingLastPathComponent().appendingPathComponent("blank.png")
        _ = try chromium.screenshot(blank, to: blankShot, height: height)
        let blankBytes = try Data(contentsOf: blankShot).count
        try? FileManager.default.removeItem(at: blank)
        try? FileManager.default.removeItem(at: blankShot)
        XCTAssertGreaterThan(png.count, 10 * blankBytes, "the screenshot looks blank (\(png.count) bytes; blank \(blankBytes))")

        let dump = try chromium.dumpDOM(page)
        XCTAssertEqual(dump.status, 0)
        XCTAssertEqual(dump.console, [])
        let dom = dump.output
        XCTAssertTrue(dom.contains("85%: RCPsych recommended maximum"))
        // The download script ran under the page's own policy: every figure's buttons are shown.
        XCTAssertFalse(dom.contains("class=\"chart-tools\" hidden"), "a figure's download buttons are still hidden")
        XCTAssertEqual(dom.components(separatedBy: "class=\"chart-tools\"").count - 1, dom.components(separatedBy: "<figure ").count - 1)
        for chart in charts {
            guard let start = dom.range(of: "data-chart=\"\(chart)\"") else {
                XCTFail("chart \(chart) is not in the rendered page")
                continue
            }
            let svg = dom[start.lowerBound...].components(separatedBy: "</svg>")[0]
            XCTAssertTrue(svg.contains("<title id=\"\(chart)-title\">"), "\(chart) has a title")
            XCTAssertTrue(svg.contains("class=\"axis-title\""), "\(chart) has axis titles")
            let marks = svg.components(separatedBy: "class=\"mark ").count - 1
            XCTAssertGreaterThan(marks, 0, "\(chart) draws marks")
            XCTAssertTrue(svg.contains("data-value=\"") || svg.contains("data-points=\""), "\(chart)'s marks carry their data")
            for undefined in ["=\"nan", "=\"-nan", "=\"inf", "=\"-inf", ",nan", "Mnan", "Lnan"] {
                XCTAssertFalse(svg.contains(undefined), "\(chart) has an undefined coordinate")
            }
        }
        return dom
    }

    /// Each figure's buttons, clicked in Chromium, save `<scenario>-<figure>.svg` (well-formed,
    /// sized, on white, styled without the page) and `.png` (twice the drawn size). The page's
    /// policy is kept but for letting this test's own script run beside the page's.
    func testDownloadButtonsSaveEachChart() throws {
        let chromium = try HeadlessChromium.find()
        let folder = try freshArtifactFolder("downloads")
        let page = folder.appendingPathComponent("report.html")
        try Self.instrumented(ReportPage.html(SyntheticResults.comparison()), script: """
            window.addEventListener("load", () => {
              const record = (kind, name, text) => {
                const item = document.createElement("pre");
                item.className = "captured";
                item.dataset.kind = kind;
                item.dataset.name = name;
                item.textContent = text;
                document.body.appendChild(item);
              };
              let pending = null;
              const NativeBlob = Blob;
              window.Blob = class extends NativeBlob {
                constructor(parts, options) { super(parts, options); if (typeof parts[0] === "string") pending = parts[0]; }
              };
              const toBlob = HTMLCanvasElement.prototype.toBlob;
              HTMLCanvasElement.prototype.toBlob = function (callback, type) {
                const png = this.toDataURL(type);
                return toBlob.call(this, blob => { pending = png; callback(blob); }, type);
              };
              HTMLAnchorElement.prototype.click = function () { record(this.download.endsWith(".png") ? "png" : "svg", this.download, pending); };
              for (const button of document.querySelectorAll("button[data-download]")) button.click();
            });
            """).write(to: page, atomically: true, encoding: .utf8)
        let outcome = try chromium.dumpDOM(page, virtualMilliseconds: 20_000)
        XCTAssertEqual(outcome.status, 0)
        XCTAssertEqual(outcome.console, [])
        let captured = outcome.output.components(separatedBy: "<pre class=\"captured\" ").dropFirst().map { item in
            (kind: Self.attribute("data-kind", in: item), name: Self.attribute("data-name", in: item),
             text: Self.unescaped(String(item.drop { $0 != ">" }.dropFirst().prefix { $0 != "<" })))
        }
        let figures = ["headline-kpis", "differences", "occupancy-over-time", "occupancy-distribution", "oap-over-time",
                       "time-to-bed", "s136-places", "s136-breaches", "caseload-over-time"]
        XCTAssertEqual(Set(captured.map(\.name)), Set(figures.flatMap { ["base-\($0).svg", "base-\($0).png"] }))
        var sizes: [String: (width: Int, height: Int)] = [:]
        for file in captured where file.kind == "svg" {
            XCTAssertTrue(file.text.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\""), file.name)
            let parser = XMLParser(data: Data(file.text.utf8))
            XCTAssertTrue(parser.parse(), "\(file.name) is well-formed XML: \(parser.parserError.map { "\($0)" } ?? "")")
            let root = String(file.text.components(separatedBy: "<svg ")[1].prefix { $0 != ">" })
            let width = Int(Self.attribute("width", in: root)) ?? 0, height = Int(Self.attribute("height", in: root)) ?? 0
            XCTAssertGreaterThan(width, 300, file.name)
            XCTAssertGreaterThan(height, 100, file.name)
            sizes[String(file.name.dropLast(4))] = (width, height)
            XCTAssertTrue(file.text.contains("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>"), "\(file.name) is on white")
            XCTAssertTrue(file.text.contains("style=\"fill:rgb("), "\(file.name) carries its look without the page's stylesheet")
            XCTAssertFalse(file.text.contains("<button"), file.name)
        }
        for file in captured where file.kind == "png" {
            XCTAssertTrue(file.text.hasPrefix("data:image/png;base64,"), file.name)
            let png = try XCTUnwrap(Data(base64Encoded: String(file.text.dropFirst("data:image/png;base64,".count))), file.name)
            let drawn = try XCTUnwrap(sizes[String(file.name.dropLast(4))], file.name)
            XCTAssertEqual(Self.pngSize(png).width, 2 * drawn.width, file.name)
            XCTAssertEqual(Self.pngSize(png).height, 2 * drawn.height, file.name)
            try png.write(to: folder.appendingPathComponent(file.name))
        }
        print("Downloaded charts: \(folder.path)")
    }

    /// In every chart of a report and every panel of a sweep, as Chromium lays the text out, no
    /// axis title covers a tick label. The sweep chart's screenshot is kept with the reports'.
    func testAxisTitlesClearTickLabels() throws {
        let chromium = try HeadlessChromium.find()
        let folder = try freshArtifactFolder("sweep")
        let sweep = SweepChartTests.sweep(beds: ["60", "70", "80", "90"], assessors: ["3", "4", "5"],
                                          kpis: ["beds.occupancy", "oap.placements", "costs.total"]) { beds, kpi in
            let fewer = 90 - Double(beds)!
            switch kpi {
            case "beds.occupancy": return [83 + fewer / 2, 86 + fewer / 2, 88 + fewer / 2].map { min($0, 100) }
            case "oap.placements": return [fewer * 6, fewer * 7 + 2, fewer * 8 + 4]
            default: return [18_000_000 + fewer * 20_000, 18_400_000 + fewer * 20_000, 18_900_000 + fewer * 20_000]
            }
        }
        let svg = SweepChart.svg(sweep)
        let svgFile = folder.appendingPathComponent("sweep.svg")
        try svg.write(to: svgFile, atomically: true, encoding: .utf8)
        let shot = try chromium.screenshot(svgFile, to: folder.appendingPathComponent("sweep.png"), width: 960, height: 1500)
        XCTAssertEqual(shot.status, 0)
        print("Sweep screenshot: \(folder.appendingPathComponent("sweep.png").path)")

        let measure = """
            window.addEventListener("load", () => {
              const overlaps = [];
              for (const group of document.querySelectorAll("svg[data-chart], g.panel")) {
                const ticks = Array.from(group.querySelectorAll(".tick")).map(t => [t.textContent, t.getBoundingClientRect()]);
                for (const title of group.querySelectorAll(".axis-title")) {
                  const box = title.getBoundingClientRect();
                  for (const [text, tick] of ticks) {
                    const width = Math.min(box.right, tick.right) - Math.max(box.left, tick.left);
                    const height = Math.min(box.bottom, tick.bottom) - Math.max(box.top, tick.top);
                    if (width > 0.5 && height > 0.5) overlaps.push(title.textContent + " over " + text);
                  }
                }
              }
              document.body.dataset.checked = document.querySelectorAll(".axis-title").length;
              document.body.dataset.overlaps = overlaps.join("; ");
            });
            """
        let sweepPage = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>sweep</title></head><body>\n"
            + svg + "</body></html>\n"
        for (name, html) in [("report", ReportPage.html(SyntheticResults.comparison())), ("sweep", sweepPage)] {
            let page = folder.appendingPathComponent("\(name)-measured.html")
            try Self.instrumented(html, script: measure).write(to: page, atomically: true, encoding: .utf8)
            let outcome = try chromium.dumpDOM(page)
            XCTAssertEqual(outcome.status, 0)
            XCTAssertEqual(outcome.console, [], name)
            let body = String(outcome.output.components(separatedBy: "<body")[1].prefix { $0 != ">" })
            XCTAssertEqual(Int(Self.attribute("data-checked", in: body)), html.components(separatedBy: "class=\"axis-title\"").count - 1,
                           "\(name): every axis title measured")
            XCTAssertEqual(Self.attribute("data-overlaps", in: body), "", name)
        }
    }

    /// `html` with `script` run after its own: the page's policy still forbids loading
    /// anything and allows images only from blob: URLs, but lets inline scripts run (this test's
    /// as well as the page's).
    static func instrumented(_ html: String, script: String) -> String {
        var page = html
        if let start = page.range(of: "script-src 'sha256-"), let end = page[start.upperBound...].firstIndex(of: "'") {
            page.replaceSubrange(start.lowerBound...end, with: "script-src 'unsafe-inline'")
        }
        return page.replacingOccurrences(of: "</body>", with: "<script>\(script)</script>\n</body>")
    }

    /// The value of attribute `name` in a tag's text (the first occurrence), unescaped.
    static func attribute(_ name: String, in tag: String) -> String {
        guard let start = tag.range(of: " \(name)=\"") ?? (tag.hasPrefix("\(name)=\"") ? tag.range(of: "\(name)=\"") : nil)
        else { return "" }
        return unescaped(String(tag[start.upperBound...].prefix { $0 != "\"" }))
    }

    static func unescaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    /// Width and height from a PNG's IHDR chunk (big-endian, bytes 16–23).
    static func pngSize(_ png: Data) -> (width: Int, height: Int) {
        let bytes = Array(png.prefix(24))
        guard bytes.count == 24 else { return (0, 0) }
        func number(_ at: Int) -> Int { bytes[at..<(at + 4)].reduce(0) { $0 << 8 | Int($1) } }
        return (number(16), number(20))
    }
}
