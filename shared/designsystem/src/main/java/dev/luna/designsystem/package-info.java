/**
 * Luna's mobile design system after Apple's Human Interface Guidelines, shared by the SwiftUI and Expo generators.
 *
 * <ul>
 *   <li>{@link dev.luna.designsystem.DesignTokens}: the W3C Design Tokens file ({@code tokens.json}) as typed lists:
 *       colours (light + dark), Dynamic Type styles, spacing, radii, elevation, motion, minimum hit target.</li>
 *   <li>{@link dev.luna.designsystem.ContrastReport}: WCAG 2.x contrast of every text/background pair, as JSON or
 *       Markdown; {@link dev.luna.designsystem.Wcag} has the arithmetic.</li>
 *   <li>{@link dev.luna.designsystem.HigRules}: the HIG rules both audits report against ({@code hig-rules.json}).</li>
 * </ul>
 */
package dev.luna.designsystem;
