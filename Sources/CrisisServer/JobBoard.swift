import CrisisExperiment
import Dispatch
import Foundation
import Synchronization

/// The experiments started from the page, by id, each run off the server's event loop on a
/// thread of its own once `RunSlots` lets it start.
final class JobBoard: Sendable {
    private let jobs = Mutex<[String: ExperimentJob]>([:])
    private let slots: RunSlots
    /// Where each job's result folder goes.
    let results: URL

    init(results: URL, concurrentRuns: Int) {
        self.results = results
        slots = RunSlots(limit: concurrentRuns)
    }

    var concurrentRuns: Int { slots.limit }

    /// Starts `work` and returns its job at once; the job waits for a slot.
    func start(_ work: ExperimentJob.Work) -> ExperimentJob {
        let name: String
        switch work {
        case .experiment(let plan, _):
            let identity = plan.identity
            name = identity.kind == .run ? identity.groups[0].label : "\(identity.kind.rawValue)-\(scenarioName(identity.groups[0].scenario))"
        case .plan(let problem):
            name = "plan-\(scenarioName(problem.scenario))"
        }
        // Time first, so the folders list in the order they were run; the suffix keeps two
        // started in the same second apart.
        let stamp = Self.stamp(Date())
        let id = "\(stamp)-\(name)-\(UUID().uuidString.prefix(6).lowercased())"
        let job = ExperimentJob(id: id, work: work, folder: results.appendingPathComponent(id))
        jobs.withLock { $0[id] = job }
        Task {
            await slots.acquire()
            // Blocking work on a Dispatch thread: the cooperative pool and the event loops
            // stay free for requests (progress, cancel, other pages).
            await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
                DispatchQueue.global(qos: .userInitiated).async {
                    job.execute()
                    done.resume()
                }
            }
            await slots.release()
        }
        return job
    }

    func job(_ id: String) throws -> ExperimentJob {
        guard let job = jobs.withLock({ $0[id] }) else { throw APIError(.notFound, "no run '\(id)' since the desk started") }
        return job
    }

    var all: [ExperimentJob] { jobs.withLock { Array($0.values) }.sorted { $0.id < $1.id } }

    /// `20261203-101512`, UTC.
    private static func stamp(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        return formatter.string(from: date)
    }
}
