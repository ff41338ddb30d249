package dev.luna.codebase.architecture;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The rows of {@code externals.tsv}: which evidence names which external system. */
final class ExternalRules {
    record Rule(String id, String name, String kind, String group, String technology, String how, String scope, String pattern, Pattern regex) {
        boolean generic() {
            return id.equals(group);
        }
    }

    final List<Rule> rules = new ArrayList<>();

    ExternalRules() {
        for (var row : Rules.read("externals.tsv", 6)) {
            String evidence = row[5];
            int colon = evidence.indexOf(':');
            String how = evidence.substring(0, colon);
            String rest = evidence.substring(colon + 1);
            switch (how) {
                case "dep", "import" -> {
                    int second = rest.indexOf(':');
                    rules.add(new Rule(row[0], row[1], row[2], row[3], row[4], how, rest.substring(0, second), rest.substring(second + 1), null));
                }
                case "config", "code" -> rules.add(new Rule(row[0], row[1], row[2], row[3], row[4], how, "", rest, Pattern.compile(rest)));
                default -> throw new IllegalStateException("externals.tsv: unknown evidence " + evidence);
            }
        }
    }

    List<Rule> of(String how) {
        return rules.stream().filter(r -> r.how.equals(how)).toList();
    }
}
