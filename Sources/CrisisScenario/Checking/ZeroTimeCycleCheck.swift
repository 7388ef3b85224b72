import CrisisModel

/// Refuses scenarios whose pathway can loop for ever at one instant (see `ZeroTimeCycle`):
/// such a run never ends and, before the kernel's guard, ignored SIGTERM.
///
/// It runs on the compiled configuration, once every key has passed validation, because a
/// loop is a property of many keys together (durations, probabilities, capacities, cohorts).
enum ZeroTimeCycleCheck {
    /// One problem per distinct loop, at the first of its durations (or, for a value left to
    /// its default, the nearest mapping written in the file).
    static func problems(_ configuration: CrisisConfiguration, tree: ScenarioNode) -> [ScenarioProblem] {
        ZeroTimeCycle.find(in: configuration).map { cycle in
            let key = cycle.durationKeys.first ?? ""
            return ScenarioProblem(location: nearest(key, in: tree).location, keyPath: key, message: cycle.description)
        }
    }

    /// The node at a dotted key path (list items by index), or the deepest one on the way.
    private static func nearest(_ keyPath: String, in tree: ScenarioNode) -> ScenarioNode {
        var node = tree
        for part in keyPath.split(separator: ".").map(String.init) {
            let next: ScenarioNode?
            if let index = Int(part), let items = node.items {
                next = items.indices.contains(index) ? items[index] : nil
            } else {
                next = node.value(forKey: part)
            }
            guard let next else { break }
            node = next
        }
        return node
    }
}
