package dev.luna.workers.requirements;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Checks every evidence link in a requirements.json against the checkout on disk, independently of the worker: the
 * file exists under the root (no escape), and the line range lies inside it. Returns the broken links and counts the good.
 */
final class LinkCheck {
    int checked;
    final List<String> broken = new ArrayList<>();
    private final Path root;
    private final Map<String, Integer> lines = new HashMap<>();

    LinkCheck(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    LinkCheck check(JsonNode node) throws IOException {
        if (node.isObject() && node.has("file") && node.has("startLine") && node.has("endLine")) link(node);
        else if (node.isContainer()) for (var child : node) check(child);
        return this;
    }

    private void link(JsonNode l) throws IOException {
        checked++;
        String file = l.get("file").asString();
        int start = l.get("startLine").asInt();
        int end = l.get("endLine").asInt();
        Path p = root.resolve(file).normalize();
        if (!p.startsWith(root) || !Files.isRegularFile(p)) {
            broken.add(file + " does not exist");
            return;
        }
        int n = lines.computeIfAbsent(file, f -> count(p));
        if (start < 1 || end < start || end > n) broken.add(file + ":" + start + "-" + end + " is outside its " + n + " lines");
    }

    private static int count(Path p) {
        try {
            String text = new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
            if (text.isEmpty()) return 0;
            int n = (int) text.chars().filter(c -> c == '\n').count();
            return text.endsWith("\n") ? n : n + 1;
        } catch (IOException e) {
            return -1;
        }
    }
}
