package dev.luna.codebase.metrics;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Lexer-based size and complexity metrics for every language family (see {@link Lexer} and {@link Functions} for
 * the decisions). Stateless and thread-safe; nothing of the measured project is executed. A file that cannot be read,
 * is binary or larger than the limit is a reported skip.
 */
public final class CodeMetrics {
    /** How many hotspots a project reports. */
    public static final int HOTSPOTS = 20;
    private final long maxFileBytes;

    public CodeMetrics(long maxFileBytes) {
        this.maxFileBytes = maxFileBytes;
    }

    /** Files up to 4 MiB. */
    public CodeMetrics() {
        this(4L << 20);
    }

    /** Whether {@code path} is in a language measured here. */
    public static boolean measures(String path) {
        return Languages.of(path) != null;
    }

    /** The measures of one text as the file {@code path}, or null when its language is not one measured here. */
    public FileMetrics measure(String path, String text) {
        LanguageSpec spec = Languages.of(path);
        if (spec == null) return null;
        Tokens tokens = Lexer.lex(text, spec);
        int code = 0;
        int comment = 0;
        int blank = 0;
        for (int i = 1; i <= tokens.lineCount; i++) {
            byte f = tokens.lineFlags[i];
            if ((f & Lexer.CODE) != 0) code++;
            else if ((f & Lexer.COMMENT) != 0) comment++;
            else blank++;
        }
        double ratio = code + comment == 0 ? 0 : Math.round(comment * 1000.0 / (code + comment)) / 1000.0;
        List<FunctionMetrics> functions = spec.code() ? Functions.find(tokens, spec) : List.of();
        return new FileMetrics(path, spec.name(), spec.code(), tokens.lineCount, code, comment, blank, ratio, functions);
    }

    /** Measures {@code files} (relative to {@code root}); files in other languages are left out silently. */
    public ProjectMetrics measure(Path root, List<String> files, BooleanSupplier stop) {
        Path base = root.toAbsolutePath().normalize();
        var measured = new ArrayList<FileMetrics>();
        var skipped = new ArrayList<ProjectMetrics.Skipped>();
        boolean complete = true;
        for (String file : files) {
            if (!measures(file)) continue;
            if (stop != null && stop.getAsBoolean()) {
                complete = false;
                break;
            }
            Path p = base.resolve(file).normalize();
            try {
                if (!p.startsWith(base) || !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    skipped.add(new ProjectMetrics.Skipped(file, "not a regular file inside the project"));
                    continue;
                }
                long size = Files.size(p);
                if (size > maxFileBytes) {
                    skipped.add(new ProjectMetrics.Skipped(file, "too large (" + size + " bytes)"));
                    continue;
                }
                byte[] bytes = Files.readAllBytes(p);
                if (binary(bytes)) {
                    skipped.add(new ProjectMetrics.Skipped(file, "binary"));
                    continue;
                }
                measured.add(measure(file, decode(bytes)));
            } catch (IOException | RuntimeException | StackOverflowError e) {
                skipped.add(new ProjectMetrics.Skipped(file, "unreadable: " + e.getClass().getSimpleName()));
            }
        }
        return summarise(measured, skipped, complete);
    }

    /** Totals and hotspots over already measured files. */
    public static ProjectMetrics summarise(List<FileMetrics> files, List<ProjectMetrics.Skipped> skipped, boolean complete) {
        var sortedFiles = files.stream().sorted(Comparator.comparing(FileMetrics::path)).toList();
        Map<String, long[]> sums = new LinkedHashMap<>();
        Map<String, Boolean> isCode = new LinkedHashMap<>();
        var hotspots = new ArrayList<Hotspot>();
        for (FileMetrics f : sortedFiles) {
            long[] s = sums.computeIfAbsent(f.language(), k -> new long[6]);
            s[0]++;
            s[1] += f.lines();
            s[2] += f.codeLines();
            s[3] += f.commentLines();
            s[4] += f.blankLines();
            s[5] += f.functions().size();
            isCode.put(f.language(), f.code());
            for (FunctionMetrics fn : f.functions()) {
                hotspots.add(new Hotspot(f.path(), f.language(), fn.name(), fn.startLine(), fn.endLine(), fn.complexity(), fn.lines()));
            }
        }
        var totals = new ArrayList<LanguageTotals>();
        sums.forEach((lang, s) -> totals.add(new LanguageTotals(lang, isCode.get(lang), (int) s[0], s[1], s[2], s[3], s[4], s[5])));
        totals.sort(Comparator.comparingLong(LanguageTotals::codeLines).reversed().thenComparing(LanguageTotals::language));
        hotspots.sort(Comparator.comparingInt(Hotspot::complexity).reversed().thenComparing(Comparator.comparingInt(Hotspot::lines).reversed())
                .thenComparing(Hotspot::file).thenComparingInt(Hotspot::startLine));
        var skips = skipped.stream().sorted(Comparator.comparing(ProjectMetrics.Skipped::file)).toList();
        return new ProjectMetrics(sortedFiles, totals, hotspots.subList(0, Math.min(HOTSPOTS, hotspots.size())), skips, complete);
    }

    private static boolean binary(byte[] bytes) {
        for (int i = 0, n = Math.min(bytes.length, 8000); i < n; i++) {
            if (bytes[i] == 0) return true;
        }
        return false;
    }

    private static String decode(byte[] bytes) throws IOException {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(bytes)).toString();
    }
}
