import CrisisModel

/// One usable row of a patient extract (docs/DATA.md), times in model hours (hour 0 is
/// 2024-04-01 00:00, `ExtractCalendar`); nil where the cell was empty or the column absent.
public struct ExtractEpisode: Sendable, Equatable {
    /// Where the row came from, for messages: the file and its line (the header is line 1).
    public let file: String
    public let line: Int
    /// The replication (0 for a trust's own extract, which has one).
    public let replication: Int
    public let person: String
    /// Nil when the extract has no `area` column (it then describes a one-area scenario).
    public let area: String?
    public let source: Source
    public let cohort: String?
    public let wardType: String?
    public let presentedAt: Double?
    public let decisionToAdmitAt: Double?
    public let admittedAt: Double?
    public let dischargedAt: Double?
    /// Legal status of the admission sought: nil without a decision to admit or the column.
    public let detained: Bool?
    public let gatekept: Bool?
    public let placement: Placement
    public let repatriatedAt: Double?
    public let delayedDischargeFrom: Double?
    public let endedAt: Double?
    /// `bed`, `home_treatment`, `crisis_house` or `assessment`; nil when not given.
    public let endedFrom: String?

    /// Whether the person reached a bed in this episode.
    public var isAdmitted: Bool { placement != .none }

    /// When the clinical stay ended: the start of a delayed discharge if there was one (the
    /// person was ready to leave and stayed for want of housing or care), else the discharge.
    /// The scenario's stay distributions are of clinical stays; the delay is fitted apart.
    public var clinicalStayEnd: Double? { delayedDischargeFrom ?? dischargedAt }
}

/// A row that could not be used, and why: reported with its file, line and column, never
/// dropped silently.
public struct ExtractProblem: Sendable, Equatable, CustomStringConvertible {
    public let file: String
    public let line: Int
    /// The column at fault; empty when the problem is with the row as a whole.
    public let column: String
    public let problem: String

    public init(file: String, line: Int, column: String, problem: String) {
        self.file = file
        self.line = line
        self.column = column
        self.problem = problem
    }

    public var description: String {
        "\(file):\(line): " + (column.isEmpty ? "" : "\(column): ") + problem
    }
}
