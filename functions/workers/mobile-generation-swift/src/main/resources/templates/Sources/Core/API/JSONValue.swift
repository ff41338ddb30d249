import Foundation

/// Any JSON value: what the client decodes where the API does not say what it returns.
public enum JSONValue: Codable, Hashable, Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }

    /// A short text for rows and detail screens.
    public var summary: String {
        switch self {
        case .null: return "—"
        case .bool(let value): return value ? "Yes" : "No"
        case .number(let value): return value.formatted()
        case .string(let value): return value
        case .array(let value): return value.count == 1 ? "1 item" : "\(value.count) items"
        case .object(let value):
            for key in ["name", "title", "label", "id"] {
                if let field = value[key] { return field.summary }
            }
            return value.keys.sorted().joined(separator: ", ")
        }
    }
}

/// Text for any value shown on a screen.
public enum DisplayText {
    /// `nil` as a dash, JSON-encodable values as compact JSON, anything else as Swift describes it.
    public static func describe<T>(_ value: T?) -> String {
        guard let value else { return "—" }
        if let json = value as? JSONValue { return json.summary }
        if let text = value as? CustomStringConvertible { return text.description }
        if let encodable = value as? Encodable, let data = try? JSONEncoder().encode(AnyEncodable(encodable)) {
            return String(decoding: data, as: UTF8.self)
        }
        return String(describing: value)
    }
}

private struct AnyEncodable: Encodable {
    let wrapped: Encodable

    init(_ wrapped: Encodable) {
        self.wrapped = wrapped
    }

    func encode(to encoder: Encoder) throws {
        try wrapped.encode(to: encoder)
    }
}
