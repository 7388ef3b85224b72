import CrisisExperiment
import CrisisScenario
import Foundation
import Hummingbird
import Logging
import ServiceLifecycle

/// The planner's desk: a web app on this machine over the library calls the commands make.
/// One page (`PlannerPage`, embedded, fetching nothing from elsewhere) and a JSON API:
///
///     GET  /                                   the page
///     GET  /api/scenarios                      the library and the planner's own scenarios
///     GET  /api/scenarios/FOLDER/NAME          one scenario as a form: every editable setting
///     GET  /api/scenarios/FOLDER/NAME/file     its YAML file (a download)
///     POST /api/drafts/check                   a draft checked as `validate` checks a file
///     POST /api/drafts                         the draft saved to the planner's folder
///     POST /api/runs                           a run, comparison, sweep or plan started
///     GET  /api/runs, /api/runs/ID             their progress and results
///     GET  /api/runs/ID/events                 progress as server-sent events
///     POST /api/runs/ID/cancel                 stops one
///     GET  /api/runs/ID/files/NAME             a result file (report.html, summary.csv, ...)
public struct PlannerDesk: Sendable {
    let library: ScenarioLibrary
    let board: JobBoard

    /// - Parameters:
    ///   - library: the shipped scenarios (Scenarios/).
    ///   - mine: the planner's own scenarios, where the form saves; created when first needed.
    ///   - results: where each run's result folder goes.
    ///   - concurrentRuns: experiments running at once (each on one thread); more wait their turn.
    public init(library: String, mine: String, results: String, concurrentRuns: Int) {
        self.library = ScenarioLibrary(library: library, mine: mine)
        board = JobBoard(results: URL(fileURLWithPath: results), concurrentRuns: concurrentRuns)
    }

    /// Serves until the task running it is cancelled, then stops gracefully: every experiment
    /// still running is cancelled (nothing of it is written), its page is told so, and the
    /// server ends once every response has. `ready` gets the port listened on (the one chosen
    /// by the system when `port` is 0).
    public func serve(host: String, port: Int, ready: @escaping @Sendable (Int) async -> Void) async throws {
        var logger = Logger(label: "crisis-sim")
        logger.logLevel = .warning  // the command says where it listens; requests are not logged
        let application = Application(
            router: router(),
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: "crisis-sim"),
            onServerRunning: { channel in await ready(channel.localAddress?.port ?? port) },
            logger: logger)
        // No signal handling here: the command stops the server by cancelling its task. The
        // group runs in a task of its own so that the cancellation asks for a graceful stop
        // instead of cutting open responses (a page's event stream) off mid-write.
        let group = ServiceGroup(configuration: .init(services: [application], logger: logger))
        let running = Task { try await group.run() }
        try await withTaskCancellationHandler {
            try await running.value
        } onCancel: { [board] in
            for job in board.all { job.cancel(.deskStopped) }
            Task { await group.triggerGracefulShutdown() }
        }
    }

    func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.get("/") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                     body: ResponseBody(byteBuffer: ByteBuffer(string: PlannerPage.html)))
        }
        router.get("/api/scenarios") { _, _ in
            try JSONBody.response(ScenarioList(library: library.library, mine: library.mine, scenarios: library.entries()))
        }
        router.get("/api/scenarios/:folder/:name") { _, context in
            let id = try scenarioID(context)
            let (path, scenario) = try library.load(id)
            return try JSONBody.response(ScenarioForm(id: id, path: path, description: scenario.summary,
                                                      fields: ScenarioSchema.formFields(of: scenario)))
        }
        router.get("/api/scenarios/:folder/:name/file") { _, context in
            let path = try library.path(of: try scenarioID(context))
            return try FileDownload.response(URL(fileURLWithPath: path), attachment: true)
        }
        router.post("/api/drafts/check") { request, _ in
            let draft = try await JSONBody.decode(ScenarioDraft.self, from: request)
            return try JSONBody.response(try draft.check(in: library))
        }
        router.post("/api/drafts") { request, _ in
            let draft = try await JSONBody.decode(ScenarioDraft.self, from: request)
            return try JSONBody.response(try draft.save(in: library), status: .created)
        }
        router.post("/api/runs") { request, _ in
            let experiment = try await JSONBody.decode(ExperimentRequest.self, from: request)
            return try JSONBody.response(board.start(try experiment.work(in: library)).snapshot, status: .accepted)
        }
        router.get("/api/runs") { _, _ in
            try JSONBody.response(RunList(concurrentRuns: board.concurrentRuns, runs: board.all.map(\.snapshot)))
        }
        router.get("/api/runs/:id") { _, context in
            try JSONBody.response(try board.job(try context.parameters.require("id")).snapshot)
        }
        router.get("/api/runs/:id/events") { _, context in
            EventStream.response(for: try board.job(try context.parameters.require("id")))
        }
        router.post("/api/runs/:id/cancel") { _, context in
            let job = try board.job(try context.parameters.require("id"))
            job.cancel(.requested)
            return try JSONBody.response(job.snapshot)
        }
        router.get("/api/runs/:id/files/:file") { request, context in
            let job = try board.job(try context.parameters.require("id"))
            let name = try context.parameters.require("file")
            guard job.snapshot.files.contains(name) else {
                throw APIError(.notFound, "run \(job.id) has no result file '\(name)'"
                    + (job.snapshot.status == .done ? "" : " (it is \(job.snapshot.status.rawValue))"))
            }
            return try FileDownload.response(job.folder.appendingPathComponent(name),
                                             attachment: request.uri.queryParameters["download"] != nil)
        }
        return router
    }

    private func scenarioID(_ context: BasicRequestContext) throws -> String {
        "\(try context.parameters.require("folder"))/\(try context.parameters.require("name"))"
    }

    private struct ScenarioList: Encodable {
        let library: String
        let mine: String
        let scenarios: [ScenarioLibrary.Entry]
    }

    private struct ScenarioForm: Encodable {
        let id: String
        let path: String
        let description: String
        let fields: [ScenarioFormField]
    }

    private struct RunList: Encodable {
        let concurrentRuns: Int
        let runs: [ExperimentJob.Snapshot]
    }
}
