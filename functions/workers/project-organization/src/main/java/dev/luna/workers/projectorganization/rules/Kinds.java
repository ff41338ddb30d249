package dev.luna.workers.projectorganization.rules;

import dev.luna.workers.projectorganization.Check;
import dev.luna.workers.projectorganization.Confidence;
import dev.luna.workers.projectorganization.Finding;
import dev.luna.workers.projectorganization.Severity;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The finding kinds of {@code kinds.tsv} (check, default severity, action, title), and findings made from them. */
public final class Kinds {
    /** One kind's metadata. */
    public record Kind(String id, Check check, Severity severity, String action, String title) {
    }

    private final Map<String, Kind> kinds = new TreeMap<>();

    public Kinds() {
        for (var row : Tsv.read("kinds.tsv", 5)) {
            var check = Check.of(row[1]);
            if (check == null) throw new IllegalStateException("kinds.tsv: unknown check " + row[1]);
            if (kinds.put(row[0], new Kind(row[0], check, Severity.parse(row[2]), row[3], row[4])) != null) {
                throw new IllegalStateException("kinds.tsv: duplicate kind " + row[0]);
            }
        }
    }

    public Kind kind(String id) {
        var k = kinds.get(id);
        if (k == null) throw new IllegalArgumentException("unknown finding kind " + id);
        return k;
    }

    public Collection<Kind> all() {
        return kinds.values();
    }

    /** A finding of {@code kind} with its default severity and action. */
    public Finding finding(String kind, String subject, Collection<String> files, String evidence, Confidence confidence, String proposal) {
        return finding(kind, null, subject, files, evidence, confidence, proposal);
    }

    /** A finding with its severity chosen here ({@code null}: the kind's default). */
    public Finding finding(String kind, Severity severity, String subject, Collection<String> files, String evidence, Confidence confidence,
                           String proposal) {
        var k = kind(kind);
        return new Finding(null, kind, k.check(), severity == null ? k.severity() : severity, confidence, subject,
                files == null ? List.of() : List.copyOf(files), 0, evidence, k.action(), proposal, false);
    }
}
