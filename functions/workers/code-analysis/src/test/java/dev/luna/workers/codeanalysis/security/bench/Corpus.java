package dev.luna.workers.codeanalysis.security.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One split of the labelled benchmark: its cases and the support files they share (helpers, interfaces, a
 * .properties file), all generated deterministically and written to a directory to be analysed as one project.
 */
record Corpus(String name, List<BenchCase> cases, Map<String, String> support) {

    void writeTo(Path dir) {
        try {
            for (BenchCase c : cases) write(dir.resolve(c.path()), c.code());
            for (var e : support.entrySet()) write(dir.resolve(e.getKey()), e.getValue());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path p, String text) throws IOException {
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }

    /** Builds servlet cases: class {@code <Category><NNN>} in package {@code <pkg>.<category>}. */
    static final class Builder {
        private final String pkg;
        private final List<BenchCase> cases = new ArrayList<>();
        private final Map<String, String> support = new TreeMap<>();

        Builder(String pkg) {
            this.pkg = pkg;
        }

        void support(String path, String text) {
            support.put(path, text);
        }

        void servlet(String category, int cwe, boolean vulnerable, String body, String members) {
            int n = count(category) + 1;
            String cls = Character.toUpperCase(category.charAt(0)) + category.substring(1) + "%03d".formatted(n);
            String id = pkg + "." + category + "." + cls;
            String code = "package " + pkg + "." + category + ";\n\n"
                    + "// bench: cwe=" + cwe + " vulnerable=" + vulnerable + "\n"
                    + "public class " + cls + " extends javax.servlet.http.HttpServlet {\n"
                    + "    @Override\n"
                    + "    protected void doPost(javax.servlet.http.HttpServletRequest request, javax.servlet.http.HttpServletResponse response)\n"
                    + "            throws javax.servlet.ServletException, java.io.IOException {\n"
                    + "        try {\n"
                    + indent(body, 12) + "\n"
                    + "        } catch (Exception e) {\n"
                    + "            throw new javax.servlet.ServletException(e);\n"
                    + "        }\n"
                    + "    }\n"
                    + (members.isBlank() ? "" : "\n" + indent(members.strip(), 4) + "\n")
                    + "}\n";
            add(new BenchCase(id, category, cwe, vulnerable, pkg.replace('.', '/') + "/" + category + "/" + cls + ".java", code));
        }

        int count(String category) {
            return (int) cases.stream().filter(c -> c.category().equals(category)).count();
        }

        void add(BenchCase c) {
            cases.add(c);
        }

        Corpus build(String name) {
            return new Corpus(name, List.copyOf(cases), Map.copyOf(support));
        }
    }

    static String indent(String code, int spaces) {
        String pad = " ".repeat(spaces);
        var out = new StringBuilder();
        for (String line : code.split("\n", -1)) {
            if (out.length() > 0) out.append('\n');
            if (!line.isBlank()) out.append(pad).append(line);
        }
        return out.toString();
    }

    static String title(String s) {
        return s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }
}
