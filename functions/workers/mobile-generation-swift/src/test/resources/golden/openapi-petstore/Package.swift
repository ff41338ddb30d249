// swift-tools-version:5.10
import PackageDescription

// SwaggerPetstoreCore: the API client, Codable models, offline store and design system of Swagger Petstore, shared by its
// app targets (project.yml) and tested on its own with `swift test`.
let package = Package(
    name: "SwaggerPetstoreCore",
    defaultLocalization: "en",
    platforms: [.iOS(.v17), .macOS(.v14)],
    products: [
        .library(name: "SwaggerPetstoreCore", targets: ["SwaggerPetstoreCore"])
    ],
    targets: [
        .target(
            name: "SwaggerPetstoreCore",
            path: "Sources/SwaggerPetstoreCore",
            resources: [.process("Resources")]
        ),
        .testTarget(
            name: "SwaggerPetstoreCoreTests",
            dependencies: ["SwaggerPetstoreCore"],
            path: "Tests/SwaggerPetstoreCoreTests"
        )
    ]
)
