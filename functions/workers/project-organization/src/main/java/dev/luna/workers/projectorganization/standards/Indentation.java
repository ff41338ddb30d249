package dev.luna.workers.projectorganization.standards;

import dev.luna.workers.projectorganization.tree.Project;
import java.util.function.Predicate;

/** The indentation and line endings a project's files already use, read from a sample of them. */
public final class Indentation {
    private static final int SAMPLE = 200;

    /**
     * @param tabs  whether most indented lines start with a tab
     * @param size  2, 4 or 8: the largest width that (nearly) every space indentation is a multiple of
     * @param crlf  whether most sampled files end their lines with CRLF
     * @param files how many files the verdict rests on (0: the defaults were used)
     */
    public record Style(boolean tabs, int size, boolean crlf, int files) {
    }

    private Indentation() {
    }

    public static Style detect(Project project, Predicate<String> wanted, int defaultSize) {
        long tabLines = 0;
        long spaceLines = 0;
        long[] divisible = new long[9];
        int files = 0;
        int crlfFiles = 0;
        for (var e : project.sources()) {
            if (files >= SAMPLE || project.stopped()) break;
            if (!wanted.test(e.path())) continue;
            String text = project.text(e.path());
            if (text == null || text.isEmpty()) continue;
            files++;
            if (text.contains("\r\n")) crlfFiles++;
            for (var line : text.split("\n", -1)) {
                if (line.isBlank()) continue;
                if (line.charAt(0) == '\t') {
                    tabLines++;
                    continue;
                }
                int n = 0;
                while (n < line.length() && line.charAt(n) == ' ') n++;
                if (n == 0 || n > 32 || line.charAt(n) == '*') continue;
                spaceLines++;
                for (int w : new int[] {2, 4, 8}) if (n % w == 0) divisible[w]++;
            }
        }
        if (files == 0 || tabLines + spaceLines == 0) return new Style(false, defaultSize, files > 0 && crlfFiles * 2 > files, files);
        if (tabLines > spaceLines) return new Style(true, defaultSize, crlfFiles * 2 > files, files);
        int size = 2;
        if (divisible[4] >= spaceLines * 0.9) size = 4;
        if (divisible[8] >= spaceLines * 0.9 && size == 4 && defaultSize == 8) size = 8;
        return new Style(false, size, crlfFiles * 2 > files, files);
    }
}
