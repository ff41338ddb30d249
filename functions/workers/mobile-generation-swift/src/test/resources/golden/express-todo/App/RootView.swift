import SwiftUI
import TodoApiCore

/// The app's navigation: a sidebar of 1 sections (a split view on iPad and Mac, a stack on iPhone).
struct RootView: View {
    let client: APIClient
    let store: OfflineStore?
    @State private var selection: Section? = .todos

    enum Section: String, CaseIterable, Identifiable, Hashable {
        case todos

        var id: Self { self }

        var title: String {
            switch self {
            case .todos: return "Todos"
            }
        }

        var symbol: String {
            switch self {
            case .todos: return "checklist"
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
            .navigationTitle("Todo api")
        } detail: {
            NavigationStack {
                switch selection {
                case .todos:
                    TodoListView(client: client, store: store)
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
