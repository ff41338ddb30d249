package dev.luna.sources;

import dev.luna.core.ValidationException;
import dev.luna.store.AwsClients;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Opens the listing of a source of any type (for git: after fetching it into a given directory). */
final class Listings {
    private final GitFetcher git;
    private final SourceLimits limits;
    private final AwsClients aws;

    Listings(GitSettings git, SourceLimits limits, AwsClients aws) {
        this.git = new GitFetcher(git);
        this.limits = limits;
        this.aws = aws;
    }

    /**
     * The source's listing; {@code gitDir} and {@code depth} say where a git source is fetched and how many commits
     * deep. Failures name fields under {@code prefix} ({@code source}, {@code payload.source}).
     */
    Listing open(Source source, String projectId, String prefix, Path gitDir, int depth) {
        if (source == null || source.type() == null) throw new ValidationException(prefix + ".type", "is required: inline, archive, s3 or git");
        return switch (source.type()) {
            case Source.INLINE -> new InlineListing(source.files(), prefix);
            case Source.ARCHIVE -> new ArchiveListing(source.format(), InlineListing.base64(prefix + ".contentBase64",
                    required(source.contentBase64(), prefix + ".contentBase64")), limits, prefix);
            case Source.S3 -> new S3Listing(aws, projectId, source.prefix(), limits, prefix);
            case Source.GIT -> {
                var fetched = git.fetch(source, prefix, gitDir, depth);
                try {
                    yield new GitTreeListing(fetched, limits);
                } catch (IOException e) {
                    throw new UncheckedIOException("could not read the fetched commit: " + e.getMessage(), e);
                }
            }
            default -> throw new ValidationException(prefix + ".type", "must be one of inline, archive, s3, git");
        };
    }

    private static String required(String value, String field) {
        if (value == null) throw new ValidationException(field, "is required");
        return value;
    }
}
