package dev.luna.functions.identity;

import dev.luna.core.Principal;
import dev.luna.core.ValidationException;
import dev.luna.http.ApiRequest;
import dev.luna.http.ApiResult;
import dev.luna.http.RouteHandler;
import dev.luna.identity.AuditLog;
import dev.luna.identity.Identity;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** The HTTP side of projects, API keys, tokens, signing keys and the audit log. One method per catalog function. */
final class IdentityHandlers {
    private final ProjectService projects;
    private final ApiKeyService apiKeys;
    private final TokenService tokens;
    private final Identity identity;
    private final Clock clock;

    IdentityHandlers(ProjectService projects, ApiKeyService apiKeys, TokenService tokens, Identity identity, Clock clock) {
        this.projects = projects;
        this.apiKeys = apiKeys;
        this.tokens = tokens;
        this.identity = identity;
        this.clock = clock;
    }

    Map<String, RouteHandler> byBean() {
        return Map.ofEntries(
                Map.entry("projectsCreate", r -> {
                    var p = projects.create(r.bodyAs(ProjectRequests.ProjectBody.class), r.access());
                    return ApiResult.created(p, "/api/v1/projects/" + p.id()).etag(p.revision());
                }),
                Map.entry("projectsList", r -> page(projects.list(r.access(), cursor(r), limit(r)))),
                Map.entry("projectsGet", r -> {
                    var p = projects.get(r.pathParam("id"), r.access());
                    return ApiResult.ok(p).etag(p.revision());
                }),
                Map.entry("projectsUpdate", r -> {
                    var p = projects.update(r.pathParam("id"), r.bodyAs(ProjectRequests.ProjectBody.class), r.ifMatchRevision(), r.access());
                    return ApiResult.ok(p).etag(p.revision());
                }),
                Map.entry("projectsDelete", r -> ApiResult.ok(projects.delete(r.pathParam("id"), r.access()))),
                Map.entry("projectsMembersAdd", r -> ApiResult.ok(projects.putMember(r.pathParam("id"),
                        r.bodyAs(ProjectRequests.MemberBody.class), r.access()))),
                Map.entry("projectsMembersList", r -> ApiResult.page(projects.members(r.pathParam("id"), r.access(), cursor(r), limit(r)))),
                Map.entry("projectsMembersRemove", r -> ApiResult.ok(projects.removeMember(r.pathParam("id"), r.pathParam("userId"), r.access()))),
                Map.entry("apiKeysCreate", r -> {
                    var created = apiKeys.create(r.bodyAs(ApiKeyService.CreateKey.class), r.access());
                    return ApiResult.created(Map.of("key", created.key(), "secret", created.secret()),
                            "/api/v1/api-keys/" + created.key().id()).header("Cache-Control", "no-store");
                }),
                Map.entry("apiKeysList", r -> ApiResult.page(apiKeys.list(r.access(), r.query("owner").orElse(null), cursor(r), limit(r)))),
                Map.entry("apiKeysDelete", r -> ApiResult.ok(apiKeys.revoke(r.pathParam("id"), r.access()))),
                Map.entry("authToken", r -> noStore(ApiResult.ok(tokens.exchange(r.bodyAs(TokenService.TokenRequest.class))))),
                Map.entry("authRefresh", r -> noStore(ApiResult.ok(tokens.refresh(r.bodyAs(TokenService.RefreshRequest.class))))),
                Map.entry("authRevoke", r -> {
                    tokens.revoke(r.bodyAs(TokenService.RevokeRequest.class));
                    return ApiResult.ok(Map.of("revoked", true));
                }),
                Map.entry("authJwks", r -> ApiResult.raw(200, "application/json", identity.signingKeys().publicKeys().toString(true))
                        .header("Cache-Control", "public, max-age=300")),
                Map.entry("authSso", r -> ApiResult.ok(identity.ssoLogin().view()).header("Cache-Control", "public, max-age=60")),
                Map.entry("authMe", r -> noStore(ApiResult.ok(me(r.principal())))),
                Map.entry("authKeysRotate", r -> ApiResult.ok(Map.of("kid", identity.signingKeys().rotate()))),
                Map.entry("auditList", this::audit));
    }

    /** The caller as the platform sees it: who, by which kind of credential, with which scopes and project roles. */
    private static Map<String, Object> me(Principal p) {
        var out = new LinkedHashMap<String, Object>();
        out.put("subject", p.id());
        out.put("kind", p.kind());
        out.put("scopes", new TreeSet<>(p.scopes()));
        if (p.projectId() != null) out.put("projectId", p.projectId());
        var roles = new TreeMap<String, String>();
        p.projectRoles().forEach((project, role) -> roles.put(project, role.wire()));
        out.put("projectRoles", roles);
        return out;
    }

    private ApiResult audit(ApiRequest r) {
        var query = new AuditLog.Query(r.query("actor").orElse(null), r.query("projectId").orElse(null),
                r.query("action").orElse(null), instant(r, "from"), instant(r, "to"));
        var page = identity.audit().query(query, cursor(r), limit(r), clock.instant());
        return ApiResult.page(page.items(), page.nextCursor());
    }

    private static Instant instant(ApiRequest r, String name) {
        return r.query(name).map(v -> {
            try {
                return Instant.parse(v);
            } catch (DateTimeParseException e) {
                throw new ValidationException(name, "must be an ISO-8601 instant such as 2026-11-27T10:00:00Z");
            }
        }).orElse(null);
    }

    private static ApiResult noStore(ApiResult result) {
        return result.header("Cache-Control", "no-store").header("Pragma", "no-cache");
    }

    private static ApiResult page(ProjectService.Page<?> page) {
        return ApiResult.page(page.items(), page.nextCursor());
    }

    private static String cursor(ApiRequest r) {
        return r.query("cursor").orElse(null);
    }

    private static int limit(ApiRequest r) {
        return r.intQuery("limit", 20, 1, 100);
    }
}
