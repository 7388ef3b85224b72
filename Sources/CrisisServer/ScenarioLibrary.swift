import CrisisScenario
import Foundation

/// The scenarios a planner can open: the shipped library (Scenarios/) and their own folder,
/// each scenario named `library/NAME` or `mine/NAME` after its folder and file.
///
/// Paths are kept as the server was given them (`Scenarios/baseline.yaml`), so problems and
/// results name files the way `validate` and `run` would from the same folder.
struct ScenarioLibrary: Sendable {
    /// Where the shipped scenarios are.
    let library: String
    /// Where the planner's own scenarios are saved; created on the first save.
    let mine: String

    enum Folder: String, CaseIterable, Codable, Sendable {
        case library, mine
    }

    struct Entry: Encodable, Sendable {
        let id: String
        let folder: Folder
        let name: String
        let path: String
        let description: String
        /// Problems loading it (an own file broken by hand), as `validate` prints them.
        let problems: [String]
    }

    func folderPath(_ folder: Folder) -> String {
        switch folder {
        case .library: library
        case .mine: mine
        }
    }

    /// Every scenario file of both folders (top level only: Scenarios/studies/ holds the
    /// validation studies, not planning scenarios), library first, each by name.
    func entries() -> [Entry] {
        Folder.allCases.flatMap { folder -> [Entry] in
            let directory = folderPath(folder)
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
                .filter { $0.hasSuffix(".yaml") && !$0.hasPrefix(".") }.sorted()
            return names.map { file in
                let path = (directory as NSString).appendingPathComponent(file)
                let name = String(file.dropLast(5))
                do throws(ScenarioError) {
                    let loaded = try ScenarioLoader.load(path)
                    return Entry(id: "\(folder.rawValue)/\(name)", folder: folder, name: name, path: path,
                                 description: loaded.summary, problems: [])
                } catch {
                    return Entry(id: "\(folder.rawValue)/\(name)", folder: folder, name: name, path: path, description: "",
                                 problems: error.problems.map(\.description))
                }
            }
        }
    }

    /// The path of scenario `id` (`library/baseline`); a 404 when there is none.
    func path(of id: String) throws -> String {
        let parts = id.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2, let folder = Folder(rawValue: parts[0]), Self.isName(parts[1]) else {
            throw APIError(.notFound, "no scenario '\(id)': scenarios are named library/NAME or mine/NAME")
        }
        let path = (folderPath(folder) as NSString).appendingPathComponent(parts[1] + ".yaml")
        guard FileManager.default.fileExists(atPath: path) else { throw APIError(.notFound, "no scenario '\(id)' (\(path))") }
        return path
    }

    /// The scenario `id`, loaded; its problems as a 422.
    func load(_ id: String) throws -> (path: String, scenario: LoadedScenario) {
        let path = try path(of: id)
        do throws(ScenarioError) {
            return (path, try ScenarioLoader.load(path))
        } catch {
            throw APIError(.unprocessableContent, error.problems.map(\.description))
        }
    }

    /// A name a scenario file may have: letters, digits, `-` and `_`, so that it is one file
    /// in one folder and names its results folder as it is.
    static func isName(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 80 && name.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_"
        }
    }
}
