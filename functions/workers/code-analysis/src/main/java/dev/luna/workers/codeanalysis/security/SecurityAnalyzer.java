package dev.luna.workers.codeanalysis.security;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import dev.luna.workers.codeanalysis.findings.AnalysisInput;
import dev.luna.workers.codeanalysis.findings.Analyzer;
import dev.luna.workers.codeanalysis.findings.AnalyzerResult;
import dev.luna.workers.codeanalysis.findings.Finding;
import dev.luna.workers.codeanalysis.findings.RuleInfo;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The {@code security} analyzer: inter-procedural taint analysis and security pattern checks on Java source (see
 * the package documentation). Stateless and thread-safe: the models and rules are loaded once, every call to
 * {@link #analyze} works on its own data. It never builds or runs the analysed project.
 */
public final class SecurityAnalyzer implements Analyzer {
    public static final String NAME = "security";
    /** Java files larger than this are skipped (reported), so one generated monster cannot eat the budget. */
    static final long MAX_FILE_BYTES = 2L << 20;
    /** The analysis runs on a thread of its own with a deep stack, so deeply nested code is analysed, not lost. */
    static final long STACK_BYTES = 256L << 20;

    private final TaintModels models;
    private final RuleCatalog catalog;

    public SecurityAnalyzer() {
        this.models = TaintModels.load();
        this.catalog = RuleCatalog.load(models);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<RuleInfo> rules() {
        return catalog.infos();
    }

    @Override
    public AnalyzerResult analyze(AnalysisInput input) {
        var result = new AtomicReference<AnalyzerResult>();
        var failure = new AtomicReference<Throwable>();
        Thread t = new Thread(null, () -> {
            try {
                result.set(run(input));
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "luna-security-analysis", STACK_BYTES);
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            t.interrupt();
            return new AnalyzerResult(List.of(), List.of(new AnalyzerResult.Skipped("", "interrupted")), Map.of(), false);
        }
        if (result.get() != null) return result.get();
        Throwable e = failure.get();
        String why = e == null ? "no result" : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        return new AnalyzerResult(List.of(), List.of(new AnalyzerResult.Skipped("", "security analysis failed: " + why)), Map.of(), false);
    }

    private AnalyzerResult run(AnalysisInput input) {
        var parser = new JavaParser(new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.RAW)
                .setAttributeComments(false));
        var types = new TypeHierarchy(models);
        var index = new ProjectIndex(types);
        var properties = new PropertiesIndex();
        var skipped = new ArrayList<AnalyzerResult.Skipped>();
        long lines = 0;
        boolean complete = true;
        for (String rel : input.files()) {
            boolean java = rel.endsWith(".java");
            if (!java && !rel.endsWith(".properties")) continue;
            if (input.stop().getAsBoolean()) {
                complete = false;
                break;
            }
            String text = read(input.root().resolve(rel), rel, skipped);
            if (text == null) continue;
            if (!java) {
                properties.add(text);
                continue;
            }
            CompilationUnit unit = parse(parser, text, rel, skipped);
            if (unit == null) continue;
            lines += text.lines().count();
            index.add(new SourceFile(rel, text, unit));
        }
        var analysis = new Analysis(models, catalog, index, properties);
        if (complete) complete = analysis.run(input.stop());
        for (SourceFile f : index.files) Credentials.scan(f, analysis.findings);
        List<Finding> findings = analysis.findings.toFindings();
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("files", index.files.size());
        stats.put("lines", lines);
        stats.put("classes", index.classes.size());
        stats.put("methods", index.callables().size());
        stats.put("summaries", analysis.summaries.computed);
        stats.put("cutOff", analysis.summaries.cutOff);
        stats.put("passes", analysis.passes);
        stats.put("propertiesKeys", properties.size());
        stats.put("findings", findings.size());
        return new AnalyzerResult(findings, skipped, stats, complete);
    }

    private static String read(Path file, String rel, List<AnalyzerResult.Skipped> skipped) {
        try {
            if (!Files.isRegularFile(file)) {
                skipped.add(new AnalyzerResult.Skipped(rel, "not a regular file"));
                return null;
            }
            if (Files.size(file) > MAX_FILE_BYTES) {
                skipped.add(new AnalyzerResult.Skipped(rel, "larger than " + (MAX_FILE_BYTES >> 20) + " MiB"));
                return null;
            }
            byte[] bytes = Files.readAllBytes(file);
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            skipped.add(new AnalyzerResult.Skipped(rel, "not UTF-8 text"));
        } catch (IOException e) {
            skipped.add(new AnalyzerResult.Skipped(rel, "unreadable: " + e.getClass().getSimpleName()));
        }
        return null;
    }

    private static CompilationUnit parse(JavaParser parser, String text, String rel, List<AnalyzerResult.Skipped> skipped) {
        try {
            var r = parser.parse(text);
            if (r.isSuccessful() && r.getResult().isPresent()) return r.getResult().get();
            String why = r.getProblems().isEmpty() ? "does not parse" : "does not parse: " + firstLine(r.getProblems().get(0).getVerboseMessage());
            skipped.add(new AnalyzerResult.Skipped(rel, why));
        } catch (StackOverflowError e) {
            skipped.add(new AnalyzerResult.Skipped(rel, "nested too deeply to parse"));
        } catch (RuntimeException e) {
            skipped.add(new AnalyzerResult.Skipped(rel, "does not parse: " + e.getClass().getSimpleName()));
        }
        return null;
    }

    private static String firstLine(String s) {
        String l = s.lines().findFirst().orElse("").strip();
        return l.length() > 160 ? l.substring(0, 160) : l;
    }
}
