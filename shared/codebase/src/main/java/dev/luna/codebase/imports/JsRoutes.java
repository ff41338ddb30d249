package dev.luna.codebase.imports;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds Express and Fastify route registrations and mounts in one file's tokens. A receiver counts as a server or
 * router when the file creates it ({@code express()}, {@code Router()}, {@code fastify()}) or, in a file that
 * imports express/fastify or is mounted elsewhere, when it carries a conventional name.
 */
final class JsRoutes {
    private static final Set<String> VERBS = Set.of("get", "post", "put", "delete", "patch", "options", "head", "all");
    private static final Set<String> CONVENTIONAL = Set.of("app", "router", "server", "routes", "fastify", "instance", "r",
            "route", "apiRouter", "v1", "admin");
    // "api" is left out on purpose: API clients (axios instances) are often called that
    private static final Set<String> CLIENT_LIBS = Set.of("axios", "ky", "got", "superagent", "node-fetch", "supertest",
            "@angular/common/http", "ofetch", "redaxios");
    private static final Set<String> FACTORIES = Set.of("express", "Router", "fastify", "Fastify");

    private JsRoutes() {
    }

    static void scan(List<JsToken> t, JsFile file, boolean importsServerLib) {
        var receivers = new HashSet<String>();
        String framework = "Express";
        for (var b : file.bindings().values()) {
            if (b.specifier().equals("fastify")) framework = "Fastify";
        }
        for (int i = 0; i + 3 < t.size(); i++) {
            // x = express() / express.Router() / Router() / fastify({...}) / new Router()
            if (t.get(i).kind() == JsToken.Kind.IDENT && t.get(i + 1).is("=")) {
                int k = i + 2;
                if (t.get(k).is("new")) k++;
                if (k + 1 < t.size() && t.get(k).kind() == JsToken.Kind.IDENT && FACTORIES.contains(t.get(k).text())
                        && (t.get(k + 1).is("(") || t.get(k + 1).is(".") && k + 3 < t.size() && t.get(k + 2).is("Router"))) {
                    receivers.add(t.get(i).text());
                }
            }
        }
        boolean clientLib = file.bindings().values().stream().anyMatch(b -> CLIENT_LIBS.contains(b.specifier()));
        boolean conventional = importsServerLib || !receivers.isEmpty() || !clientLib;
        for (int i = 0; i + 4 < t.size(); i++) {
            var recv = t.get(i);
            if (recv.kind() != JsToken.Kind.IDENT || !t.get(i + 1).is(".") || JsScanner.at(t, i - 1, ".")) continue;
            boolean known = receivers.contains(recv.text()) || conventional && CONVENTIONAL.contains(recv.text());
            if (!known) continue;
            var name = t.get(i + 2);
            if (!t.get(i + 3).is("(")) continue;
            String verb = name.text();
            if (VERBS.contains(verb) && t.get(i + 4).isString() && path(t.get(i + 4).text()) && JsScanner.at(t, i + 5, ",")
                    && (receivers.contains(recv.text()) || importsServerLib || !verb.equals("get") || i + 6 < t.size()
                    && (t.get(i + 6).kind() == JsToken.Kind.IDENT || t.get(i + 6).is("(") || t.get(i + 6).is("{")))) {
                int end = closing(t, i + 3);
                var schema = JsScanner.at(t, i + 5, ",") && JsScanner.at(t, i + 6, "{") ? JsObjects.read(t, i + 6).value() : null;
                file.routes().add(new JsFile.Route(framework, recv.text(), verb.equals("all") ? "ANY" : verb.toUpperCase(java.util.Locale.ROOT),
                        t.get(i + 4).text(), handler(t, i + 3, end), recv.line(), t.get(Math.min(end, t.size() - 1)).line(),
                        schemaOf(schema)));
            } else if (verb.equals("route") && t.get(i + 4).isString()) {
                chain(t, i, recv.text(), framework, file);
            } else if (verb.equals("route") && t.get(i + 4).is("{")) {
                var read = JsObjects.read(t, i + 4);
                if (read.value() instanceof Map<?, ?> opts) fastifyRoute(opts, recv, t.get(Math.min(read.next(), t.size() - 1)).line(), file);
            } else if ((verb.equals("use") || verb.equals("register")) && i + 6 < t.size()) {
                mount(t, i, verb, file);
            }
        }
    }

    private static boolean path(String p) {
        return p.startsWith("/") || p.equals("*");
    }

    /** {@code router.route('/x').get(h).post(h)} */
    private static void chain(List<JsToken> t, int i, String recv, String framework, JsFile file) {
        String path = t.get(i + 4).text();
        int k = closing(t, i + 3) + 1;
        while (k + 2 < t.size() && t.get(k).is(".") && VERBS.contains(t.get(k + 1).text()) && t.get(k + 2).is("(")) {
            int end = closing(t, k + 2);
            file.routes().add(new JsFile.Route(framework, recv, t.get(k + 1).text().equals("all") ? "ANY"
                    : t.get(k + 1).text().toUpperCase(java.util.Locale.ROOT), path, handler(t, k + 2, end), t.get(k).line(),
                    t.get(Math.min(end, t.size() - 1)).line(), null));
            k = end + 1;
        }
    }

