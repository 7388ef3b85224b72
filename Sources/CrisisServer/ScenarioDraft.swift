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
        /// A scenario of this name exists already: saving never overwrites one (it may be
        /// behind results), so the draft needs another name before it can be saved.
        let nameTaken: Bool
    }

    struct Change: Encodable, Sendable {
        let key: String
        let value: String
        let was: String
    }

    /// The draft as the file it would be saved as, checked by the loader exactly as
    /// `crisis-sim validate` checks a file: a 422 with every problem, named by the new file's
    /// path, line and key, when the scenario could not run. Keys are named as the form names
    /// them (`areas.Northshire.beds`), and each problem of a setting the form shows is given
    /// again by its key, for the page to mark the row.
    func check(in library: ScenarioLibrary) throws -> Checked {
        try check(in: library, saving: false)
    }

    private func check(in library: ScenarioLibrary, saving: Bool) throws -> Checked {
        let draft = try file(in: library, saving: saving)
        let path = (library.mine as NSString).appendingPathComponent(name + ".yaml")
        try AtomicFile.createFolder(URL(fileURLWithPath: library.mine))
        // Written beside where it will be saved, so `extends` resolves as it will there, under
        // a hidden name of its own, so a check never touches a saved file or another check.
        let trial = (library.mine as NSString).appendingPathComponent(".check-\(UUID().uuidString)-\(name).yaml")
        try AtomicFile.write(draft.text, to: URL(fileURLWithPath: trial))
        defer { try? FileManager.default.removeItem(atPath: trial) }
        do throws(ScenarioError) {
            _ = try ScenarioLoader.load(trial)
        } catch {
            var problems: [String] = []
            var fields: [FieldProblem] = []
            for problem in error.problems {
                let key = FieldProblem.formKey(of: problem, base: draft.base)
                let named = ScenarioProblem(location: problem.location, keyPath: key, message: problem.message)
                problems.append(named.description.replacingOccurrences(of: trial, with: path))
                guard let field = FieldProblem.field(of: key, in: draft.fields) else { continue }
                // Beside a distribution's row, a problem with one of its parameters names it.
                let inside = key == field ? "" : String(key.dropFirst(field.count + 1)) + ": "
                fields.append(FieldProblem(key: field, message: inside + problem.message.replacingOccurrences(of: trial, with: path)))
            }
            throw APIError(.unprocessableContent, problems, fields: fields)
        }
        return Checked(id: "mine/\(name)", path: path, yaml: draft.text,
                       changes: draft.changes.map { Change(key: $0.key, value: $0.value, was: $0.was) },
                       nameTaken: FileManager.default.fileExists(atPath: path))
    }

    /// Writes the checked draft as `mine/NAME`. A 422 when it changes nothing (the file would
    /// only extend the base: a copy of it under another name), and a 409 when a scenario of
    /// that name exists (a saved scenario may be behind results already: a new name keeps both).
    func save(in library: ScenarioLibrary) throws -> Checked {
        let checked = try check(in: library, saving: true)
        guard !checked.nameTaken else {
            throw APIError(.conflict, "\(checked.path) exists already: give the new scenario another name")
        }
        try AtomicFile.write(checked.yaml, to: URL(fileURLWithPath: checked.path))
        return checked
    }

    /// The file's text and what it changes, with the base and its form: extends the base and
    /// sets only the values that differ from it. When `saving`, a draft that changes nothing
    /// is refused as that before its name is looked at: the page leaves the name empty until
    /// something changes, and "use letters" would send the planner to the wrong box.
    private func file(in library: ScenarioLibrary, saving: Bool) throws
        -> (text: String, changes: [EditedScenarioFile.Change], base: LoadedScenario, fields: [ScenarioFormField]) {
        let (basePath, base) = try library.load(self.base)
        let fields = ScenarioSchema.formFields(of: base)
        let known = Set(fields.map(\.key))
        var problems = values.keys.sorted().filter { !known.contains($0) }.map { "\($0): not a setting the form edits in \(self.base)" }
        var fieldProblems: [FieldProblem] = []
        var changes: [EditedScenarioFile.Change] = []
        // In the schema's order, as the form shows them.
        for field in fields {
            guard let typed = values[field.key] else { continue }
            let value = typed.trimmingCharacters(in: .whitespaces)
            // The value is written into the file as typed: one line, and no comment that
            // would hide part of it.
            guard !value.contains(where: { $0.isNewline || $0 == "#" }) else {
                let message = "'\(typed)' holds a line break or '#': give the value on one line, without comments"
                problems.append("\(field.key): \(message)")
                fieldProblems.append(FieldProblem(key: field.key, message: message))
                continue
            }
            guard value != field.value else { continue }
            changes.append(EditedScenarioFile.Change(key: field.key, value: value, was: field.value, wasSetAt: field.setAt))
        }
        guard problems.isEmpty else { throw APIError(.unprocessableContent, problems, fields: fieldProblems) }
        if saving, changes.isEmpty {
            throw APIError(.unprocessableContent, "nothing to save: every value is the one \(self.base) has; "
                + "change a setting first (a file that changes nothing would be a copy of \(self.base))")
        }
        guard ScenarioLibrary.isName(name) else {
            throw APIError(.unprocessableContent, "name '\(name)': use letters, digits, - and _ only (it names the file and its results)")
        }
        let summary = description.flatMap { $0.isEmpty ? nil : $0 }
            ?? "\(scenarioName(basePath)) with " + (changes.isEmpty ? "no changes" : changes.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        let text = EditedScenarioFile.text(base: basePath, folder: URL(fileURLWithPath: library.mine), description: summary,
                                           changes: changes)
        return (text, changes, base, fields)
    }
}
