import ArgumentParser
import CrisisScenario

/// An unknown command word (`crisis-sim fit --help`, `crisis-sim frobnicate`, `crisis-sim help fit`): argument-parser
/// would print the parent's help with status 0 when `--help` follows, so a script could not
/// tell it from success. Checked before parsing, with the nearest real command suggested.
enum CommandNameCheck {
    /// The problem with the command words at the start of `arguments`, or nil when each names
    /// a subcommand (or options begin before any word could).
    static func problem(_ arguments: [String], root: ParsableCommand.Type) -> String? {
        var command = root
        var path = [root._commandName]
        for word in arguments {
            let subcommands = command.configuration.subcommands
            // Options, and the arguments of a command without subcommands, are the parser's.
            guard !subcommands.isEmpty, !word.hasPrefix("-") else { return nil }
            // argument-parser's own `help` command (`crisis-sim help bench bedpool`), at the root
            // only: the words after it name a command from the root, and are checked as such
            // (argument-parser would print the root's help, with status 0, for one it lacks).
            if word == "help" {
                guard path.count == 1 else { return nil }
                continue
            }
            if let next = subcommands.first(where: { $0._commandName == word || $0.configuration.aliases.contains(word) }) {
                command = next
                path.append(word)
                continue
            }
            let names = subcommands.map { $0._commandName }
            let suggestion = Suggestion.closest(to: word, among: names).map { " (did you mean '\($0)'?)" } ?? ""
            let parent = path.joined(separator: " ")
            return "'\(word)' is not a command of \(parent)\(suggestion); the commands are \(names.joined(separator: ", ")) "
                + "(see '\(parent) --help')"
        }
        return nil
    }
}
