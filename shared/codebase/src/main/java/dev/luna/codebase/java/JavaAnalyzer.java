package dev.luna.codebase.java;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseStart;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Providers;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.symbolsolver.JavaSymbolSolver;
import com.github.javaparser.symbolsolver.resolution.typesolvers.CombinedTypeSolver;
import com.github.javaparser.symbolsolver.resolution.typesolvers.ReflectionTypeSolver;
import dev.luna.codebase.EntryPoint;
import dev.luna.codebase.imports.ImportEdge;
import dev.luna.codebase.source.FileIssue;
import dev.luna.codebase.source.Nesting;
import dev.luna.codebase.source.SourceReader;
import dev.luna.codebase.source.SourceText;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

/**
 * Java source analysis: parses each file once with JavaParser (on {@link #accept}), then {@link #finish} builds the
 * symbols, the type graph, the call graph and entry points. Calls are resolved from declared types first; the
 * JavaParser symbol solver (project types from the parsed files plus the JDK by reflection) is tried for a bounded
 * number of calls per file whose receiver could not be typed; the rest fall back to name and arity.
 */
public final class JavaAnalyzer {
    private final int maxNesting;
    private final int solverBudget;
    private final int maxNameCandidates;
    private final UnaryOperator<String> mask;
    private final JavaParser parser;
    private final List<ParsedFile> files = new ArrayList<>();
    private final Map<String, String> resources = new LinkedHashMap<>();
    private final JavaIndex index = new JavaIndex();

