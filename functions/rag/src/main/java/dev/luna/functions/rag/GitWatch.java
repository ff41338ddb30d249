package dev.luna.functions.rag;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A git source kept fresh: created by an index request with {@code refresh}, named by the id of the job that made it,
 * re-indexed when its repository reports a push ({@code POST /api/v1/rag/hooks/git}, signed with {@code secret}) or
 * when a scheduled check finds its ref moved ({@code intervalMinutes}). {@code latestRevision} is the newest commit
 * seen on the ref; the index is stale while it differs from {@code indexedRevision}.
 */
record GitWatch(String id, String projectId, String url, String ref, String credentialsSecret, List<String> include, List<String> exclude,
                boolean webhook, String secret, Integer intervalMinutes, String indexedRevision, Instant indexedAt, String lastJobId,
                String latestRevision, Instant checkedAt, Instant createdAt) {

    /** Where pushes of one repository find their watches: host and path, lower case, without scheme, credentials or {@code .git}. */
    static String repositoryKey(String url) {
        if (url == null) return null;
        String u = url.trim().toLowerCase(Locale.ROOT);
        int scheme = u.indexOf("://");
        if (scheme >= 0) u = u.substring(scheme + 3);
        else if (u.matches("[^/@]+@[^:]+:.*")) u = u.substring(u.indexOf('@') + 1).replaceFirst(":", "/"); // git@host:owner/repo
        int at = u.indexOf('@');
        if (at >= 0 && at < u.indexOf('/') ) u = u.substring(at + 1);
        while (u.endsWith("/")) u = u.substring(0, u.length() - 1);
        if (u.endsWith(".git")) u = u.substring(0, u.length() - 4);
        return u;
    }

    boolean stale() {
        return latestRevision != null && !latestRevision.equals(indexedRevision);
    }

    boolean checkDue(Instant now) {
        return intervalMinutes != null && (checkedAt == null || !checkedAt.plus(Duration.ofMinutes(intervalMinutes)).isAfter(now));
    }

    /** Whether a push to {@code pushedRef} (a full ref name) moves this watch's ref ({@code defaultBranch} when it names none). */
    boolean follows(String pushedRef, String defaultBranch) {
        if (pushedRef == null) return false;
        if (ref == null) return defaultBranch != null && pushedRef.equals("refs/heads/" + defaultBranch);
        return pushedRef.equals(ref) || pushedRef.equals("refs/heads/" + ref) || pushedRef.equals("refs/tags/" + ref);
    }

    GitWatch seen(String revision, Instant now) {
        return new GitWatch(id, projectId, url, ref, credentialsSecret, include, exclude, webhook, secret, intervalMinutes, indexedRevision,
                indexedAt, lastJobId, revision == null ? latestRevision : revision, now, createdAt);
    }

    GitWatch indexed(String revision, Instant now, String jobId) {
        return new GitWatch(id, projectId, url, ref, credentialsSecret, include, exclude, webhook, secret, intervalMinutes, revision, now, jobId,
                revision, checkedAt, createdAt);
    }

    GitWatch queued(String jobId) {
        return new GitWatch(id, projectId, url, ref, credentialsSecret, include, exclude, webhook, secret, intervalMinutes, indexedRevision,
                indexedAt, jobId, latestRevision, checkedAt, createdAt);
    }

    /** What {@code GET /api/v1/rag/index/{id}} shows of it (never the secret). */
    Freshness freshness() {
        return new Freshness(id, url, ref, webhook, intervalMinutes, indexedRevision, indexedAt, latestRevision, checkedAt, stale(), lastJobId);
    }

    record Freshness(String watchId, String url, String ref, boolean webhook, Integer intervalMinutes, String indexedRevision, Instant indexedAt,
                     String latestRevision, Instant checkedAt, boolean stale, String lastJobId) {
    }
}
