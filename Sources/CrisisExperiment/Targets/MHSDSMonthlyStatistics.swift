/// NHS England's Mental Health Services Monthly Statistics, main data file (the MHSDS monthly
/// CSV): the measures the targets use and those they leave, with the reason. Meanings follow the
/// publication's metadata and its production code (NHSDigital/mental-health-monthly-statistics).
///
/// The model's beds are adult acute beds, so only measures restricted to adult acute care are
/// used; a measure over every ward type and age (children's, older adults', secure,
/// rehabilitation) would aim the model at beds it does not have.
public enum MHSDSMonthlyStatistics {
    /// Open ward stays in adult acute mental health care at the end of the month: the people in
    /// the provider's adult acute beds that night (patients on leave included, as their ward
    /// stay stays open).
    public static let adultAcuteWardStays = PublishedMeasure(
        .mhsds, "AMH21a", meaning: "open ward stays, adult acute MH care, at the end of the reporting period")

    /// Admissions (hospital provider spells starting) in the month, by bed type: the Adult Acute
    /// row of the organisation's "; Bed Type" breakdown.
    public static let adultAcuteAdmissions = PublishedMeasure(
        .mhsds, "MHS27a", bedType: "Adult Acute", meaning: "admissions to hospital in the reporting period, adult acute beds")

    /// The bed type of the organisation's `<breakdown>; Bed Type` rows that the model's beds are.
    public static let bedTypeBreakdownSuffix = "; Bed Type"

    /// Measures a planner may expect to see used, and why they are not.
    public static let unused: [UnusedMeasure] = [
        UnusedMeasure(ids: ["MHS21", "MHS21a", "MHS21b", "MHS21c", "AMH21", "MHS07"],
                      why: "open ward stays or hospital spells of every ward type (or every adult ward); "
                        + "AMH21a is the adult acute count"),
        UnusedMeasure(ids: ["MHS24", "MHS25"],
                      why: "bed days of every ward type and age (children's, older adults', secure, rehabilitation); "
                        + "beds.bed_days is taken from AMH21a instead"),
        UnusedMeasure(ids: ["MHS26"],
                      why: "delayed discharge days on every ward type, where the longest delays are outside adult "
                        + "acute care: it would overstate beds.delayed_bed_days"),
        UnusedMeasure(ids: ["MHS27"], why: "admissions to every ward type; MHS27a's Adult Acute row is used"),
        UnusedMeasure(ids: ["MHS28"], why: "discharges: no KPI counts them (admissions.total and beds.bed_days carry the flow)"),
        UnusedMeasure(ids: ["CCR70", "CCR70a", "CCR71", "CCR71a", "CCR72", "CCR73"],
                      why: "referrals to crisis teams from every source (A&E liaison and police among them), where "
                        + "presentations.community counts only self, GP and single-point-of-access referrals"),
        UnusedMeasure(ids: ["MHS23b", "MHS29b", "MHS30b"],
                      why: "crisis team open referrals and contacts, home treatment visits included: no KPI counts these"),
    ]
}
