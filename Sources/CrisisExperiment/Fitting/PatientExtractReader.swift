import CrisisModel
import Foundation

/// Reads patient extracts in the layout of docs/DATA.md (a trust's own, or `run --patients`):
/// every row either becomes an `ExtractEpisode` or an `ExtractProblem` naming its line and
/// column. A file that could identify people (an NHS number, a name, a column such as
/// `date_of_birth`) is refused whole: only pseudonymous data belongs in a fit.
public enum PatientExtractReader {
    public typealias Column = PatientExtract.Column

    /// The columns an extract must have: without them there is nothing to fit.
    public static let requiredColumns: [Column] = [.personId, .source, .presentedAt, .admittedAt, .dischargedAt]

    /// Column names that hold identifying data, refused whatever they contain.
    static let identifyingColumns: Set<String> = [
        "nhs_number", "nhs_no", "nhsnumber", "name", "full_name", "forename", "forenames", "first_name", "given_name",
        "surname", "last_name", "family_name", "date_of_birth", "dob", "birth_date", "postcode", "post_code", "address",
    ]

    /// What the extracts held: the usable episodes and the rows that were not.
    public struct Contents: Sendable {
        public var episodes: [ExtractEpisode] = []
        public var problems: [ExtractProblem] = []
        /// Data rows read, usable or not.
        public var rows = 0
        /// Columns present in every file (an estimate needing a column uses only files that have it).
        public var columns: Set<Column> = Set(Column.allCases)
    }

    /// Reads every file into one set of episodes.
    ///
    /// - Throws: `ExtractRefused` for a file that cannot be read, lacks a required column or
    ///   holds identifying data.
    public static func read(_ paths: [String]) throws -> Contents {
        var contents = Contents()
        for path in paths {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw ExtractRefused(file: path, reason: "cannot be read (no such file, or no permission)")
            }
            try read(text: String(decoding: data, as: UTF8.self), file: path, into: &contents)
        }
        return contents
    }

    static func read(text: String, file: String, into contents: inout Contents) throws {
        var records = CSV.records(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text)
        guard !records.isEmpty else { throw ExtractRefused(file: file, reason: "is empty: expected a header line") }
        let header = records.removeFirst().map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        if let identifying = header.first(where: identifyingColumns.contains) {
            throw ExtractRefused(file: file, reason: "has a column '\(identifying)', which identifies people: remove it "
                + "and keep only a pseudonymous person_id (docs/DATA.md)")
        }
        var index: [Column: Int] = [:]
        for column in Column.allCases { index[column] = header.firstIndex(of: column.rawValue) }
        let missing = requiredColumns.filter { index[$0] == nil }
        guard missing.isEmpty else {
            throw ExtractRefused(file: file, reason: "has no column " + missing.map { "'\($0.rawValue)'" }.joined(separator: ", ")
                + "; the layout is in docs/DATA.md (header found: \(header.joined(separator: ",")))")
        }
        contents.columns.formIntersection(index.keys)
        for (offset, record) in records.enumerated() {
            let line = offset + 2
            if record.count == 1 && record[0].isEmpty { continue }  // a blank line
            contents.rows += 1
            if let person = index[.personId].map({ record.indices.contains($0) ? record[$0] : "" }),
               let why = identifyingPersonId(person) {
                throw ExtractRefused(file: file, reason: "line \(line): person_id '\(person)' \(why): only pseudonymous "
                    + "data belongs here; replace it with a pseudonym (docs/DATA.md)")
            }
            guard record.count == header.count else {
                contents.problems.append(ExtractProblem(file: file, line: line, column: "",
                                                        problem: "has \(record.count) fields, the header \(header.count)"))
                continue
            }
            var row = RowParser(file: file, line: line, record: record, index: index)
            if let episode = row.episode() {
                contents.episodes.append(episode)
            } else {
                contents.problems.append(contentsOf: row.problems)
            }
        }
    }

    /// Why `person` looks like it identifies someone (nil when it does not): an NHS number
    /// (ten digits whose last is the modulus 11 check digit of the first nine, as the NHS Data
    /// Dictionary defines it), or words like a name.
    static func identifyingPersonId(_ person: String) -> String? {
        let digits = person.filter { $0 != " " && $0 != "-" }
        if digits.count == 10, digits.allSatisfy(\.isASCIIDigit) {
            let values = digits.compactMap(\.wholeNumberValue)
            let sum = zip(values.prefix(9), (2...10).reversed()).reduce(0) { $0 + $1.0 * $1.1 }
            let check = 11 - sum % 11
            if (check == 11 ? 0 : check) == values[9] { return "looks like an NHS number" }
        }
        let words = person.split(separator: " ")
        if words.count >= 2, words.allSatisfy({ $0.allSatisfy(\.isLetter) && $0.first?.isUppercase == true }) {
            return "looks like a name"
        }
        return nil
    }
}

