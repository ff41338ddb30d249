package dev.luna.workers.swift.audit;

import dev.luna.workers.swift.lint.Finding;
import dev.luna.workers.swift.render.DesignSystemFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jgit.diff.DiffAlgorithm;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.EditList;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.RawTextComparator;

/**
 * {@code hig.patch}: a git-style unified diff against the analysed revision that adds the design system
 * ({@code LunaDesignSystem/DS.swift} and its colour sets, read from the app's main bundle) and applies every finding's
 * edits. Edits that overlap an earlier one in the same file are left out (their findings stay in the report).
 */
public final class RedesignPatch {
    public static final String DIR = "LunaDesignSystem/";

    /** The patch text, how many files it touches (added ones included) and how many edits it applies. */
    public record Patch(String text, int files, int edits) {
    }

    private RedesignPatch() {
    }

    static Patch of(Map<String, String> sources, List<Finding> findings, DesignSystemFiles designSystem, List<String> existing) {
        var out = new StringBuilder();
        int files = 0;
        int applied = 0;
        var byFile = new TreeMap<String, List<Finding.Edit>>();
        for (Finding f : findings) if (!f.edits().isEmpty()) byFile.computeIfAbsent(f.file(), k -> new ArrayList<>()).addAll(f.edits());
        if (byFile.isEmpty()) return new Patch("", 0, 0);
        var added = new TreeMap<String, String>();
        added.put(DIR + "DS.swift", designSystem.swift("nil"));
        added.putAll(designSystem.assetCatalog(DIR + "Assets.xcassets/"));
        var all = new TreeMap<String, String[]>();
        for (var e : added.entrySet()) if (!existing.contains(e.getKey())) all.put(e.getKey(), new String[] {null, e.getValue()});
        for (var e : byFile.entrySet()) {
            String before = sources.get(e.getKey());
            var result = apply(before, e.getValue());
            applied += result.count;
            if (!result.text.equals(before)) all.put(e.getKey(), new String[] {before, result.text});
        }
        for (var e : all.entrySet()) {
            out.append(diff(e.getKey(), e.getValue()[0], e.getValue()[1]));
            files++;
        }
        return new Patch(out.toString(), files, applied);
    }

    private record Applied(String text, int count) {
    }

    /** Applies non-overlapping edits; insertions at the same offset are kept in the findings' order. */
    static Applied apply(String text, List<Finding.Edit> edits) {
        var sorted = new ArrayList<>(edits);
        sorted.sort(Comparator.comparingInt(Finding.Edit::start).thenComparingInt(Finding.Edit::end));
        var sb = new StringBuilder();
        int pos = 0;
        int count = 0;
        for (var e : sorted) {
            if (e.start() < pos) continue; // overlaps an applied edit
            sb.append(text, pos, e.start()).append(e.text());
            pos = e.end();
            count++;
        }
        sb.append(text.substring(pos));
        return new Applied(sb.toString(), count);
    }

    /** One file's section of a git diff; {@code before} null for a new file. */
    static String diff(String path, String before, String after) {
        var a = new RawText((before == null ? "" : before).getBytes(StandardCharsets.UTF_8));
        var b = new RawText(after.getBytes(StandardCharsets.UTF_8));
        EditList edits = DiffAlgorithm.getAlgorithm(DiffAlgorithm.SupportedAlgorithm.HISTOGRAM).diff(RawTextComparator.DEFAULT, a, b);
        var bytes = new ByteArrayOutputStream();
        try (var formatter = new DiffFormatter(bytes)) {
            formatter.setContext(3);
            formatter.format(edits, a, b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String header = "diff --git a/" + path + " b/" + path + "\n"
                + (before == null ? "new file mode 100644\n--- /dev/null\n" : "--- a/" + path + "\n") + "+++ b/" + path + "\n";
        return header + bytes.toString(StandardCharsets.UTF_8);
    }
}
