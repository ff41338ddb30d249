package dev.luna.codebase.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What one Python file says.
 *
 * @param bindings local name → imported module (with its relative level) and member ({@code null} for a module)
 * @param routers  variables holding an app or router: FastAPI, APIRouter, Flask, Blueprint, with their own prefix
 * @param routes   decorated handlers
 * @param includes {@code include_router} / {@code register_blueprint} calls
 * @param models   classes with their bases and annotated fields
 */
record PyFile(String path, List<ImportEdge> imports, Map<String, Binding> bindings, Map<String, Router> routers, List<Route> routes,
              List<Include> includes, List<Model> models, boolean main) {
    record Binding(int level, String module, String member) {
    }

    record Router(String kind, String prefix) {
    }

    record Param(String name, String type, String defaultValue) {
    }

    record Route(String router, List<String> methods, String path, String function, int line, int endLine, List<Param> params,
                 String responseModel, String decorator) {
    }

    record Include(String on, String target, String prefix, int line) {
    }

    record Field(String name, String type, String defaultValue, int line) {
    }

    record Model(String name, List<String> bases, List<Field> fields, int line) {
    }

    static PyFile empty(String path, boolean main) {
        return new PyFile(path, new ArrayList<>(), new HashMap<>(), new HashMap<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                main);
    }
}
