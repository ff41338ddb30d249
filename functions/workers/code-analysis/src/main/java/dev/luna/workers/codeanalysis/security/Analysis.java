package dev.luna.workers.codeanalysis.security;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import java.util.function.BooleanSupplier;

/**
 * One run of the security analysis over a parsed project: the shared state of every method analysis (index,
 * constants, field store, summaries, pattern checks) and where findings go.
 */
final class Analysis {
    static final int MAX_PASSES = 3;

    final TaintModels models;
    final RuleCatalog rules;
    final ProjectIndex index;
    final TypeHierarchy types;
    final Constants constants;
    final FieldStore fields = new FieldStore();
    final Summaries summaries;
    final PatternChecks patterns;
    final PropertiesIndex properties;
    final Findings findings;
    int passes;

    Analysis(TaintModels models, RuleCatalog rules, ProjectIndex index, PropertiesIndex properties) {
        this.models = models;
        this.rules = rules;
        this.index = index;
        this.types = index.types;
        this.constants = new Constants(index);
        this.summaries = new Summaries(this);
        this.properties = properties;
        this.findings = new Findings(rules);
        this.patterns = new PatternChecks(this);
    }

    /**
     * Analyses every method and constructor (each once per pass); runs another pass while a field that some method
     * read gained taint later in the pass. Returns false when {@code stop} ended it early.
     */
    boolean run(BooleanSupplier stop) {
        var callables = index.callables();
        for (int pass = 1; pass <= MAX_PASSES; pass++) {
            passes = pass;
            fields.startPass();
            summaries.clear();
            findings.clearTaint();
            SourceFile last = null;
            for (CallableDeclaration<?> c : callables) {
                ClassInfo owner = index.owner(c);
                if (owner != null && owner.file != last) {
                    if (stop.getAsBoolean()) return false;
                    last = owner.file;
                }
                summaries.of(c, 0);
            }
            if (!fields.needsAnotherPass()) break;
        }
        return true;
    }

    /** A tainted value reached a sink: a finding when its origin is a real source, else a hit of the method's summary. */
    void sinkHit(MethodCtx ctx, Taint t, String kind, int bit, SourceFile file, Node sink, String label) {
        if (t.origin() instanceof Origin.Source s) {
            for (SecurityRule r : rules.forFlow(s.kind(), kind)) findings.taint(r, t, s, file, sink, label);
        } else {
            ctx.summary.hit(new Summary.SinkHit(t, kind, bit, file, sink, label));
        }
    }

    Object libraryConstant(String type, String name) {
        return Constants.library(type, name);
    }

    boolean isHandler(MethodDeclaration md) {
        for (var a : md.getAnnotations()) if (models.handlerAnnotations().contains(a.getName().getIdentifier())) return true;
        return false;
    }

    /** A Spring handler whose String result is the response body (a @RestController, or @ResponseBody). */
    boolean isResponseBodyHandler(MethodDeclaration md, ClassInfo cls) {
        if (!isHandler(md) || !"String".equals(ProjectIndex.typeName(md.getType()))) return false;
        for (var a : md.getAnnotations()) if (a.getName().getIdentifier().equals("ResponseBody")) return true;
        return cls != null && (cls.annotations.contains("RestController") || cls.annotations.contains("ResponseBody"));
    }
}
