package dev.luna.sources;

import dev.luna.core.ErrorCode;
import dev.luna.core.LunaException;
import dev.luna.core.PrivateHosts;
import dev.luna.core.ValidationException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Repository;

/**
 * The checks of a git source that need no network: the URL's form and scheme (https; plain http, {@code file://}
 * URLs and absolute local paths only with {@link GitSettings#allowLocal()}), no credentials inside the URL, no
 * loopback/private/link-local host literal (unless {@link GitSettings#allowPrivateHosts()}), the ref's syntax (a
 * branch, a tag, a full ref name or a commit id) and the secret's name; and, at fetch time, the host's addresses
 * after DNS. Every failure names its field: {@code <prefix>.url}, {@code <prefix>.ref}, {@code <prefix>.credentialsSecret}.
 */
final class GitUrls {
    static final int MAX_URL_CHARS = 2048;
    static final Pattern HEX = Pattern.compile("[0-9a-fA-F]{7,40}");
    private static final Pattern SECRET_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    private final GitSettings settings;

    GitUrls(GitSettings settings) {
        this.settings = settings;
    }

    /** Checks url, ref and secret name; 400 with the field at fault. */
    void validate(Source source, String prefix) {
        target(source.url(), prefix);
        String ref = source.ref();
        if (ref != null) {
            if (ref.isBlank() || ref.length() > 255) throw new ValidationException(prefix + ".ref", "must be a branch, tag or commit of 1 to 255 characters");
            boolean name = Repository.isValidRefName(ref.startsWith("refs/") ? ref : Constants.R_HEADS + ref);
            if (!name && !HEX.matcher(ref).matches()) {
                throw new ValidationException(prefix + ".ref", "'" + shorten(ref) + "' is not a valid branch, tag or commit");
            }
        }
        if (source.credentialsSecret() != null && !SECRET_NAME.matcher(source.credentialsSecret()).matches()) {
            throw new ValidationException(prefix + ".credentialsSecret", "must be a secret name of 1 to 64 letters, digits, '.', '_' or '-'");
        }
    }

    /** The URL JGit is given: https (or, when allowed, http or file) with its host checked; 400 naming {@code <prefix>.url}. */
    String target(String url, String prefix) {
        String field = prefix + ".url";
        if (url == null || url.isBlank()) throw new ValidationException(field, "is required for git sources");
        if (url.length() > MAX_URL_CHARS) throw new ValidationException(field, "must be at most " + MAX_URL_CHARS + " characters");
        if (url.startsWith("/")) {
            if (!settings.allowLocal()) throw new ValidationException(field, "local paths are not allowed in this deployment; use an https URL");
            return local(Path.of(url), field);
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new ValidationException(field, "is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        switch (scheme) {
            case "https" -> {
            }
            case "http" -> {
                if (!settings.allowLocal()) throw new ValidationException(field, "must use https (plain http is not allowed in this deployment)");
            }
            case "file" -> {
                if (!settings.allowLocal()) throw new ValidationException(field, "file URLs are not allowed in this deployment; use an https URL");
                if (uri.getPath() == null || uri.getPath().isEmpty()) throw new ValidationException(field, "is not a valid file URL");
                return local(Path.of(uri.getPath()), field);
            }
            case "" -> throw new ValidationException(field, "must be an absolute https URL");
            default -> throw new ValidationException(field, "scheme '" + shorten(scheme) + "' is not supported; use https");
        }
        if (uri.getRawUserInfo() != null) {
            throw new ValidationException(field, "must not contain credentials; name a secret in " + prefix + ".credentialsSecret instead");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) throw new ValidationException(field, "must name a host");
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) throw new ValidationException(field, "must not have a query or fragment");
        if (!settings.allowPrivateHosts() && PrivateHosts.isPrivate(uri.getHost())) {
            throw new ValidationException(field, "must not point at a loopback, private or link-local address");
        }
        return uri.toString();
    }

    private static String local(Path path, String field) {
        Path p = path.toAbsolutePath().normalize();
        if (!Files.isDirectory(p)) throw new ValidationException(field, "no repository directory at " + shorten(p.toString()));
        return p.toUri().toString();
    }

    /** The host's addresses after DNS must not be private either (a public name pointing inside is refused). */
    void checkResolvedHost(String url, String prefix) {
        String field = prefix + ".url";
        if (settings.allowPrivateHosts()) return;
        String host = URI.create(url).getHost();
        if (host == null) return; // file URLs, only when local sources are allowed
        try {
            for (InetAddress a : InetAddress.getAllByName(host)) {
                if (a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress()
                        || PrivateHosts.isPrivate(a.getHostAddress())) {
                    throw new LunaException(ErrorCode.VALIDATION_FAILED, "git host " + host + " resolves to a private address; not fetched",
                            Map.of("field", field));
                }
            }
        } catch (UnknownHostException e) {
            throw new LunaException(ErrorCode.VALIDATION_FAILED, "git host " + host + " could not be resolved", Map.of("field", field));
        }
    }

    static String shorten(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }
}
