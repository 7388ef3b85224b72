/// warmup.csv (crisis-sim warmup): the mean beds occupied across replications on each day
/// from an empty start, with its 95% interval and Welch's moving average, from which the
/// warm-up length is read.
public enum WarmupCSV: CSVFormat {
    public static let fileName = "warmup.csv"
    /// warmup.html, the page drawn from the same run, written in one set with the table.
    public static let pageFileName = "warmup.html"

    public enum Column: String, CaseIterable, Sendable {
        case day, meanBedsOccupied = "mean_beds_occupied", ci95Low = "ci95_low", ci95High = "ci95_high"
        case welchAverage = "welch_average"
    }
}
