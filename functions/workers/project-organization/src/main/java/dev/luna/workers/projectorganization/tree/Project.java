package dev.luna.workers.projectorganization.tree;

import dev.luna.workers.projectorganization.OrganizationLimits;
import dev.luna.workers.projectorganization.Skipped;
import dev.luna.workers.projectorganization.rules.JunkRules;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;

/**
 * The analysed tree as the checks see it: its entries, which of them are junk (dependency folders, build outputs),
 * and bounded text reads (binary, oversized and over-budget files are reported and read as null).
 */
public final class Project {
    private final Snapshot snapshot;
    private final OrganizationLimits limits;
    private final BooleanSupplier stop;
    private final Map<String, JunkRules.Match> junk = new HashMap<>();
    private final Set<String> paths = new HashSet<>();
    private final Set<String> dirs = new HashSet<>();
    private final List<TreeEntry> sources = new ArrayList<>();
    private final Set<Skipped> skipped = new TreeSet<>(Skipped.ORDER);
    private long textBytes;

    public Project(Snapshot snapshot, OrganizationLimits limits, BooleanSupplier stop, JunkRules rules) {
        this.snapshot = snapshot;
        this.limits = limits;
        this.stop = stop;
        for (var e : snapshot.entries()) {
            paths.add(e.path());
            for (String d = e.dir(); !d.isEmpty() && dirs.add(d); d = parent(d)) {
                // every ancestor folder once
            }
        }
        for (var e : snapshot.entries()) {
            var m = rules.match(e.path(), paths::contains);
            if (m != null) junk.put(e.path(), m);
            else if (e.regular()) sources.add(e);
        }
        skipped.addAll(snapshot.skipped());
    }

    public Snapshot snapshot() {
        return snapshot;
    }

    public OrganizationLimits limits() {
        return limits;
    }

    public boolean stopped() {
        return stop.getAsBoolean();
    }

    public List<TreeEntry> entries() {
        return snapshot.entries();
    }

    /** Regular files outside junk folders, sorted by path: what the project's own sources are. */
    public List<TreeEntry> sources() {
        return List.copyOf(sources);
    }

    public boolean has(String path) {
        return paths.contains(path);
    }

    public boolean hasDir(String dir) {
        return dir.isEmpty() || dirs.contains(dir);
    }

    /** The junk rule that catches a file, or null. */
    public JunkRules.Match junk(String path) {
        return junk.get(path);
    }

    public Map<String, JunkRules.Match> junk() {
        return Map.copyOf(junk);
    }

    /**
     * The file as text (UTF-8, malformed bytes replaced), or null when it is absent, binary, larger than the file
     * limit or past the total text budget (each reported once).
     */
    public String text(String path) {
        var e = snapshot.entry(path);
        if (e == null || !e.regular()) return null;
        if (e.size() > limits.maxFileBytes()) {
            skip(path, "larger than " + limits.maxFileBytes() + " bytes: not read");
            return null;
        }
        if (textBytes + e.size() > limits.maxTextBytes()) {
            skip(".", "text budget of " + limits.maxTextBytes() + " bytes spent: some files were not read");
            return null;
        }
        try {
            byte[] bytes = snapshot.read(path, limits.maxFileBytes());
            if (bytes == null) return null;
            textBytes += bytes.length;
            if (binary(bytes)) return null;
            return decode(path, bytes);
        } catch (IOException | RuntimeException ex) {
            skip(path, "unreadable: " + ex.getClass().getSimpleName());
            return null;
        }
    }

    /**
     * The file's exact text when it is valid UTF-8 within the file limit, else null: for files the clean-up rewrites,
     * whose bytes must survive unchanged.
     */
    public String exactText(String path) {
        var e = snapshot.entry(path);
        if (e == null || !e.regular() || e.size() > limits.maxFileBytes()) return null;
        try {
            byte[] bytes = snapshot.read(path, limits.maxFileBytes());
            if (bytes == null || binary(bytes)) return null;
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (IOException | RuntimeException ex) {
            return null;
        }
    }

    public void skip(String path, String reason) {
        skipped.add(new Skipped(path, reason));
    }

    public List<Skipped> skipped() {
        return List.copyOf(skipped);
    }

    public static boolean binary(byte[] bytes) {
        int n = Math.min(bytes.length, 8000);
        for (int i = 0; i < n; i++) if (bytes[i] == 0) return true;
        return false;
    }

    private String decode(String path, byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            skip(path, "not UTF-8: read with replacement characters");
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    public static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    public static String name(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
