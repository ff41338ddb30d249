package dev.luna.workers.codeanalysis.dependencies;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Package URLs (purl spec): {@code pkg:maven/group/artifact@v}, {@code pkg:npm/%40scope/name@v}, {@code pkg:pypi/name@v}
 * (PEP 503 normalised), {@code pkg:golang/host/path@v}, {@code pkg:swift/host/owner/name@v}; other ecosystems as
 * {@code pkg:<type>/name}. Segments are percent-encoded; a null version leaves {@code @version} out.
 */
public final class Purls {
    private Purls() {
    }

    public static String of(String ecosystem, String name, String version) {
        String at = version == null ? "" : "@" + encode(version.startsWith("==") ? version.substring(2).strip() : version);
        return switch (ecosystem) {
            case "maven", "gradle" -> {
                int colon = name.indexOf(':');
                yield colon < 0 ? "pkg:maven/" + encode(name) + at
                        : "pkg:maven/" + encode(name.substring(0, colon)) + "/" + encode(name.substring(colon + 1)) + at;
            }
            case "npm" -> {
                int slash = name.indexOf('/');
                yield name.startsWith("@") && slash > 0 ? "pkg:npm/" + encode(name.substring(0, slash)) + "/" + encode(name.substring(slash + 1)) + at
                        : "pkg:npm/" + encode(name) + at;
            }
            case "pypi" -> "pkg:pypi/" + encode(name.toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-")) + at;
            case "golang" -> "pkg:golang/" + path(name) + at;
            case "swift" -> "pkg:swift/" + path(swiftName(name)) + at;
            default -> "pkg:" + encode(ecosystem.toLowerCase(Locale.ROOT)) + "/" + encode(name) + at;
        };
    }

    /** {@code https://github.com/apple/swift-nio.git} → {@code github.com/apple/swift-nio}. */
    private static String swiftName(String name) {
        String n = name.replaceFirst("^[a-zA-Z+]+://", "").replaceFirst("^git@([^:]+):", "$1/");
        if (n.endsWith(".git")) n = n.substring(0, n.length() - 4);
        while (n.endsWith("/")) n = n.substring(0, n.length() - 1);
        return n;
    }

    private static String path(String p) {
        var sb = new StringBuilder();
        for (String segment : p.split("/")) {
            if (segment.isEmpty()) continue;
            if (!sb.isEmpty()) sb.append('/');
            sb.append(encode(segment));
        }
        return sb.toString();
    }

    /** Percent-encodes everything but unreserved characters (RFC 3986), as the purl spec asks. */
    static String encode(String s) {
        var sb = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 128 && (Character.isLetterOrDigit(c) || c == '-' || c == '.' || c == '_' || c == '~')) {
                sb.append(c);
            } else {
                sb.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xff));
            }
        }
        return sb.toString();
    }
}
