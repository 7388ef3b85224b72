import CrisisScenario
import Foundation

/// A scenario a planner made by editing another in the web app's form: it `extends` the one
/// edited and sets only the keys they changed, each with the value it replaces and where that
/// was written, so the file says what is theirs and what is still the base's (as fitted.yaml
/// and calibrated.yaml do for a fit and a calibration).
public enum EditedScenarioFile {
    /// One changed key: its path as `set:` takes it, the new value as YAML on one line, and
    /// the base's value with where it was written (nil for a schema default).
    public struct Change: Sendable, Equatable {
        public let key: String
        public let value: String
        public let was: String
        public let wasSetAt: String?

        public init(key: String, value: String, was: String, wasSetAt: String?) {
            self.key = key
            self.value = value
            self.was = was
            self.wasSetAt = wasSetAt
        }
    }

    /// The file's text; `base` is the edited scenario's path, written relative to `folder`
    /// (where the new file goes) so the two can move together.
    public static func text(base: String, folder: URL, description: String, changes: [Change]) -> String {
        let baseName = scenarioName(base)
        var lines = [
            "# Made in `crisis-sim serve` from \(baseName): \(changes.count) setting\(changes.count == 1 ? "" : "s") changed; "
                + "everything else is \(baseName)'s.",
            "extends: \(QuotedString.quoted(FittedScenarioFile.relativePath(from: folder, to: base)))",
            "description: \(QuotedString.quoted(description))",
            "",
            "set:",
        ]
        for change in changes {
            let was = change.was.isEmpty ? "not set" : change.was
            lines.append("  \(change.key): \(change.value)   # was \(was)" + (change.wasSetAt.map { " (\($0))" } ?? " (default)"))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
