import Foundation
import Hummingbird

/// A job's progress as server-sent events: one `progress` event per change, then one event
/// named after how it ended (`done`, `failed`, `cancelled`), each carrying the job's snapshot
/// as JSON. A page whose stream breaks (closed, reloaded, gone) before the end cancels the
/// job unless another page is watching it, so no run goes on for no one.
enum EventStream {
    private enum Update: Sendable {
        case snapshot(ExperimentJob.Snapshot)
        /// Nothing new: a comment line, so that a page gone while its job waits in the queue
        /// is noticed by a failed write rather than only at the job's next change.
        case beat
    }

    static func response(for job: ExperimentJob) -> Response {
        let body = ResponseBody { writer in
            let (watcher, snapshots) = job.watch()
            let (updates, input) = AsyncStream.makeStream(of: Update.self)
            let forward = Task {
                for await snapshot in snapshots { input.yield(.snapshot(snapshot)) }
                input.finish()
            }
            let beats = Task {
                while (try? await Task.sleep(for: .seconds(2))) != nil { input.yield(.beat) }
            }
            var ended = false
            defer {
                forward.cancel()
                beats.cancel()
                if !ended, job.unwatch(watcher) { job.cancel(.pageClosed) }
            }
            for await update in updates {
                switch update {
                case .beat:
                    try await writer.write(ByteBuffer(string: ": waiting\n\n"))
                case .snapshot(let snapshot):
                    try await writer.write(ByteBuffer(string: event(snapshot)))
                    ended = snapshot.status.isFinal
                }
                if ended { break }
            }
            if ended { try await writer.finish(nil) }
        }
        return Response(status: .ok, headers: [.contentType: "text/event-stream", .cacheControl: "no-store"], body: body)
    }

    /// `event: NAME` and `data: JSON` lines and a blank line, as EventSource reads them.
    static func event(_ snapshot: ExperimentJob.Snapshot) -> String {
        let name = snapshot.status.isFinal ? snapshot.status.rawValue : "progress"
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys]
        let json = (try? encoder.encode(snapshot)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        return "event: \(name)\ndata: \(json)\n\n"
    }
}
