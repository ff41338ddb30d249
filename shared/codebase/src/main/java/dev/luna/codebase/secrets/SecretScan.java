package dev.luna.codebase.secrets;

import java.util.List;

/**
 * What a scan found.
 *
 * @param findings       sorted by file, line, start column, rule id, then commit
 * @param skipped        files (or blobs, as {@code commit:path}) that were not scanned, and why; sorted by file
 * @param complete       false when the stop signal or a limit ended the scan early
 * @param filesScanned   files (or changed blobs) whose text was scanned
 * @param bytesScanned   bytes of text scanned
 * @param commitsScanned commits walked (0 for a file scan)
 */
public record SecretScan(List<SecretFinding> findings, List<Skipped> skipped, boolean complete, int filesScanned, long bytesScanned,
                         int commitsScanned) {
    public SecretScan {
        findings = List.copyOf(findings);
        skipped = List.copyOf(skipped);
    }

    public record Skipped(String file, String reason) {
    }
}
