import SwiftUI
import ShopCore

/// Adds product with `createProduct(body: NewProduct(name: name, category: category.isEmpty ? nil : category, price: price, kind: kind))`.
struct ProductFormView: View {
    let client: APIClient
    let onSaved: () async -> Void
    @Environment(\.dismiss) private var dismiss
    @State private var saving = false
    @State private var failure: String?
    @State private var name = ""
    @State private var category = ""
    @State private var price = 0.0
    @State private var kind = "BOOKS"

    var body: some View {
        Form {
            Section {
                TextField("Name", text: $name)
                    .font(DS.Typography.body)
                    .accessibilityHint("The name")
                TextField("Category", text: $category)
                    .font(DS.Typography.body)
                    .accessibilityHint("The category")
                TextField("Price", value: $price, format: .number)
                    .font(DS.Typography.body)
                    .accessibilityHint("The price")
                Picker("Kind", selection: $kind) { ForEach(["BOOKS", "GAMES", "TOOLS"], id: \.self) { Text($0).tag($0) } }
                    .font(DS.Typography.body)
                    .accessibilityHint("The kind")
            }
            if let failure {
                Section {
                    Text(failure)
                        .font(DS.Typography.footnote)
                        .foregroundStyle(DS.Colors.destructive)
                }
            }
        }
        .navigationTitle("New product")
        .toolbar {
            ToolbarItem(placement: .cancellationAction) {
                Button("Cancel") { dismiss() }
            }
            ToolbarItem(placement: .confirmationAction) {
                Button("Save") {
                    Task { await save() }
                }
                .disabled(saving)
                .accessibilityHint("Sends the new product")
            }
        }
    }

    private func save() async {
        saving = true
        defer { saving = false }
        do {
            _ = try await client.createProduct(body: NewProduct(name: name, category: category.isEmpty ? nil : category, price: price, kind: kind))
            await onSaved()
            dismiss()
        } catch {
            failure = error.localizedDescription
        }
    }
}

struct ProductFormView_Previews: PreviewProvider {
    static var previews: some View {
        NavigationStack {
            ProductFormView(client: APIClient()) {}
        }
    }
}
