import CrisisExperiment
import CrisisModel
import CrisisReport
import Foundation
import Synchronization

/// One experiment started from the page: its progress, its end, and the folder its result
/// set is written to, watched by any number of event streams.
final class ExperimentJob: Sendable {
    /// What the job runs.
    enum Work: Sendable {
        /// A run, comparison or sweep, with each group's scenario as it runs (`LoadedScenario.
        /// resolvedYAML`, for the report's settings section; none for a sweep, which has no report).
        case experiment(ExperimentPlan, resolvedScenarios: [String])
        /// The least capacity meeting targets (`crisis-sim plan`).
        case plan(PlanProblem)
    }

    enum Status: String, Encodable, Sendable {
        /// Waiting for a free core (`RunSlots`).
        case queued
        case running
        case done
        case failed
        /// Stopped by Cancel, or by its page going away; nothing was written.
        case cancelled

        var isFinal: Bool { self == .done || self == .failed || self == .cancelled }
    }

    /// What the page shows of a job, sent as each event of its stream.
    struct Snapshot: Encodable, Sendable {
        let id: String
        let kind: String
        let title: String
        let status: Status
        let done: Int
        let total: Int
        /// Why it failed or was cancelled, in words.
        let message: String?
        /// The result files, once done, by name (`report.html`, `summary.csv`).
        let files: [String]
        /// Each scenario's headline KPIs (a run has one, a comparison one per scenario), or
        /// each sweep point's.
        let results: [ScenarioFigures]
        /// A plan's answer in words, as `crisis-sim plan` prints it.
        let answer: String?
    }

    struct ScenarioFigures: Encodable, Sendable {
        let name: String
        let kpis: [Figure]
    }

    /// A KPI as the report's table writes it: label, mean and 95% interval in words.
    struct Figure: Encodable, Sendable {
        let id: String
        let label: String
        let mean: Double
        let value: String
        let interval: String
        let unit: String
    }

    private struct State {
        var status = Status.queued
        var done = 0
        var message: String?
        /// Kept apart from `message`: a job asked to stop may still end done, its last
        /// replication finishing first.
        var cancelReason: CancelReason?
        var files: [String] = []
        var results: [ScenarioFigures] = []
        var answer: String?
        var watchers: [UUID: AsyncStream<Snapshot>.Continuation] = [:]
    }

    let id: String
    let work: Work
    let folder: URL
    let cancellation = Cancellation()
    private let state = Mutex(State())

    init(id: String, work: Work, folder: URL) {
        self.id = id
        self.work = work
        self.folder = folder
    }

    var kind: String {
        switch work {
        case .experiment(let plan, _): plan.identity.kind.rawValue
        case .plan: "plan"
        }
    }

    var title: String {
        switch work {
        case .experiment(let plan, _):
            let groups = plan.identity.groups
            switch plan.identity.kind {
            case .run: return groups[0].label
            case .compare: return groups.map(\.label).joined(separator: " vs ")
            case .sweep: return "\(scenarioName(groups[0].scenario)): sweep of \(plan.identity.sweep?.keys.joined(separator: ", ") ?? "")"
            case .plan: return "\(scenarioName(groups[0].scenario)): first stage of a plan"
            }
        case .plan(let problem):
            return "\(scenarioName(problem.scenario)): plan of \(problem.grid.axes.map(\.key).joined(separator: ", "))"
        }
    }

    /// Replications for an experiment; points to decide for a plan, which chooses its
    /// replications as it goes.
    var total: Int {
        switch work {
        case .experiment(let plan, _): plan.identity.itemCount
        case .plan(let problem): problem.grid.points.count
        }
    }

    var snapshot: Snapshot {
        state.withLock { snapshot($0) }
    }

    private func snapshot(_ state: State) -> Snapshot {
        Snapshot(id: id, kind: kind, title: title, status: state.status, done: state.done, total: total,
                 message: state.status == .cancelled ? state.cancelReason?.rawValue : state.message, files: state.files, results: state.results, answer: state.answer)
    }

    /// The job's snapshots: the current one at once, then one at every change, ending after
    /// the final one; `unwatch` the id when no longer listening.
    func watch() -> (id: UUID, stream: AsyncStream<Snapshot>) {
        let (stream, continuation) = AsyncStream.makeStream(of: Snapshot.self, bufferingPolicy: .bufferingNewest(16))
        let watcher = UUID()
        state.withLock { state in
            continuation.yield(snapshot(state))
            if state.status.isFinal {
                continuation.finish()
            } else {
                state.watchers[watcher] = continuation
            }
        }
        return (watcher, stream)
    }

    /// Stops watching; true when no one else watches a job that has not ended, so that a page
    /// that goes away takes its run with it.
    func unwatch(_ watcher: UUID) -> Bool {
        state.withLock { state in
            state.watchers[watcher] = nil
            return state.watchers.isEmpty && !state.status.isFinal
        }
    }

    /// Why a job was cancelled, as the run list and its page say it.
    enum CancelReason: String, Sendable {
        /// POST /api/runs/ID/cancel: the page's Cancel, or any other client; worded so that it
        /// is true of both.
        case requested = "cancelled on request"
        /// No page watches it any more: its tab was closed or reloaded, or went elsewhere.
        case pageClosed = "the page that started it closed"
        case deskStopped = "the desk was stopped"
    }

