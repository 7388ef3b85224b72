/// NHS England's monthly Out of Area Placements data (published with the Mental Health Services
/// Monthly Statistics, in the same CSV layout): placements by the provider that sent the
/// person (`Sending Provider`) or by the person's sub-ICB or ICB of residence.
///
/// The `a` measures are adult acute placements, the national definition (an adult needing
/// acute inpatient care admitted to a unit outside the usual local network), which is what the
/// model places out of area when no local or network bed is free. (The publication's
/// metadata says whether a measure counts every placement or the inappropriate ones only;
/// nearly all adult acute placements are inappropriate, made for want of a local bed.)
///
/// The file holds each month and also rolling three-month periods; only single calendar
/// months are read.
public enum OutOfAreaPlacementStatistics {
    public static let started = PublishedMeasure(
        .outOfAreaPlacements, "OAP01a", meaning: "OAPs in adult acute beds started in the reporting period")
    public static let bedDays = PublishedMeasure(
        .outOfAreaPlacements, "OAP02a", meaning: "OAP bed days in adult acute beds in the reporting period")
    public static let activeAtEnd = PublishedMeasure(
        .outOfAreaPlacements, "OAP03a", meaning: "OAPs in adult acute beds active at the end of the reporting period")

    public static let unused: [UnusedMeasure] = [
        UnusedMeasure(ids: ["OAP04a"], why: "placements ending: the model's ends are discharges and repatriations together, "
            + "and oap.repatriations counts only the latter"),
        UnusedMeasure(ids: ["OAP08a", "OAP09a", "OAP10a", "OAP11a"], why: "proportions of the counts above"),
    ]
}
