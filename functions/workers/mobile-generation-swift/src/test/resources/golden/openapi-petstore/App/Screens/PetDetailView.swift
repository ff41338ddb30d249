import SwiftUI
import SwaggerPetstoreCore

/// One pet: every field, labelled for VoiceOver, growing with Dynamic Type.
struct PetDetailView: View {
    let client: APIClient
    @State var item: Pet

    var body: some View {
        List {
            Section {
                LabeledContent("Id", value: String(item.id))
                    .font(DS.Typography.body)
                LabeledContent("Name", value: item.name)
                    .font(DS.Typography.body)
                LabeledContent("Tag", value: item.tag ?? "—")
                    .font(DS.Typography.body)
            }
        }
        .navigationTitle(item.name)
        .task {
            do {
                item = try await client.showPetById(petId: String(item.id))
            } catch {
                // the row's data stays on screen
            }
        }
    }
}

struct PetDetailView_Previews: PreviewProvider {
    static var previews: some View {
        NavigationStack {
            PetDetailView(client: APIClient(), item: try! JSONDecoder().decode(Pet.self, from: Data("{\"id\": 1, \"name\": \"sample\", \"tag\": \"sample\"}".utf8)))
        }
    }
}
