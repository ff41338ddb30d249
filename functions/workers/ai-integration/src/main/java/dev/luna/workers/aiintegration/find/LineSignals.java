package dev.luna.workers.aiintegration.find;

import dev.luna.core.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Opportunities seen in source and content lines ({@code rules/signals.json}): error handling and error logs, HTML
 * forms and form classes, help and FAQ content. One candidate per kind and file, with its first few lines as evidence.
 */
final class LineSignals {
    static final int SPOTS_PER_FILE = 3;
    private static final Rules RULES = Rules.load();

    private record Rule(String kind, String id, Set<String> ext, Pattern regex, double weight, String detail) {
    }

    private record Rules(List<Rule> rules, long maxFileBytes, Pattern supportPaths, Set<String> supportExt) {
        static Rules load() {
            JsonNode root = Json.tree(Kinds.resource("rules/signals.json"));
            var rules = new ArrayList<Rule>();
            for (var r : root.get("signals")) {
                rules.add(new Rule(r.get("kind").asString(), r.get("id").asString(), strings(r.get("ext")), Pattern.compile(r.get("regex").asString()),
                        r.get("weight").asDouble(), r.get("detail").asString()));
            }
            return new Rules(List.copyOf(rules), root.get("maxFileBytes").asLong(), Pattern.compile(root.get("supportPaths").asString()),
                    strings(root.get("supportExt")));
        }

        private static Set<String> strings(JsonNode array) {
            var out = new java.util.TreeSet<String>();
            array.forEach(n -> out.add(n.asString()));
            return Set.copyOf(out);
        }
    }

    private LineSignals() {
    }

    /** Scans the files (relative to root, sorted); stops early when {@code stop} says so. */
    static List<Candidate> find(Path root, List<String> files, BooleanSupplier stop) {
        var out = new ArrayList<Candidate>();
        for (String file : files) {
            if (stop.getAsBoolean()) break;
            String ext = extension(file);
            var rules = RULES.rules().stream().filter(r -> r.ext().contains(ext)).toList();
            boolean supportFile = RULES.supportExt().contains(ext) && RULES.supportPaths().matcher(file).find();
            if (rules.isEmpty() && !supportFile) continue;
            List<String> lines = read(root.resolve(file));
            if (lines == null) continue;
            if (supportFile && !lines.isEmpty()) {
                out.add(new Candidate("support-assistant", file, 1.0, List.of(new Spot(file, 1, "help or support content (" + file + ")"))));
            }
            var byKind = new TreeMap<String, List<Spot>>();
            var weights = new TreeMap<String, Double>();
            var counts = new TreeMap<String, Integer>();
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.length() > 2000) continue;
                for (var r : rules) {
                    if (!r.regex().matcher(line).find()) continue;
                    counts.merge(r.kind(), 1, Integer::sum);
                    var spots = byKind.computeIfAbsent(r.kind(), k -> new ArrayList<>());
                    if (spots.size() < SPOTS_PER_FILE) spots.add(new Spot(file, i + 1, r.detail()));
                    weights.merge(r.kind(), r.weight(), Math::max);
                    break;
                }
            }
            for (Map.Entry<String, List<Spot>> e : byKind.entrySet()) {
                if (e.getKey().equals("support-assistant") && supportFile) continue;
                int n = counts.get(e.getKey());
                String subject = file + (n > 1 ? " (" + n + " places)" : "");
                out.add(new Candidate(e.getKey(), subject, weights.get(e.getKey()), e.getValue()));
            }
        }
        return out;
    }

    private static List<String> read(Path path) {
        try {
            if (Files.size(path) > RULES.maxFileBytes()) return null;
            var decoder = StandardCharsets.UTF_8.newDecoder();
            String text = decoder.decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(path))).toString();
            return text.lines().toList();
        } catch (CharacterCodingException e) {
            return null;
        } catch (IOException e) {
            return null;
        }
    }

    private static String extension(String file) {
        String name = file.substring(file.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
