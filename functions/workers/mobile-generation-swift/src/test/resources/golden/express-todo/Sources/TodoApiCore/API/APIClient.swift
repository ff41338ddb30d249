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

/// The Todo api API over URLSession with async/await: one method per operation of the endpoints found in its code.
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

    /// GET /todos
    ///
    /// `GET /todos`
    public func getTodos() async throws -> [JSONValue] {
        var query: [URLQueryItem] = []
        let request = try makeRequest("GET", path: "/todos", query: query, body: Optional<JSONValue>.none)
        return try await send(request, as: [JSONValue].self)
    }

    /// POST /todos
    ///
    /// `POST /todos`
    public func postTodos() async throws {
        var query: [URLQueryItem] = []
        let request = try makeRequest("POST", path: "/todos", query: query, body: Optional<JSONValue>.none)
        _ = try await perform(request)
    }

    /// DELETE /todos/{id}
    ///
    /// `DELETE /todos/{id}`
    public func deleteTodosById(id: String) async throws {
        var query: [URLQueryItem] = []
        let request = try makeRequest("DELETE", path: "/todos/\(Self.segment(id))", query: query, body: Optional<JSONValue>.none)
        _ = try await perform(request)
    }

    /// GET /todos/{id}
    ///
    /// `GET /todos/{id}`
    public func getTodosById(id: String) async throws -> JSONValue {
        var query: [URLQueryItem] = []
        let request = try makeRequest("GET", path: "/todos/\(Self.segment(id))", query: query, body: Optional<JSONValue>.none)
        return try await send(request, as: JSONValue.self)
    }

    /// PATCH /todos/{id}
    ///
    /// `PATCH /todos/{id}`
    public func patchTodosById(id: String) async throws {
        var query: [URLQueryItem] = []
        let request = try makeRequest("PATCH", path: "/todos/\(Self.segment(id))", query: query, body: Optional<JSONValue>.none)
        _ = try await perform(request)
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
