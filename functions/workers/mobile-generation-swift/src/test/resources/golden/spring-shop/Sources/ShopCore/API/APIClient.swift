import Foundation

/// What can go wrong talking to the API.
public enum APIError: Error, Equatable, LocalizedError {
    case invalidURL(String)
    case status(Int, String)
    case decoding(String)

    public var errorDescription: String? {
        switch self {
        case .invalidURL(let path): return "The address \(path) is not valid."
        case .status(let code, _): return "The server answered with status \(code)."
        case .decoding(let detail): return "The answer could not be read: \(detail)"
        }
    }
}

/// The Shop API over URLSession with async/await: one method per operation of the endpoints found in its code.
public final class APIClient: Sendable {
    public static let defaultBaseURL = URL(string: "https://api.example.com")!
    public let baseURL: URL
    private let session: URLSession
    private let token: String?

    /// - Parameters:
    ///   - baseURL: where the API is served
    ///   - session: the URL session (tests pass one with a stub protocol)
    ///   - token: sent as `Authorization: Bearer <token>` when set
    public init(baseURL: URL = APIClient.defaultBaseURL, session: URLSession = .shared, token: String? = nil) {
        self.baseURL = baseURL
        self.session = session
        self.token = token
    }

    /// Lists the catalogue, optionally filtered by category.
    ///
    /// `GET /api/products`
    public func listProducts(category: String? = nil, limit: Int? = nil) async throws -> [ProductDto] {
        var query: [URLQueryItem] = []
        if let category { query.append(URLQueryItem(name: "category", value: String(describing: category))) }
        if let limit { query.append(URLQueryItem(name: "limit", value: String(describing: limit))) }
        let request = try makeRequest("GET", path: "/api/products", query: query, body: Optional<JSONValue>.none)
        return try await send(request, as: [ProductDto].self)
    }

    /// POST /api/products
    ///
    /// `POST /api/products`
    public func createProduct(body: NewProduct) async throws -> ProductDto {
        var query: [URLQueryItem] = []
        let request = try makeRequest("POST", path: "/api/products", query: query, body: body)
        return try await send(request, as: ProductDto.self)
    }

    /// DELETE /api/products/{productId}
    ///
    /// `DELETE /api/products/{productId}`
    public func deleteProduct(productId: Int) async throws {
        var query: [URLQueryItem] = []
        let request = try makeRequest("DELETE", path: "/api/products/\(Self.segment(productId))", query: query, body: Optional<JSONValue>.none)
        _ = try await perform(request)
    }

    /// GET /api/products/{productId}
    ///
    /// `GET /api/products/{productId}`
    public func getProduct(productId: Int) async throws -> ProductDto {
        var query: [URLQueryItem] = []
        let request = try makeRequest("GET", path: "/api/products/\(Self.segment(productId))", query: query, body: Optional<JSONValue>.none)
        return try await send(request, as: ProductDto.self)
    }

    /// PUT /api/products/{productId}
    ///
    /// `PUT /api/products/{productId}`
    public func updateProduct(productId: Int, body: NewProduct) async throws -> ProductDto {
        var query: [URLQueryItem] = []
        let request = try makeRequest("PUT", path: "/api/products/\(Self.segment(productId))", query: query, body: body)
        return try await send(request, as: ProductDto.self)
    }

    /// POST /api/products/{productId}/restock
    ///
    /// `POST /api/products/{productId}/restock`
    public func restock(productId: Int, quantity: Int) async throws -> ProductDto {
        var query: [URLQueryItem] = []
        query.append(URLQueryItem(name: "quantity", value: String(describing: quantity)))
        let request = try makeRequest("POST", path: "/api/products/\(Self.segment(productId))/restock", query: query, body: Optional<JSONValue>.none)
        return try await send(request, as: ProductDto.self)
    }

    // MARK: - Requests

    /// A path parameter, percent-encoded as one segment.
    static func segment<T>(_ value: T) -> String {
        String(describing: value).addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/"))) ?? ""
    }

    func makeRequest(_ method: String, path: String, query: [URLQueryItem], body: (some Encodable)?) throws -> URLRequest {
        guard var components = URLComponents(url: baseURL.appendingPathComponent(String(path.dropFirst())), resolvingAgainstBaseURL: false) else {
            throw APIError.invalidURL(path)
        }
        if !query.isEmpty {
            components.queryItems = query
        }
        guard let url = components.url else {
            throw APIError.invalidURL(path)
        }
        var request = URLRequest(url: url)
        request.httpMethod = method
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        if let token {
            request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        }
        if let body {
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            request.httpBody = try JSONEncoder().encode(body)
        }
        return request
    }

    private func send<T: Decodable>(_ request: URLRequest, as type: T.Type) async throws -> T {
        let data = try await perform(request)
        do {
            return try JSONDecoder().decode(T.self, from: data.isEmpty ? Data("null".utf8) : data)
        } catch {
            throw APIError.decoding(String(describing: error))
        }
    }

    private func perform(_ request: URLRequest) async throws -> Data {
        let (data, response) = try await session.data(for: request)
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        guard (200..<300).contains(status) else {
            throw APIError.status(status, String(decoding: data, as: UTF8.self))
        }
        return data
    }
}
