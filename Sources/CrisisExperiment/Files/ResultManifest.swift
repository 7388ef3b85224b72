import Foundation
import SimRandom

/// manifest.json: the last file a result folder's writer puts in place, naming every file of
/// the set with its size and checksum and the run they came from. A folder's files belong
/// together exactly when each matches its line here; readers check that before using any of
/// them, so a folder caught half-replaced (a kill between renames) is refused, not misread.
public struct ResultManifest: Codable, Sendable, Equatable {
    public static let fileName = "manifest.json"
    /// Names the file format; bumped when the layout changes.
    public static let formatName = "crisis-sim result manifest 1"

    public var format: String
    public var toolVersion: String
    public var scenario: String
    public var scenarioHash: String
    public var seed: UInt64
    public var generator: String
    public var replications: Int
    public var warmupDays: Double
    public var horizonDays: Double
    /// In the order they were written.
    public var files: [Entry]
    /// Result folders inside this one that belong to the set (a comparison's scenario
    /// folders, base first), each named by its own manifest: `NAME/manifest.json` with that
    /// file's size and checksum. Absent when the set has none.
    public var parts: [Entry]?

    /// One file of the set.
    public struct Entry: Codable, Sendable, Equatable {
        public var name: String
        public var bytes: Int
        /// FNV-1a 64 of the file's bytes, hex.
        public var fnv1a64: String
    }

    init(provenance: RunProvenance, files: [Entry], parts: [Entry]? = nil) {
        format = ResultManifest.formatName
        toolVersion = RunProvenance.toolVersion
        scenario = provenance.scenario
        scenarioHash = provenance.scenarioHash
        seed = provenance.seed
        generator = provenance.generator
        replications = provenance.replications
        warmupDays = provenance.warmupDays
        horizonDays = provenance.horizonDays
        self.files = files
        self.parts = parts
    }

    /// The names of the result folders inside this one that belong to the set, in order.
    public var partFolders: [String] {
        (parts ?? []).map { String($0.name.dropLast(ResultManifest.fileName.count + 1)) }
    }

    /// Whether the set includes `name` (e.g. daily.csv, written only with --daily).
    public func lists(_ name: String) -> Bool { files.contains { $0.name == name } }

    func encoded() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }

    /// The manifest of `folder`, without checking the files against it.
    static func read(_ folder: URL) throws(ResultFolderError) -> ResultManifest {
        let url = folder.appendingPathComponent(fileName)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw ResultFolderError(folder: folder, file: fileName, problem: "is missing, so nothing shows its files come "
                + "from one run (the folder was written before result folders had manifests, or its run was "
                + "interrupted): run it again")
        }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        guard let manifest = try? decoder.decode(ResultManifest.self, from: data) else {
            throw ResultFolderError(folder: folder, file: fileName, problem: "is not a crisis-sim result manifest")
        }
        guard manifest.format == formatName else {
            throw ResultFolderError(folder: folder, file: fileName,
                                    problem: "has format '\(manifest.format)', expected '\(formatName)'")
        }
        return manifest
    }

    /// The manifest of `folder` once every file it lists is there with the size and checksum
    /// it records, and every result folder it includes is itself complete and the one it
    /// recorded: the folder holds one run's complete set.
    ///
    /// - Complexity: reads every listed file once, a megabyte at a time.
    public static func verified(_ folder: URL) throws(ResultFolderError) -> ResultManifest {
        let manifest = try read(folder)
        for entry in manifest.files + (manifest.parts ?? []) {
            let url = folder.appendingPathComponent(entry.name)
            guard let found = checksum(of: url) else {
                throw ResultFolderError(folder: folder, file: entry.name,
                                        problem: "is missing (manifest.json lists it): the folder is incomplete; run again")
            }
            if found.bytes != entry.bytes || found.fnv1a64 != entry.fnv1a64 {
                throw ResultFolderError(folder: folder, file: entry.name, problem: "does not belong with the other files "
                    + "(\(found.bytes) bytes, checksum \(found.fnv1a64); manifest.json lists \(entry.bytes) bytes, "
                    + "checksum \(entry.fnv1a64)): the folder mixes two runs or the file was edited; run again")
            }
        }
        for part in manifest.partFolders { _ = try verified(folder.appendingPathComponent(part)) }
        return manifest
    }

    /// The size and checksum of the file at `url`, nil when it cannot be read.
    static func checksum(of url: URL) -> (bytes: Int, fnv1a64: String)? {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return nil }
        defer { try? handle.close() }
        var hash = FNV1a()
        var bytes = 0
        do {
            // nil (or empty) at the end of the file.
            while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
                bytes += chunk.count
                chunk.withUnsafeBytes { hash.add($0) }
            }
        } catch {
            return nil
        }
        return (bytes, hash.hex)
    }
}

/// A result folder whose files cannot be used together, or whose file cannot be read as its
/// format, naming the folder and the file.
public struct ResultFolderError: Error, CustomStringConvertible, Sendable, Equatable {
    public let folder: String
    /// The file's name within the folder.
    public let file: String
    public let problem: String

    init(folder: URL, file: String, problem: String) {
        self.folder = folder.path
        self.file = file
        self.problem = problem
    }

    public var description: String { "\(folder)/\(file) \(problem)" }
}
