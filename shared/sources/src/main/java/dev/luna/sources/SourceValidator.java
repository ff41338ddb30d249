package dev.luna.sources;

import dev.luna.core.ValidationException;

/**
 * Checks a source when it is submitted, without the network: its type and fields, inline paths and base64, an
 * archive's entries (read once now, so traversal and bombs are refused before anything is queued), an S3 prefix,
 * and a git URL, ref and secret name ({@link GitUrls}). Every failure is a {@link ValidationException} naming the
 * field under a configurable prefix: {@code source.files[3].path} for RAG, {@code payload.source.url} for tasks.
 */
public final class SourceValidator {
    public static final int MAX_INLINE_FILES = 5000;
    public static final int MAX_S3_PREFIX_CHARS = 512;

    private final GitUrls git;
    private final SourceLimits limits;

    public SourceValidator(GitSettings git, SourceLimits limits) {
        this.git = new GitUrls(git);
        this.limits = limits;
    }

    /** Checks {@code source}, naming fields under {@code prefix} (e.g. {@code "source"}). */
    public void validate(Source source, String prefix) {
        if (source == null || source.type() == null) throw new ValidationException(prefix + ".type", "is required: inline, archive, s3 or git");
        switch (source.type()) {
            case Source.INLINE -> inline(source, prefix);
            case Source.ARCHIVE -> {
                if (source.format() == null) throw new ValidationException(prefix + ".format", "is required: zip, tar.gz or tar");
                if (source.contentBase64() == null) throw new ValidationException(prefix + ".contentBase64", "is required");
                byte[] bytes = InlineListing.base64(prefix + ".contentBase64", source.contentBase64());
                new ArchiveListing(source.format(), bytes, limits, prefix).close(); // refuses traversal and bombs now
            }
            case Source.S3 -> {
                String p = source.prefix();
                if (p != null && !p.isEmpty() && (p.contains("..") || p.startsWith("/") || p.length() > MAX_S3_PREFIX_CHARS)) {
                    throw new ValidationException(prefix + ".prefix", "must be a relative prefix without '..'");
                }
            }
            case Source.GIT -> git.validate(source, prefix);
            default -> throw new ValidationException(prefix + ".type", "must be one of inline, archive, s3, git");
        }
    }

    private static void inline(Source source, String prefix) {
        var files = source.files();
        if (files == null || files.isEmpty()) throw new ValidationException(prefix + ".files", "must list at least one file");
        if (files.size() > MAX_INLINE_FILES) throw new ValidationException(prefix + ".files", "must list at most " + MAX_INLINE_FILES + " files");
        for (int i = 0; i < files.size(); i++) {
            var f = files.get(i);
            String field = prefix + ".files[" + i + "]";
            if (f == null) throw new ValidationException(field, "must not be null");
            SourcePaths.normalise(field + ".path", f.path());
            InlineListing.bytes(f, field);
        }
    }
}
