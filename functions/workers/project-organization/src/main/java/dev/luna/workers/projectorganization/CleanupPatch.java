package dev.luna.workers.projectorganization;

import dev.luna.codebase.secrets.SecretScanner;
import dev.luna.workers.projectorganization.patch.PatchWriter;
import dev.luna.workers.projectorganization.tree.DirectorySnapshot;
import dev.luna.workers.projectorganization.tree.GitSnapshot;
import dev.luna.workers.projectorganization.tree.Snapshot;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * {@code cleanup.patch}: the report's {@link PatchPlan} as a {@code git format-patch} series against the analysed
 * revision (apply with {@code git am cleanup.patch}, or check with {@code git apply --check}). Same input, same bytes:
 * the author, date and signature are fixed ({@link PatchWriter.Settings#DEFAULT}).
 */
public final class CleanupPatch {
    private final PatchWriter writer;

    public CleanupPatch(SecretScanner secrets, OrganizationLimits limits, PatchWriter.Settings settings) {
        this.writer = new PatchWriter(secrets, limits.inlineDiffBytes(), settings);
    }

    public CleanupPatch() {
        this(new SecretScanner(), OrganizationLimits.DEFAULT, PatchWriter.Settings.DEFAULT);
    }

    /** The patch of a report made from {@code input}; empty when the plan changes nothing. */
    public byte[] build(OrganizationInput input, OrganizationReport report) {
        try (Snapshot snapshot = input.gitDir() != null ? new GitSnapshot(input.gitDir(), input.limits().maxFiles())
                : new DirectorySnapshot(input.root(), input.limits().maxFiles())) {
            return build(snapshot, report.patch());
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the patch: " + e.getMessage(), e);
        }
    }

    /** The patch of a plan against a snapshot of the analysed tree. */
    public byte[] build(Snapshot snapshot, PatchPlan plan) throws IOException {
        return writer.write(snapshot, plan);
    }
}
