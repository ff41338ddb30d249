import SwiftUI
import SwaggerPetstoreCore

/// Adds pet with `createPets(body: NewPet(name: name, tag: tag))`.
struct PetFormView: View {
    let client: APIClient
    let onSaved: () async -> Void
    @Environment(\.dismiss) private var dismiss
    @State private var saving = false
    @State private var failure: String?
    @State private var name = ""
    @State private var tag = "bird"

    var body: some View {
        Form {
            Section {
                TextField("Name", text: $name)
                    .font(DS.Typography.body)
                    .accessibilityHint("The name")
                Picker("Tag", selection: $tag) { ForEach(["bird", "cat", "dog"], id: \.self) { Text($0).tag($0) } }
                    .font(DS.Typography.body)
                    .accessibilityHint("The tag")
            }
            if let failure {
                Section {
                    Text(failure)
                        .font(DS.Typography.footnote)
                        .foregroundStyle(DS.Colors.destructive)
                }
            }
        }
        .navigationTitle("New pet")
        .toolbar {
            ToolbarItem(placement: .cancellationAction) {
                Button("Cancel") { dismiss() }
            }
            ToolbarItem(placement: .confirmationAction) {
                Button("Save") {
                    Task { await save() }
                }
                .disabled(saving)
                .accessibilityHint("Sends the new pet")
            }
        }
    }

    private func save() async {
        saving = true
        defer { saving = false }
        do {
            _ = try await client.createPets(body: NewPet(name: name, tag: tag))
            await onSaved()
            dismiss()
        } catch {
            failure = error.localizedDescription
        }
    }
}

struct PetFormView_Previews: PreviewProvider {
    static var previews: some View {
        NavigationStack {
            PetFormView(client: APIClient()) {}
        }
    }
}