    /// Asks the job to stop; a queued job ends at once. The first reason given is kept: a job
    /// ends once.
    func cancel(_ reason: CancelReason) {
        cancellation.cancel()
        update { state in
            guard !state.status.isFinal else { return }
            if state.cancelReason == nil { state.cancelReason = reason }
            if state.status == .queued { state.status = .cancelled }
        }
    }

    private func update(_ change: (inout State) -> Void) {
        state.withLock { state in
            let before = (state.status, state.done)
            change(&state)
            guard before != (state.status, state.done) || state.status.isFinal else { return }
            let current = snapshot(state)
            for watcher in state.watchers.values {
                watcher.yield(current)
                if current.status.isFinal { watcher.finish() }
            }
            if current.status.isFinal { state.watchers = [:] }
        }
    }

    /// Runs the work on this thread (never the server's event loop: the board runs it on a
    /// thread of its own) and writes its files. Nothing is written when it is cancelled or
    /// fails, and a result set is written whole or not at all (`ResultFolder`).
    func execute() {
        var started = false
        update { state in
            guard state.status == .queued, !cancellation.isCancelled else { return }
            state.status = .running
            started = true
        }
        guard started else { return update { $0.status = .cancelled } }
        do {
            var figures: [ScenarioFigures] = []
            var answer: String?
            switch work {
            case .experiment(let plan, let resolvedScenarios):
                let report = plan.identity.kind != .sweep  // the report draws the daily census
                let results = try plan.run(threads: 1, dailySeries: report, cancellation: cancellation,
                                           progress: { done in self.update { $0.done = done } })
                try write(results, of: plan, resolvedScenarios: resolvedScenarios)
                figures = Self.figures(results, of: plan)
            case .plan(let problem):
                let started = Date()
                let result = try Planner.run(problem, threads: 1, cancellation: cancellation) { decided, _ in
                    self.update { $0.done = decided }
                }
                try write(result)
                answer = PlanText.report(result, seconds: Date().timeIntervalSince(started))
            }
            let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
                .filter { !$0.hasPrefix(".") && !isFolder($0) }.sorted()
            update { [figures, answer] state in
                state.files = files
                state.results = figures
                state.answer = answer
                state.status = .done
            }
        } catch is Cancelled {
            update { $0.status = .cancelled }
        } catch {
            update { state in
                state.message = "\(error)"
                state.status = .failed
            }
        }
    }

    private func isFolder(_ name: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path, isDirectory: &isDirectory)
            && isDirectory.boolValue
    }

    /// A plan's three files; a plan is not a result set (`crisis-sim plan` writes the same).
    private func write(_ result: PlanResult) throws {
        try AtomicFile.createFolder(folder)
        try AtomicFile.write(PlanCSV.text(result), to: folder.appendingPathComponent(PlanCSV.fileName))
        try AtomicFile.write(PlanPage.html(result), to: folder.appendingPathComponent(PlanPage.fileName))
        try AtomicFile.write(PlanJSON.text(result), to: folder.appendingPathComponent(PlanJSON.fileName))
    }

    private func write(_ results: [[ReplicationResult]], of plan: ExperimentPlan, resolvedScenarios: [String]) throws {
        let identity = plan.identity
        switch identity.kind {
        case .run:
            try ResultFolder(folder).writeRun(summary: Summary(results[0]), results: results[0], provenance: identity.provenance(),
                                              options: .report(resolvedScenario: resolvedScenarios[0]))
            _ = try HTMLReport.write(folder: folder)
        case .compare:
            let runs = identity.groups.indices.map { identity.provenance(group: $0) }
            let parts = try ResultFolder.writeScenarioFolders(in: folder, runs: runs, results: results,
                                                              resolvedScenarios: resolvedScenarios)
            let variants = identity.groups.indices.dropFirst().map { index in
                (name: identity.groups[index].label, comparison: Comparison.paired(base: results[0], variant: results[index]))
            }
            try ResultFolder(folder).writeComparison(variants, changes: identity.groups.dropFirst().map { ($0.label, $0.changes) },
                                                     provenance: RunProvenance(combining: runs), parts: parts)
            _ = try HTMLReport.write(folder: folder)
        case .sweep:
            try ResultFolder(folder).writeSweep(SweepResult(identity: identity, results: results), chart: SweepChart.svg)
        case .plan:
            preconditionFailure("the desk runs a plan as plan work, which writes its own files")
        }
    }

    /// The headline figures of each group, as the report's KPI table writes them.
    private static func figures(_ results: [[ReplicationResult]], of plan: ExperimentPlan) -> [ScenarioFigures] {
        zip(plan.identity.groups, results).map { group, results in
            let summary = Summary(results)
            let kpis = KPISection.headlines.compactMap { id -> Figure? in
                guard let kpi = summary.kpi(id) else { return nil }
                return Figure(id: id, label: KPIText.label(id), mean: kpi.mean, value: KPIText.value(kpi.mean, unit: kpi.unit),
                              interval: KPIText.interval(kpi), unit: KPIText.remainingUnit(kpi.unit))
            }
            return ScenarioFigures(name: group.label, kpis: kpis)
        }
    }
}
