import Foundation

/// Why a result file or folder could not be written, said in terms of the path the user gave
/// (which part of it is a file, where permission is missing) rather than as a Foundation
/// error dump, so the fix is plain: another --output, a folder removed, space freed.
public struct OutputPathError: Error, CustomStringConvertible, Equatable {
    /// The file or folder that could not be written.
    public let path: String
    /// What is wrong, e.g. "results/base is a file, not a folder".
    public let reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    /// The failure of a system call on `path`, from its `errno`.
    public init(path: String, errno code: Int32) {
        self.path = path
        switch code {
        case ENOTDIR, EEXIST:
            // A file stands where a folder is needed: name it. (EEXIST comes from mkdir over a file.)
            if let file = Self.fileInTheWay(of: path) {
                reason = file == path ? "it is a file, not a folder" : "\(file) is a file, not a folder"
            } else {
                reason = "part of the path is a file, not a folder"
            }
        case EACCES, EPERM:
            reason = "no permission to write in \(Self.nearestExistingFolder(of: path))"
        case EROFS:
            reason = "the file system is read-only"
        case ENOSPC, EDQUOT:
            reason = "the disk is full (or the disk quota is used up): free space or choose another --output"
        case ENOENT:
            let parent = (path as NSString).deletingLastPathComponent
            reason = FileManager.default.fileExists(atPath: parent)
                ? "nothing can be created in \(parent)"  // /proc, say
                : "the folder \(parent) does not exist (was it removed while running?)"
        case EISDIR:
            reason = "a folder of that name is in the way"
        case ENAMETOOLONG:
            reason = "the name is too long"
        default:
            reason = String(cString: strerror(code))
        }
    }

    public var description: String { "cannot write \(path): \(reason)" }

    /// The first ancestor of `path` (or `path` itself) that exists and is not a folder.
    static func fileInTheWay(of path: String) -> String? {
        var isFolder: ObjCBool = false
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/") {
            prefix += (prefix.isEmpty || prefix.hasSuffix("/") ? "" : "/") + component
            guard FileManager.default.fileExists(atPath: prefix, isDirectory: &isFolder) else { return nil }
            if !isFolder.boolValue { return prefix }
        }
        return nil
    }

    /// The deepest folder on the way to `path` that exists: where permission is lacking.
    static func nearestExistingFolder(of path: String) -> String {
        var candidate = path
        var isFolder: ObjCBool = false
        while !candidate.isEmpty, candidate != "/" {
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isFolder), isFolder.boolValue { return candidate }
            let parent = (candidate as NSString).deletingLastPathComponent
            if parent == candidate { break }
            candidate = parent
        }
        return candidate.isEmpty ? "." : candidate
    }
}
