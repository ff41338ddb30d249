package dev.luna.identity;

import java.time.Instant;

/**
 * One audited write: who (subject, credential), what (function, method, path), which resource and project, when,
 * the request id and the outcome (HTTP status and error code).
 */
public record AuditEntry(String id, Instant at, String actor, String actorKind, String credentialId, String action,
                         String method, String path, String resourceId, String projectId, String requestId, int status,
                         String errorCode, String sourceIp, String userAgent) {
}
