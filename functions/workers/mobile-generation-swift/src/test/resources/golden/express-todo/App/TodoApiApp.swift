import SwiftUI
import TodoApiCore

@main
struct TodoApiApp: App {
    @State private var store = try? OfflineStore()

    var body: some Scene {
        WindowGroup {
            RootView(client: APIClient(), store: store)
                .tint(DS.Colors.tint)
        }
    }
}
