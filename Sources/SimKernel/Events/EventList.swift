/// The pending events, ordered by (time, priority, sequence).
///
/// A binary min-heap stored in one contiguous buffer that grows by doubling and is never
/// shrunk, so a run allocates only while the number of pending events reaches a new high:
/// scheduling and popping allocate nothing in steady state, and payloads are plain values,
/// so there is no reference counting per event. Priority and sequence are packed into one
/// 64-bit key (8 bits of priority above 56 bits of sequence) so a tie costs one comparison.
///
/// `pop()` leaves the event it returns at the root, marked as taken, and the first `push`
/// after it replaces the root and sifts down from there. A handler that schedules a
/// follow-up (the next arrival, the next stage of a pathway) is the common case, and its
/// follow-up is often the new earliest event: popping then pushing would walk it down to a
/// leaf and back up to the root, where replacing the root compares it with two children. A
/// handler that schedules nothing has the root removed at the next `pop`. Both keep the
/// same set of pending events, and (time, key) orders every pair, so events come out in the
/// same order either way.
public struct EventList<Payload> {
    /// One scheduled event.
    public struct Entry {
        public let time: Double
        @usableFromInline let key: UInt64
        public let payload: Payload

        @inlinable init(time: Double, key: UInt64, payload: Payload) {
            self.time = time
            self.key = key
            self.payload = payload
        }

        public var priority: EventPriority { EventPriority(UInt8(truncatingIfNeeded: key >> 56)) }
        public var sequence: UInt64 { key & EventList.sequenceMask }

        @inlinable func precedes(_ other: Entry) -> Bool {
            time < other.time || (time == other.time && key < other.key)
        }
    }

    @usableFromInline static var sequenceMask: UInt64 { (1 << 56) - 1 }

    @usableFromInline var heap: ContiguousArray<Entry> = []
    @usableFromInline var nextSequence: UInt64 = 0
    /// True while `heap[0]` is the event `pop()` last returned, no longer pending.
    @usableFromInline var rootTaken = false

    public init(reservingCapacity capacity: Int = 64) {
        heap.reserveCapacity(capacity)
    }

    public var count: Int { rootTaken ? heap.count - 1 : heap.count }
    public var isEmpty: Bool { count == 0 }

    /// The next event without removing it.
    @inlinable public var first: Entry? {
        guard rootTaken else { return heap.first }
        // With the root taken, the next event is the earlier of its children.
        switch heap.count {
        case ...1: return nil
        case 2: return heap[1]
        default: return heap[2].precedes(heap[1]) ? heap[2] : heap[1]
        }
    }

    /// Adds an event. Events scheduled for the same time and priority run in the order added.
    /// - Complexity: O(log n).
    @inlinable public mutating func push(_ payload: Payload, at time: Double, priority: EventPriority = .normal) {
        let key = UInt64(priority.rawValue) << 56 | nextSequence
        nextSequence &+= 1
        let entry = Entry(time: time, key: key, payload: payload)
        if rootTaken {
            rootTaken = false
            heap.withUnsafeMutableBufferPointer { buffer in Self.siftDown(entry, in: buffer) }
            return
        }
        heap.append(entry)
        heap.withUnsafeMutableBufferPointer { buffer in
            var child = buffer.count &- 1
            while child > 0 {
                let parent = (child &- 1) >> 1
                guard entry.precedes(buffer[parent]) else { break }
                buffer[child] = buffer[parent]
                child = parent
            }
            buffer[child] = entry
        }
    }

    /// Removes and returns the next event, or nil when none is pending.
    /// - Complexity: O(log n).
    @inlinable public mutating func pop() -> Entry? {
        if rootTaken { removeRoot() }
        guard let top = heap.first else { return nil }
        rootTaken = true
        return top
    }

    /// Removes and returns the next event if it is due at or before `endTime`; otherwise
    /// leaves it pending and returns nil.
    ///
    /// The same as reading `first` and then calling `pop()`, in one pass: with the root taken,
    /// `first` compares the root's children and `pop()` then compares them again while it
    /// sifts. A run loop asks this once per event.
    /// - Complexity: O(log n).
    @inlinable public mutating func pop(dueBy endTime: Double) -> Entry? {
        if rootTaken { removeRoot() }
        guard let top = heap.first, top.time <= endTime else { return nil }
        rootTaken = true
        return top
    }

    /// Removes the taken root: the last event takes its place and sifts down.
    @inlinable mutating func removeRoot() {
        rootTaken = false
        let last = heap.removeLast()
        if heap.isEmpty { return }
        heap.withUnsafeMutableBufferPointer { buffer in Self.siftDown(last, in: buffer) }
    }

    /// Puts `entry` in the root's place and moves it down until neither child precedes it.
    @inlinable static func siftDown(_ entry: Entry, in buffer: UnsafeMutableBufferPointer<Entry>) {
        let count = buffer.count
        var hole = 0
        while true {
            // Indices stay below count, so the arithmetic cannot overflow.
            let left = 2 &* hole &+ 1
            if left >= count { break }
            let right = left &+ 1
            let child = right < count && buffer[right].precedes(buffer[left]) ? right : left
            guard buffer[child].precedes(entry) else { break }
            buffer[hole] = buffer[child]
            hole = child
        }
        buffer[hole] = entry
    }

    /// Removes the events `shouldRemove` selects, keeping the order of the rest.
    /// - Complexity: O(n log n); for occasional clean-ups, not the hot path.
    public mutating func removeAll(where shouldRemove: (Entry) throws -> Bool) rethrows {
        if rootTaken { removeRoot() }
        try heap.removeAll(where: shouldRemove)
        // A sorted array is a valid min-heap.
        heap.sort { $0.precedes($1) }
    }

    /// Forgets every pending event; keeps the buffer for reuse.
    public mutating func removeAll() {
        rootTaken = false
        heap.removeAll(keepingCapacity: true)
    }
}
