package dev.luna.codebase.endpoint;

import dev.luna.codebase.java.FunctionalRoute;
import dev.luna.codebase.java.TypeSymbol;
import dev.luna.codebase.shape.JavaShapes;
import dev.luna.codebase.shape.TypeNames;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** HTTP endpoints of Java code: Spring MVC/WebFlux controllers and functional routes, JAX-RS resources. */
public final class JavaEndpoints {
    private JavaEndpoints() {
    }

    /**
     * @param webflux whether Spring controllers are WebFlux ones (the project depends on or imports WebFlux and not MVC)
     * @param shapes  collects the types the endpoints refer to
     */
    public static List<Endpoint> find(List<TypeSymbol> types, List<FunctionalRoute> routes, boolean webflux, TypeNames names,
                                      JavaShapes shapes, UnaryOperator<String> mask) {
        var handlers = new JavaHandlers(names, shapes.schemas(), mask);
        var out = new ArrayList<Endpoint>();
        var spring = new SpringEndpoints(handlers);
        spring.find(types, webflux, out);
        spring.functional(routes, out);
        new JaxRsEndpoints(handlers).find(types, out);
        return out;
    }
}
