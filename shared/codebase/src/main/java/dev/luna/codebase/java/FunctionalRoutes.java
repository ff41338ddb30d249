package dev.luna.codebase.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import java.util.List;
import java.util.Set;

/** Finds Spring functional routes (builder and predicate forms, with {@code path}/{@code nest} prefixes). */
final class FunctionalRoutes {
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS");

    private FunctionalRoutes() {
    }

    static void find(ParsedFile file, JavaIndex index, List<FunctionalRoute> out) {
        String framework = null;
        for (var imp : file.cu().getImports()) {
            String n = imp.getNameAsString();
            if (n.startsWith("org.springframework.web.reactive.function.server")) framework = "Spring WebFlux";
            else if (n.startsWith("org.springframework.web.servlet.function") && framework == null) framework = "Spring MVC";
        }
        if (framework == null) return;
        String fw = framework;
        file.cu().walk(MethodCallExpr.class, call -> {
            if (!METHODS.contains(call.getNameAsString()) || call.getArguments().isEmpty()) return;
            String path = index.evaluate(call.getArgument(0), file, call, 0);
            if (path == null) {
                if (call.getArguments().size() == 1 || call.getArgument(0).isLambdaExpr() || call.getArgument(0).isMethodReferenceExpr()) {
                    path = "";
                } else {
                    return;
                }
            }
            String handler;
            if (call.getArguments().size() >= 2 && !path.isEmpty() || path.isEmpty() && call.getArguments().size() >= 1
                    && !(call.getArgument(0).isStringLiteralExpr())) {
                handler = text(call.getArgument(call.getArguments().size() - 1));
            } else {
                var route = call.getParentNode().orElse(null);
                if (!(route instanceof MethodCallExpr r) || !(r.getNameAsString().equals("route") || r.getNameAsString().equals("andRoute"))
                        || r.getArguments().size() < 2) {
                    return;
                }
                handler = text(r.getArgument(1));
            }
            out.add(new FunctionalRoute(call.getNameAsString(), prefix(call, file, index) + "/" + path, fw, handler, file.path(),
                    JavaSymbols.line(call)));
        });
    }

    /** Prefixes from enclosing {@code .path("/p", b -> ...)} and {@code .nest(path("/p"), ...)} calls. */
    private static String prefix(Node node, ParsedFile file, JavaIndex index) {
        var sb = new StringBuilder();
        for (Node n = node.getParentNode().orElse(null); n != null; n = n.getParentNode().orElse(null)) {
            if (!(n instanceof MethodCallExpr c) || c.getArguments().isEmpty()) continue;
            Expression first = c.getArgument(0);
            String p = null;
            if ((c.getNameAsString().equals("path") || c.getNameAsString().equals("nest")) && c.getArguments().size() >= 2) {
                if (first instanceof MethodCallExpr inner && inner.getNameAsString().equals("path") && !inner.getArguments().isEmpty()) {
                    first = inner.getArgument(0);
                }
                p = index.evaluate(first, file, c, 0);
            }
            if (p != null) sb.insert(0, "/" + p);
        }
        return sb.toString();
    }

    private static String text(Expression e) {
        String s = e.toString().replaceAll("\\s+", " ");
        return s.length() > 120 ? s.substring(0, 120) + "…" : s;
    }
}
