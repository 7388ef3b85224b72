/// "Did you mean ...?" for misspelt keys and words, by edit distance (swapped letters count as one slip).
public enum Suggestion {
    /// The candidate nearest to `word`, when near enough to be a likely slip: at most a third
    /// of the shorter word's letters changed (at least one), ignoring case.
    public static func closest(to word: String, among candidates: [String]) -> String? {
        let lowered = word.lowercased()
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(lowered, candidate.lowercased())
            let allowed = max(1, min(word.count, candidate.count) / 3)
            if distance <= allowed, distance < (best?.distance ?? .max) {
                best = (candidate, distance)
            }
        }
        return best?.candidate
    }

    /// `; did you mean 'x'?`, or the list of what is allowed when nothing is close.
    static func hint(for word: String, among candidates: [String]) -> String {
        if let suggestion = closest(to: word, among: candidates) { return "; did you mean '\(suggestion)'?" }
        return " (expected one of: \(candidates.joined(separator: ", ")))"
    }

    /// Optimal string alignment distance: insertions, deletions and substitutions of
    /// characters, and swaps of two adjacent characters, each one edit. The swap is the
    /// commonest typing slip (`crth` for `crht`), which plain Levenshtein counts as two.
    /// - Complexity: O(a.count x b.count).
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        if a.isEmpty { return b.count }
        // Rows i - 2, i - 1 and i of the distance table; a swap looks two rows back.
        var beforePrevious = Array(0...b.count)
        var previous = beforePrevious
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], beforePrevious[j - 2] + 1)
                }
            }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[b.count]
    }
}
