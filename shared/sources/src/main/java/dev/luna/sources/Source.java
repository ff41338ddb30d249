package dev.luna.sources;

import java.util.List;

/**
 * Where a project's files come from: the {@code source} object of {@code POST /api/v1/rag/index} and of every task
 * payload ({@code {"source": …, "options": …}}). One of four types:
 * <ul>
 *   <li>{@code inline}: {@code files}, each a {@code path} with {@code content} (text) or {@code contentBase64};</li>
 *   <li>{@code archive}: {@code format} ({@code zip}, {@code tar.gz} or {@code tar}) and {@code contentBase64};</li>
 *   <li>{@code s3}: {@code prefix}, a folder under the project's folder of the artifacts bucket;</li>
 *   <li>{@code git}: {@code url}, optional {@code ref} (branch, tag, full ref name or commit id) and optional
 *       {@code credentialsSecret} (the name of a token the worker looks up; see {@link GitSettings}).</li>
 * </ul>
 * Checked without network by {@link SourceValidator}, read into memory by {@link SourceReader}, checked out into a
 * directory by {@link Checkouts}.
 */
public record Source(String type, List<InlineFile> files, String format, String contentBase64, String prefix, String url, String ref,
                     String credentialsSecret) {
    public static final String INLINE = "inline";
    public static final String ARCHIVE = "archive";
    public static final String S3 = "s3";
    public static final String GIT = "git";

    /** One file of an inline source: exactly one of {@code content} and {@code contentBase64}. */
    public record InlineFile(String path, String content, String contentBase64) {
    }

    public static Source inline(List<InlineFile> files) {
        return new Source(INLINE, files, null, null, null, null, null, null);
    }

    public static Source archive(String format, String contentBase64) {
        return new Source(ARCHIVE, null, format, contentBase64, null, null, null, null);
    }

    public static Source s3(String prefix) {
        return new Source(S3, null, null, null, prefix, null, null, null);
    }

    public static Source git(String url, String ref, String credentialsSecret) {
        return new Source(GIT, null, null, null, null, url, ref, credentialsSecret);
    }
}
