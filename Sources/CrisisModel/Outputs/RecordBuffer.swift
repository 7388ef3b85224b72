/// Records on their way to a sink, handed over in batches: large enough to amortise the
/// call, small enough that a long run's log never grows in memory (the sink streams them to
/// disk). With no sink, nothing is kept and `isEnabled` is false, which every hook checks first.
struct RecordBuffer<Record> {
    let sink: (@Sendable ([Record]) -> Void)?
    private var records: [Record] = []

    static var batchSize: Int { 4096 }

    init(sink: (@Sendable ([Record]) -> Void)?) {
        self.sink = sink
        if sink != nil { records.reserveCapacity(Self.batchSize) }
    }

    var isEnabled: Bool { sink != nil }

    mutating func append(_ record: Record) {
        records.append(record)
        if records.count >= Self.batchSize { flush() }
    }

    /// Hands over what is buffered (at the end of the run, or when the batch is full).
    mutating func flush() {
        guard let sink, !records.isEmpty else { return }
        sink(records)
        records.removeAll(keepingCapacity: true)
    }
}
