package dev.luna.codebase.imports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a literal object or array from tokens: strings, numbers, booleans, nested objects and arrays; other
 * expressions become their identifier text (or null). Bounded depth and size.
 */
final class JsObjects {
    private final List<JsToken> t;
    private int i;

    private JsObjects(List<JsToken> tokens, int start) {
        this.t = tokens;
        this.i = start;
    }

    /** The value starting at token {@code start}, and the index after it. */
    record Read(Object value, int next) {
    }

    static Read read(List<JsToken> tokens, int start) {
        var r = new JsObjects(tokens, start);
        Object v = r.value(0);
        return new Read(v, r.i);
    }

    private Object value(int depth) {
        if (i >= t.size() || depth > 24) return null;
        var tok = t.get(i);
        if (tok.is("{")) return object(depth);
        if (tok.is("[")) return array(depth);
        if (tok.isString()) {
            i++;
            return tok.text();
        }
        if (tok.kind() == JsToken.Kind.NUMBER) {
            i++;
            return tok.text();
        }
        if (tok.is("true") || tok.is("false")) {
            i++;
            return Boolean.valueOf(tok.text());
        }
        // any other expression: skip to the next ',' or closing bracket at this level, keep a simple name
        String name = tok.kind() == JsToken.Kind.IDENT ? tok.text() : null;
        var sb = new StringBuilder();
        int nest = 0;
        while (i < t.size()) {
            var x = t.get(i);
            if (nest == 0 && (x.is(",") || x.is("}") || x.is("]") || x.is(")"))) break;
            if (x.is("{") || x.is("[") || x.is("(")) nest++;
            else if (x.is("}") || x.is("]") || x.is(")")) nest--;
            if (sb.length() < 120 && (x.kind() == JsToken.Kind.IDENT || x.is("."))) sb.append(x.text());
            i++;
        }
        return name == null ? null : new Ref(sb.toString());
    }

    /** A non-literal value, as its dotted name ({@code UserSchema}, {@code schemas.user}). */
    record Ref(String name) {
    }

    private Map<String, Object> object(int depth) {
        var out = new LinkedHashMap<String, Object>();
        i++;
        while (i < t.size() && !t.get(i).is("}") && out.size() < 500) {
            var key = t.get(i);
            if (key.is("...")) {
                i++;
                value(depth + 1);
            } else if ((key.kind() == JsToken.Kind.IDENT || key.isString() || key.kind() == JsToken.Kind.NUMBER) && at(i + 1, ":")) {
                i += 2;
                out.put(key.text(), value(depth + 1));
            } else if (key.kind() == JsToken.Kind.IDENT && (at(i + 1, ",") || at(i + 1, "}"))) {
                out.put(key.text(), new Ref(key.text()));
                i++;
            } else if (key.is("[")) {
                skipBalanced();
                if (at(i, ":")) {
                    i++;
                    value(depth + 1);
                }
            } else {
                value(depth + 1);
                if (i < t.size() && !t.get(i).is(",") && !t.get(i).is("}")) i++;
            }
            if (at(i, ",")) i++;
        }
        i++;
        return out;
    }

    private List<Object> array(int depth) {
        var out = new ArrayList<Object>();
        i++;
        while (i < t.size() && !t.get(i).is("]") && out.size() < 500) {
            int before = i;
            out.add(value(depth + 1));
            if (at(i, ",")) i++;
            if (i == before) i++;
        }
        i++;
        return out;
    }

    private void skipBalanced() {
        int nest = 0;
        do {
            if (t.get(i).is("[") || t.get(i).is("{") || t.get(i).is("(")) nest++;
            else if (t.get(i).is("]") || t.get(i).is("}") || t.get(i).is(")")) nest--;
            i++;
        } while (i < t.size() && nest > 0);
    }

    private boolean at(int k, String text) {
        return k < t.size() && t.get(k).is(text);
    }
}
