import SwiftUI
import ShopCore

/// One product: every field, labelled for VoiceOver, growing with Dynamic Type.
struct ProductDetailView: View {
    let client: APIClient
    @State var item: ProductDto

    var body: some View {
        List {
            Section {
                LabeledContent("Id", value: String(item.id))
                    .font(DS.Typography.body)
                LabeledContent("Name", value: item.name ?? "—")
                    .font(DS.Typography.body)
                LabeledContent("Category", value: item.category ?? "—")
                    .font(DS.Typography.body)
                LabeledContent("Price", value: String(item.price))
                    .font(DS.Typography.body)
                LabeledContent("Stock", value: String(item.stock))
                    .font(DS.Typography.body)
            }
        }
        .navigationTitle(item.name ?? "—")
        .task {
            do {
                item = try await client.getProduct(productId: item.id)
            } catch {
                // the row's data stays on screen
            }
        }
    }
}

struct ProductDetailView_Previews: PreviewProvider {
    static var previews: some View {
        NavigationStack {
            ProductDetailView(client: APIClient(), item: try! JSONDecoder().decode(ProductDto.self, from: Data("{\"id\": 1, \"name\": \"sample\", \"category\": \"sample\", \"price\": 1.5, \"stock\": 1}".utf8)))
        }
    }
}
