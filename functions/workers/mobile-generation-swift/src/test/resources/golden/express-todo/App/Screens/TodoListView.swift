import SwiftUI
import TodoApiCore

/// Todos: `getTodos()`, filtered by the floating filter bar, saved for offline use.
struct TodoListView: View {
    let client: APIClient
    let store: OfflineStore?
    @State private var items: [JSONValue] = []
    @State private var phase: LoadPhase = .loading
    @State private var filter = FilterState()
    @State private var showingFilters = false

    var body: some View {
        VStack(spacing: 0) {
            if phase == .offline {
                OfflineBanner()
            }
            content
        }
        .navigationTitle("Todos")
        .toolbar {
            ToolbarItemGroup(placement: .primaryAction) {
                Button {
                    showingFilters.toggle()
                } label: {
                    Label(filter.isActive ? "Filters on" : "Filter", systemImage: "line.3.horizontal.decrease.circle")
                }
                .accessibilityHint("Shows the search and filters")
            }
        }
        .floatingFilterBar(isPresented: $showingFilters, state: $filter, categories: [], showsDates: false)
        .navigationDestination(for: JSONValue.self) { item in
            TodoDetailView(client: client, item: item)
        }
        .task {
            await load()
        }
        .refreshable {
            await load()
        }
    }

    @ViewBuilder
    private var content: some View {
        switch phase {
        case .loading:
            LoadingStateView(title: "Loading todos")
        case .failed(let message):
            ErrorStateView(message: message) {
                Task { await load() }
            }
        case .loaded, .offline:
            if visible.isEmpty {
                EmptyStateView(title: filter.isActive ? "No matches" : "No todos yet",
                               message: filter.isActive ? "Try other filters." : "Add the first one with the + button.",
                               systemImage: "checklist")
            } else {
                List(visible, id: \.self) { item in
                    NavigationLink(value: item) {
                        DSRow(title: item.summary, subtitle: nil)
                    }
                }
            }
        }
    }

    private var visible: [JSONValue] {
        items.filter { item in filter.matches(texts: [item.summary], category: nil) }
    }

    private func load() async {
        do {
            items = try await client.getTodos()
            phase = .loaded
            store?.save(items, under: "/todos")
        } catch {
            if let saved = store?.load(JSONValue.self, under: "/todos") {
                items = saved
                phase = .offline
            } else {
                phase = .failed(error.localizedDescription)
            }
        }
    }
}

struct TodoListView_Previews: PreviewProvider {
    static var previews: some View {
        NavigationStack {
            TodoListView(client: APIClient(), store: nil)
        }
    }
}
