// swift-tools-version:5.10
import PackageDescription

// ShopCore: the API client, Codable models, offline store and design system of Shop, shared by its
// app targets (project.yml) and tested on its own with `swift test`.
let package = Package(
    name: "ShopCore",
    defaultLocalization: "en",
    platforms: [.iOS(.v17), .macOS(.v14)],
    products: [
        .library(name: "ShopCore", targets: ["ShopCore"])
    ],
    targets: [
        .target(
            name: "ShopCore",
            path: "Sources/ShopCore",
            resources: [.process("Resources")]
        ),
        .testTarget(
            name: "ShopCoreTests",
            dependencies: ["ShopCore"],
            path: "Tests/ShopCoreTests"
        )
    ]
)
