package dev.luna.workers.cloudflare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.luna.workers.cloudflare.inventory.CodeSignals;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The line rules of rules/signals.tsv against annotated fixture lines (fixtures/signals.txt): a line marked
 * {@code ruleid: <id>} must be found by that rule, a line marked {@code ok: <id>} must not; every rule has both.
 */
class RulesTest {
    @Test
    void everyRuleMatchesItsRuleidLinesAndNotItsOkLines() throws Exception {
        String text;
        try (var in = RulesTest.class.getResourceAsStream("/fixtures/signals.txt")) {
            text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        var withRuleid = new HashSet<String>();
        var withOk = new HashSet<String>();
        var failures = new ArrayList<String>();
        String[] lines = text.split("\n");
        for (int i = 0; i + 1 < lines.length; i++) {
            String marker = lines[i].strip();
            var m = java.util.regex.Pattern.compile("^(?://|#) (ruleid|ok): ([a-z0-9-]+) (js|py|java)$").matcher(marker);
            if (!m.matches()) continue;
            String ext = m.group(3).equals("js") ? "ts" : m.group(3);
            var signals = new CodeSignals();
            signals.scan("src/sample." + ext, lines[i + 1]);
            boolean found = signals.items().stream().anyMatch(it -> it.name().equals(m.group(2)) || it.category().equals("env") && m.group(2).startsWith("env-var")
                    || it.category().equals("secret") && m.group(2).startsWith("env-var"));
            if (m.group(1).equals("ruleid")) {
                withRuleid.add(m.group(2));
                if (!found) failures.add("line " + (i + 2) + " should match " + m.group(2));
            } else {
                withOk.add(m.group(2));
                if (found) failures.add("line " + (i + 2) + " should not match " + m.group(2));
            }
        }
        assertThat(failures).isEmpty();
        List<String> ids = CodeSignals.ruleIds();
        assertThat(withRuleid).containsAll(ids);
        assertThat(withOk).containsAll(ids);
    }
}
