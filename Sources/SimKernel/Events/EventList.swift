/// The pending events, ordered by (time, priority, sequence).
///
/// A binary min-heap stored in one contiguous buffer that grows by doubling and is never
/// shrunk, so a run allocates only while the number of pending events reaches a new high:
/// scheduling and popping allocate nothing in steady state, and payloads are plain values,
/// so there is no reference counting per event. Priority and sequence are packed into one
/// 64-bit key (8 bits of priority above 56 bits of sequence) so a tie costs one comparison.
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

    public init(reservingCapacity capacity: Int = 64) {
        heap.reserveCapacity(capacity)
    }

    public var count: Int { heap.count }
    public var isEmpty: Bool { heap.isEmpty }

    /// The next event without removing it.
    @inlinable public var first: Entry? { heap.first }

    /// Adds an event. Events scheduled for the same time and priority run in the order added.
    /// - Complexity: O(log n).
    @inlinable public mutating func push(_ payload: Payload, at time: Double, priority: EventPriority = .normal) {
        let key = UInt64(priority.rawValue) << 56 | nextSequence
        nextSequence &+= 1
        let entry = Entry(time: time, key: key, payload: payload)
        heap.append(entry)
        heap.withUnsafeMutableBufferPointer { buffer in
            var child = buffer.count - 1
            while child > 0 {
                let parent = (child - 1) >> 1
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
        guard let last = heap.popLast() else { return nil }
        if heap.isEmpty { return last }
        return heap.withUnsafeMutableBufferPointer { buffer in
            let top = buffer[0]
            let count = buffer.count
            var hole = 0
            while true {
                let left = 2 * hole + 1
                if left >= count { break }
                let right = left + 1
                let child = right < count && buffer[right].precedes(buffer[left]) ? right : left
                guard buffer[child].precedes(last) else { break }
                buffer[hole] = buffer[child]
                hole = child
            }
            buffer[hole] = last
            return top
        }
    }

    /// Removes the events `shouldRemove` selects, keeping the order of the rest.
    /// - Complexity: O(n log n); for occasional clean-ups, not the hot path.
    public mutating func removeAll(where shouldRemove: (Entry) throws -> Bool) rethrows {
        try heap.removeAll(where: shouldRemove)
        // A sorted array is a valid min-heap.
        heap.sort { $0.precedes($1) }
    }

    /// Forgets every pending event; keeps the buffer for reuse.
    public mutating func removeAll() {
        heap.removeAll(keepingCapacity: true)
    }
}