/// An extract that cannot be read at all, naming the file and what to do.
public struct ExtractRefused: Error, Sendable, CustomStringConvertible {
    public let file: String
    public let reason: String
    public var description: String { "\(file): \(reason)" }
}

private extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

/// One row's fields, checked: each problem names its column; a row with any is not used.
private struct RowParser {
    typealias Column = PatientExtract.Column
    let file: String
    let line: Int
    let record: [String]
    let index: [Column: Int]
    var problems: [ExtractProblem] = []

    init(file: String, line: Int, record: [String], index: [Column: Int]) {
        self.file = file
        self.line = line
        self.record = record
        self.index = index
    }

    func cell(_ column: Column) -> String? {
        guard let i = index[column] else { return nil }
        let text = record[i].trimmingCharacters(in: .whitespaces)
        return text.isEmpty ? nil : text
    }

    mutating func fail(_ column: Column, _ problem: String) {
        problems.append(ExtractProblem(file: file, line: line, column: column.rawValue, problem: problem))
    }

    mutating func time(_ column: Column) -> Double? {
        guard let text = cell(column) else { return nil }
        guard let hours = ExtractCalendar.hours(Substring(text)) else {
            fail(column, "'\(text)' is not a date-time (expected YYYY-MM-DD HH:MM)")
            return nil
        }
        return hours
    }

    mutating func choice<T>(_ column: Column, _ options: [String: T]) -> T? {
        guard let text = cell(column) else { return nil }
        guard let value = options[text.lowercased()] else {
            fail(column, "'\(text)' is not one of " + options.keys.sorted().joined(separator: ", "))
            return nil
        }
        return value
    }

    mutating func episode() -> ExtractEpisode? {
        var replication = 0
        if let text = cell(.replication) {
            if let value = Int(text), value >= 0 { replication = value } else { fail(.replication, "'\(text)' is not a whole number") }
        }
        let sources = Dictionary(uniqueKeysWithValues: Source.allCases.map { ($0.name, $0) })
        let source = choice(.source, sources)
        if cell(.source) == nil { fail(.source, "is empty") }
        guard let person = cell(.personId) else {
            fail(.personId, "is empty")
            return nil
        }
        let presented = time(.presentedAt), decision = time(.decisionToAdmitAt), admitted = time(.admittedAt)
        let discharged = time(.dischargedAt), repatriated = time(.repatriatedAt), delayed = time(.delayedDischargeFrom)
        let ended = time(.endedAt)
        let endedFrom = choice(.endedFrom, Dictionary(uniqueKeysWithValues: [EpisodeEnd.bed, .homeTreatment, .crisisHouse,
                                                                              .assessment].map { ($0.name, $0.name) }))
        let detained = choice(.legalStatus, ["detained": true, "informal": false])
        let gatekept = choice(.gatekept, ["yes": true, "no": false])
        var placement = choice(.placement, ["local": Placement.local, "network": .network, "out_of_area": .outOfArea])
        if placement == nil, admitted != nil, cell(.placement) == nil, index[.placement] == nil { placement = .local }
        // The order of events: a row that contradicts itself cannot be used for any estimate.
        func before(_ earlier: Double?, _ a: Column, _ later: Double?, _ b: Column) {
            if let earlier, let later, later < earlier {
                fail(b, "\(ExtractCalendar.dateTime(later)) is before \(a.rawValue) \(ExtractCalendar.dateTime(earlier))")
            }
        }
        before(presented, .presentedAt, decision, .decisionToAdmitAt)
        before(decision, .decisionToAdmitAt, admitted, .admittedAt)
        before(admitted, .admittedAt, discharged, .dischargedAt)
        before(admitted, .admittedAt, repatriated, .repatriatedAt)
        before(admitted, .admittedAt, delayed, .delayedDischargeFrom)
        before(delayed, .delayedDischargeFrom, discharged, .dischargedAt)
        if admitted == nil {
            if discharged != nil { fail(.dischargedAt, "is set but admitted_at is empty") }
            if let place = placement, place != .none, cell(.placement) != nil {
                fail(.placement, "is '\(cell(.placement)!)' but admitted_at is empty")
            }
        } else if placement == nil, problems.isEmpty {
            fail(.placement, "is empty but admitted_at is set")
        }
        if repatriated != nil, placement != .outOfArea { fail(.repatriatedAt, "is set but placement is not out_of_area") }
        guard problems.isEmpty, let source else { return nil }
        return ExtractEpisode(
            file: file, line: line, replication: replication, person: person, area: cell(.area), source: source,
            cohort: cell(.cohort), wardType: cell(.wardType), presentedAt: presented, decisionToAdmitAt: decision,
            admittedAt: admitted, dischargedAt: discharged, detained: decision != nil || admitted != nil ? detained : nil,
            gatekept: gatekept, placement: admitted == nil ? .none : (placement ?? .local), repatriatedAt: repatriated,
            delayedDischargeFrom: delayed, endedAt: ended, endedFrom: endedFrom)
    }
}
