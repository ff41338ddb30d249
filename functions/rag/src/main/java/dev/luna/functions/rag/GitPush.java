package dev.luna.functions.rag;

import dev.luna.core.Json;
import dev.luna.core.ValidationException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * A push webhook delivery as GitHub and GitLab send it: which provider (from its event header), the event, the
 * repository's URLs, the pushed ref, the new head ({@code after}) and the default branch; and its proof of origin,
 * checked against a watch's secret — GitHub's {@code X-Hub-Signature-256} ({@code sha256=} HMAC of the raw body),
 * GitLab's {@code X-Gitlab-Token} (the secret itself), both compared in constant time.
 */
record GitPush(Provider provider, String event, List<String> repositoryUrls, String ref, String after, String defaultBranch, boolean deleted,
               String proof) {
    enum Provider { GITHUB, GITLAB }

    private static final String ZERO = "0000000000000000000000000000000000000000";

    /** The delivery in {@code body} with {@code headers}; 400 when it is neither provider's, or not JSON. */
    static GitPush parse(Function<String, Optional<String>> headers, String body) {
        var github = headers.apply("X-GitHub-Event");
        var gitlab = headers.apply("X-Gitlab-Event");
        if (github.isEmpty() && gitlab.isEmpty()) {
            throw new ValidationException("X-GitHub-Event", "a push webhook from GitHub (X-GitHub-Event) or GitLab (X-Gitlab-Event) is expected");
        }
        if (body == null || body.isBlank()) throw new ValidationException("body", "the webhook has no payload");
        JsonNode json;
        try {
            json = Json.tree(body);
        } catch (RuntimeException e) {
            throw new ValidationException("body", "the webhook payload is not JSON (send it as application/json)");
        }
        if (!json.isObject()) throw new ValidationException("body", "the webhook payload must be a JSON object");
        var urls = new LinkedHashSet<String>();
        if (github.isPresent()) {
            var repo = json.path("repository");
            for (String f : List.of("clone_url", "html_url", "ssh_url", "git_url", "url")) add(urls, repo.path(f));
            return new GitPush(Provider.GITHUB, github.get(), new ArrayList<>(urls), text(json.path("ref")), text(json.path("after")),
                    text(repo.path("default_branch")), json.path("deleted").asBoolean(false) || ZERO.equals(text(json.path("after"))),
                    headers.apply("X-Hub-Signature-256").orElse(null));
        }
        var project = json.path("project");
        for (String f : List.of("git_http_url", "web_url", "git_ssh_url")) add(urls, project.path(f));
        for (String f : List.of("git_http_url", "homepage", "url")) add(urls, json.path("repository").path(f));
        String after = text(json.path("after"));
        return new GitPush(Provider.GITLAB, gitlab.get(), new ArrayList<>(urls), text(json.path("ref")), after,
                text(project.path("default_branch")), ZERO.equals(after), headers.apply("X-Gitlab-Token").orElse(null));
    }

    /** A push (a GitHub {@code ping} is answered but starts nothing). */
    boolean isPush() {
        return provider == Provider.GITHUB ? "push".equals(event) : "Push Hook".equals(event) || "Tag Push Hook".equals(event);
    }

    boolean isPing() {
        return provider == Provider.GITHUB && "ping".equals(event);
    }

    /** Whether the delivery proves it knows {@code secret}. */
    boolean signedWith(String secret, String body) {
        if (proof == null || secret == null) return false;
        byte[] expected;
        byte[] given;
        if (provider == Provider.GITHUB) {
            if (!proof.startsWith("sha256=")) return false;
            expected = ("sha256=" + dev.luna.core.Hashes.hmacSha256Hex(secret, body)).getBytes(StandardCharsets.US_ASCII);
            given = proof.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        } else {
            expected = secret.getBytes(StandardCharsets.UTF_8);
            given = proof.getBytes(StandardCharsets.UTF_8);
        }
        return MessageDigest.isEqual(expected, given);
    }

    private static void add(LinkedHashSet<String> urls, JsonNode node) {
        String s = text(node);
        if (s != null && !s.isBlank()) urls.add(s);
    }

    private static String text(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull() || !node.isString() ? null : node.asString();
    }
}
