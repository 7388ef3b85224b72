/// A measure of the published monthly statistics that a calibration target is made from.
public struct PublishedMeasure: Sendable, Hashable {
    /// Which of the two published files holds it.
    public enum Publication: String, Sendable, Hashable {
        case mhsds = "MHSDS"
        case outOfAreaPlacements = "OAPs"
    }

    public let publication: Publication
    /// MEASURE_ID as published.
    public let id: String
    /// For a measure read by bed type: the bed type (SECONDARY_LEVEL_DESCRIPTION of the
    /// organisation's "...; Bed Type" breakdown); nil for the organisation's own row.
    public let bedType: String?
    /// What it counts, in the publication's words.
    public let meaning: String

    public init(_ publication: Publication, _ id: String, bedType: String? = nil, meaning: String) {
        self.publication = publication
        self.id = id
        self.bedType = bedType
        self.meaning = meaning
    }

    /// `MHS27a (Adult Acute)`, `OAP01a`.
    public var label: String { id + (bedType.map { " (\($0))" } ?? "") }
}

/// A measure of a published file that no target is made from, and why.
public struct UnusedMeasure: Sendable {
    public let ids: [String]
    public let why: String
}
