import Foundation
import Hummingbird

/// A result or scenario file as a response, typed by its extension; `attachment` makes the
/// browser save it under its own name rather than show it.
enum FileDownload {
    static func response(_ file: URL, attachment: Bool) throws -> Response {
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw APIError(.notFound, "\(file.path) cannot be read")
        }
        var headers: HTTPFields = [.contentType: contentType(file.pathExtension), .cacheControl: "no-store"]
        if attachment { headers[.contentDisposition] = "attachment; filename=\"\(file.lastPathComponent)\"" }
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func contentType(_ pathExtension: String) -> String {
        switch pathExtension.lowercased() {
        case "html": "text/html; charset=utf-8"
        case "csv": "text/csv; charset=utf-8"
        case "yaml": "application/yaml; charset=utf-8"
        case "json": "application/json; charset=utf-8"
        case "svg": "image/svg+xml"
        default: "application/octet-stream"
        }
    }
}
