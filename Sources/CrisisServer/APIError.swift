import Foundation
import Hummingbird

/// A request the desk refuses, with what a planner needs to fix it: a status and the
/// problems, each scenario problem as `validate` prints it (file:line:column: key: message),
/// and those that belong to one setting of the form again by its key, so the page can mark
/// the row.
struct APIError: Error, HTTPResponseError {
    let status: HTTPResponse.Status
    let problems: [String]
    let fields: [FieldProblem]

    init(_ status: HTTPResponse.Status, _ problems: [String], fields: [FieldProblem] = []) {
        self.status = status
        self.problems = problems
        self.fields = fields
    }

    init(_ status: HTTPResponse.Status, _ problem: String) {
        self.init(status, [problem])
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        try JSONBody.response(Body(problems: problems, fields: fields.isEmpty ? nil : fields), status: status)
    }

    private struct Body: Encodable {
        let problems: [String]
        let fields: [FieldProblem]?
    }
}

/// JSON responses, keys in snake_case as the result files have them.
enum JSONBody {
    static func response(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(value)
        return Response(status: status, headers: [.contentType: "application/json; charset=utf-8"],
                        body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// The request's JSON body; a body that is not the JSON expected is a 400 naming what was wrong.
    static func decode<T: Decodable>(_ type: T.Type, from request: Request) async throws -> T {
        var request = request
        let buffer = try await request.collectBody(upTo: 1 << 20)
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        do {
            return try decoder.decode(type, from: Data(buffer: buffer))
        } catch let DecodingError.keyNotFound(key, _) {
            throw APIError(.badRequest, "the request has no '\(key.stringValue)'")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw APIError(.badRequest, "'\(path)' in the request: \(context.debugDescription)")
        } catch {
            throw APIError(.badRequest, "the request body is not JSON")
        }
    }
}
