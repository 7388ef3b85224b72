/// Keys earlier versions of the format had, and what took their place: a file written for an
/// earlier version is told how to update, not just that a key is unknown.
enum RetiredKeys {
    /// Retired key path (section keys joined by dots) -> what replaced it.
    static let replacements: [String: String] = [
        "beds.max_wait_hours":
            "replaced by 'bed_search_hours', a distribution of the time to find an out-of-area bed while the person "
            + "waits where they are ({type: fixed, value: 0} places out of area at once)",
        "costs.local_bed_day_gbp": "renamed 'local_staffed_bed_day_gbp': beds are now charged per staffed day, used or not",
        "costs.home_treatment_day_gbp":
            "replaced by 'home_treatment_staff_year_gbp': home treatment staff are now charged per staff-year, busy or not",
        "costs.crisis_house_day_gbp": "renamed 'crisis_house_place_day_gbp': places are now charged per day, used or not",
        "costs.place_of_safety_hour_gbp":
            "replaced by 'place_of_safety_suite_year_gbp': suites are now charged per year, used or not",
    ]

    /// The message for an unknown key at `path`: what replaced it when it was retired, else a
    /// did-you-mean suggestion or the keys allowed.
    static func unknownKey(_ key: String, at path: [String], among keys: [String]) -> String {
        // List indices (areas.0) are not part of a retired key's path.
        let sections = path.filter { Int($0) == nil }
        if let replacement = replacements[(sections + [key]).joined(separator: ".")] {
            return "unknown key '\(key)': \(replacement)"
        }
        return "unknown key '\(key)'" + Suggestion.hint(for: key, among: keys)
    }
}
