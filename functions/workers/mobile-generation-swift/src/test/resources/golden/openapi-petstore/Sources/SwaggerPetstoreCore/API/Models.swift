import Foundation

/// `NewPet` in the API.
public struct NewPet: Codable, Hashable, Sendable {
    /// Name
    public var name: String
    /// Tag (bird, cat, dog)
    public var tag: String?

    public init(name: String, tag: String? = nil) {
        self.name = name
        self.tag = tag
    }
}

/// `Pet` in the API.
public struct Pet: Codable, Hashable, Sendable, Identifiable {
    /// Id
    public var id: Int
    /// Name
    public var name: String
    /// Tag
    public var tag: String?

    public init(id: Int, name: String, tag: String? = nil) {
        self.id = id
        self.name = name
        self.tag = tag
    }
}
