import Foundation
import SwiftData

/// The last answer of each list, kept so a screen shows saved data without a network.
@Model
public final class CachedResponse {
    @Attribute(.unique) public var key: String
    public var payload: Data

    public init(key: String, payload: Data) {
        self.key = key
        self.payload = payload
    }
}

/// SwiftData storage of the API's entities for offline use.
@MainActor
public final class OfflineStore {
    public let container: ModelContainer

    public init(inMemory: Bool = false) throws {
        container = try ModelContainer(
            for: CachedResponse.self,
            configurations: ModelConfiguration(isStoredInMemoryOnly: inMemory)
        )
    }

    /// Saves a list's answer under `key`.
    public func save<T: Encodable>(_ values: [T], under key: String) {
        let context = container.mainContext
        let payload = (try? JSONEncoder().encode(values)) ?? Data()
        if let cached = cachedResponse(key) {
            cached.payload = payload
        } else {
            context.insert(CachedResponse(key: key, payload: payload))
        }
        try? context.save()
    }

    /// The list saved under `key`, if any.
    public func load<T: Decodable>(_ type: T.Type, under key: String) -> [T]? {
        guard let cached = cachedResponse(key) else { return nil }
        return try? JSONDecoder().decode([T].self, from: cached.payload)
    }

    private func cachedResponse(_ key: String) -> CachedResponse? {
        let all = (try? container.mainContext.fetch(FetchDescriptor<CachedResponse>())) ?? []
        return all.first { $0.key == key }
    }
}

/// Wraps a value so the generic `save` stores it as it is.
struct CodableBox<T: Encodable>: Encodable {
    let value: T

    init(_ value: T) {
        self.value = value
    }

    func encode(to encoder: Encoder) throws {
        try value.encode(to: encoder)
    }
}
