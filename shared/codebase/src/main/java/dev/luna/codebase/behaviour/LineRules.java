package dev.luna.codebase.behaviour;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Behaviour found line by line, with rules as data ({@code line-rules.tsv}: id, kind, scope, files, pattern). A rule
 * applies to files whose path its {@code files} pattern finds, in main code, test code or any ({@code scope}); its
 * {@code pattern} is searched in each line, and its named group {@code name} (or {@code name2}), when it matched,
 * names what was found; otherwise the matched text does.
 */
final class LineRules {
    /** Test sources and test data, by path. */
    static final Pattern TEST_PATH = Pattern.compile("(?i)(^|/)(tests?|__tests__|spec|specs|testdata|fixtures?|__mocks__|mocks?)/"
            + "|(^|/)[^/]*(Tests?|IT|Spec)\\.(java|kt|scala|groovy)$|(^|/)[^/]*_test\\.(go|py|rb)$|(^|/)test_[^/]*\\.py$"
            + "|\\.(test|spec)\\.[cm]?[jt]sx?$");

    record Rule(String id, String kind, String scope, Pattern files, Pattern pattern, boolean named) {
        boolean applies(String path, boolean test) {
            if (scope.equals("main") && test || scope.equals("test") && !test) return false;
            return files.matcher(path).find();
        }
    }

    private static final Pattern FUNCTION = Pattern.compile("^\\s*(?:async\\s+)?(?:def|function)\\s+([A-Za-z_][A-Za-z0-9_]*)");
    private final List<Rule> rules;

    private LineRules(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    static LineRules load() {
        try (InputStream in = Objects.requireNonNull(LineRules.class.getResourceAsStream("line-rules.tsv"), "line-rules.tsv")) {
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static LineRules parse(String tsv) {
        var out = new ArrayList<Rule>();
        for (String line : tsv.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] c = line.split("\t");
            if (c.length != 5) throw new IllegalArgumentException("line-rules.tsv: 5 tab-separated columns expected: " + line);
            if (!List.of("main", "test", "any").contains(c[2])) throw new IllegalArgumentException("line-rules.tsv: bad scope " + c[2]);
            out.add(new Rule(c[0], c[1], c[2], Pattern.compile(c[3]), Pattern.compile(c[4]), c[4].contains("(?<name>")));
        }
        return new LineRules(out);
    }

    List<Rule> rules() {
        return rules;
    }

    /** A decorator's function: the name of the first {@code def}/{@code function} within the next three lines (click's {@code @cli.command()}). */
    private static String nextFunction(String[] lines, int at) {
        for (int j = at + 1; j < Math.min(lines.length, at + 4); j++) {
            var m = FUNCTION.matcher(lines[j]);
            if (m.find()) return m.group(1).replace('_', '-');
        }
        return null;
    }

    void scan(String path, String[] lines, UnaryOperator<String> mask, Consumer<Behaviour> out) {
        boolean test = TEST_PATH.matcher(path).find();
        var applicable = rules.stream().filter(r -> r.applies(path, test)).toList();
        if (applicable.isEmpty()) return;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.length() > Behaviours.MAX_LINE || line.isBlank()) continue;
            for (var r : applicable) {
                var m = r.pattern().matcher(line);
                if (!m.find()) continue;
                String found = r.named() ? m.group("name") : null;
                if (found == null && r.pattern().pattern().contains("(?<name2>")) found = m.group("name2");
                if ((found == null || found.isBlank()) && r.kind().equals("cli-command")) found = nextFunction(lines, i);
                if (found == null || found.isBlank()) found = m.group();
                String name = Behaviours.detail(found, mask);
                out.accept(new Behaviour(r.kind(), name, Behaviours.detail(line, mask), path, i + 1, i + 1));
            }
        }
    }
}
