package dev.luna.codebase.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What one JavaScript/TypeScript file says, kept after its tokens are dropped.
 *
 * @param imports  unresolved imports (target and external filled in later)
 * @param bindings local names bound by imports and requires, to their specifier and imported name
 *                 ({@code default}, {@code *} or the named export)
 * @param routes   route registrations ({@code app.get('/x', h)}, {@code fastify.route({...})})
 * @param mounts   {@code app.use('/p', router)} and {@code fastify.register(plugin, {prefix})}
 * @param exports  names of exported functions and constants
 * @param methods  HTTP method names compared with {@code req.method} or used as {@code case} labels
 * @param shapes   interfaces and object type aliases
 * @param nest     NestJS controller routes
 * @param globalPrefixes arguments of NestJS {@code app.setGlobalPrefix('api')} calls
 */
record JsFile(String path, List<ImportEdge> imports, Map<String, Binding> bindings, List<Route> routes, List<Mount> mounts,
              List<String> exports, List<String> methods, List<TsShapes.RawShape> shapes, List<NestRoutes.NestRoute> nest,
              List<String> globalPrefixes) {
    /** A local name bound by an import. */
    record Binding(String specifier, String imported) {
    }

    /**
     * A route registration.
     *
     * @param target  the receiver variable ({@code app}, {@code router})
     * @param schema  Fastify route schema object, or null
     */
    record Route(String framework, String target, String method, String path, String handler, int line, int endLine,
                 Map<String, Object> schema) {
    }

    /**
     * A mount: {@code target} (a variable of this file, or a binding) served under {@code prefix} by {@code on};
     * {@code plugin} for Fastify's {@code register}.
     */
    record Mount(String on, String prefix, String target, int line, boolean plugin) {
    }

    static JsFile empty(String path) {
        return new JsFile(path, new ArrayList<>(), new java.util.HashMap<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    }
}
