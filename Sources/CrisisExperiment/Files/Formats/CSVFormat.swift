/// One CSV file of a result folder: its name, and the columns every such file has, whose raw
/// values are their names in the header. Writers build the header from `Column.allCases` and
/// readers find columns by the same cases (`CSVTable.column`), so the two cannot drift apart.
public protocol CSVFormat {
    associatedtype Column: RawRepresentable<String>, CaseIterable
    static var fileName: String { get }
}

extension CSVFormat {
    /// The names of the columns every file of the format has, in order, as a header line:
    /// the whole header, except where a run adds columns of its own (daily.csv's census
    /// series, replications-wide.csv's KPIs, sweep.csv's varied keys).
    public static var header: String { Column.allCases.map(\.rawValue).joined(separator: ",") }
}
