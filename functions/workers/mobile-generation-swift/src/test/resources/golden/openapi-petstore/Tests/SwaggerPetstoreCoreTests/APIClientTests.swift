import XCTest
@testable import SwaggerPetstoreCore

/// Answers every request of a session with what `handler` says, and records the requests.
final class StubURLProtocol: URLProtocol {
    static var handler: ((URLRequest) -> (Int, Data))?
    static var requests: [URLRequest] = []

    override class func canInit(with request: URLRequest) -> Bool {
        true
    }

    override class func canonicalRequest(for request: URLRequest) -> URLRequest {
        request
    }

    override func startLoading() {
        Self.requests.append(request)
        let (status, data) = Self.handler?(request) ?? (500, Data())
        let response = HTTPURLResponse(url: request.url!, statusCode: status, httpVersion: "HTTP/1.1", headerFields: ["Content-Type": "application/json"])!
        client?.urlProtocol(self, didReceive: response, cacheStoragePolicy: .notAllowed)
        client?.urlProtocol(self, didLoad: data)
        client?.urlProtocolDidFinishLoading(self)
    }

    override func stopLoading() {}
}

final class APIClientTests: XCTestCase {
    private func makeClient(status: Int = 200, answer: String) -> APIClient {
        StubURLProtocol.requests = []
        StubURLProtocol.handler = { _ in (status, Data(answer.utf8)) }
        let configuration = URLSessionConfiguration.ephemeral
        configuration.protocolClasses = [StubURLProtocol.self]
        return APIClient(baseURL: URL(string: "https://api.test/base")!, session: URLSession(configuration: configuration), token: "t0ken")
    }

    func testListPetsSendsItsRequest() async throws {
        let api = makeClient(answer: "[{\"id\": 1, \"name\": \"sample\", \"tag\": \"sample\"}]")
        let result = try await api.listPets()
        let request = try XCTUnwrap(StubURLProtocol.requests.first)
        XCTAssertEqual(request.httpMethod, "GET")
        XCTAssertEqual(request.url?.path, "/base/v1/pets")
        XCTAssertEqual(request.value(forHTTPHeaderField: "Authorization"), "Bearer t0ken")
        XCTAssertEqual(result.count, 1)
    }

    func testShowPetByIdSendsItsRequest() async throws {
        let api = makeClient(answer: "{\"id\": 1, \"name\": \"sample\", \"tag\": \"sample\"}")
        _ = try await api.showPetById(petId: "1")
        let request = try XCTUnwrap(StubURLProtocol.requests.first)
        XCTAssertEqual(request.httpMethod, "GET")
        XCTAssertEqual(request.url?.path, "/base/v1/pets/1")
        XCTAssertEqual(request.value(forHTTPHeaderField: "Authorization"), "Bearer t0ken")
    }

    func testAnErrorStatusThrowsWithTheStatus() async {
        let api = makeClient(status: 404, answer: "{}")
        do {
            _ = try await api.listPets()
            XCTFail("expected an error")
        } catch let error as APIError {
            guard case .status(let status, _) = error else { return XCTFail("unexpected \(error)") }
            XCTAssertEqual(status, 404)
        } catch {
            XCTFail("unexpected \(error)")
        }
    }
}
