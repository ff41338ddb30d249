import SwiftUI
import SwaggerPetstoreCore

/// The app's navigation: a sidebar of 1 sections (a split view on iPad and Mac, a stack on iPhone).
struct RootView: View {
    let client: APIClient
    let store: OfflineStore?
    @State private var selection: Section? = .pets

    enum Section: String, CaseIterable, Identifiable, Hashable {
        case pets

        var id: Self { self }

        var title: String {
            switch self {
            case .pets: return "Pets"
            }
        }

        var symbol: String {
            switch self {
            case .pets: return "pawprint"
            }
        }
    }

    var body: some View {
        NavigationSplitView {
            List(Section.allCases, selection: $selection) { section in
                NavigationLink(value: section) {
                    Label(section.title, systemImage: section.symbol)
                        .font(DS.Typography.body)
                }
                .accessibilityHint("Shows \(section.title)")
            }
            .navigationTitle("Swagger Petstore")
        } detail: {
            NavigationStack {
                switch selection {
                case .pets:
                    PetListView(client: client, store: store)
                case nil:
                    EmptyStateView(title: "Choose a section", message: "Pick what to see from the sidebar.", systemImage: "sidebar.left")
                }
            }
        }
    }
}

struct RootView_Previews: PreviewProvider {
    static var previews: some View {
        RootView(client: APIClient(), store: try? OfflineStore(inMemory: true))
    }
}
