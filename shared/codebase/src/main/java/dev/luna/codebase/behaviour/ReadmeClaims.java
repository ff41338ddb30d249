package dev.luna.codebase.behaviour;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * What a README says the project does: the bullet points under a heading about features, capabilities, usage or
 * what the project does (at most {@link #MAX} per file), in the project's root README or a module's.
 */
final class ReadmeClaims {
    static final int MAX = 30;
    private static final Pattern FILE = Pattern.compile("(?i)(^|/)readme(\\.md|\\.markdown|\\.rst|\\.txt)?$");
    private static final Pattern HEADING = Pattern.compile("^(#{1,4})\\s+(.*)$");
    private static final Pattern TOPIC = Pattern.compile("(?i)feature|capabilit|what (it|this) does|functionality|highlights|overview|usage");
    private static final Pattern BULLET = Pattern.compile("^\\s{0,3}[-*+]\\s+(.{8,})$");

    private ReadmeClaims() {
    }

    static boolean wants(String path) {
        return FILE.matcher(path).find() && path.chars().filter(c -> c == '/').count() <= 2 && !LineRules.TEST_PATH.matcher(path).find();
    }

    static List<Behaviour> find(String path, String[] lines, UnaryOperator<String> mask) {
        var out = new ArrayList<Behaviour>();
        boolean inTopic = false;
        boolean fence = false;
        for (int i = 0; i < lines.length && out.size() < MAX; i++) {
            String l = lines[i];
            if (l.strip().startsWith("```")) fence = !fence;
            if (fence || l.length() > Behaviours.MAX_LINE) continue;
            var h = HEADING.matcher(l);
            if (h.find()) {
                inTopic = TOPIC.matcher(h.group(2)).find();
                continue;
            }
            var b = BULLET.matcher(l);
            if (inTopic && b.find()) {
                String claim = plain(b.group(1));
                if (claim.length() >= 8 && !claim.toLowerCase(Locale.ROOT).startsWith("http")) {
                    out.add(new Behaviour("readme-claim", Behaviours.detail(claim, mask), "README", path, i + 1, i + 1));
                }
            }
        }
        return out;
    }

    /** Markdown emphasis, links and code marks removed. */
    static String plain(String markdown) {
        return markdown.replaceAll("!?\\[([^\\]]*)]\\([^)]*\\)", "$1").replaceAll("[*_`]+", "").strip();
    }
}
