package dev.luna.sources;

import dev.luna.core.ErrorCode;
import dev.luna.core.LunaException;
import dev.luna.store.AwsClients;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The objects under {@code projects/<projectId>/<prefix>} of the artifacts bucket, paths relative to that prefix.
 * Keys that are not safe relative paths are listed as such (and skipped); more than {@link SourceLimits#maxEntries()}
 * objects refuse the source (413). Heads are read with a byte range.
 */
final class S3Listing implements Listing {
    private final AwsClients aws;
    private final String bucket;
    private final String base;
    private final List<Entry> entries = new ArrayList<>();

    S3Listing(AwsClients aws, String projectId, String prefix, SourceLimits limits, String field) {
        if (aws == null) {
            throw new LunaException(ErrorCode.VALIDATION_FAILED, "s3 sources are not available here", Map.of("field", field + ".type"));
        }
        this.aws = aws;
        this.bucket = aws.config().bucketName("artifacts");
        this.base = base(projectId, prefix == null ? "" : prefix);
        int listed = 0;
        for (var page : aws.s3().listObjectsV2Paginator(b -> b.bucket(bucket).prefix(base))) {
            for (var o : page.contents()) {
                if (++listed > limits.maxEntries()) {
                    throw new LunaException(ErrorCode.PAYLOAD_TOO_LARGE, field + ".prefix holds more than " + limits.maxEntries()
                            + " objects; nothing was read", Map.of("field", field + ".prefix", "limitEntries", limits.maxEntries()));
                }
                if (o.key().endsWith("/")) continue;
                String name = o.key().substring(base.length());
                entries.add(new Entry(entries.size(), name, SourcePaths.normaliseOrNull(name), Entry.Kind.FILE, o.size()));
            }
        }
    }

    /** The key prefix of a project's folder: {@code projects/<projectId>/<prefix>}. */
    static String base(String projectId, String prefix) {
        return "projects/" + projectId + "/" + prefix;
    }

    @Override
    public List<Entry> entries() {
        return entries;
    }

    @Override
    public void read(List<Wanted> wanted, Sink sink) throws java.io.IOException {
        for (var w : wanted) {
            String key = base + w.entry().name();
            byte[] bytes = w.limit() >= w.entry().size()
                    ? aws.s3().getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray()
                    : aws.s3().getObjectAsBytes(b -> b.bucket(bucket).key(key).range("bytes=0-" + (w.limit() - 1))).asByteArray();
            sink.accept(w, bytes.length <= w.limit() ? bytes : java.util.Arrays.copyOf(bytes, w.limit()));
        }
    }
}
