package dev.luna.workers.cloudflare.inventory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The line rules of {@code rules/signals.tsv} run over the project's program files: Node built-ins and packages that
 * do not run on Workers, datastore and AWS SDK calls, schedulers, sockets, environment variables, Lambda handlers.
 * One item per rule and file (its first line), one per environment variable name (its first use); tests are skipped.
 */
public final class CodeSignals {
    private static final Pattern SECRET_NAME = Pattern.compile("(KEY|SECRET|TOKEN|PASSWORD|PASSWD|PASS|CREDENTIAL|PRIVATE|DSN|DATABASE_URL)");
    private static final List<Rule> RULES = load();

    record Rule(String id, String category, String verdict, Set<String> languages, Pattern pattern, String target, String note) {
    }

    private final Set<String> seen = new HashSet<>();
    private final List<Item> items = new ArrayList<>();

    /** The language family of a path ({@code js}, {@code py}, {@code java}), or null for files these rules do not read. */
    public static String family(String path) {
        String p = path.toLowerCase(Locale.ROOT);
        if (p.contains("/test/") || p.contains("__tests__") || p.contains(".test.") || p.contains(".spec.") || p.startsWith("test/")
                || p.startsWith("tests/") || p.contains("/tests/") || p.endsWith(".d.ts")) return null;
        if (p.matches(".*\\.(js|mjs|cjs|jsx|ts|mts|cts|tsx)$")) return "js";
        if (p.endsWith(".py")) return "py";
        if (p.endsWith(".java")) return "java";
        return null;
    }

    public void scan(String path, String text) {
        String family = family(path);
        if (family == null) return;
        var lines = text.split("\n", -1);
        for (var rule : RULES) {
            if (!rule.languages.contains(family)) continue;
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].length() > 2000) continue;
                Matcher m = rule.pattern.matcher(lines[i]);
                if (!m.find()) continue;
                if (rule.category.equals("env")) {
                    String name = m.group(1);
                    if (!seen.add("env:" + name)) continue;
                    boolean secret = SECRET_NAME.matcher(name).find();
                    items.add(new Item(secret ? "secret" : "env", name, path, i + 1, "direct", secret ? "secret (wrangler secret put " + name + ")" : "vars." + name,
                            secret ? "a secret: set it with wrangler secret put, never in wrangler.jsonc" : rule.note));
                    continue;
                }
                if (seen.add(rule.id + ":" + path)) items.add(new Item(rule.category, rule.id, path, i + 1, rule.verdict, rule.target, rule.note));
                break;
            }
        }
    }

    /** What was found, sorted. */
    public List<Item> items() {
        return items.stream().sorted(Item.ORDER).toList();
    }

    private static List<Rule> load() {
        try (InputStream in = CodeSignals.class.getResourceAsStream("/rules/signals.tsv")) {
            var out = new ArrayList<Rule>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] f = line.split("\t");
                if (f.length != 7) throw new IllegalStateException("rules/signals.tsv: 7 fields expected in " + line);
                out.add(new Rule(f[0], f[1], f[2], Set.of(f[3].split(",")), Pattern.compile(f[4]), f[5], f[6]));
            }
            return List.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rules' ids, for the rule fixtures test. */
    public static List<String> ruleIds() {
        return RULES.stream().map(Rule::id).toList();
    }
}
