#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Closed-form results for simple queues: the yardsticks the simulation is checked against,
/// and quick estimates a planner can sanity-check a scenario with.
public enum QueueingFormulas {
    /// Erlang B: the probability that an arrival finds all `servers` busy in an M/G/c/c loss
    /// system offered `load` erlangs (arrival rate × mean holding time). Insensitive to the
    /// holding-time distribution. Uses the stable recurrence B(0) = 1,
    /// B(k) = A·B(k−1) / (k + A·B(k−1)).
    public static func erlangB(servers: Int, load: Double) -> Double {
        precondition(servers >= 0 && load >= 0)
        var b = 1.0
        if servers > 0 {
            for k in 1...servers { b = load * b / (Double(k) + load * b) }
        }
        return b
    }

    /// Erlang C: the probability that an arrival must wait in an M/M/c queue offered `load`
    /// erlangs; 1 when load >= servers (the queue is unstable).
    public static func erlangC(servers: Int, load: Double) -> Double {
        guard load < Double(servers) else { return 1 }
        let b = erlangB(servers: servers, load: load)
        let rho = load / Double(servers)
        return b / (1 - rho + rho * b)
    }

    /// Mean wait in queue of an M/M/c queue: C(c, A) · mean service / (c − A).
    public static func mmcMeanWait(servers: Int, arrivalRate: Double, meanService: Double) -> Double {
        let load = arrivalRate * meanService
        guard load < Double(servers) else { return .infinity }
        return erlangC(servers: servers, load: load) * meanService / (Double(servers) - load)
    }

    /// Mean occupancy (busy servers) of the loss system: A · (1 − B).
    public static func lossSystemOccupancy(servers: Int, load: Double) -> Double {
        load * (1 - erlangB(servers: servers, load: load))
    }
}
