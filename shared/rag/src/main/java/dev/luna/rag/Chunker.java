package dev.luna.rag;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.EnumConstantDeclaration;
import dev.luna.core.Hashes;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a file into {@link Chunk}s along the units a reader would name: Java types and members (with their
 * Javadoc) via JavaParser; Kotlin, JavaScript/TypeScript, Python, Go and Swift at top-level and member declarations
 * found by a line-oriented declaration splitter (no Java parser for these languages is on Maven Central); Markdown by
 * headings; JSON/YAML/TOML/properties by top-level key; anything else by size with overlap. A unit larger than
 * {@link #maxTokens} is split further by lines, keeping its symbol.
 */
public final class Chunker {
    public static final int DEFAULT_MAX_TOKENS = 384;
    public static final int DEFAULT_OVERLAP_LINES = 3;
    private final int maxTokens;
    private final int overlapLines;

    public Chunker() {
        this(DEFAULT_MAX_TOKENS, DEFAULT_OVERLAP_LINES);
    }

    public Chunker(int maxTokens, int overlapLines) {
        this.maxTokens = maxTokens;
        this.overlapLines = overlapLines;
    }

    /** Units of a file before sizing: symbol, kind, 1-based inclusive lines. */
    record Unit(String symbol, String kind, int startLine, int endLine) {
    }

    public List<Chunk> chunk(String path, String content) {
        String language = Languages.of(path);
        String[] lines = content.split("\n", -1);
        List<Unit> units = switch (language) {
            case "java" -> javaUnits(content, lines.length);
            case "kotlin", "javascript", "typescript", "go", "swift", "rust", "groovy", "c", "cpp" -> DeclarationSplitter.braces(language, lines);
            case "python" -> DeclarationSplitter.python(lines);
            case "markdown" -> markdownUnits(lines);
            case "json", "yaml", "toml", "properties" -> configUnits(language, lines);
            default -> List.of();
        };
        if (units.isEmpty()) units = List.of(new Unit(null, "text", 1, lines.length));
        var chunks = new ArrayList<Chunk>();
        for (Unit u : units) emit(path, language, lines, u, chunks);
        return chunks;
    }

    private void emit(String path, String language, String[] lines, Unit u, List<Chunk> out) {
        int start = Math.max(1, u.startLine());
        int end = Math.min(lines.length, u.endLine());
        while (end > start && lines[end - 1].isBlank()) end--;
        while (start < end && lines[start - 1].isBlank()) start++;
        String text = join(lines, start, end);
        if (text.isBlank()) return;
        int tokens = Tokens.count(text);
        if (tokens <= maxTokens) {
            out.add(chunk(path, language, u.symbol(), u.kind(), start, end, text, tokens));
            return;
        }
        // window by lines with overlap
        int from = start;
        while (from <= end) {
            int to = from;
            int acc = 0;
            while (to <= end) {
                int t = Tokens.count(lines[to - 1]) + 1;
                if (acc + t > maxTokens && to > from) break;
                acc += t;
                to++;
            }
            int last = to - 1;
            String piece = join(lines, from, last);
            if (piece.length() > 0 && !piece.isBlank()) {
                if (Tokens.count(piece) > maxTokens) piece = Tokens.truncate(piece, maxTokens);
                out.add(chunk(path, language, u.symbol(), u.kind(), from, last, piece, Tokens.count(piece)));
            }
            if (last >= end) break;
            from = Math.max(from + 1, last + 1 - overlapLines);
        }
    }

    private static Chunk chunk(String path, String language, String symbol, String kind, int start, int end, String text, int tokens) {
        String hash = Hashes.sha256(text);
        String id = "ctx_" + Hashes.sha256(path + "\n" + start + "\n" + hash).substring(0, 24);
        return new Chunk(id, path, language, symbol, kind, start, end, text, hash, tokens);
    }

    static String join(String[] lines, int start, int end) {
        var sb = new StringBuilder();
        for (int i = start; i <= end; i++) {
            if (i > start) sb.append('\n');
            sb.append(lines[i - 1]);
        }
        return sb.toString();
    }

    // ---- Java: JavaParser

    private static final ThreadLocal<JavaParser> JAVA = ThreadLocal.withInitial(() -> new JavaParser(new ParserConfiguration()
            .setLanguageLevel(ParserConfiguration.LanguageLevel.BLEEDING_EDGE).setAttributeComments(true)));

    private List<Unit> javaUnits(String content, int lineCount) {
        var result = JAVA.get().parse(content);
        if (result.getResult().isEmpty() || !result.isSuccessful()) {
            // unparsable Java: fall back to the declaration splitter
            return DeclarationSplitter.braces("java", content.split("\n", -1));
        }
        CompilationUnit cu = result.getResult().get();
        var units = new ArrayList<Unit>();
        for (TypeDeclaration<?> type : cu.getTypes()) javaType(type, type.getNameAsString(), units);
        if (!units.isEmpty()) {
            // package and imports belong to the first type's declaration unit
            Unit first = units.get(0);
            units.set(0, new Unit(first.symbol(), first.kind(), 1, first.endLine()));
        }
        return units;
    }

    /** A type: a short "outline" unit (declaration, fields, member signatures) and one unit per member. */
    private void javaType(TypeDeclaration<?> type, String qualified, List<Unit> units) {
        int typeStart = startWithComment(type);
        int typeEnd = type.getEnd().map(p -> p.line).orElse(typeStart);
        var members = type.getMembers();
        int firstMemberLine = typeEnd;
        for (BodyDeclaration<?> m : members) {
            if (m instanceof FieldDeclaration || m instanceof EnumConstantDeclaration) continue;
            firstMemberLine = Math.min(firstMemberLine, startWithComment(m));
        }
        // declaration + fields up to the first non-field member
        units.add(new Unit(qualified, type.isClassOrInterfaceDeclaration() && type.asClassOrInterfaceDeclaration().isInterface()
                ? "interface" : type.isEnumDeclaration() ? "enum" : type.isRecordDeclaration() ? "record" : "class",
                typeStart, Math.max(typeStart, firstMemberLine - 1)));
        for (BodyDeclaration<?> m : members) {
            if (m instanceof FieldDeclaration || m instanceof EnumConstantDeclaration) continue;
            if (m instanceof TypeDeclaration<?> nested) {
                javaType(nested, qualified + "." + nested.getNameAsString(), units);
            } else if (m instanceof CallableDeclaration<?> c) {
                units.add(new Unit(qualified + "." + c.getNameAsString(), c.isConstructorDeclaration() ? "constructor" : "method",
                        startWithComment(m), m.getEnd().map(p -> p.line).orElse(startWithComment(m))));
            } else {
                units.add(new Unit(qualified, "member", startWithComment(m), m.getEnd().map(p -> p.line).orElse(startWithComment(m))));
            }
        }
    }

    private static int startWithComment(Node n) {
        int start = n.getBegin().map(p -> p.line).orElse(1);
        var comment = n.getComment();
        if (comment.isPresent() && comment.get().getBegin().isPresent()) start = Math.min(start, comment.get().getBegin().get().line);
        return start;
    }

    // ---- Markdown: by headings (ATX), ignoring headings inside fenced code

    private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.+?)\\s*#*\\s*$");

    private static List<Unit> markdownUnits(String[] lines) {
        var units = new ArrayList<Unit>();
        var trail = new ArrayList<String>();
        int start = 1;
        String symbol = null;
        boolean fenced = false;
        for (int i = 1; i <= lines.length; i++) {
            String line = lines[i - 1];
            if (line.trim().startsWith("```") || line.trim().startsWith("~~~")) fenced = !fenced;
            if (fenced) continue;
            Matcher m = HEADING.matcher(line);
            if (m.matches()) {
                if (i > start) units.add(new Unit(symbol, "section", start, i - 1));
                int level = m.group(1).length();
                while (trail.size() >= level) trail.remove(trail.size() - 1);
                while (trail.size() < level - 1) trail.add("");
                trail.add(m.group(2).trim());
                symbol = String.join(" > ", trail.stream().filter(s -> !s.isEmpty()).toList());
                start = i;
            }
        }
        units.add(new Unit(symbol, "section", start, lines.length));
        return units;
    }

    // ---- config: top-level keys

    private static final Pattern YAML_KEY = Pattern.compile("^([A-Za-z0-9_.\"'-]+)\\s*:.*");
    private static final Pattern TOML_TABLE = Pattern.compile("^\\[\\[?([^\\]]+)\\]\\]?\\s*$");
    private static final Pattern PROPERTY = Pattern.compile("^([A-Za-z0-9_-]+)[.=:].*");
    private static final Pattern JSON_KEY = Pattern.compile("^\\s{0,4}\"([^\"]+)\"\\s*:.*");

    private static List<Unit> configUnits(String language, String[] lines) {
        var units = new ArrayList<Unit>();
        String current = null;
        int start = 1;
        int depth = 0;
        for (int i = 1; i <= lines.length; i++) {
            String line = lines[i - 1];
            String key = null;
            switch (language) {
                case "yaml" -> {
                    Matcher m = YAML_KEY.matcher(line);
                    if (m.matches()) key = m.group(1).replace("\"", "").replace("'", "");
                }
                case "toml" -> {
                    Matcher m = TOML_TABLE.matcher(line);
                    if (m.matches()) key = m.group(1).trim();
                }
                case "properties" -> {
                    Matcher m = PROPERTY.matcher(line);
                    if (m.matches()) key = m.group(1);
                }
                case "json" -> {
                    if (depth == 1) {
                        Matcher m = JSON_KEY.matcher(line);
                        if (m.matches()) key = m.group(1);
                    }
                    depth += braceDelta(line);
                }
                default -> {
                }
            }
            if (key != null && !key.equals(current)) {
                if (current != null || i > start) units.add(new Unit(current, "config", start, i - 1));
                current = key;
                start = i;
            }
        }
        units.add(new Unit(current, "config", start, lines.length));
        // merge tiny neighbouring keys is left to sizing; drop empty ones
        units.removeIf(u -> u.endLine() < u.startLine());
        return units;
    }

    private static int braceDelta(String line) {
        int d = 0;
        boolean str = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && str) {
                i++;
            } else if (c == '"') {
                str = !str;
            } else if (!str && (c == '{' || c == '[')) {
                d++;
            } else if (!str && (c == '}' || c == ']')) {
                d--;
            }
        }
        return d;
    }
}
