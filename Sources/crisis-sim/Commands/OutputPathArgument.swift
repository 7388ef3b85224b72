import ArgumentParser

/// `--output`, for `@Option(transform:)` in every command that has it: an empty path names
/// nothing, and Foundation would take it for the current folder and write the results there.
func outputPathArgument(_ text: String) throws -> String {
    guard !text.allSatisfy(\.isWhitespace) else {
        throw ValidationError("must not be empty: give the folder or file to write")
    }
    return text
}
