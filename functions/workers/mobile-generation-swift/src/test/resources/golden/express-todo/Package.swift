// swift-tools-version:5.10
import PackageDescription

// TodoApiCore: the API client, Codable models, offline store and design system of Todo api, shared by its
// app targets (project.yml) and tested on its own with `swift test`.
let package = Package(
    name: "TodoApiCore",
    defaultLocalization: "en",
    platforms: [.iOS(.v17), .macOS(.v14)],
    products: [
        .library(name: "TodoApiCore", targets: ["TodoApiCore"])
    ],
    targets: [
        .target(
            name: "TodoApiCore",
            path: "Sources/TodoApiCore",
            resources: [.process("Resources")]
        ),
        .testTarget(
            name: "TodoApiCoreTests",
            dependencies: ["TodoApiCore"],
            path: "Tests/TodoApiCoreTests"
        )
    ]
)
