import SwiftUI

/// The design system's buttons: filled, tinted, bordered, plain and destructive, each at least 44 x 44 pt.
public struct DSButtonStyle: ButtonStyle {
    public enum Kind: Sendable {
        case filled, tinted, bordered, plain, destructive
    }

    public let kind: Kind

    public init(_ kind: Kind) {
        self.kind = kind
    }

    public func makeBody(configuration: Configuration) -> some View {
        configuration.label
            .font(DS.Typography.headline)
            .padding(.horizontal, DS.Spacing.m)
            .padding(.vertical, DS.Spacing.s)
            .frame(minWidth: DS.minimumHitTarget, minHeight: DS.minimumHitTarget)
            .foregroundStyle(foreground)
            .background(background, in: RoundedRectangle(cornerRadius: DS.Radius.medium, style: .continuous))
            .overlay {
                if kind == .bordered {
                    RoundedRectangle(cornerRadius: DS.Radius.medium, style: .continuous).strokeBorder(DS.Colors.tint, lineWidth: 1)
                }
            }
            .contentShape(Rectangle())
            .opacity(configuration.isPressed ? 0.7 : 1)
    }

    private var foreground: Color {
        switch kind {
        case .filled: return DS.Colors.onTint
        case .destructive: return DS.Colors.onDestructive
        case .tinted, .bordered, .plain: return DS.Colors.tint
        }
    }

    private var background: Color {
        switch kind {
        case .filled: return DS.Colors.tint
        case .destructive: return DS.Colors.destructive
        case .tinted: return DS.Colors.tint.opacity(0.15)
        case .bordered, .plain: return Color.clear
        }
    }
}

public extension ButtonStyle where Self == DSButtonStyle {
    static var dsFilled: DSButtonStyle { DSButtonStyle(.filled) }
    static var dsTinted: DSButtonStyle { DSButtonStyle(.tinted) }
    static var dsBordered: DSButtonStyle { DSButtonStyle(.bordered) }
    static var dsPlain: DSButtonStyle { DSButtonStyle(.plain) }
    static var dsDestructive: DSButtonStyle { DSButtonStyle(.destructive) }
}

/// A card: grouped background, large continuous corners, level-1 elevation.
public struct Card<Content: View>: View {
    private let content: Content

    public init(@ViewBuilder content: () -> Content) {
        self.content = content()
    }

    public var body: some View {
        content
            .padding(DS.Spacing.m)
            .frame(maxWidth: .infinity, alignment: .leading)
            .background(DS.Colors.secondarySystemBackground, in: RoundedRectangle(cornerRadius: DS.Radius.large, style: .continuous))
            .dsElevation(DS.Elevation.level1)
    }
}

/// A list row: a title and an optional subtitle, read by VoiceOver as one element.
public struct DSRow: View {
    private let title: String
    private let subtitle: String?

    public init(title: String, subtitle: String? = nil) {
        self.title = title
        self.subtitle = subtitle
    }

    public var body: some View {
        VStack(alignment: .leading, spacing: DS.Spacing.xxs) {
            Text(title)
                .font(DS.Typography.body)
                .foregroundStyle(DS.Colors.label)
            if let subtitle, !subtitle.isEmpty {
                Text(subtitle)
                    .font(DS.Typography.subheadline)
                    .foregroundStyle(DS.Colors.secondaryLabel)
            }
        }
        .padding(.vertical, DS.Spacing.xxs)
        .frame(minHeight: DS.minimumHitTarget, alignment: .leading)
        .accessibilityElement(children: .combine)
    }
}

/// Where a screen's data is.
public enum LoadPhase: Equatable, Sendable {
    case loading
    case loaded
    case offline
    case failed(String)
}

/// Nothing to show yet.
public struct EmptyStateView: View {
    private let title: String
    private let message: String
    private let systemImage: String

    public init(title: String, message: String, systemImage: String) {
        self.title = title
        self.message = message
        self.systemImage = systemImage
    }

    public var body: some View {
        ContentUnavailableView {
            Label(title, systemImage: systemImage)
                .font(DS.Typography.title2)
        } description: {
            Text(message)
                .font(DS.Typography.body)
                .foregroundStyle(DS.Colors.secondaryLabel)
        }
    }
}

/// A failed load, with a way to try again.
public struct ErrorStateView: View {
    private let message: String
    private let retry: () -> Void

    public init(message: String, retry: @escaping () -> Void) {
        self.message = message
        self.retry = retry
    }

    public var body: some View {
        ContentUnavailableView {
            Label("Something went wrong", systemImage: "exclamationmark.triangle")
                .font(DS.Typography.title2)
        } description: {
            Text(message)
                .font(DS.Typography.body)
                .foregroundStyle(DS.Colors.secondaryLabel)
        } actions: {
            Button("Try again", action: retry)
                .buttonStyle(.dsFilled)
                .accessibilityHint("Loads the data again")
        }
    }
}

/// Loading, announced with its title.
public struct LoadingStateView: View {
    private let title: String

    public init(title: String) {
        self.title = title
    }

    public var body: some View {
        VStack(spacing: DS.Spacing.s) {
            ProgressView()
            Text(title)
                .font(DS.Typography.callout)
                .foregroundStyle(DS.Colors.secondaryLabel)
        }
        .frame(maxWidth: .infinity, maxHeight: .infinity)
        .accessibilityElement(children: .combine)
    }
}

/// A banner saying the screen shows saved data.
public struct OfflineBanner: View {
    public init() {}

    public var body: some View {
        Label("Offline: showing saved data", systemImage: "wifi.slash")
            .font(DS.Typography.footnote)
            .foregroundStyle(DS.Colors.warning)
            .padding(DS.Spacing.xs)
            .frame(maxWidth: .infinity, minHeight: DS.minimumHitTarget)
            .background(DS.Colors.secondarySystemBackground)
    }
}
