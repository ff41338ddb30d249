package dev.luna.workers.projectorganization;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One thing the clean-up found.
 *
 * @param id         stable: {@code kind:subject}; the same project gives the same ids
 * @param kind       what was found ({@code unused-java-class}, {@code tracked-build-output}, {@code gitignore-weak}…);
 *                   every kind is described once in {@code rules/kinds.tsv}
 * @param check      the group it belongs to
 * @param subject    what it is about: a path ({@code node_modules}, {@code src/Foo.java}), a dependency
 *                   ({@code npm:lodash}) or a topic ({@code README.md#usage})
 * @param files      the files concerned, relative, '/' separated, sorted; at most {@link #MAX_FILES}
 * @param moreFiles  how many more files there are beyond {@code files}
 * @param evidence   why it is considered so, in words (secrets masked)
 * @param action     what to do: {@code delete}, {@code untrack}, {@code ignore}, {@code add-file}, {@code edit},
 *                   {@code remove-dependency}, {@code declare-dependency}, {@code align-versions},
 *                   {@code rewrite-history}, {@code rotate-secret}, {@code move} or {@code review}
 * @param proposal   the concrete change proposed, in words or as a command
 * @param inPatch    whether {@code cleanup.patch} carries the change
 */
public record Finding(String id, String kind, Check check, Severity severity, Confidence confidence, String subject, List<String> files,
                      int moreFiles, String evidence, String action, String proposal, boolean inPatch) {
    public static final int MAX_FILES = 50;

    /** By check, severity (most serious first), kind, then subject. */
    public static final Comparator<Finding> ORDER = Comparator.comparing(Finding::check).thenComparing(Finding::severity)
            .thenComparing(Finding::kind).thenComparing(Finding::subject);

    public Finding {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "subject");
        var sorted = files == null ? List.<String>of() : files.stream().sorted().distinct().toList();
        if (sorted.size() > MAX_FILES) {
            moreFiles += sorted.size() - MAX_FILES;
            sorted = sorted.subList(0, MAX_FILES);
        }
        files = List.copyOf(sorted);
        id = id == null ? kind + ":" + subject : id;
    }

    public Finding withInPatch(boolean value) {
        return new Finding(id, kind, check, severity, confidence, subject, files, moreFiles, evidence, action, proposal, value);
    }
}
