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

    /**
     * Lines of Java analysed together (about 1 GiB of heap): a larger project is analysed in chunks of files, in
     * path order, and flows between chunks are not followed.
     */
    static final int CHUNK_LINES = 300_000;

    private final TaintModels models;
    private final RuleCatalog catalog;
    private final int maxChunkLines;

    public SecurityAnalyzer() {
        this(CHUNK_LINES);
    }

    SecurityAnalyzer(int maxChunkLines) {
        this.models = TaintModels.load();
        this.catalog = RuleCatalog.load(models);
        this.maxChunkLines = maxChunkLines;
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
        var parser = new JavaParser(new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_25)
                .setAttributeComments(false));
        var skipped = new ArrayList<AnalyzerResult.Skipped>();
        var properties = new PropertiesIndex();
        for (String rel : input.files()) {
            if (!rel.endsWith(".properties")) continue;
            String text = read(input.root().resolve(rel), rel, skipped);
            if (text != null) properties.add(text);
        }
        var totals = new Totals();
        var findings = new ArrayList<Finding>();
        var chunk = new ProjectIndex(new TypeHierarchy(models));
        long chunkLines = 0;
        boolean complete = true;
        for (String rel : input.files()) {
            if (!rel.endsWith(".java")) continue;
            if (input.stop().getAsBoolean()) {
                complete = false;
                break;
            }
            String text = read(input.root().resolve(rel), rel, skipped);
            if (text == null) continue;
            CompilationUnit unit = parse(parser, text, rel, skipped);
            if (unit == null) continue;
            long n = text.lines().count();
            if (chunkLines > 0 && chunkLines + n > maxChunkLines) {
                complete = analyseChunk(chunk, properties, input, findings, skipped, totals);
                chunk = new ProjectIndex(new TypeHierarchy(models));
                chunkLines = 0;
                if (!complete) break;
            }
            chunkLines += n;
            totals.lines += n;
            chunk.add(new SourceFile(rel, text, unit));
        }
        if (complete && !chunk.files.isEmpty()) complete = analyseChunk(chunk, properties, input, findings, skipped, totals);
        findings.sort(Findings.ORDER);
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("files", totals.files);
        stats.put("lines", totals.lines);
        stats.put("classes", totals.classes);
        stats.put("methods", totals.methods);
        stats.put("summaries", totals.summaries);
        stats.put("cutOff", totals.cutOff);
        stats.put("failedMethods", totals.failed);
        stats.put("passes", totals.passes);
        stats.put("chunks", totals.chunks);
        stats.put("propertiesKeys", properties.size());
        stats.put("findings", findings.size());
        skipped.sort(java.util.Comparator.comparing(AnalyzerResult.Skipped::file));
        return new AnalyzerResult(findings, skipped, stats, complete);
    }

    /** Figures added up over the chunks of one run. */
    private static final class Totals {
        long lines;
        int files;
        int classes;
        int methods;
        int summaries;
        int cutOff;
        int failed;
        int passes;
        int chunks;
    }

    /**
     * Analyses one chunk of the project (all of it, unless it is larger than {@link #maxChunkLines}: then files are
     * taken in path order, so packages stay together, and flows between chunks are not followed), keeping memory
     * bounded. Returns false when stopped.
     */
    private boolean analyseChunk(ProjectIndex index, PropertiesIndex properties, AnalysisInput input, List<Finding> out,
                                 List<AnalyzerResult.Skipped> skipped, Totals totals) {
        var analysis = new Analysis(models, catalog, index, properties);
        boolean complete = analysis.run(input.stop());
        for (SourceFile f : index.files) {
            try {
                Credentials.scan(f, analysis.findings);
            } catch (RuntimeException e) {
                skipped.add(new AnalyzerResult.Skipped(f.path, "credential scan failed: " + e.getClass().getSimpleName()));
            }
        }
        out.addAll(analysis.findings.toFindings());
        totals.files += index.files.size();
        totals.classes += index.classes.size();
        totals.methods += index.callables().size();
        totals.summaries += analysis.summaries.computed;
        totals.cutOff += analysis.summaries.cutOff;
        totals.failed += analysis.summaries.failed;
        totals.passes = Math.max(totals.passes, analysis.passes);
        totals.chunks++;
        return complete;
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
            // problems of the language level's validators only (an identifier a newer Java reserves): still analysed
            boolean syntax = r.getProblems().stream().anyMatch(p -> p.getMessage().startsWith("Parse error"));
            if (r.getResult().isPresent() && !syntax) return r.getResult().get();
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
