/// A level drawn dashed and labelled on a chart, such as a recommended maximum, so a reader
/// sees at a glance which side of it the data falls.
struct ReferenceLevel {
    let value: Double
    let label: String
}
