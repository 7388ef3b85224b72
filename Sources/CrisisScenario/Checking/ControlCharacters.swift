/// Control characters in scenario text: C0 (U+0000 to U+001F) and DEL (U+007F).
///
/// A YAML file cannot hold them raw (libyaml refuses them, and the reader refuses a NUL
/// byte), but a quoted value can write them as escapes (`"\e[2J"`, `"\u0000"`), and so can a
/// `--set`. Names and the description go on to terminals, CSV files and HTML pages, where an
/// escape sequence clears or recolours the planner's screen and a NUL cuts a name short in
/// C libraries and spreadsheets. So no text value may hold one, save newline and tab in
/// prose (the description), and a problem that repeats what was written shows each as an
/// escape, never raw.
enum ControlCharacters {
    /// The range refused, as problems and the reference docs state it.
    static let rangeText = "U+0000 to U+001F, U+007F"

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || scalar.value == 0x7F
    }

    /// Why `text` cannot be a text value, or nil when it can: "expected ..., got ..., which
    /// holds control character U+001B at character 3: ..." with the rule.
    ///
    /// - Parameters:
    ///   - expected: what the value must be (`a non-empty text`).
    ///   - written: how the value was written, as problems repeat it.
    ///   - lineBreaks: whether newline and tab are allowed (prose that runs over lines).
    static func refusal(of text: String, expected: String, written: String, lineBreaks: Bool) -> String? {
        // Counted in Unicode scalars, as libyaml counts columns.
        for (offset, scalar) in text.unicodeScalars.enumerated() where isControl(scalar) {
            if lineBreaks, scalar == "\n" || scalar == "\t" { continue }
            let rule = lineBreaks ? "this text may hold newlines and tabs but no other control character (\(rangeText))"
                : "text in a scenario may not hold control characters (\(rangeText))"
            return "expected \(expected), got \(written), which holds control character \(code(scalar)) at character "
                + "\(offset + 1): \(rule)"
        }
        return nil
    }

    /// `U+001B`.
    static func code(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// The escape that writes a control character in a double-quoted YAML or JSON string:
    /// newline and tab by name, the others as `\u001b`; nil for any other character.
    static func escape(_ scalar: Unicode.Scalar) -> String? {
        switch scalar {
        case "\n": return "\\n"
        case "\t": return "\\t"
        case _ where isControl(scalar):
            let hex = String(scalar.value, radix: 16)
            return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        default: return nil
        }
    }

    /// `text` with every control character as its escape: for messages that repeat what was
    /// written (an unknown key, a value, a path), so a problem is always one plain line.
    static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var shown = ""
        for scalar in text.unicodeScalars {
            if let escape = escape(scalar) { shown += escape } else { shown.unicodeScalars.append(scalar) }
        }
        return shown
    }
}
