extension ScenarioSchema {
    /// The unit of the value at `keyPath` (as `--set` takes it: `areas.Northshire.beds`,
    /// `beds.informal_stay_days.mean`), for labelling charts; nil when the key is unknown or
    /// its value has no unit (counts, shares, words).
    ///
    /// List items are skipped whatever names them (index or name); a distribution's
    /// parameters share the distribution's unit except its shape (`cv`, `sigma`, `mu`, `shape`).
    public static func unit(ofKeyPath keyPath: String) -> String? {
        guard let (type, unit, parameter) = schemaType(atKeyPath: keyPath) else { return nil }
        if case .distribution = type {
            guard let parameter else { return unit }
            return ["cv", "sigma", "mu", "shape", "type"].contains(parameter) ? nil : unit
        }
        return unit
    }

    /// Whether the key at `keyPath` takes only whole numbers (beds, staff, places), which a
    /// search over real values such as calibration's cannot set; nil when the key is unknown.
    public static func takesWholeNumbers(keyPath: String) -> Bool? {
        guard let (type, _, parameter) = schemaType(atKeyPath: keyPath) else { return nil }
        switch type {
        case .integer: return true
        case .distribution: return parameter == nil ? nil : false
        case .number, .probability: return false
        default: return nil
        }
    }

    /// The schema type at `keyPath`, its unit, and for a distribution the parameter named
    /// after it (`mean` of `beds.informal_stay_days.mean`); nil when the key is unknown.
    private static func schemaType(atKeyPath keyPath: String) -> (SchemaType, String?, String?)? {
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
                return segments.count == 1 ? (type, unit, segment) : nil
            default:
                return nil
            }
        }
        return (type, unit, nil)
    }
}
