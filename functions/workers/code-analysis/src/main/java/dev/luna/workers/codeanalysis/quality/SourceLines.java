package dev.luna.workers.codeanalysis.quality;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The lines of the files that have findings, read once each, for snippets (trimmed, at most 200 characters). Not thread-safe: one per analysis. */
public final class SourceLines {
    private final Path root;
    private final Map<String, List<String>> cache = new HashMap<>();

    public SourceLines(Path root) {
        this.root = root;
    }

    public String line(String file, int line) {
        List<String> lines = cache.computeIfAbsent(file, this::read);
        if (line < 1 || line > lines.size()) return "";
        String s = lines.get(line - 1).strip();
        return s.length() > 200 ? s.substring(0, 200) : s;
    }

    private List<String> read(String file) {
        try {
            byte[] bytes = Files.readAllBytes(root.resolve(file));
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(bytes)).toString();
            return text.lines().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
