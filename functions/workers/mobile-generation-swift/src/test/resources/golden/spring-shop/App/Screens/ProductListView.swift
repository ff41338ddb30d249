import SwiftUI
import ShopCore

/// Products: `listProducts()`, filtered by the floating filter bar, saved for offline use.
struct ProductListView: View {
    let client: APIClient
    let store: OfflineStore?
    @State private var items: [ProductDto] = []
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
        .navigationTitle("Products")
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
                    Label("Add product", systemImage: "plus")
                }
                .accessibilityHint("Opens a form to add product")
            }
        }
        .floatingFilterBar(isPresented: $showingFilters, state: $filter, categories: [], showsDates: false)
        .navigationDestination(for: ProductDto.self) { item in
            ProductDetailView(client: client, item: item)
        }
        .sheet(isPresented: $showingForm) {
            NavigationStack {
                ProductFormView(client: client) {
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
            LoadingStateView(title: "Loading products")
        case .failed(let message):
            ErrorStateView(message: message) {
                Task { await load() }
            }
        case .loaded, .offline:
            if visible.isEmpty {
                EmptyStateView(title: filter.isActive ? "No matches" : "No products yet",
                               message: filter.isActive ? "Try other filters." : "Add the first one with the + button.",
                               systemImage: "shippingbox")
            } else {
                List(visible) { item in
                    NavigationLink(value: item) {
                        DSRow(title: item.name ?? "—", subtitle: item.category ?? "—")
                    }
                    .swipeActions {
                        Button(role: .destructive) {
                            Task { await remove(item) }
                        } label: {
                            Label("Delete", systemImage: "trash")
                        }
                        .accessibilityHint("Deletes this product")
                    }
                }
            }
        }
    }

    private var visible: [ProductDto] {
        items.filter { item in filter.matches(texts: [item.name, item.category], category: nil) }
    }

    private func load() async {
        do {
            items = try await client.listProducts()
            phase = .loaded
            store?.save(items, under: "/api/products")
        } catch {
            if let saved = store?.load(ProductDto.self, under: "/api/products") {
                items = saved
                phase = .offline
            } else {
                phase = .failed(error.localizedDescription)
            }
        }
    }

    private func remove(_ item: ProductDto) async {
        do {
            try await client.deleteProduct(productId: item.id)
            items.removeAll { $0 == item }
        } catch {
            phase = .failed(error.localizedDescription)
        }
    }
}

struct ProductListView_Previews: PreviewProvider {
    static var previews: some View {
        NavigationStack {
            ProductListView(client: APIClient(), store: nil)
        }
    }
}
