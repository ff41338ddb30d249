package dev.luna.codebase.shape;

import dev.luna.codebase.java.TypeSymbol;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Java types as written → {@link Schema}: scalars and dates by name, collections and maps by their type arguments,
 * wrappers ({@code Optional}, {@code ResponseEntity}, {@code Mono}, {@code CompletableFuture}…) unwrapped, project
 * types as references (each reported to {@code used} so its shape gets built).
 */
public final class JavaSchemas {
    private static final Map<String, String[]> SCALARS = Map.ofEntries(
            Map.entry("int", new String[]{"integer", "int32"}), Map.entry("Integer", new String[]{"integer", "int32"}),
            Map.entry("short", new String[]{"integer", "int32"}), Map.entry("Short", new String[]{"integer", "int32"}),
            Map.entry("byte", new String[]{"integer", "int32"}), Map.entry("Byte", new String[]{"integer", "int32"}),
            Map.entry("long", new String[]{"integer", "int64"}), Map.entry("Long", new String[]{"integer", "int64"}),
            Map.entry("BigInteger", new String[]{"integer", null}), Map.entry("float", new String[]{"number", "float"}),
            Map.entry("Float", new String[]{"number", "float"}), Map.entry("double", new String[]{"number", "double"}),
            Map.entry("Double", new String[]{"number", "double"}), Map.entry("BigDecimal", new String[]{"number", null}),
            Map.entry("Number", new String[]{"number", null}),
            Map.entry("boolean", new String[]{"boolean", null}), Map.entry("Boolean", new String[]{"boolean", null}),
            Map.entry("char", new String[]{"string", null}), Map.entry("Character", new String[]{"string", null}),
            Map.entry("String", new String[]{"string", null}), Map.entry("CharSequence", new String[]{"string", null}),
            Map.entry("UUID", new String[]{"string", "uuid"}), Map.entry("LocalDate", new String[]{"string", "date"}),
            Map.entry("LocalDateTime", new String[]{"string", "date-time"}), Map.entry("OffsetDateTime", new String[]{"string", "date-time"}),
            Map.entry("ZonedDateTime", new String[]{"string", "date-time"}), Map.entry("Instant", new String[]{"string", "date-time"}),
            Map.entry("Date", new String[]{"string", "date-time"}), Map.entry("Timestamp", new String[]{"string", "date-time"}),
            Map.entry("LocalTime", new String[]{"string", "time"}), Map.entry("Duration", new String[]{"string", "duration"}),
            Map.entry("URI", new String[]{"string", "uri"}), Map.entry("URL", new String[]{"string", "uri"}),
            Map.entry("byte[]", new String[]{"string", "byte"}), Map.entry("MultipartFile", new String[]{"string", "binary"}),
            Map.entry("FilePart", new String[]{"string", "binary"}), Map.entry("Part", new String[]{"string", "binary"}),
            Map.entry("InputStream", new String[]{"string", "binary"}), Map.entry("Resource", new String[]{"string", "binary"}),
            Map.entry("File", new String[]{"string", "binary"}), Map.entry("StreamingOutput", new String[]{"string", "binary"}));
    private static final Set<String> ARRAYS = Set.of("List", "ArrayList", "LinkedList", "Set", "HashSet", "LinkedHashSet", "TreeSet",
            "SortedSet", "Collection", "Iterable", "Stream", "Flux", "Multi", "Page", "Slice");
    private static final Set<String> MAPS = Set.of("Map", "HashMap", "LinkedHashMap", "TreeMap", "SortedMap", "MultivaluedMap",
            "MultiValueMap", "ConcurrentMap");
    private static final Set<String> WRAPPERS = Set.of("ResponseEntity", "HttpEntity", "Mono", "CompletableFuture", "CompletionStage",
            "Future", "Callable", "DeferredResult", "Uni", "RestResponse", "WebAsyncTask", "ListenableFuture", "Single", "Maybe");
    private static final Set<String> ANY = Set.of("Object", "JsonNode", "ObjectNode", "ArrayNode", "JsonObject", "JsonArray", "Map.Entry");
    private static final Set<String> NONE = Set.of("void", "Void", "Response", "ServerResponse", "ResponseEntity<?>", "ResponseEntity<Void>",
            "Mono<Void>", "Mono<ServerResponse>", "RestResponse<Void>", "Uni<Void>", "CompletionStage<Void>", "CompletableFuture<Void>");

    private final TypeNames names;
    private final Function<TypeSymbol, String> shapeName;

    /** @param shapeName registers a project type a schema refers to and returns the shape name to refer to it by */
    public JavaSchemas(TypeNames names, Function<TypeSymbol, String> shapeName) {
        this.names = names;
        this.shapeName = shapeName;
    }

    /** The schema of a body or parameter type, or null for "no body" ({@code void}, a raw {@code Response}). */
    public Schema schema(String written, TypeSymbol context) {
        String w = written.trim().replace("? extends ", "").replace("? super ", "");
        if (NONE.contains(w.replace(" ", ""))) return null;
        return schema(w, context, 0);
    }

    private Schema schema(String written, TypeSymbol context, int depth) {
        if (depth > 12) return Schema.any(written);
        String w = written.trim();
        if (w.endsWith("...")) return Schema.array(schema(w.substring(0, w.length() - 3), context, depth + 1), written);
        if (w.equals("byte[]")) return Schema.of("string", "byte", written);
        if (w.endsWith("[]")) return Schema.array(schema(w.substring(0, w.length() - 2), context, depth + 1), written);
        String base = TypeNames.erase(w);
        String simple = base.substring(base.lastIndexOf('.') + 1);
        var args = TypeNames.arguments(w);
        var scalar = SCALARS.get(simple);
        if (scalar != null && names.find(base, context) == null) return Schema.of(scalar[0], scalar[1], written);
        if (simple.equals("Optional") || simple.equals("Nullable")) {
            return args.isEmpty() ? Schema.any(written) : schema(args.getFirst(), context, depth + 1).asNullable().withSource(written);
        }
        if (simple.startsWith("Optional") && simple.length() > 8) return Schema.of(simple.equals("OptionalDouble") ? "number" : "integer", null, written).asNullable();
        if (WRAPPERS.contains(simple)) {
            if (args.isEmpty() || args.getFirst().equals("?") || args.getFirst().equals("Void")) return Schema.any(written);
            var inner = schema(args.getFirst(), context, depth + 1);
            return inner == null ? null : inner.withSource(written);
        }
        if (ARRAYS.contains(simple)) return Schema.array(args.isEmpty() ? Schema.any(null) : schema(args.getFirst(), context, depth + 1), written);
        if (MAPS.contains(simple)) return Schema.map(args.size() < 2 ? Schema.any(null) : schema(args.get(1), context, depth + 1), written);
        if (ANY.contains(simple) || ANY.contains(base)) return Schema.any(written);
        var type = names.find(base, context);
        if (type != null) {
            return Schema.ref(shapeName.apply(type), written);
        }
        return Schema.any(written);
    }

    /** Whether a type as written is a scalar (a query or path parameter type). */
    public static boolean scalar(String written) {
        String base = TypeNames.erase(written);
        String simple = base.substring(base.lastIndexOf('.') + 1);
        return SCALARS.containsKey(simple) || simple.equals("Optional") && TypeNames.arguments(written).stream().allMatch(JavaSchemas::scalar);
    }
}
