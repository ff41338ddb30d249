package dev.luna.codebase.lang;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Language of a file from its name (rules in {@code languages.tsv}), its shebang, and a few content rules:
 * {@code .h} is C++ or Objective-C when its text says so, {@code .m} is MATLAB when it does not look like Objective-C.
 */
public final class Languages {
    private static final Pattern CPP_HEADER = Pattern.compile(
            "\\b(class\\s+\\w+\\s*[:{]|namespace\\s+\\w+|template\\s*<|std::|public:|private:|#include\\s*<(iostream|string|vector|memory|map)>)");
    private static final Pattern OBJC = Pattern.compile("@(interface|implementation|protocol|property)\\b|#import\\s");
    private static final Map<String, String> SHEBANG = Map.of("python", "Python", "python3", "Python", "node", "JavaScript",
            "bash", "Shell", "sh", "Shell", "zsh", "Shell", "ruby", "Ruby", "perl", "Perl", "deno", "TypeScript", "bun", "TypeScript");

    private final Map<String, String> byExtension = new HashMap<>();
    private final Map<String, String> byName = new HashMap<>();

    public Languages() {
        var in = Objects.requireNonNull(Languages.class.getResourceAsStream("languages.tsv"), "languages.tsv");
        try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) continue;
                var cols = line.split("\t");
                if (cols[0].startsWith("=")) byName.put(cols[0].substring(1), cols[1]);
                else byExtension.put(cols[0], cols[1]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The language of {@code path}, using {@code text} (may be empty) for shebangs and ambiguous extensions; null when unknown. */
    public String detect(String path, String text) {
        int slash = path.lastIndexOf('/');
        String name = path.substring(slash + 1);
        String known = byName.get(name);
        if (known != null) return known;
        int dot = name.lastIndexOf('.');
        String ext = dot <= 0 ? "" : name.substring(dot);
        if (ext.equals(".h")) return header(text);
        if (ext.equals(".m")) return text.isEmpty() || OBJC.matcher(head(text)).find() ? "Objective-C" : "MATLAB";
        if (name.startsWith("Dockerfile.") || name.endsWith(".dockerfile")) return "Dockerfile";
        String lang = byExtension.get(ext);
        if (lang == null) lang = byExtension.get(ext.toLowerCase(java.util.Locale.ROOT));
        if (lang == null && text.startsWith("#!")) lang = shebang(text);
        return lang;
    }

    private static String header(String text) {
        String head = head(text);
        if (OBJC.matcher(head).find()) return "Objective-C";
        return CPP_HEADER.matcher(head).find() ? "C++" : "C";
    }

    private static String head(String text) {
        return text.length() > 20_000 ? text.substring(0, 20_000) : text;
    }

    private static String shebang(String text) {
        int nl = text.indexOf('\n');
        String first = (nl < 0 ? text : text.substring(0, nl)).trim();
        var parts = first.substring(2).trim().split("\\s+");
        if (parts.length == 0) return null;
        String cmd = parts[0].substring(parts[0].lastIndexOf('/') + 1);
        if (cmd.equals("env")) {
            cmd = "";
            for (int i = 1; i < parts.length; i++) {
                if (!parts[i].startsWith("-")) {
                    cmd = parts[i];
                    break;
                }
            }
        }
        String lang = SHEBANG.get(cmd);
        if (lang == null && cmd.startsWith("python")) lang = "Python";
        return lang;
    }
}
