extension ScenarioSchema {
    /// Every word the format itself defines: keys at any depth, distribution types and their
    /// parameters, and the words of choices. A message about text that may not come from a
    /// scenario quotes only these, so no other file's content is ever repeated.
    static let vocabulary: Set<String> = {
        var words = Set(DistributionForm.all.flatMap { [$0.type] + $0.parameterKeys } + ["type"])
        func collect(_ type: SchemaType) {
            switch type {
            case .record(let entries):
                for entry in entries {
                    words.insert(entry.key)
                    collect(entry.type)
                }
            case .list(let item, _): collect(item)
            case .split(let parts): words.formUnion(parts)
            case .choice(let choices): words.formUnion(choices)
            default: break
            }
        }
        collect(.record(root))
        return words
    }()
}
