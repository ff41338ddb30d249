package dev.luna.workers.codeanalysis.security;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks that need no data flow: string literals assigned to (or compared with) variables named like credentials
 * ({@code dbPassword = "…"}, {@code CLIENT_SECRET = "…"}), and Jackson's {@code @JsonTypeInfo(use = Id.CLASS)}.
 * The credential word must end the name ({@code passwordField} is not a password), and the value must look like a
 * secret (not empty, no spaces, not a placeholder, a property key, a URL or the name itself).
 */
final class Credentials {
    private static final Set<String> WORDS = Set.of("password", "passwd", "pwd", "passphrase", "secret", "apikey", "secretkey",
            "privatekey", "accesskey", "clientsecret", "authtoken", "accesstoken", "credentials", "credential");
    private static final Pattern PLACEHOLDER = Pattern.compile("^(\\$\\{.*}|\\{\\{.*}}|<.*>|%s|\\*+|x+|\\.+|-+|null|none|todo|changeit\\?)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PROPERTY_KEY = Pattern.compile("^[a-z0-9_-]+(\\.[a-zA-Z0-9_-]+)+$");

    private Credentials() {
    }

    static void scan(SourceFile file, Findings findings) {
        file.unit.walk(Node.TreeTraversal.PREORDER, n -> {
            switch (n) {
                case VariableDeclarator v -> v.getInitializer().ifPresent(init -> literal(file, findings, v.getNameAsString(), init, v));
                case AssignExpr a when a.getOperator() == AssignExpr.Operator.ASSIGN -> {
                    String name = a.getTarget() instanceof NameExpr ne ? ne.getNameAsString()
                            : a.getTarget() instanceof FieldAccessExpr fa ? fa.getNameAsString() : null;
                    if (name != null) literal(file, findings, name, a.getValue(), a);
                }
                case MethodCallExpr m when m.getNameAsString().equals("equals") && m.getArguments().size() == 1 && m.getScope().isPresent() -> {
                    Expression scope = m.getScope().get();
                    Expression arg = m.getArgument(0);
                    if (scope instanceof NameExpr ne) literal(file, findings, ne.getNameAsString(), arg, m);
                    else if (arg instanceof NameExpr ne) literal(file, findings, ne.getNameAsString(), scope, m);
                }
                case NormalAnnotationExpr a when a.getName().getIdentifier().equals("JsonTypeInfo") -> typeInfo(file, findings, a);
                default -> {
                }
            }
        });
    }

    private static void literal(SourceFile file, Findings findings, String name, Expression value, Node at) {
        if (!(value instanceof StringLiteralExpr lit) || !isCredentialName(name)) return;
        String s = lit.asString();
        if (!looksSecret(s) || s.equalsIgnoreCase(name) || normalise(s).equals(normalise(name))) return;
        findings.pattern("credential-literal", file, at, "A hard-coded credential is assigned to '" + name + "'.");
    }

    static boolean isCredentialName(String name) {
        String n = normalise(name);
        for (String w : WORDS) {
            if (!n.endsWith(w)) continue;
            if (!w.equals("pwd")) return true;
            int i = name.length() - 3;
            return i == 0 || name.charAt(i - 1) == '_' || Character.isUpperCase(name.charAt(i));
        }
        return false;
    }

    private static String normalise(String s) {
        return s.replace("_", "").replace("-", "").toLowerCase(Locale.ROOT);
    }

    static boolean looksSecret(String s) {
        String v = s.strip();
        String lower = normalise(v);
        for (String w : WORDS) if (lower.contains(w)) return false; // "j_password", "Access-Control-Allow-Credentials": names, not values
        if (lower.equals("true") || lower.equals("false") || lower.equals("null") || v.chars().allMatch(Character::isDigit)) return false;
        return v.length() >= 4 && v.length() <= 200 && v.equals(s) && !v.contains(" ") && !PLACEHOLDER.matcher(v).matches()
                && !PROPERTY_KEY.matcher(v).matches() && !v.contains("://") && !v.startsWith("/") && !v.startsWith("classpath:");
    }

    private static void typeInfo(SourceFile file, Findings findings, AnnotationExpr a) {
        for (var pair : ((NormalAnnotationExpr) a).getPairs()) {
            String v = pair.getValue().toString();
            if (pair.getNameAsString().equals("use") && (v.endsWith("Id.CLASS") || v.endsWith("Id.MINIMAL_CLASS") || v.equals("CLASS") || v.equals("MINIMAL_CLASS"))) {
                findings.pattern("jackson-type-info-class", file, a, "@JsonTypeInfo(use = " + v + ") lets JSON input choose the class to instantiate.");
            }
        }
    }
}
