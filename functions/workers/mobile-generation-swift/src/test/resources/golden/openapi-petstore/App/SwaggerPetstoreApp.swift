import SwiftUI
import SwaggerPetstoreCore

@main
struct SwaggerPetstoreApp: App {
    @State private var store = try? OfflineStore()

    var body: some Scene {
        WindowGroup {
            RootView(client: APIClient(), store: store)
                .tint(DS.Colors.tint)
        }
    }
}
