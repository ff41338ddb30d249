package dev.luna.codebase.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.TypeExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.resolution.declarations.ResolvedMethodDeclaration;
import com.github.javaparser.symbolsolver.javaparsermodel.JavaParserFacade;
import com.github.javaparser.resolution.TypeSolver;
import java.util.List;
import java.util.Set;

/** Walks one parsed file and adds its type references and calls to the graphs. */
final class JavaGraph {
    private final JavaIndex index;
    private final Methods methods;
    private final ExpressionTypes types;
    private final TypeSolver solver;
    private final int solverBudget;
    private final int maxNameCandidates;
    private final Set<TypeEdge> typeEdges;
    private final Set<CallEdge> calls;
    private final List<dev.luna.codebase.EntryPoint> reflection;

    JavaGraph(JavaIndex index, Methods methods, TypeSolver solver, int solverBudget, int maxNameCandidates, Set<TypeEdge> typeEdges,
              Set<CallEdge> calls, List<dev.luna.codebase.EntryPoint> reflection) {
        this.reflection = reflection;
        this.index = index;
        this.methods = methods;
        this.types = new ExpressionTypes(index, methods);
        this.solver = solver;
        this.solverBudget = solverBudget;
        this.maxNameCandidates = maxNameCandidates;
        this.typeEdges = typeEdges;
        this.calls = calls;
    }

    void add(ParsedFile file) {
        var cu = file.cu();
        String primary = cu.getTypes().isEmpty() ? null : index.fqn(cu.getTypes().get(0));
        if (primary != null) {
            for (var imp : cu.getImports()) {
                if (imp.isAsterisk()) continue;
                String name = imp.getNameAsString();
                String target = index.type(name) != null ? name : imp.isStatic() && name.contains(".")
                        ? index.type(name.substring(0, name.lastIndexOf('.'))) != null ? name.substring(0, name.lastIndexOf('.')) : null : null;
                if (target != null) edge(primary, target, "import");
            }
        }
        int[] budget = {solverBudget};
        cu.walk(node -> {
            if (node instanceof ClassOrInterfaceType t) typeReference(t, file);
            else if (node instanceof AnnotationExpr a) annotation(a, file);
            else if (node instanceof MethodCallExpr call) call(call, file, budget);
            else if (node instanceof ObjectCreationExpr o) creation(o, file);
            else if (node instanceof MethodReferenceExpr r) reference(r, file);
        });
    }

    private void typeReference(ClassOrInterfaceType t, ParsedFile file) {
        if (t.getParentNode().orElse(null) instanceof ClassOrInterfaceType) return;
        String from = types.enclosingType(t);
        if (from == null) return;
        String to = index.resolve(t.getNameWithScope(), file, t);
        if (to == null || to.equals(from)) return;
        var parent = t.getParentNode().orElse(null);
        String kind = "reference";
        if (parent instanceof TypeDeclaration<?> td) {
            kind = td instanceof com.github.javaparser.ast.body.ClassOrInterfaceDeclaration c && c.getExtendedTypes().contains(t)
                    ? "extends" : "implements";
        } else if (parent instanceof Parameter) {
            kind = "parameter";
        } else if (parent instanceof MethodDeclaration) {
            kind = "return";
        } else if (parent instanceof ObjectCreationExpr) {
            kind = "new";
        } else if (parent != null && (parent instanceof FieldDeclaration
                || parent.getParentNode().orElse(null) instanceof FieldDeclaration)) {
            kind = "field";
        }
        edge(from, to, kind);
    }

    private void annotation(AnnotationExpr a, ParsedFile file) {
        String from = types.enclosingType(a);
        String to = from == null ? null : index.resolve(a.getNameAsString(), file, a);
        if (to != null && !to.equals(from)) edge(from, to, "annotation");
    }

