package dev.luna.workers.codeanalysis.security;

import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.MemberValuePair;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Method summaries, computed on demand (bottom-up through the calls a method makes) and cached once per pass.
 * A method that calls itself, directly or not, sees the empty {@link Summary#RECURSIVE} summary of the call in
 * progress; call chains deeper than {@link #MAX_DEPTH} get an {@link Summary#OPAQUE} one; bodies over {@link #BUDGET}
 * units of work are cut off.
 */
final class Summaries {
    static final int MAX_DEPTH = 12;
    static final int BUDGET = 40_000;

    private final Analysis an;
    private final Map<CallableDeclaration<?>, Summary> done = new IdentityHashMap<>();
    private final Set<CallableDeclaration<?>> inProgress = Collections.newSetFromMap(new IdentityHashMap<>());
    int computed;
    int cutOff;
    int failed;

    Summaries(Analysis an) {
        this.an = an;
    }

    void clear() {
        done.clear();
    }

    Summary of(CallableDeclaration<?> d, int depth) {
        Summary s = done.get(d);
        if (s != null) return s;
        if (inProgress.contains(d)) return Summary.RECURSIVE;
        if (depth > MAX_DEPTH) return Summary.OPAQUE;
        inProgress.add(d);
        try {
            s = compute(d, depth);
        } catch (StackOverflowError e) {
            cutOff++;
            s = Summary.OPAQUE;
        } catch (RuntimeException e) {
            // a construct the engine does not handle: this method contributes nothing, the rest of the run goes on
            failed++;
            s = Summary.RECURSIVE;
        } finally {
            inProgress.remove(d);
        }
        done.put(d, s);
        return s;
    }

    private Summary compute(CallableDeclaration<?> d, int depth) {
        computed++;
        ClassInfo cls = an.index.owner(d);
        if (cls == null) return Summary.OPAQUE;
        var ctx = new MethodCtx(an, cls.file, cls, d, d.isStatic(), depth, BUDGET);
        var st = new State();
        boolean handler = d instanceof MethodDeclaration md && an.isHandler(md);
        for (int i = 0; i < d.getParameters().size(); i++) {
            Parameter p = d.getParameter(i);
            String name = p.getNameAsString();
            String type = ProjectIndex.typeName(p.getType());
            if (p.isVarArgs() && type != null) type = type + "[]";
            ctx.declaredTypes.put(name, type);
            ctx.paramIndex.put(name, i);
            Taints t = Taints.of(new Taint(new Origin.Input(i, null), 0, Step.source(cls.file, p, "parameter '" + name + "'")));
            Origin.Source bound = boundSource(p, handler);
            if (bound != null) t = t.plus(new Taint(bound, 0, Step.source(cls.file, p, bound.label())));
            if (Folding.isNumeric(type)) t = t.withMask(an.models.injectionMask());
            st.vars.put(name, new Val(t, null, -1, type));
        }
        var interp = new Interpreter(ctx);
        if (d instanceof MethodDeclaration md) md.getBody().ifPresent(b -> interp.exec(b, st));
        else if (d instanceof ConstructorDeclaration cd) interp.exec(cd.getBody(), st);
        if (ctx.budget <= 0) cutOff++;
        return ctx.summary;
    }

    /** A handler parameter the framework binds from the request. */
    private Origin.Source boundSource(Parameter p, boolean handler) {
        for (AnnotationExpr a : p.getAnnotations()) {
            for (var row : an.models.parameterSources()) {
                if (row.annotation().equals(a.getName().getIdentifier())) return new Origin.Source(row.kind(), label(row.label(), a, p));
            }
        }
        if (!handler) return null;
        String type = ProjectIndex.typeName(p.getType());
        if (type == null || an.models.handlerNonSources().contains(type) || Folding.isNumeric(type) || !p.getAnnotations().isEmpty()) return null;
        return new Origin.Source("remote", "request parameter '" + p.getNameAsString() + "'");
    }

    private static String label(String template, AnnotationExpr a, Parameter p) {
        String name = p.getNameAsString();
        if (a instanceof SingleMemberAnnotationExpr s && s.getMemberValue() instanceof StringLiteralExpr lit) name = lit.asString();
        if (a instanceof NormalAnnotationExpr n) {
            for (MemberValuePair pair : n.getPairs()) {
                if ((pair.getNameAsString().equals("value") || pair.getNameAsString().equals("name"))
                        && pair.getValue() instanceof StringLiteralExpr lit) name = lit.asString();
            }
        }
        return template.replace("{name}", name);
    }
}
