package dev.luna.codebase.apispec;

import dev.luna.codebase.LiteralMask;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The comment written just above a handler (Javadoc, JSDoc, {@code //} or {@code #} lines), annotations skipped; masked. */
final class HandlerComments {
    private static final int MAX = 600;
    private final Path root;
    private final Map<String, List<String>> files = new HashMap<>();
    private final LiteralMask mask = new LiteralMask();

    HandlerComments(Path root) {
        this.root = root;
    }

    /** The comment above 1-based {@code line} of {@code file} as one line of prose, or an empty string. */
    String above(String file, int line) {
        var lines = files.computeIfAbsent(file, this::read);
        var out = new ArrayList<String>();
        int i = Math.min(line, lines.size() + 1) - 2;
        while (i >= 0 && lines.get(i).strip().startsWith("@")) i--;
        boolean block = i >= 0 && lines.get(i).strip().endsWith("*/");
        for (; i >= 0; i--) {
            String t = lines.get(i).strip();
            if (block) {
                out.addFirst(t);
                if (t.startsWith("/*")) break;
            } else if (t.startsWith("//") || (t.startsWith("#") && !t.startsWith("#["))) {
                out.addFirst(t);
            } else {
                break;
            }
        }
        var text = new StringBuilder();
        for (var raw : out) {
            String t = raw.replaceFirst("^(/\\*\\*?|\\*/|\\*|//+|#+)", "").replace("*/", "").strip();
            if (t.startsWith("@")) break;
            if (!t.isEmpty()) text.append(text.isEmpty() ? "" : " ").append(t);
        }
        String prose = text.toString().replaceAll("<[^>]+>", "").replaceAll("\\{@\\w+\\s+([^}]*)}", "$1").replaceAll("\\s+", " ").strip();
        if (prose.length() > MAX) prose = prose.substring(0, MAX - 1).strip() + "…";
        return mask.apply(prose);
    }

    private List<String> read(String file) {
        try {
            var path = root.resolve(file).normalize();
            if (!path.startsWith(root.normalize()) || !Files.isRegularFile(path) || Files.size(path) > 2_000_000) return List.of();
            return new String(Files.readAllBytes(path), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
