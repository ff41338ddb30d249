package dev.luna.codebase.endpoint;

import dev.luna.codebase.java.AnnotationUse;
import dev.luna.codebase.java.MethodSymbol;
import dev.luna.codebase.java.ParameterSymbol;
import dev.luna.codebase.java.TypeSymbol;
import dev.luna.codebase.shape.JavaSchemas;
import dev.luna.codebase.shape.Schema;
import dev.luna.codebase.shape.TypeNames;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/** What Spring and JAX-RS handlers share: inherited handler methods, parameter building, masks. */
final class JavaHandlers {
    /** Parameter types the framework supplies, never the client. */
    static final Set<String> FRAMEWORK_TYPES = Set.of("HttpServletRequest", "HttpServletResponse", "ServletRequest", "ServletResponse",
            "HttpSession", "Model", "ModelMap", "ModelAndView", "BindingResult", "Errors", "Principal", "Authentication", "Locale",
            "ServerWebExchange", "ServerHttpRequest", "ServerHttpResponse", "WebRequest", "NativeWebRequest", "UriComponentsBuilder",
            "RedirectAttributes", "SessionStatus", "TimeZone", "ZoneId", "HttpHeaders", "HttpMethod", "UriInfo", "SecurityContext",
            "AsyncResponse", "Request", "ContainerRequestContext", "Sse", "SseEventSink", "ServerRequest", "Pageable", "Sort",
            "OAuth2User", "Jwt", "JwtAuthenticationToken", "CsrfToken", "SseEmitter");

    final TypeNames names;
    final JavaSchemas schemas;
    final UnaryOperator<String> mask;

    JavaHandlers(TypeNames names, JavaSchemas schemas, UnaryOperator<String> mask) {
        this.names = names;
        this.schemas = schemas;
        this.mask = mask;
    }

    /** A type's methods plus those of its project supertypes that it does not override, each with its declaring type. */
    record Declared(TypeSymbol owner, MethodSymbol method) {
    }

    List<Declared> methods(TypeSymbol type) {
        var bySignature = new LinkedHashMap<String, Declared>();
        collect(type, bySignature, 0);
        return new ArrayList<>(bySignature.values());
    }

    private void collect(TypeSymbol type, Map<String, Declared> out, int depth) {
        if (depth > 8) return;
        for (var m : type.methods()) {
            var existing = out.get(m.signature());
            if (existing == null) out.put(m.signature(), new Declared(type, m));
        }
        for (var s : type.supertypes()) {
            var sup = names.find(s, type);
            if (sup != null && sup != type) collect(sup, out, depth + 1);
        }
    }

    /** The annotation on the method, or on the same method of a supertype (JAX-RS and Spring inherit them). */
    AnnotationUse inherited(TypeSymbol type, MethodSymbol m, String annotation, int depth) {
        var a = m.annotation(annotation);
        if (a != null || depth > 8) return a;
        for (var s : type.supertypes()) {
            var sup = names.find(s, type);
            if (sup == null || sup == type) continue;
            for (var sm : sup.methods()) {
                if (sm.signature().equals(m.signature())) {
                    var found = inherited(sup, sm, annotation, depth + 1);
                    if (found != null) return found;
                }
            }
        }
        return null;
    }

    Param param(String name, String in, ParameterSymbol p, TypeSymbol owner, boolean required, String defaultValue) {
        var schema = schemas.schema(p.type(), owner);
        if (schema == null) schema = Schema.any(p.type());
        boolean optional = simple(p.type()).equals("Optional");
        return new Param(name, in, schema, required && !optional && defaultValue == null, defaultValue == null ? null : mask.apply(defaultValue));
    }

    static boolean frameworkType(String written) {
        return FRAMEWORK_TYPES.contains(simple(written));
    }

    static String handler(TypeSymbol owner, MethodSymbol m) {
        return owner.fqn() + "#" + m.signature();
    }

    /** The simple name of a type as written, without generics or array brackets. */
    static String simple(String written) {
        String s = written;
        int lt = s.indexOf('<');
        if (lt >= 0) s = s.substring(0, lt);
        s = s.replace("[]", "").replace("...", "").trim();
        return s.substring(s.lastIndexOf('.') + 1);
    }
}