    public JavaAnalyzer(int maxNesting, int solverBudget, int maxNameCandidates, UnaryOperator<String> mask) {
        this.maxNesting = maxNesting;
        this.solverBudget = solverBudget;
        this.maxNameCandidates = maxNameCandidates;
        this.mask = mask;
        this.parser = new JavaParser(new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.RAW)
                .setAttributeComments(false).setStoreTokens(true).setLexicalPreservationEnabled(false));
    }

    public static boolean wants(String path) {
        return path.endsWith(".java") || JavaEntryPoints.isResource(path);
    }

    /** Parses one file (or keeps one resource file); problems go to {@code issues}. */
    public void accept(SourceText source, SourceReader issues) {
        if (!source.path().endsWith(".java")) {
            resources.put(source.path(), source.text());
            return;
        }
        if (source.text().isEmpty()) return;
        if (Nesting.deeperThan(source.text(), maxNesting)) {
            issues.report(new FileIssue(source.path(), "too-deep", "brackets nest deeper than " + maxNesting));
            return;
        }
        try {
            var result = parser.parse(ParseStart.COMPILATION_UNIT, Providers.provider(source.text()));
            if (!result.isSuccessful() || result.getResult().isEmpty()) {
                String why = result.getProblems().isEmpty() ? "parse failed" : result.getProblems().getFirst().getVerboseMessage();
                issues.report(new FileIssue(source.path(), "unparseable", why.replaceAll("\\s+", " ")));
                return;
            }
            var cu = result.getResult().get();
            dropTokens(cu);
            add(source.path(), cu);
        } catch (StackOverflowError e) {
            issues.report(new FileIssue(source.path(), "too-deep", "parser recursion too deep"));
        } catch (RuntimeException e) {
            issues.report(new FileIssue(source.path(), "unparseable", e.getClass().getSimpleName()));
        }
    }

    /** Keeps each node's range but lets the token list go: it would hold several times the AST's memory. */
    private static void dropTokens(CompilationUnit cu) {
        cu.walk(n -> {
            var range = n.getRange().orElse(null);
            n.setTokenRange(null);
            n.setRange(range);
        });
    }

    private void add(String path, CompilationUnit cu) {
        String pkg = cu.getPackageDeclaration().map(p -> p.getNameAsString()).orElse("");
        var imports = new HashMap<String, String>();
        var wildcards = new ArrayList<String>();
        var statics = new HashMap<String, String>();
        var staticWildcards = new ArrayList<String>();
        for (var imp : cu.getImports()) {
            String name = imp.getNameAsString();
            if (imp.isStatic() && imp.isAsterisk()) staticWildcards.add(name);
            else if (imp.isStatic()) {
                int dot = name.lastIndexOf('.');
                if (dot > 0) statics.put(name.substring(dot + 1), name.substring(0, dot));
            } else if (imp.isAsterisk()) wildcards.add(name);
            else imports.put(name.substring(name.lastIndexOf('.') + 1), name);
        }
        var file = new ParsedFile(path, cu, pkg, imports, wildcards, statics, staticWildcards);
        files.add(file);
        index.add(file);
    }

    public JavaResult finish(BooleanSupplier stop) {
        var symbols = new JavaSymbols(index, mask);
        var types = new ArrayList<TypeSymbol>();
        var seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<TypeDeclaration<?>, Boolean>());
        for (var td : index.types().values()) if (seen.add(td)) types.add(symbols.symbol(td));
        types.sort(Comparator.comparing(TypeSymbol::fqn));
        var entryPoints = new ArrayList<EntryPoint>();
        JavaEntryPoints.fromSymbols(types, entryPoints);
        resources.forEach((path, text) -> JavaEntryPoints.fromResource(path, text, index.types(), entryPoints));

        var solver = new CombinedTypeSolver(new ReflectionTypeSolver(true));
        solver.add(new ParsedTypeSolver(index));
        var symbolSolver = new JavaSymbolSolver(solver);
        var methods = new Methods(index);
        var typeEdges = new HashSet<TypeEdge>();
        var calls = new HashSet<CallEdge>();
        var routes = new ArrayList<FunctionalRoute>();
        var imports = new ArrayList<ImportEdge>();
        var graph = new JavaGraph(index, methods, solverBudget > 0 ? solver : null, solverBudget, maxNameCandidates, typeEdges, calls,
                entryPoints);
        boolean complete = true;
        for (var file : files) {
            if (stop.getAsBoolean()) {
                complete = false;
                break;
            }
            file.cu().setData(Node.SYMBOL_RESOLVER_KEY, symbolSolver);
            imports(file, imports);
            try {
                graph.add(file);
                FunctionalRoutes.find(file, index, routes);
            } catch (RuntimeException | StackOverflowError e) {
                // one odd file must not cost the whole graph; its edges so far are kept
            }
        }
        var roots = new TreeSet<String>();
        for (var f : files) roots.add(sourceRoot(f));
        var model = new JavaModel(List.copyOf(roots), types, sortedEdges(typeEdges), firstCalls(calls));
        return new JavaResult(model, entryPoints, imports, routes, complete);
    }

    private void imports(ParsedFile file, List<ImportEdge> out) {
        for (var imp : file.cu().getImports()) {
            String name = imp.getNameAsString();
            String typeName = imp.isStatic() && !imp.isAsterisk() && name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
            var td = index.type(typeName);
            String target = td == null ? null : index.file(td).path();
            String kind = imp.isStatic() ? "static" : imp.isAsterisk() ? "wildcard" : "import";
            out.add(new ImportEdge(file.path(), JavaSymbols.line(imp), "java", kind, name, target, target == null ? name : null));
        }
    }

    private static String sourceRoot(ParsedFile f) {
        String dir = f.path().contains("/") ? f.path().substring(0, f.path().lastIndexOf('/')) : "";
        String pkgPath = f.packageName().replace('.', '/');
        if (pkgPath.isEmpty()) return dir;
        if (dir.equals(pkgPath)) return "";
        return dir.endsWith("/" + pkgPath) ? dir.substring(0, dir.length() - pkgPath.length() - 1) : dir;
    }

    private static List<TypeEdge> sortedEdges(java.util.Set<TypeEdge> edges) {
        var list = new ArrayList<>(edges);
        list.sort(TypeEdge.ORDER);
        return list;
    }

    /** One edge per caller, callee and resolution: the first line it happens on. */
    private static List<CallEdge> firstCalls(java.util.Set<CallEdge> calls) {
        var list = new ArrayList<>(calls);
        list.sort(CallEdge.ORDER);
        var out = new ArrayList<CallEdge>();
        CallEdge last = null;
        for (var c : list) {
            if (last != null && last.from().equals(c.from()) && last.to().equals(c.to()) && last.resolution().equals(c.resolution())) continue;
            out.add(c);
            last = c;
        }
        return out;
    }
}
