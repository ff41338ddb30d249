import SwiftUI

/// What the floating filter bar filters by: text, a category, a date range and custom on/off filters.
public struct FilterState: Equatable, Sendable {
    public var text = ""
    public var category: String?
    public var from: Date?
    public var to: Date?
    public var custom: [String: Bool] = [:]

    public init() {}

    /// Whether any filter is set.
    public var isActive: Bool {
        !text.isEmpty || category != nil || from != nil || to != nil || custom.values.contains(true)
    }

    /// Whether an item with these texts, category and date passes; an item without a date passes date filters.
    public func matches(texts: [String?], category value: String? = nil, date: Date? = nil, custom flags: [String: Bool] = [:]) -> Bool {
        let query = text.trimmingCharacters(in: .whitespaces)
        if !query.isEmpty && !texts.contains(where: { $0?.localizedCaseInsensitiveContains(query) ?? false }) {
            return false
        }
        if let category, category != value {
            return false
        }
        if let date, let from, date < from {
            return false
        }
        if let date, let to, date > to {
            return false
        }
        for (name, on) in custom where on && flags[name] != true {
            return false
        }
        return true
    }
}

/// The floating filter bar: a panel at the bottom on iPhone and floating at the top trailing corner on iPad and Mac
/// (the breakpoints), entering and leaving with a spring (a cross-fade under Reduce Motion), dismissed by a drag down.
public struct FloatingFilterBar: View {
    @Binding private var state: FilterState
    @Binding private var isPresented: Bool
    private let categories: [String]
    private let showsDates: Bool
    private let customFilters: [String]
    @GestureState private var drag: CGFloat = 0

    public init(state: Binding<FilterState>, isPresented: Binding<Bool>, categories: [String], showsDates: Bool, customFilters: [String]) {
        _state = state
        _isPresented = isPresented
        self.categories = categories
        self.showsDates = showsDates
        self.customFilters = customFilters
    }

    public var body: some View {
        VStack(alignment: .leading, spacing: DS.Spacing.s) {
            Capsule()
                .fill(DS.Colors.separator)
                .frame(width: 36, height: 5)
                .frame(maxWidth: .infinity)
                .accessibilityHidden(true)
            TextField("Search", text: $state.text)
                .textFieldStyle(.roundedBorder)
                .font(DS.Typography.body)
                .accessibilityLabel("Search")
                .accessibilityHint("Shows only items containing this text")
            if !categories.isEmpty {
                ScrollView(.horizontal, showsIndicators: false) {
                    HStack(spacing: DS.Spacing.xs) {
                        ForEach(categories, id: \.self) { category in
                            Button(category) {
                                state.category = state.category == category ? nil : category
                            }
                            .buttonStyle(DSButtonStyle(state.category == category ? .filled : .tinted))
                            .accessibilityAddTraits(state.category == category ? .isSelected : [])
                            .accessibilityHint("Shows only this category")
                        }
                    }
                }
            }
            if showsDates {
                DatePicker("From", selection: Binding(get: { state.from ?? .distantPast }, set: { state.from = $0 }), displayedComponents: .date)
                    .font(DS.Typography.callout)
                DatePicker("To", selection: Binding(get: { state.to ?? .distantFuture }, set: { state.to = $0 }), displayedComponents: .date)
                    .font(DS.Typography.callout)
            }
            ForEach(customFilters, id: \.self) { name in
                Toggle(name, isOn: Binding(get: { state.custom[name] ?? false }, set: { state.custom[name] = $0 }))
                    .font(DS.Typography.callout)
                    .frame(minHeight: DS.minimumHitTarget)
            }
            HStack {
                Button("Clear") { state = FilterState() }
                    .buttonStyle(.dsPlain)
                    .disabled(!state.isActive)
                Spacer()
                Button("Done") { isPresented = false }
                    .buttonStyle(.dsFilled)
                    .accessibilityHint("Closes the filters")
            }
        }
        .padding(DS.Spacing.m)
        .background(DS.Colors.secondarySystemBackground, in: RoundedRectangle(cornerRadius: DS.Radius.large, style: .continuous))
        .dsElevation(DS.Elevation.level2)
        .offset(y: max(0, drag))
        .gesture(
            DragGesture()
                .updating($drag) { value, offset, _ in offset = value.translation.height }
                .onEnded { value in
                    if value.translation.height > 80 { isPresented = false }
                }
        )
        .accessibilityElement(children: .contain)
        .accessibilityLabel("Filters")
        .accessibilityAction(.escape) { isPresented = false }
    }
}

/// The filter bar's breakpoints by the screen's width: a bottom panel on phones, a floating panel at the top trailing
/// corner on tablets (max 420 pt wide) and desktops (max 360 pt).
public enum FilterBarLayout: Equatable, Sendable {
    case phone, tablet, desktop

    public static func of(width: CGFloat) -> FilterBarLayout {
        width < 700 ? .phone : width < 1100 ? .tablet : .desktop
    }

    var alignment: Alignment { self == .phone ? .bottom : .topTrailing }
    var maxWidth: CGFloat { self == .phone ? .infinity : self == .tablet ? 420 : 360 }
    var edge: Edge { self == .phone ? .bottom : .top }
}

/// Lays the floating filter bar over a screen at the breakpoint's place.
struct FloatingFilterModifier: ViewModifier {
    @Binding var isPresented: Bool
    @Binding var state: FilterState
    let categories: [String]
    let showsDates: Bool
    let customFilters: [String]
    @Environment(\.accessibilityReduceMotion) private var reduceMotion

    func body(content: Content) -> some View {
        content
            .overlay {
                GeometryReader { proxy in
                    let layout = FilterBarLayout.of(width: proxy.size.width)
                    ZStack(alignment: layout.alignment) {
                        Color.clear.allowsHitTesting(false)
                        if isPresented {
                            FloatingFilterBar(state: $state, isPresented: $isPresented, categories: categories, showsDates: showsDates,
                                              customFilters: customFilters)
                                .frame(maxWidth: layout.maxWidth)
                                .padding(DS.Spacing.m)
                                .transition(reduceMotion ? .opacity : .move(edge: layout.edge).combined(with: .opacity))
                        }
                    }
                }
            }
            .animation(DS.Motion.spring(DS.Motion.smooth, reduceMotion: reduceMotion), value: isPresented)
    }
}

public extension View {
    /// Shows the floating filter bar while `isPresented` is true.
    func floatingFilterBar(isPresented: Binding<Bool>, state: Binding<FilterState>, categories: [String] = [], showsDates: Bool = false,
                           customFilters: [String] = []) -> some View {
        modifier(FloatingFilterModifier(isPresented: isPresented, state: state, categories: categories, showsDates: showsDates, customFilters: customFilters))
    }
}
