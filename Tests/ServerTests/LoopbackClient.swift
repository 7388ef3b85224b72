import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A plain HTTP/1.1 client over a socket to 127.0.0.1: what a browser sends, with nothing
/// in between, so the tests see the server's real bytes (status, headers, chunked bodies,
/// server-sent events) and can hang up mid-stream as a closed tab does.
final class LoopbackConnection {
    private let descriptor: Int32
    private var buffer = Data()

    init(port: Int) throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            Glibc.close(descriptor)
            throw LoopbackError("cannot connect to 127.0.0.1:\(port): \(String(cString: strerror(errno)))")
        }
    }

    func send(_ method: String, _ path: String, body: String? = nil) {
        var head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
        if let body { head += "Content-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n" }
        let bytes = Array((head + "\r\n" + (body ?? "")).utf8)
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard count > 0 else { return }
            sent += count
        }
    }

    /// Reads until `marker` has arrived and returns everything up to and including it; nil
    /// when the server closed the connection first.
    func read(through marker: String) -> String? {
        let wanted = Data(marker.utf8)
        while true {
            if let range = buffer.range(of: wanted) {
                let text = String(decoding: buffer[..<range.upperBound], as: UTF8.self)
                buffer.removeSubrange(..<range.upperBound)
                return text
            }
            guard readMore() else { return nil }
        }
    }

    /// Everything until the server closes the connection.
    func readToEnd() -> Data {
        while readMore() {}
        defer { buffer = Data() }
        return buffer
    }

    private func readMore() -> Bool {
        var chunk = [UInt8](repeating: 0, count: 65_536)
        let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return false }
        buffer.append(contentsOf: chunk[..<count])
        return true
    }

    func close() { Glibc.close(descriptor) }
}

struct LoopbackError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// A whole response, its body de-chunked.
struct LoopbackResponse {
    let status: Int
    /// Header names in lower case.
    let headers: [String: String]
    let body: Data

    var text: String { String(decoding: body, as: UTF8.self) }

    func json() throws -> [String: Any] {
        guard let object = try JSONSerialization.jsonObject(with: body) as? [String: Any] else {
            throw LoopbackError("not a JSON object: \(text)")
        }
        return object
    }

    /// The `problems` of a refusal.
    func problems() throws -> [String] { try json()["problems"] as? [String] ?? [] }

    static func fetch(port: Int, _ method: String, _ path: String, body: String? = nil) throws -> LoopbackResponse {
        let connection = try LoopbackConnection(port: port)
        defer { connection.close() }
        connection.send(method, path, body: body)
        return try parse(connection.readToEnd())
    }

    static func parse(_ data: Data) throws -> LoopbackResponse {
        guard let end = data.range(of: Data("\r\n\r\n".utf8)) else { throw LoopbackError("no complete response head") }
        let lines = String(decoding: data[..<end.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = lines[0].split(separator: " ")
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else { throw LoopbackError("bad status line \(lines[0])") }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var body = Data(data[end.upperBound...])
        if headers["transfer-encoding"] == "chunked" { body = try dechunk(body) }
        return LoopbackResponse(status: status, headers: headers, body: body)
    }

    private static func dechunk(_ data: Data) throws -> Data {
        var result = Data()
        var rest = data[...]
        while let lineEnd = rest.range(of: Data("\r\n".utf8)) {
            let sizeText = String(decoding: rest[..<lineEnd.lowerBound], as: UTF8.self).split(separator: ";")[0]
            guard let size = Int(sizeText, radix: 16) else { throw LoopbackError("bad chunk size '\(sizeText)'") }
            if size == 0 { return result }
            let start = lineEnd.upperBound
            guard rest.distance(from: start, to: rest.endIndex) >= size + 2 else { throw LoopbackError("truncated chunk") }
            let end = rest.index(start, offsetBy: size)
            result.append(rest[start..<end])
            rest = rest[rest.index(end, offsetBy: 2)...]
        }
        throw LoopbackError("chunked body without its last chunk")
    }
}
