package dev.luna.workers.swift.lint;

import dev.luna.workers.swift.lint.SwiftTokens.Kind;
import dev.luna.workers.swift.lint.SwiftTokens.Token;
import java.util.ArrayList;
import java.util.List;

/** Call shapes over a token list: a call's arguments and trailing closures, and the modifier chain after it. */
final class Chains {
    /** A modifier {@code .name(args) { closures }}: indexes of its name, and of its argument parentheses (-1 when none). */
    record Modifier(String name, int nameIndex, int open, int close, int end) {
    }

    /** A call and its modifiers: {@code end} is the last token's index. */
    record Chain(int primary, int open, int close, int callEnd, List<Modifier> modifiers, int end) {
        boolean has(String modifier) {
            return modifiers.stream().anyMatch(m -> m.name().equals(modifier));
        }
    }

    private final List<Token> t;

    Chains(List<Token> tokens) {
        this.t = tokens;
    }

    Token at(int i) {
        return i >= 0 && i < t.size() ? t.get(i) : null;
    }

    boolean punct(int i, String s) {
        var k = at(i);
        return k != null && k.kind() == Kind.PUNCT && k.is(s);
    }

    /** The index of the bracket closing the one at {@code open}; the list's end when it does not close. */
    int matching(int open) {
        String o = t.get(open).text();
        String c = o.equals("(") ? ")" : o.equals("[") ? "]" : "}";
        int depth = 0;
        for (int i = open; i < t.size(); i++) {
            var k = t.get(i);
            if (k.kind() != Kind.PUNCT) continue;
            if (k.is(o)) depth++;
            else if (k.is(c) && --depth == 0) return i;
        }
        return t.size() - 1;
    }

    /** After index {@code i}, any trailing closures {@code { … }} and {@code label: { … }}; the last index consumed. */
    int closures(int i) {
        int end = i;
        if (punct(end + 1, "{")) {
            end = matching(end + 1);
            while (at(end + 1) != null && at(end + 1).kind() == Kind.IDENT && punct(end + 2, ":") && punct(end + 3, "{")) end = matching(end + 3);
        }
        return end;
    }

    /** The chain starting at the identifier {@code primary}: its call, then every {@code .modifier(…)}. */
    Chain chain(int primary) {
        int open = -1;
        int close = -1;
        int end = primary;
        if (punct(primary + 1, "(")) {
            open = primary + 1;
            close = matching(open);
            end = close;
        }
        end = closures(end);
        int callEnd = end;
        var modifiers = new ArrayList<Modifier>();
        while (punct(end + 1, ".") && at(end + 2) != null && at(end + 2).kind() == Kind.IDENT) {
            int name = end + 2;
            int mOpen = -1;
            int mClose = -1;
            end = name;
            if (punct(name + 1, "(")) {
                mOpen = name + 1;
                mClose = matching(mOpen);
                end = mClose;
            }
            end = closures(end);
            modifiers.add(new Modifier(t.get(name).text(), name, mOpen, mClose, end));
        }
        return new Chain(primary, open, close, callEnd, modifiers, end);
    }

    /** Whether the argument list {@code (open, close)} has the label {@code name:} at its top level. */
    boolean hasLabel(int open, int close, String name) {
        return labelIndex(open, close, name) >= 0;
    }

    /** The index of the label token {@code name} followed by {@code :} at the top level of {@code (open, close)}, else -1. */
    int labelIndex(int open, int close, String name) {
        if (open < 0) return -1;
        int depth = 0;
        for (int i = open + 1; i < close; i++) {
            var k = t.get(i);
            if (k.kind() == Kind.PUNCT && "([{".contains(k.text())) depth++;
            else if (k.kind() == Kind.PUNCT && ")]}".contains(k.text())) depth--;
            else if (depth == 0 && k.ident(name) && punct(i + 1, ":") && (punct(i - 1, "(") || punct(i - 1, ","))) return i;
        }
        return -1;
    }

    /** The number literal right after {@code label:}, or NaN. */
    double numberAfter(int labelIndex) {
        var k = at(labelIndex + 2);
        if (k == null || k.kind() != Kind.NUMBER) return Double.NaN;
        if (punct(labelIndex + 3, "/") && at(labelIndex + 4) != null && at(labelIndex + 4).kind() == Kind.NUMBER) {
            return parse(k.text()) / parse(at(labelIndex + 4).text());
        }
        return punct(labelIndex + 3, ",") || punct(labelIndex + 3, ")") ? parse(k.text()) : Double.NaN;
    }

    private static double parse(String number) {
        try {
            return Double.parseDouble(number.replace("_", ""));
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** Whether an identifier in {@code names} occurs in {@code [from, to]}. */
    boolean contains(int from, int to, java.util.Set<String> names) {
        for (int i = Math.max(0, from); i <= to && i < t.size(); i++) if (t.get(i).kind() == Kind.IDENT && names.contains(t.get(i).text())) return true;
        return false;
    }

    /** The name of the call whose argument list encloses index {@code i}, or null. */
    String enclosingCall(int i) {
        int depth = 0;
        for (int j = i - 1; j >= 0; j--) {
            var k = t.get(j);
            if (k.kind() != Kind.PUNCT) continue;
            if (k.is(")") || k.is("]") || k.is("}")) depth++;
            else if (k.is("(") || k.is("[") || k.is("{")) {
                if (depth == 0) {
                    if (!k.is("(")) return null;
                    var name = at(j - 1);
                    return name != null && name.kind() == Kind.IDENT ? name.text() : null;
                }
                depth--;
            }
        }
        return null;
    }
}
