/// How a file that `extends` another combines with it.
///
/// Sections (the schema's mappings of keys) merge key by key, recursively, so a variant
/// names only what it changes. Everything else is one value and is replaced whole: lists
/// (an areas list is one design, not a patch), distributions (a lognormal's `median` must not
/// leak into a gamma) and outcome splits (shares that sum to 1 together). A key set to null
/// (`key: null`, `key: ~` or `key:`) removes the inherited value, so its default applies.
enum ScenarioMerge {
    static func merge(_ base: ScenarioNode, _ overlay: ScenarioNode, as type: SchemaType?) -> ScenarioNode {
        guard case .record(let schema)? = type, base.entries != nil, let overlayEntries = overlay.entries else {
            return overlay
        }
        var merged = base
        // A mapping that both files give is reported where the extending file gives it:
        // that is the file being edited.
        merged.location = overlay.location
        for entry in overlayEntries {
            if entry.value.isNull {
                merged.removeValue(forKey: entry.key)
            } else if let inherited = merged.value(forKey: entry.key) {
                let childType = schema.first { $0.key == entry.key }?.type
                merged.setValue(merge(inherited, entry.value, as: childType), forKey: entry.key, keyLocation: entry.keyLocation)
            } else {
                merged.setValue(entry.value, forKey: entry.key, keyLocation: entry.keyLocation)
            }
        }
        return merged
    }
}