    private void call(MethodCallExpr call, ParsedFile file, int[] budget) {
        String called = call.getNameAsString();
        if ((called.equals("forName") || called.equals("loadClass")) && !call.getArguments().isEmpty()
                && call.getArgument(0) instanceof com.github.javaparser.ast.expr.StringLiteralExpr s) {
            String name = s.asString().replace('$', '.');
            if (index.type(name) != null) {
                reflection.add(new dev.luna.codebase.EntryPoint("reflection", name, file.path(), JavaSymbols.line(call), called + "(\"" + s.asString() + "\")"));
            }
        }
        String from = caller(call);
        if (from == null) return;
        int line = JavaSymbols.line(call);
        var targets = methods.resolve(call, file, call, types, 0);
        if (targets != null) {
            link(from, targets, "type", line);
            return;
        }
        String name = call.getNameAsString();
        if (!methods.hasName(name)) return;
        if (budget[0] > 0 && solver != null) {
            budget[0]--;
            var solved = solve(call);
            if (solved != null) {
                link(from, List.of(solved), "solver", line);
                return;
            }
        }
        var candidates = methods.byName(name, call.getArguments().size());
        if (!candidates.isEmpty() && candidates.size() <= maxNameCandidates) link(from, candidates, "name", line);
    }

    private Methods.Target solve(MethodCallExpr call) {
        try {
            var ref = JavaParserFacade.get(solver).solve(call);
            if (!ref.isSolved()) return null;
            ResolvedMethodDeclaration m = ref.getCorrespondingDeclaration();
            var ast = m.toAst().orElse(null);
            return ast instanceof CallableDeclaration<?> c ? methods.of(c) : null;
        } catch (RuntimeException | StackOverflowError e) {
            return null;
        }
    }

    private void creation(ObjectCreationExpr o, ParsedFile file) {
        String from = caller(o);
        String type = index.resolve(o.getTypeAsString(), file, o);
        if (from == null || type == null) return;
        var ctors = methods.inHierarchy(type, "<init>", o.getArguments().size());
        link(from, ctors.isEmpty() ? List.of() : List.of(ctors.getFirst()), "type", JavaSymbols.line(o));
    }

    private void reference(MethodReferenceExpr r, ParsedFile file) {
        String from = caller(r);
        if (from == null) return;
        String name = r.getIdentifier().equals("new") ? "<init>" : r.getIdentifier();
        String scopeType;
        if (r.getScope() instanceof TypeExpr t) scopeType = index.resolve(t.getTypeAsString(), file, r);
        else {
            var typed = types.typeOf(r.getScope(), file, r, 0);
            if (typed.fqn() == null && typed.known()) return;
            scopeType = typed.fqn();
        }
        int line = JavaSymbols.line(r);
        if (scopeType != null) {
            for (var m : methodsNamed(scopeType, name)) link(from, List.of(m), "type", line);
        } else if (!name.equals("<init>")) {
            var candidates = allNamed(name);
            if (!candidates.isEmpty() && candidates.size() <= maxNameCandidates) link(from, candidates, "name", line);
        }
    }

    private List<Methods.Target> methodsNamed(String type, String name) {
        for (int argc = 0; argc <= 4; argc++) {
            var found = methods.inHierarchy(type, name, argc);
            if (!found.isEmpty()) return found;
        }
        return List.of();
    }

    private List<Methods.Target> allNamed(String name) {
        var out = new java.util.ArrayList<Methods.Target>();
        for (int argc = 0; argc <= 4; argc++) out.addAll(methods.byName(name, argc));
        return out.stream().distinct().toList();
    }

    /** The id of the project method a node sits in, or {@code Type#<init>} for initialisers. */
    private String caller(Node node) {
        for (Node n = node; n != null; n = n.getParentNode().orElse(null)) {
            if (n instanceof CallableDeclaration<?> c && c.getParentNode().orElse(null) instanceof TypeDeclaration<?> td
                    && index.fqn(td) != null) {
                var t = methods.of(c);
                return t == null ? null : t.id();
            }
            if (n instanceof TypeDeclaration<?> td && index.fqn(td) != null) return index.fqn(td) + "#<init>";
        }
        return null;
    }

    private void link(String from, List<Methods.Target> targets, String resolution, int line) {
        String fromType = from.substring(0, from.indexOf('#'));
        for (var t : targets) {
            calls.add(new CallEdge(from, t.id(), resolution, line));
            String toType = t.id().substring(0, t.id().indexOf('#'));
            if (!toType.equals(fromType)) edge(fromType, toType, "call");
        }
    }

    private void edge(String from, String to, String kind) {
        typeEdges.add(new TypeEdge(from, to, kind));
    }
}
