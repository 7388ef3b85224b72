extension ScenarioSchema {
    /// The scenario format as a JSON Schema (draft 2020-12), for editors that check YAML as
    /// it is typed. Generated from the schema table into docs/scenario.schema.json.
    ///
    /// A file with `extends` need not give required keys (its base does), so the schema has a
    /// complete form and a partial one; lists, distributions and splits are replaced whole
    /// when merging, so inside them required keys stay required either way. Rules JSON
    /// Schema cannot state (shares summing to 1, area references, non-negative draws) are in
    /// the descriptions and enforced by `crisis-sim validate`.
    public static func jsonSchema() -> String {
        let schema: JSON = .object([
            ("$schema", .string("https://json-schema.org/draft/2020-12/schema")),
            ("title", .string("crisis-sim scenario")),
            ("description", .string("Generated from Sources/CrisisScenario/Schema/ScenarioSchema.swift; do not edit. "
                + "See docs/SCENARIOS.md.")),
            ("type", .string("object")),
            ("if", .object([("required", .array([.string("extends")]))])),
            ("then", .object([("$ref", .string("#/$defs/partial"))])),
            ("else", .object([("$ref", .string("#/$defs/complete"))])),
            ("$defs", .object([
                ("complete", .object(record(root, requireKeys: true))),
                ("partial", .object(record(root, requireKeys: false))),
                ("distribution", distributionSchema()),
            ])),
        ])
        return schema.text(indent: 0) + "\n"
    }

    private static func record(_ entries: [SchemaEntry], requireKeys: Bool) -> [(String, JSON)] {
        var members: [(String, JSON)] = [("type", .string("object"))]
        members.append(("properties", .object(entries.map { ($0.key, property($0, requireKeys: requireKeys)) })))
        let required = entries.filter { if case .required = $0.presence { true } else { false } }.map(\.key)
        if requireKeys && !required.isEmpty { members.append(("required", .array(required.map(JSON.string)))) }
        members.append(("additionalProperties", .bool(false)))
        return members
    }

    private static func property(_ entry: SchemaEntry, requireKeys: Bool) -> JSON {
        var description = entry.meaning
        if let unit = entry.unit { description += " (\(unit))" }
        switch entry.presence {
        case .required: break
        case .defaulted: break
        case .optional(let whenAbsent): description += ". When absent: \(whenAbsent)"
        }
        // Markdown code spans read as plain quotes in a JSON description.
        description = String(description.map { $0 == "`" ? "'" : $0 })
        var members = type(entry.type, requireKeys: requireKeys)
        members.insert(("description", .string(description)), at: 0)
        if case .defaulted(let value) = entry.presence { members.append(("default", json(value))) }
        return .object(members)
    }

    private static func type(_ type: SchemaType, requireKeys: Bool) -> [(String, JSON)] {
        switch type {
        case .integer(let range):
            return [("type", .string("integer")), ("minimum", .integer(range.lowerBound)),
                    ("maximum", .integer(range.upperBound))]
        case .number(let range):
            var members: [(String, JSON)] = [("type", .string("number"))]
            members.append((range.lowerIncluded ? "minimum" : "exclusiveMinimum", .number(range.lower)))
            members.append((range.upperIncluded ? "maximum" : "exclusiveMaximum", .number(range.upper)))
            return members
        case .probability:
            return [("type", .string("number")), ("minimum", .integer(0)), ("maximum", .integer(1))]
        case .boolean:
            return [("type", .string("boolean"))]
        case .text, .reference, .path:
            return [("type", .string("string")), ("minLength", .integer(1)),
                    ("pattern", .string("^[^\\u0000-\\u001f\\u007f]*$"))]
        case .prose:
            // Newline (U+000A) and tab (U+0009) are the control characters prose may hold.
            return [("type", .string("string")), ("minLength", .integer(1)),
                    ("pattern", .string("^[^\\u0000-\\u0008\\u000b-\\u001f\\u007f]*$"))]
        case .choice(let words):
            return [("enum", .array(words.map(JSON.string)))]
        case .distribution:
            return [("$ref", .string("#/$defs/distribution"))]
        case .split(let parts):
            let share = JSON.object([("type", .string("number")), ("minimum", .integer(0)), ("maximum", .integer(1))])
            return [("type", .string("object")), ("properties", .object(parts.map { ($0, share) })),
                    ("required", .array(parts.map(JSON.string))), ("additionalProperties", .bool(false))]
        case .weights(let count, _):
            return [
                ("type", .string("array")),
                ("items", .object([("type", .string("number")), ("minimum", .integer(0))])),
                ("anyOf", .array([.object([("maxItems", .integer(0))]),
                                  .object([("minItems", .integer(count)), ("maxItems", .integer(count))])])),
            ]
        case .list(let item, let rules):
            // A list is replaced whole when merging, so its items are always complete.
            var members: [(String, JSON)] = [("type", .string("array")),
                                             ("items", .object(self.type(item, requireKeys: true)))]
            if rules.minimumCount > 0 { members.append(("minItems", .integer(rules.minimumCount))) }
            if rules.uniqueItems { members.append(("uniqueItems", .bool(true))) }
            return members
        case .record(let entries):
            return record(entries, requireKeys: requireKeys)
        case .assignments:
            return [("type", .string("object"))]
        }
    }

    /// One alternative per type and parameter set; `additionalProperties: false` makes them
    /// exclusive, so `oneOf` picks exactly the form written.
    private static func distributionSchema() -> JSON {
        var alternatives: [JSON] = []
        for form in DistributionForm.all {
            for set in form.parameterSets {
                var properties: [(String, JSON)] = [("type", .object([("const", .string(form.type))]))]
                for key in set {
                    properties.append((key, key == "values"
                        ? .object([("type", .string("array")), ("items", .object([("type", .string("number"))])),
                                   ("minItems", .integer(1))])
                        : .object([("type", .string("number"))])))
                }
                alternatives.append(.object([
                    ("properties", .object(properties)),
                    ("required", .array((["type"] + set).map(JSON.string))),
                    ("additionalProperties", .bool(false)),
                ]))
            }
        }
        return .object([
            ("description", .string("A duration in the unit of the key holding it; draws are never negative, and "
                + "the coefficient of variation is at most \(SchemaType.maximumCoefficientOfVariation.text). "
                + "See Distributions in docs/SCENARIOS.md.")),
            ("type", .string("object")),
            ("oneOf", .array(alternatives)),
        ])
    }

    private static func json(_ value: ScenarioValue) -> JSON {
        switch value {
        case .integer(let integer): return .integer(integer)
        case .number(let number): return .number(number)
        case .boolean(let boolean): return .bool(boolean)
        case .text(let text): return .string(text)
        case .list(let items): return .array(items.map(json))
        case .record(let fields): return .object(fields.map { ($0.key, json($0.value)) })
        case .distribution(let distribution):
            return .object([("type", .string(distribution.type))] + distribution.parameters.map { ($0.key, json($0.value)) })
        }
    }

    /// JSON with members in the order given, so the generated file diffs cleanly.
    private indirect enum JSON {
        case object([(String, JSON)])
        case array([JSON])
        case string(String)
        case number(Double)
        case integer(Int)
        case bool(Bool)

        func text(indent: Int) -> String {
            let pad = String(repeating: "  ", count: indent + 1)
            let close = String(repeating: "  ", count: indent)
            switch self {
            case .object(let members):
                if members.isEmpty { return "{}" }
                let lines = members.map { "\(pad)\(JSON.string($0.0).text(indent: 0)): \($0.1.text(indent: indent + 1))" }
                return "{\n" + lines.joined(separator: ",\n") + "\n\(close)}"
            case .array(let items):
                if items.isEmpty { return "[]" }
                if items.allSatisfy({ if case .string = $0 { true } else { false } }) {
                    return "[" + items.map { $0.text(indent: 0) }.joined(separator: ", ") + "]"
                }
                return "[\n" + items.map { pad + $0.text(indent: indent + 1) }.joined(separator: ",\n") + "\n\(close)]"
            case .string(let string):
                return QuotedString.quoted(string)
            case .number(let number): return NumberRange.format(number)
            case .integer(let integer): return String(integer)
            case .bool(let bool): return bool ? "true" : "false"
            }
        }
    }
}
