package dev.luna.workers.projectorganization;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * What {@code cleanup.patch} will carry: one commit per kind of change, in order (ignore rules, configuration,
 * documentation, untracked junk, unused files). Only additions, edits of files the clean-up owns and removals of
 * high-confidence findings appear here.
 *
 * @param commits in patch order; empty when there is nothing to change
 */
public record PatchPlan(List<Commit> commits) {
    public static final PatchPlan EMPTY = new PatchPlan(List.of());

    public PatchPlan {
        commits = List.copyOf(commits);
    }

    /**
     * One commit.
     *
     * @param subject  the subject line (imperative, ASCII)
     * @param body     the message body: what and why, one finding per line
     * @param changes  sorted by path
     * @param findings ids of the findings it resolves, sorted
     */
    public record Commit(String subject, String body, List<Change> changes, List<String> findings) {
        public Commit {
            changes = List.copyOf(changes);
            findings = List.copyOf(findings);
        }
    }

    /**
     * One file's change.
     *
     * @param content the file's complete new content (UTF-8 text), or null for a removal
     */
    public record Change(String path, String content) {
        public Change {
            Objects.requireNonNull(path, "path");
        }

        public boolean removal() {
            return content == null;
        }

        public byte[] bytes() {
            return content == null ? null : content.getBytes(StandardCharsets.UTF_8);
        }
    }

    /** Every path the patch touches, in commit order. */
    public List<String> paths() {
        return commits.stream().flatMap(c -> c.changes().stream()).map(Change::path).toList();
    }
}
