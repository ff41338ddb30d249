package dev.luna.codebase.behaviour;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Configuration keys a Spring-style application declares ({@code application*.properties}, {@code application*.yml},
 * {@code bootstrap*}): each key with its line; values are never copied (they may be secrets).
 */
final class ConfigKeys {
    private static final Pattern FILE = Pattern.compile("(^|/)(application|bootstrap)[A-Za-z0-9_-]*\\.(properties|ya?ml)$");
    private static final Pattern PROPERTY = Pattern.compile("^\\s*([A-Za-z0-9_.\\-\\[\\]]+)\\s*[=:]");
    private static final Pattern YAML = Pattern.compile("^( *)([A-Za-z0-9_.\\-]+)\\s*:(\\s|$)");

    private ConfigKeys() {
    }

    static boolean wants(String path) {
        return FILE.matcher(path).find() && !LineRules.TEST_PATH.matcher(path).find();
    }

    static List<Behaviour> find(String path, String[] lines) {
        return path.endsWith(".properties") ? properties(path, lines) : yaml(path, lines);
    }

    private static List<Behaviour> properties(String path, String[] lines) {
        var out = new ArrayList<Behaviour>();
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i];
            if (l.isBlank() || l.strip().startsWith("#") || l.strip().startsWith("!") || l.length() > Behaviours.MAX_LINE) continue;
            var m = PROPERTY.matcher(l);
            if (m.find()) out.add(new Behaviour("config-flag", m.group(1), "application property", path, i + 1, i + 1));
        }
        return out;
    }

    /** Leaf keys of a YAML file, their parents joined with '.', by indentation (no YAML parser needed for keys). */
    private static List<Behaviour> yaml(String path, String[] lines) {
        var out = new ArrayList<Behaviour>();
        var stack = new ArrayList<int[]>();
        var names = new ArrayList<String>();
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i];
            if (l.strip().equals("---")) {
                stack.clear();
                names.clear();
                continue;
            }
            if (l.isBlank() || l.strip().startsWith("#") || l.length() > Behaviours.MAX_LINE) continue;
            var m = YAML.matcher(l);
            if (!m.find()) continue;
            int indent = m.group(1).length();
            while (!stack.isEmpty() && stack.getLast()[0] >= indent) {
                stack.removeLast();
                names.removeLast();
            }
            stack.add(new int[] {indent});
            names.add(m.group(2));
            String rest = l.substring(m.end()).strip();
            if (!rest.isEmpty() && !rest.startsWith("#") && stack.size() <= 12) {
                out.add(new Behaviour("config-flag", String.join(".", names), "application property", path, i + 1, i + 1));
            }
        }
        return out;
    }
}