    private static void fastifyRoute(Map<?, ?> opts, JsToken recv, int endLine, JsFile file) {
        Object url = opts.get("url") != null ? opts.get("url") : opts.get("path");
        if (!(url instanceof String u)) return;
        Object method = opts.get("method");
        List<?> methods = method instanceof List<?> l ? l : java.util.Collections.singletonList(method);
        Object h = opts.get("handler");
        String handler = h instanceof JsObjects.Ref ref ? ref.name() : "<anonymous>";
        for (var m : methods) {
            if (m instanceof String s) {
                file.routes().add(new JsFile.Route("Fastify", recv.text(), s.toUpperCase(java.util.Locale.ROOT), u, handler, recv.line(),
                        endLine, schemaOf(opts)));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> schemaOf(Object options) {
        if (options instanceof Map<?, ?> m && m.get("schema") instanceof Map<?, ?> s) return (Map<String, Object>) s;
        return null;
    }

    /** {@code app.use('/p', router)}, {@code app.use('/p', require('./r'))}, {@code fastify.register(plugin, { prefix: '/p' })}. */
    private static void mount(List<JsToken> t, int i, String verb, JsFile file) {
        String on = t.get(i).text();
        int line = t.get(i).line();
        if (verb.equals("use") && t.get(i + 4).isString() && JsScanner.at(t, i + 5, ",")) {
            String prefix = t.get(i + 4).text();
            int end = closing(t, i + 3);
            // the last plain identifier or require('x') among the arguments is the mounted router
            for (int k = end - 1; k > i + 5; k--) {
                if (t.get(k).is(")") && JsScanner.at(t, k - 2, "(") && JsScanner.at(t, k - 3, "require") && t.get(k - 1).isString()) {
                    file.mounts().add(new JsFile.Mount(on, prefix, "require:" + t.get(k - 1).text(), line, false));
                    return;
                }
                if (t.get(k).kind() == JsToken.Kind.IDENT && !JsScanner.at(t, k + 1, "(") && !JsScanner.at(t, k - 1, ".")) {
                    file.mounts().add(new JsFile.Mount(on, prefix, t.get(k).text(), line, false));
                    return;
                }
            }
        } else if (verb.equals("register") && t.get(i + 4).kind() == JsToken.Kind.IDENT) {
            String plugin = t.get(i + 4).text();
            if (JsScanner.at(t, i + 5, ",") && JsScanner.at(t, i + 6, "{")) {
                var opts = JsObjects.read(t, i + 6).value();
                if (opts instanceof Map<?, ?> m && m.get("prefix") instanceof String p) {
                    file.mounts().add(new JsFile.Mount(on, p, plugin, line, true));
                    return;
                }
            }
            file.mounts().add(new JsFile.Mount(on, "", plugin, line, true));
        } else if (verb.equals("register") && JsScanner.at(t, i + 4, "import") && JsScanner.at(t, i + 5, "(") && t.get(i + 6).isString()) {
            String prefix = "";
            int close = closing(t, i + 5);
            if (JsScanner.at(t, close + 1, ",") && JsScanner.at(t, close + 2, "{")) {
                var opts = JsObjects.read(t, close + 2).value();
                if (opts instanceof Map<?, ?> m && m.get("prefix") instanceof String p) prefix = p;
            }
            file.mounts().add(new JsFile.Mount(on, prefix, "require:" + t.get(i + 6).text(), line, true));
        }
    }

    private static String handler(List<JsToken> t, int open, int close) {
        int k = close - 1;
        if (k <= open) return "<anonymous>";
        var last = t.get(k);
        if (last.kind() == JsToken.Kind.IDENT && (JsScanner.at(t, k - 1, ",") || JsScanner.at(t, k - 1, ".") || k - 1 == open)) {
            var sb = new StringBuilder(last.text());
            for (int j = k - 1; j > open && t.get(j).is(".") && t.get(j - 1).kind() == JsToken.Kind.IDENT; j -= 2) {
                sb.insert(0, t.get(j - 1).text() + ".");
            }
            return sb.toString();
        }
        return "<anonymous>";
    }

    /** The index of the bracket closing the one at {@code open} (or the last token). */
    static int closing(List<JsToken> t, int open) {
        int depth = 0;
        for (int k = open; k < t.size(); k++) {
            var x = t.get(k);
            if (x.is("(") || x.is("[") || x.is("{")) depth++;
            else if (x.is(")") || x.is("]") || x.is("}")) {
                if (--depth == 0) return k;
            }
        }
        return t.size() - 1;
    }
}
