import Foundation

/// A scenario's name from its file: the file name without extension, as result folders and
/// tables name it.
public func scenarioName(_ path: String) -> String {
    URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
}
