package dev.luna.bench;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;

/**
 * The RAG benchmark's corpus and questions: the Java files of a sources jar, the same with their Javadoc blanked out
 * (line numbers kept), and queries made of the Javadoc summaries (first sentences) of public methods, each answered
 * by that method's chunk; shuffled with a fixed seed.
 */
final class RagCorpus {
    /** A Javadoc comment: {@code /**} not followed by a third star (Jackson's {@code /*****} banner lines are not Javadoc). */
    private static final Pattern JAVADOC = Pattern.compile("/\\*\\*(?![*/]).*?\\*/", Pattern.DOTALL);

    /**
     * A question and the method that answers it: {@code symbol} in {@code path}, declared on {@code lines} (first and
     * last line, annotations included, Javadoc not; one range per overload the summary describes).
     */
    record Query(String text, String path, String symbol, List<int[]> lines) {
    }

    private RagCorpus() {
    }

    static Map<String, String> read(Path jar) throws IOException {
        var out = new TreeMap<String, String>();
        try (var zip = new ZipFile(jar.toFile())) {
            for (var e : Collections.list(zip.entries())) {
                String name = e.getName();
                if (!name.endsWith(".java") || name.endsWith("package-info.java") || name.endsWith("module-info.java")) continue;
                out.put(name, new String(zip.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n"));
            }
        }
        return out;
    }

    /** Javadoc comments replaced by as many empty lines, so line numbers stay. */
    static String blankJavadoc(String text) {
        var m = JAVADOC.matcher(text);
        var sb = new StringBuilder();
        while (m.find()) {
            long lines = m.group().chars().filter(c -> c == '\n').count();
            m.appendReplacement(sb, "\n".repeat((int) lines));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    static List<Query> evalSet(Map<String, String> raw, int size) {
        var parser = new JavaParser(new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.BLEEDING_EDGE));
        var bySummary = new HashMap<String, List<Query>>();
        for (var f : raw.entrySet()) {
            var cu = parser.parse(f.getValue()).getResult().orElse(null);
            if (cu == null) continue;
            for (MethodDeclaration m : cu.findAll(MethodDeclaration.class)) {
                if (!m.isPublic() || m.getJavadoc().isEmpty()) continue;
                String summary = summary(m.getJavadoc().get().getDescription().toText());
                if (summary.split("\\s+").length < 4) continue;
                String symbol = owner(m) + "." + m.getNameAsString();
                int[] lines = {m.getBegin().map(b -> b.line).orElse(0), m.getEnd().map(e -> e.line).orElse(0)};
                bySummary.computeIfAbsent(summary.toLowerCase(), k -> new ArrayList<>()).add(new Query(summary, f.getKey(), symbol, List.<int[]>of(lines)));
            }
        }
        var unique = new ArrayList<Query>();
        for (var list : bySummary.values()) {
            // a summary shared by overloads of one method still has one right answer; shared by different methods it has none
            if (list.stream().map(q -> q.path() + "#" + q.symbol()).distinct().count() == 1) {
                var first = list.get(0);
                unique.add(new Query(first.text(), first.path(), first.symbol(), list.stream().flatMap(q -> q.lines().stream()).toList()));
            }
        }
        unique.sort(Comparator.comparing(Query::text));
        Collections.shuffle(unique, new Random(7));
        return unique.subList(0, Math.min(size, unique.size()));
    }

    private static String owner(Node n) {
        var names = new ArrayList<String>();
        Node p = n.getParentNode().orElse(null);
        while (p != null) {
            if (p instanceof TypeDeclaration<?> t) names.add(0, t.getNameAsString());
            p = p.getParentNode().orElse(null);
        }
        return String.join(".", names);
    }

    static String summary(String description) {
        String text = description.replaceAll("\\{@(?:code|literal)\\s+([^}]*)}", "$1")
                .replaceAll("\\{@link(?:plain)?\\s+(?:[^}#\\s]*#)?([^}\\s(]+)[^}]*}", "$1")
                .replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").trim();
        int dot = text.indexOf(". ");
        String first = dot > 0 ? text.substring(0, dot + 1) : text;
        return first.length() > 300 ? first.substring(0, 300) : first;
    }
}
