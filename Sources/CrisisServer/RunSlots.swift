/// At most `limit` experiments at once, each on one thread: a desk on a laptop stays
/// responsive, and a second planner's run waits its turn (shown as queued) instead of
/// halving everyone's speed.
actor RunSlots {
    let limit: Int
    private var running = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(limit: Int) {
        precondition(limit >= 1, "at least one run at a time")
        self.limit = limit
    }

    /// Waits for a free slot and takes it.
    func acquire() async {
        if running < limit {
            running += 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    /// Frees a slot, handing it to the longest-waiting experiment if there is one.
    func release() {
        if waiting.isEmpty {
            running -= 1
        } else {
            waiting.removeFirst().resume()
        }
    }
}
