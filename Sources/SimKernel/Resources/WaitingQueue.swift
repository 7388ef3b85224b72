/// A place in a resource's queue, used to take the request out again if it reneges.
public struct QueueTicket: Hashable, Sendable {
    @usableFromInline let slot: Int32
    @usableFromInline let generation: UInt32

    @inlinable init(slot: Int32, generation: UInt32) {
        self.slot = slot
        self.generation = generation
    }
}

/// How a resource chooses whom to serve next.
public enum QueueDiscipline: String, Sendable, Codable {
    /// First come, first served.
    case fifo
    /// Lowest priority value first; first come, first served within a priority.
    case priority
}

/// The requests waiting for a resource, with removal from the middle for reneging.
///
/// Waiting requests live in reusable slots; a heap of (priority, arrival sequence, slot)
/// decides who is next. Reneging marks a slot cancelled (lazy deletion), and a cancelled
/// entry is dropped when it reaches the top or when cancelled entries outnumber live ones,
/// so memory stays proportional to the peak number actually waiting. A ticket carries its
/// slot's generation, so a stale ticket (the request was already served) is recognised.
public struct WaitingQueue<Request> {
    @usableFromInline struct Slot {
        @usableFromInline var request: Request?
        @usableFromInline var generation: UInt32
        @usableFromInline var enqueuedAt: Double

        @inlinable init(request: Request?, generation: UInt32, enqueuedAt: Double) {
            self.request = request
            self.generation = generation
            self.enqueuedAt = enqueuedAt
        }
    }

    public let discipline: QueueDiscipline
    @usableFromInline var slots: [Slot] = []
    @usableFromInline var freeSlots: [Int32] = []
    /// Who is next: slots ordered by (priority, arrival order). The event list's ordering is
    /// exactly that, with the priority in the time field.
    @usableFromInline var order = EventList<Int32>()
    /// The number of requests waiting (cancelled ones excluded).
    public var count: Int { _count }
    @usableFromInline var _count = 0

    public init(discipline: QueueDiscipline) {
        self.discipline = discipline
    }

    @inlinable public var isEmpty: Bool { _count == 0 }

    /// Adds a request. `priority` matters only under `.priority`.
    @inlinable public mutating func enqueue(_ request: Request, priority: Int = 0, at time: Double) -> QueueTicket {
        let slot: Int32
        if let reused = freeSlots.popLast() {
            slot = reused
            slots[Int(slot)].request = request
            slots[Int(slot)].enqueuedAt = time
        } else {
            slot = Int32(slots.count)
            slots.append(Slot(request: request, generation: 0, enqueuedAt: time))
        }
        order.push(slot, at: discipline == .priority ? Double(priority) : 0)
        _count += 1
        return QueueTicket(slot: slot, generation: slots[Int(slot)].generation)
    }

    /// Removes and returns the next request and when it joined the queue.
    @inlinable public mutating func dequeue() -> (request: Request, enqueuedAt: Double)? {
        while let top = order.pop() {
            let index = Int(top.payload)
            guard let request = slots[index].request else {
                // A cancelled entry: its slot is free for reuse now that the heap forgot it.
                freeSlots.append(top.payload)
                continue
            }
            let enqueuedAt = slots[index].enqueuedAt
            release(slot: top.payload)
            _count -= 1
            return (request, enqueuedAt)
        }
        return nil
    }

    /// Takes a still-waiting request out of the queue; nil if the ticket is stale (the
    /// request was served or already removed).
    @inlinable public mutating func remove(_ ticket: QueueTicket) -> (request: Request, enqueuedAt: Double)? {
        let index = Int(ticket.slot)
        guard index < slots.count, slots[index].generation == ticket.generation,
              let request = slots[index].request else { return nil }
        let enqueuedAt = slots[index].enqueuedAt
        // Cancel in place; the heap entry is dropped later. Bump the generation now so the
        // same ticket cannot remove a later occupant of this slot.
        slots[index].request = nil
        slots[index].generation &+= 1
        _count -= 1
        if order.count > 2 * _count + 32 { compact() }
        return (request, enqueuedAt)
    }

    @inlinable mutating func release(slot: Int32) {
        slots[Int(slot)].request = nil
        slots[Int(slot)].generation &+= 1
        freeSlots.append(slot)
    }

    /// Drops every cancelled entry: O(n), run only when cancelled entries outnumber live
    /// ones, so its cost is amortised over the cancellations.
    @usableFromInline mutating func compact() {
        order.removeAll { entry in
            let cancelled = slots[Int(entry.payload)].request == nil
            if cancelled { freeSlots.append(entry.payload) }
            return cancelled
        }
    }
}
