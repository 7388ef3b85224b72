import CrisisExperiment
import CrisisScenario
import Foundation

/// A scenario being edited in the form: the scenario it starts from, the values the planner
/// typed, and the name and description it will be saved under.
struct ScenarioDraft: Decodable, Sendable {
    /// The scenario edited, `library/NAME` or `mine/NAME`.
    let base: String
    /// The new file's name, without `.yaml`.
    let name: String
    let description: String?
    /// Key path to the value typed, as YAML on one line (`84`, `{type: exponential, mean: 3}`).
    let values: [String: String]

    /// What checking or saving a draft found: the file's text and what it changes.
    struct Checked: Encodable, Sendable {
        let id: String
        let path: String
        let yaml: String
        let changes: [Change]
    }

    struct Change: Encodable, Sendable {
        let key: String
        let value: String
        let was: String
    }

    /// The draft as the file it would be saved as, checked by the loader exactly as
    /// `crisis-sim validate` checks a file: a 422 with every problem, named by the new file's
    /// path, line and key, when the scenario could not run.
    func check(in library: ScenarioLibrary) throws -> Checked {
        let (text, changes) = try file(in: library)
        let path = (library.mine as NSString).appendingPathComponent(name + ".yaml")
        try AtomicFile.createFolder(URL(fileURLWithPath: library.mine))
        // Written beside where it will be saved, so `extends` resolves as it will there, under
        // a hidden name of its own, so a check never touches a saved file or another check.
        let trial = (library.mine as NSString).appendingPathComponent(".check-\(UUID().uuidString)-\(name).yaml")
        try AtomicFile.write(text, to: URL(fileURLWithPath: trial))
        defer { try? FileManager.default.removeItem(atPath: trial) }
        do throws(ScenarioError) {
            _ = try ScenarioLoader.load(trial)
        } catch {
            throw APIError(.unprocessableContent, error.problems.map { $0.description.replacingOccurrences(of: trial, with: path) })
        }
        return Checked(id: "mine/\(name)", path: path, yaml: text,
                       changes: changes.map { Change(key: $0.key, value: $0.value, was: $0.was) })
    }

    /// Writes the checked draft as `mine/NAME`; a 409 when a scenario of that name exists
    /// (a saved scenario may be behind results already: a new name keeps both).
    func save(in library: ScenarioLibrary) throws -> Checked {
        let checked = try check(in: library)
        guard !FileManager.default.fileExists(atPath: checked.path) else {
            throw APIError(.conflict, "\(checked.path) exists already: give the new scenario another name")
        }
        try AtomicFile.write(checked.yaml, to: URL(fileURLWithPath: checked.path))
        return checked
    }

    /// The file's text: extends the base and sets only the values that differ from it.
    private func file(in library: ScenarioLibrary) throws -> (String, [EditedScenarioFile.Change]) {
        guard ScenarioLibrary.isName(name) else {
            throw APIError(.unprocessableContent, "name '\(name)': use letters, digits, - and _ only (it names the file and its results)")
        }
        let (basePath, base) = try library.load(self.base)
        let fields = ScenarioSchema.formFields(of: base)
        let known = Set(fields.map(\.key))
        var problems = values.keys.sorted().filter { !known.contains($0) }.map { "\($0): not a setting the form edits in \(self.base)" }
        var changes: [EditedScenarioFile.Change] = []
        // In the schema's order, as the form shows them.
        for field in fields {
            guard let typed = values[field.key] else { continue }
            let value = typed.trimmingCharacters(in: .whitespaces)
            // The value is written into the file as typed: one line, and no comment that
            // would hide part of it.
            guard !value.contains(where: { $0.isNewline || $0 == "#" }) else {
                problems.append("\(field.key): '\(typed)' holds a line break or '#': give the value on one line, without comments")
                continue
            }
            guard value != field.value else { continue }
            changes.append(EditedScenarioFile.Change(key: field.key, value: value, was: field.value, wasSetAt: field.setAt))
        }
        guard problems.isEmpty else { throw APIError(.unprocessableContent, problems) }
        let summary = description.flatMap { $0.isEmpty ? nil : $0 }
            ?? "\(scenarioName(basePath)) with " + (changes.isEmpty ? "no changes" : changes.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        return (EditedScenarioFile.text(base: basePath, folder: URL(fileURLWithPath: library.mine), description: summary,
                                        changes: changes), changes)
    }
}
