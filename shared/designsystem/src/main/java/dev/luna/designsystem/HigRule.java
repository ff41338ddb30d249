package dev.luna.designsystem;

import java.util.List;

/**
 * One Human Interface Guidelines rule, shared by the SwiftUI and React Native audits and lints.
 *
 * @param id          stable id, e.g. {@code hig-hit-target}
 * @param title       one line
 * @param severity    {@code error} or {@code warning}
 * @param description why it matters
 * @param fix         how to fix it, per platform
 * @param references  Apple HIG / WCAG links
 * @param since       the version that introduced it
 */
public record HigRule(String id, String title, String severity, String description, String fix, List<String> references,
                      String since) {
    public HigRule {
        references = List.copyOf(references);
    }
}
