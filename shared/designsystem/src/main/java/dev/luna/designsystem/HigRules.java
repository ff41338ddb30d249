package dev.luna.designsystem;

import dev.luna.core.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The HIG rules as data ({@code hig-rules.json} in this package), sorted by id. */
public final class HigRules {
    private record File(List<HigRule> rules) {
    }

    private final List<HigRule> rules;
    private final Map<String, HigRule> byId;

    private HigRules(List<HigRule> rules) {
        this.rules = rules.stream().sorted((a, b) -> a.id().compareTo(b.id())).toList();
        this.byId = this.rules.stream().collect(Collectors.toMap(HigRule::id, Function.identity()));
    }

    /** The rules shipped with Luna. */
    public static HigRules standard() {
        try (InputStream in = HigRules.class.getResourceAsStream("hig-rules.json")) {
            return new HigRules(Json.mapper().readValue(in, File.class).rules());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every rule, sorted by id. */
    public List<HigRule> all() {
        return rules;
    }

    /** The rule with this id; throws if there is none (a typo in a checker is a bug). */
    public HigRule get(String id) {
        HigRule rule = byId.get(id);
        if (rule == null) {
            throw new NoSuchElementException("no HIG rule " + id);
        }
        return rule;
    }
}
