import Foundation

/// `NewProduct` in the API.
public struct NewProduct: Codable, Hashable, Sendable {
    /// Name
    public var name: String
    /// Category
    public var category: String?
    /// Price
    public var price: Double
    /// Kind (BOOKS, GAMES, TOOLS)
    public var kind: String?

    public init(name: String, category: String? = nil, price: Double, kind: String? = nil) {
        self.name = name
        self.category = category
        self.price = price
        self.kind = kind
    }
}

/// `ProductDto` in the API.
public struct ProductDto: Codable, Hashable, Sendable, Identifiable {
    /// Id
    public var id: Int
    /// Name
    public var name: String?
    /// Category
    public var category: String?
    /// Price
    public var price: Double
    /// Stock
    public var stock: Int

    public init(id: Int, name: String? = nil, category: String? = nil, price: Double, stock: Int) {
        self.id = id
        self.name = name
        self.category = category
        self.price = price
        self.stock = stock
    }
}
