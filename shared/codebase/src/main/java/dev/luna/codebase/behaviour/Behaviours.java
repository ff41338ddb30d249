package dev.luna.codebase.behaviour;

import dev.luna.codebase.ProjectModel;
import dev.luna.codebase.source.SourceReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

/**
 * Finds behavioural evidence in an analysed project: annotations the Java model holds (schedules, listeners, commands,
 * configuration, tests, security, validation), line rules over every text file ({@code line-rules.tsv}: CLI commands,
 * UI routes, cron jobs, consumers, environment flags, tests, NFR hints, TODOs), configuration keys of
 * {@code application.properties}/{@code .yml}, file-based routes (Next.js, Expo) and README claims. HTTP endpoints and
 * data shapes are already in the {@link ProjectModel}. Sorted by {@link Behaviour#ORDER}, without duplicates.
 */
public final class Behaviours {
    /** Longest detail copied from a source line. */
    public static final int MAX_DETAIL = 160;
    /** Lines longer than this (minified code, data) are not scanned. */
    static final int MAX_LINE = 2_000;
    private final LineRules rules = LineRules.load();
    private final long maxFileBytes;

    public Behaviours() {
        this(1_000_000);
    }

    public Behaviours(long maxFileBytes) {
        this.maxFileBytes = maxFileBytes;
    }

    /**
     * @param root the checked-out project the model was built from
     * @param mask applied to every detail copied from the source (pass the secret detector)
     * @param stop polled between files; what was found until then is returned
     */
    public List<Behaviour> find(Path root, ProjectModel model, UnaryOperator<String> mask, BooleanSupplier stop) {
        var out = new LinkedHashSet<Behaviour>(JavaBehaviour.find(model.java(), mask));
        for (var e : model.entryPoints()) {
            if (e.kind().equals("next-page") || e.kind().equals("expo-route")) {
                out.add(new Behaviour("ui-route", FileRoutes.route(e.file()), e.kind(), e.file(), Math.max(1, e.line()), Math.max(1, e.line())));
            }
        }
        var reader = new SourceReader(root, maxFileBytes);
        for (var f : model.files()) {
            if (stop != null && stop.getAsBoolean()) break;
            if (f.bytes() > maxFileBytes || f.lines() == 0) continue;
            var text = reader.read(f.path());
            if (text == null || text.text().isEmpty()) continue;
            String[] lines = text.text().split("\n", -1);
            rules.scan(f.path(), lines, mask, out::add);
            if (ConfigKeys.wants(f.path())) out.addAll(ConfigKeys.find(f.path(), lines));
            if (ReadmeClaims.wants(f.path())) out.addAll(ReadmeClaims.find(f.path(), lines, mask));
        }
        var sorted = new ArrayList<>(out);
        sorted.sort(Behaviour.ORDER);
        return List.copyOf(sorted);
    }

    /** {@code text} on one line, trimmed, at most {@link #MAX_DETAIL} characters, masked. */
    static String detail(String text, UnaryOperator<String> mask) {
        String t = text.replaceAll("\\s+", " ").strip();
        if (t.length() > MAX_DETAIL) t = t.substring(0, MAX_DETAIL - 1) + "…";
        return mask == null ? t : mask.apply(t);
    }
}
