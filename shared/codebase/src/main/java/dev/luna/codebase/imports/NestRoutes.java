package dev.luna.codebase.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * NestJS controllers: {@code @Controller('cats')} classes whose methods carry {@code @Get(':id')}, {@code @Post()}…,
 * with {@code @Param}, {@code @Query}, {@code @Headers} and {@code @Body} parameters and their TypeScript types.
 */
final class NestRoutes {
    private static final Map<String, String> VERBS = Map.of("Get", "GET", "Post", "POST", "Put", "PUT", "Delete", "DELETE", "Patch",
            "PATCH", "Options", "OPTIONS", "Head", "HEAD", "All", "ANY");
    private static final Map<String, String> PARAMS = Map.of("Param", "path", "Query", "query", "Headers", "header", "Body", "body");

    /** A decorated parameter: {@code name} null for a whole-object {@code @Query()} or {@code @Body()}. */
    record NestParam(String in, String name, String type, boolean optional) {
    }

    record NestRoute(String method, String path, String handler, int line, int endLine, List<NestParam> params, String returnType) {
    }

    private NestRoutes() {
    }

    static void scan(List<JsToken> t, List<NestRoute> out) {
        for (int i = 0; i + 2 < t.size(); i++) {
            if (!t.get(i).is("@") || !t.get(i + 1).is("Controller") || !t.get(i + 2).is("(")) continue;
            int close = JsRoutes.closing(t, i + 2);
            String prefix = "";
            if (i + 3 < close && t.get(i + 3).isString()) prefix = t.get(i + 3).text();
            else if (i + 3 < close && t.get(i + 3).is("{") && JsObjects.read(t, i + 3).value() instanceof Map<?, ?> m
                    && m.get("path") instanceof String p) {
                prefix = p;
            }
            int k = close + 1;
            while (k < t.size() && !t.get(k).is("class")) k++;
            if (k + 1 >= t.size()) return;
            String controller = t.get(k + 1).text();
            while (k < t.size() && !t.get(k).is("{")) k++;
            if (k >= t.size()) return;
            body(t, k, prefix, controller, out);
            i = k;
        }
    }

    private static void body(List<JsToken> t, int open, String prefix, String controller, List<NestRoute> out) {
        int end = JsRoutes.closing(t, open);
        String verb = null;
        String path = "";
        int line = 0;
        for (int k = open + 1; k < end; k++) {
            var tok = t.get(k);
            if (tok.is("@") && k + 2 < end && VERBS.containsKey(t.get(k + 1).text()) && t.get(k + 2).is("(")) {
                verb = VERBS.get(t.get(k + 1).text());
                int close = JsRoutes.closing(t, k + 2);
                path = k + 3 < close && t.get(k + 3).isString() ? t.get(k + 3).text() : "";
                line = tok.line();
                k = close;
            } else if (tok.is("@") && k + 2 < end && t.get(k + 2).is("(")) {
                k = JsRoutes.closing(t, k + 2);
            } else if (verb != null && tok.kind() == JsToken.Kind.IDENT && k + 1 < end && t.get(k + 1).is("(") && !tok.is("async")) {
                int close = JsRoutes.closing(t, k + 1);
                var params = params(t, k + 1, close);
                int bodyOpen = close + 1;
                var ret = new StringBuilder();
                if (bodyOpen < end && t.get(bodyOpen).is(":")) {
                    bodyOpen++;
                    while (bodyOpen < end && !t.get(bodyOpen).is("{")) ret.append(t.get(bodyOpen++).text());
                }
                while (bodyOpen < end && !t.get(bodyOpen).is("{")) bodyOpen++;
                int bodyClose = bodyOpen < end ? JsRoutes.closing(t, bodyOpen) : close;
                out.add(new NestRoute(verb, prefix + "/" + path, controller + "." + tok.text(), line, t.get(bodyClose).line(), params,
                        ret.isEmpty() ? null : ret.toString()));
                verb = null;
                k = bodyClose;
            }
        }
    }

    private static List<NestParam> params(List<JsToken> t, int open, int close) {
        var out = new ArrayList<NestParam>();
        for (int k = open + 1; k < close; k++) {
            if (!t.get(k).is("@") || k + 2 >= close || !t.get(k + 2).is("(")) continue;
            String in = PARAMS.get(t.get(k + 1).text());
            int argClose = JsRoutes.closing(t, k + 2);
            String name = k + 3 < argClose && t.get(k + 3).isString() ? t.get(k + 3).text() : null;
            int n = argClose + 1;
            while (n < close && t.get(n).is("@")) n = JsRoutes.closing(t, n + 2) + 1;
            if (in == null || n >= close) {
                k = argClose;
                continue;
            }
            String local = t.get(n).text();
            boolean optional = n + 1 < close && t.get(n + 1).is("?");
            int colon = optional ? n + 2 : n + 1;
            var type = new StringBuilder();
            if (colon < close && t.get(colon).is(":")) {
                int depth = 0;
                for (int j = colon + 1; j < close; j++) {
                    var x = t.get(j);
                    if (depth == 0 && (x.is(",") || x.is("="))) break;
                    if (x.is("<") || x.is("(") || x.is("[") || x.is("{")) depth++;
                    else if (x.is(">") || x.is(")") || x.is("]") || x.is("}")) depth--;
                    type.append(x.isString() ? "'" + x.text() + "'" : x.text());
                }
            }
            out.add(new NestParam(in, name != null ? name : in.equals("body") ? null : name, type.isEmpty() ? null : type.toString(),
                    optional));
            if (name == null && !in.equals("body") && !in.equals("query")) {
                out.set(out.size() - 1, new NestParam(in, local, type.isEmpty() ? null : type.toString(), optional));
            }
            k = argClose;
        }
        return out;
    }
}
