import SwiftUI
import SwaggerPetstoreCore

/// Pets: `listPets()`, filtered by the floating filter bar, saved for offline use.
struct PetListView: View {
    let client: APIClient
    let store: OfflineStore?
    @State private var items: [Pet] = []
    @State private var phase: LoadPhase = .loading
    @State private var filter = FilterState()
    @State private var showingFilters = false
    @State private var showingForm = false

    var body: some View {
        VStack(spacing: 0) {
            if phase == .offline {
                OfflineBanner()
            }
            content
        }
        .navigationTitle("Pets")
        .toolbar {
            ToolbarItemGroup(placement: .primaryAction) {
                Button {
                    showingFilters.toggle()
                } label: {
                    Label(filter.isActive ? "Filters on" : "Filter", systemImage: "line.3.horizontal.decrease.circle")
                }
                .accessibilityHint("Shows the search and filters")
                Button {
                    showingForm = true
                } label: {
                    Label("Add pet", systemImage: "plus")
                }
                .accessibilityHint("Opens a form to add pet")
            }
        }
        .floatingFilterBar(isPresented: $showingFilters, state: $filter, categories: [], showsDates: false)
        .navigationDestination(for: Pet.self) { item in
            PetDetailView(client: client, item: item)
        }
        .sheet(isPresented: $showingForm) {
            NavigationStack {
                PetFormView(client: client) {
                    await load()
                }
            }
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
            LoadingStateView(title: "Loading pets")
        case .failed(let message):
            ErrorStateView(message: message) {
                Task { await load() }
            }
        case .loaded, .offline:
            if visible.isEmpty {
                EmptyStateView(title: filter.isActive ? "No matches" : "No pets yet",
                               message: filter.isActive ? "Try other filters." : "Add the first one with the + button.",
                               systemImage: "pawprint")
            } else {
                List(visible) { item in
                    NavigationLink(value: item) {
                        DSRow(title: item.name, subtitle: item.tag ?? "—")
                    }
                    .swipeActions {
                        Button(role: .destructive) {
                            Task { await remove(item) }
                        } label: {
                            Label("Delete", systemImage: "trash")
                        }
                        .accessibilityHint("Deletes this pet")
                    }
                }
            }
        }
    }

    private var visible: [Pet] {
        items.filter { item in filter.matches(texts: [item.name, item.tag], category: nil) }
    }

    private func load() async {
        do {
            items = try await client.listPets()
            phase = .loaded
            store?.save(items, under: "/v1/pets")
        } catch {
            if let saved = store?.load(Pet.self, under: "/v1/pets") {
                items = saved
                phase = .offline
            } else {
                phase = .failed(error.localizedDescription)
            }
        }
    }

    private func remove(_ item: Pet) async {
        do {
            try await client.deletePet(petId: String(item.id))
            items.removeAll { $0 == item }
        } catch {
            phase = .failed(error.localizedDescription)
        }
    }
}

struct PetListView_Previews: PreviewProvider {
    static var previews: some View {
        NavigationStack {
            PetListView(client: APIClient(), store: nil)
        }
    }
}
