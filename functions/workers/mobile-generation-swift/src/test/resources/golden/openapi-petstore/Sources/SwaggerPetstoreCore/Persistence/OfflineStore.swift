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

/// A saved Pet: its scalar fields as columns (for queries) and the whole value as JSON.
@Model
public final class PetRecord {
    @Attribute(.unique) public var cacheKey: String
    public var position: Int
    public var cachePayload: Data
    public var id: Int?
    public var name: String?
    public var tag: String?

    public init(_ value: Pet, key: String, position: Int) {
        self.cacheKey = key
        self.position = position
        self.cachePayload = (try? JSONEncoder().encode(value)) ?? Data()
        self.id = value.id
        self.name = value.name
        self.tag = value.tag
    }

    public var value: Pet? {
        try? JSONDecoder().decode(Pet.self, from: cachePayload)
    }
}

/// SwiftData storage of the API's entities for offline use.
@MainActor
public final class OfflineStore {
    public let container: ModelContainer

    public init(inMemory: Bool = false) throws {
        container = try ModelContainer(
            for: CachedResponse.self, PetRecord.self,
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

    /// Saves Pet values as rows too, replacing those saved under `key`.
    public func save(_ values: [Pet], under key: String) {
        save(values.map { CodableBox($0) }, under: key)
        let context = container.mainContext
        let prefix = key + "/"
        for old in (try? context.fetch(FetchDescriptor<PetRecord>())) ?? [] where old.cacheKey.hasPrefix(prefix) {
            context.delete(old)
        }
        for (position, value) in values.enumerated() {
            context.insert(PetRecord(value, key: prefix + String(position), position: position))
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
