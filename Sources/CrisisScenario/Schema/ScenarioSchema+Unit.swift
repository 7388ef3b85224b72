extension ScenarioSchema {
    /// The unit of the value at `keyPath` (as `--set` takes it: `areas.Northshire.beds`,
    /// `beds.informal_stay_days.mean`), for labelling charts; nil when the key is unknown or
    /// its value has no unit (counts, shares, words).
    ///
    /// List items are skipped whatever names them (index or name); a distribution's
    /// parameters share the distribution's unit except its shape (`cv`, `sigma`, `mu`, `shape`).
    public static func unit(ofKeyPath keyPath: String) -> String? {
        var segments = keyPath.split(separator: ".", omittingEmptySubsequences: false).map(String.init)[...]
        var type = SchemaType.record(root)
        var unit: String?
        while let segment = segments.first {
            switch type {
            case .record(let entries):
                guard let entry = entries.first(where: { $0.key == segment }) else { return nil }
                type = entry.type
                unit = entry.unit
                segments = segments.dropFirst()
            case .list(let item, _):
                type = item
                unit = nil
                segments = segments.dropFirst()
            case .distribution:
                return segments.count == 1 && !["cv", "sigma", "mu", "shape", "type"].contains(segment) ? unit : nil
            default:
                return nil
            }
        }
        return unit
    }
}
