package dev.luna.codebase.java;

import com.github.javaparser.ast.Modifier;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.AnnotationDeclaration;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.EnumDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithAnnotations;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Turns parsed type declarations into {@link TypeSymbol}s, with annotation values and constants evaluated. */
final class JavaSymbols {
    private final JavaIndex index;
    private final UnaryOperator<String> mask;

    JavaSymbols(JavaIndex index, UnaryOperator<String> mask) {
        this.index = index;
        this.mask = mask;
    }

    TypeSymbol symbol(TypeDeclaration<?> td) {
        var file = index.file(td);
        String fqn = index.fqn(td);
        String pkg = file.packageName();
        String name = pkg.isEmpty() ? fqn : fqn.substring(pkg.length() + 1);
        var fields = new ArrayList<FieldSymbol>();
        var methods = new ArrayList<MethodSymbol>();
        var supertypes = new ArrayList<String>();
        String kind = "class";
        var constants = new ArrayList<String>();
        if (td instanceof ClassOrInterfaceDeclaration c) {
            kind = c.isInterface() ? "interface" : "class";
            c.getExtendedTypes().forEach(t -> supertypes.add(qualify(t.asString(), file, td)));
            c.getImplementedTypes().forEach(t -> supertypes.add(qualify(t.asString(), file, td)));
        } else if (td instanceof EnumDeclaration e) {
            kind = "enum";
            e.getEntries().forEach(c -> constants.add(c.getNameAsString()));
            e.getImplementedTypes().forEach(t -> supertypes.add(qualify(t.asString(), file, td)));
        } else if (td instanceof RecordDeclaration r) {
            kind = "record";
            r.getImplementedTypes().forEach(t -> supertypes.add(qualify(t.asString(), file, td)));
            for (var p : r.getParameters()) {
                fields.add(new FieldSymbol(p.getNameAsString(), p.getTypeAsString() + (p.isVarArgs() ? "[]" : ""), annotations(p, file),
                        List.of(), line(p), null));
            }
        } else if (td instanceof AnnotationDeclaration) {
            kind = "annotation";
        }
        for (var member : td.getMembers()) {
            if (member instanceof FieldDeclaration f) {
                for (var v : f.getVariables()) {
                    String constant = index.constant(fqn + "." + v.getNameAsString());
                    fields.add(new FieldSymbol(v.getNameAsString(), v.getTypeAsString(), annotations(f, file), modifiers(f.getModifiers()),
                            line(v), constant == null ? null : mask.apply(constant)));
                }
            } else if (member instanceof MethodDeclaration m) {
                methods.add(method(m, m.getTypeAsString(), false, file));
            } else if (member instanceof ConstructorDeclaration c) {
                methods.add(method(c, "void", true, file));
            }
        }
        methods.sort(Comparator.comparingInt(MethodSymbol::startLine).thenComparing(MethodSymbol::signature));
        fields.sort(Comparator.comparingInt(FieldSymbol::line).thenComparing(FieldSymbol::name));
        return new TypeSymbol(name, fqn, kind, file.path(), line(td), endLine(td), modifiers(td.getModifiers()), annotations(td, file),
                supertypes, fields, methods, constants);
    }

    private MethodSymbol method(CallableDeclaration<?> m, String returnType, boolean constructor, ParsedFile file) {
        var params = new ArrayList<ParameterSymbol>();
        for (Parameter p : m.getParameters()) {
            params.add(new ParameterSymbol(p.getNameAsString(), p.getTypeAsString() + (p.isVarArgs() ? "..." : ""), annotations(p, file)));
        }
        return new MethodSymbol(m.getNameAsString(), signature(m), returnType, params, annotations(m, file), modifiers(m.getModifiers()),
                line(m), endLine(m), constructor);
    }

    static String signature(CallableDeclaration<?> m) {
        var sb = new StringBuilder(m.getNameAsString()).append('(');
        var params = m.getParameters();
        for (int i = 0; i < params.size(); i++) {
            if (i > 0) sb.append(',');
            sb.append(JavaIndex.erase(params.get(i).getTypeAsString()));
            if (params.get(i).isVarArgs()) sb.append("...");
        }
        return sb.append(')').toString();
    }

    private String qualify(String written, ParsedFile file, Node context) {
        String fqn = index.resolve(written, file, context);
        if (fqn != null) {
            int lt = written.indexOf('<');
            return lt < 0 ? fqn : fqn + written.substring(lt);
        }
        String erased = JavaIndex.erase(written);
        String imported = file.imports().get(erased);
        if (imported != null) {
            int lt = written.indexOf('<');
            return lt < 0 ? imported : imported + written.substring(lt);
        }
        return written;
    }

    List<AnnotationUse> annotations(NodeWithAnnotations<?> node, ParsedFile file) {
        var out = new ArrayList<AnnotationUse>();
        for (AnnotationExpr a : node.getAnnotations()) out.add(annotation(a, file));
        return out;
    }

    AnnotationUse annotation(AnnotationExpr a, ParsedFile file) {
        String written = a.getNameAsString();
        String simple = written.substring(written.lastIndexOf('.') + 1);
        String type = written.contains(".") ? written : file.imports().getOrDefault(written, written);
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (a instanceof SingleMemberAnnotationExpr s) {
            values.put("value", values(s.getMemberValue(), file, a));
        } else if (a instanceof NormalAnnotationExpr n) {
            for (var pair : n.getPairs()) values.put(pair.getNameAsString(), values(pair.getValue(), file, a));
        }
        return new AnnotationUse(simple, type, values);
    }

    private List<String> values(Expression e, ParsedFile file, Node context) {
        var out = new ArrayList<String>();
        if (e instanceof ArrayInitializerExpr arr) {
            for (var v : arr.getValues()) out.add(value(v, file, context));
        } else {
            out.add(value(e, file, context));
        }
        return out;
    }

    private String value(Expression e, ParsedFile file, Node context) {
        String s = index.evaluate(e, file, context, 0);
        if (s != null) return mask.apply(s);
        if (e instanceof ClassExpr c) return qualify(c.getTypeAsString(), file, context) + ".class";
        if (e.isBooleanLiteralExpr() || e.isIntegerLiteralExpr() || e.isLongLiteralExpr() || e.isDoubleLiteralExpr()) return e.toString();
        if (e.isCharLiteralExpr()) return e.asCharLiteralExpr().getValue();
        String text = e.toString();
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }

    static List<String> modifiers(NodeList<Modifier> modifiers) {
        var out = new ArrayList<String>();
        for (var m : modifiers) out.add(m.getKeyword().asString());
        return out;
    }

    static int line(Node n) {
        return n.getBegin().map(p -> p.line).orElse(0);
    }

    static int endLine(Node n) {
        return n.getEnd().map(p -> p.line).orElse(0);
    }
}
