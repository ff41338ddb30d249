package dev.luna.workers.codeanalysis.security;

import dev.luna.workers.codeanalysis.findings.AnalysisInput;
import dev.luna.workers.codeanalysis.findings.AnalyzerResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Test helpers: the fixture tree, running the analyzer on a directory, and reading ruleid:/ok: annotations. */
final class Fixtures {
    static final SecurityAnalyzer ANALYZER = new SecurityAnalyzer();
    private static final Pattern ANNOTATION = Pattern.compile("//\\s*(ruleid|ok)\\s*:\\s*([a-z0-9-]+)");

    private Fixtures() {
    }

    static Path resource(String path) {
        try {
            var url = Fixtures.class.getResource(path);
            if (url == null) throw new IllegalStateException("no test resource " + path);
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> files(Path root) {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/')).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static AnalyzerResult analyze(Path root) {
        return ANALYZER.analyze(new AnalysisInput(root, files(root), () -> false));
    }

    /** "file:line" of every line annotated {@code kind} ("ruleid" or "ok") for {@code rule} under {@code root}. */
    static Set<String> annotated(Path root, String kind, String rule) {
        var out = new TreeSet<String>();
        for (String rel : files(root)) {
            if (!rel.endsWith(".java")) continue;
            List<String> lines = read(root.resolve(rel));
            for (int i = 0; i < lines.size(); i++) {
                var m = ANNOTATION.matcher(lines.get(i));
                while (m.find()) {
                    if (!m.group(1).equals(kind) || !m.group(2).equals(rule)) continue;
                    String before = lines.get(i).substring(0, lines.get(i).indexOf("//")).strip();
                    int target = i;
                    if (before.isEmpty()) {
                        target = i + 1;
                        while (target < lines.size() && (lines.get(target).isBlank() || lines.get(target).strip().startsWith("//"))) target++;
                    }
                    out.add(rel + ":" + (target + 1));
                }
            }
        }
        return out;
    }

    static List<String> read(Path p) {
        try {
            return Files.readAllLines(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
