package dev.luna.codebase.shape;

import dev.luna.codebase.java.AnnotationUse;
import dev.luna.codebase.java.FieldSymbol;
import dev.luna.codebase.java.TypeSymbol;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Shapes of Java types: every type an endpoint refers to, every JPA/document entity, and the types their properties
 * refer to. Names are simple names; a second type with a taken simple name is named by its qualified name.
 */
public final class JavaShapes {
    private static final Set<String> ENTITY = Set.of("Entity", "Embeddable", "MappedSuperclass", "Document", "Table");
    private static final Set<String> REQUIRED = Set.of("NotNull", "NonNull", "Nonnull", "NotBlank", "NotEmpty");
    private static final Set<String> NULLABLE = Set.of("Nullable", "CheckForNull");
    private static final int MAX_SHAPES = 5_000;

    private final TypeNames names;
    private final Map<String, String> nameOfFqn = new HashMap<>();
    private final Map<String, String> fqnOfName = new HashMap<>();
    private final ArrayDeque<TypeSymbol> pending = new ArrayDeque<>();
    private final JavaSchemas schemas;

    public JavaShapes(TypeNames names) {
        this.names = names;
        this.schemas = new JavaSchemas(names, this::register);
    }

    public JavaSchemas schemas() {
        return schemas;
    }

    /** Registers a type to be shaped, returning the name it is referred to by. */
    public String register(TypeSymbol type) {
        var known = nameOfFqn.get(type.fqn());
        if (known != null) return known;
        String simple = type.name().substring(type.name().lastIndexOf('.') + 1);
        String name = fqnOfName.containsKey(simple) ? type.fqn() : simple;
        nameOfFqn.put(type.fqn(), name);
        fqnOfName.put(name, type.fqn());
        pending.add(type);
        return name;
    }

    /** Registers every entity-annotated type. */
    public void entities(List<TypeSymbol> types) {
        for (var t : types) {
            for (var a : t.annotations()) {
                if (ENTITY.contains(a.name())) {
                    register(t);
                    break;
                }
            }
        }
    }

    /** Builds the shapes of every registered type and of the types they refer to. */
    public List<Shape> build() {
        var out = new ArrayList<Shape>();
        while (!pending.isEmpty() && out.size() < MAX_SHAPES) {
            var t = pending.poll();
            out.add(shape(t));
        }
        return out;
    }

    private Shape shape(TypeSymbol t) {
        String name = nameOfFqn.get(t.fqn());
        boolean entity = t.annotations().stream().anyMatch(a -> ENTITY.contains(a.name()));
        String kind = entity ? "entity" : t.kind();
        var props = new ArrayList<Property>();
        if (!t.kind().equals("enum")) {
            for (var level = t; level != null; level = superclass(level)) {
                for (var f : level.fields()) {
                    if (f.modifiers().contains("static") || f.modifiers().contains("transient") || f.annotation("JsonIgnore") != null
                            || f.annotation("Transient") != null) {
                        continue;
                    }
                    props.add(property(f, level));
                }
                if (props.size() > 500) break;
            }
        }
        return new Shape(name, t.fqn(), "java", kind, t.file(), t.startLine(), props, t.constants());
    }

    private TypeSymbol superclass(TypeSymbol t) {
        if (!t.kind().equals("class") || t.supertypes().isEmpty()) return null;
        var sup = names.find(t.supertypes().getFirst(), t);
        return sup != null && sup.kind().equals("class") && sup != t ? sup : null;
    }

    private Property property(FieldSymbol f, TypeSymbol owner) {
        var schema = schemas.schema(f.type(), owner);
        if (schema == null) schema = Schema.any(f.type());
        boolean nullable = f.annotations().stream().anyMatch(a -> NULLABLE.contains(a.name()));
        if (nullable && !schema.nullable()) schema = schema.asNullable();
        boolean required = !schema.nullable() && (isPrimitive(f.type()) || f.annotations().stream().anyMatch(this::requires));
        String wire = f.name();
        for (String ann : List.of("JsonProperty", "SerializedName", "JsonbProperty")) {
            var a = f.annotation(ann);
            if (a != null && a.first("value") != null && !a.first("value").isEmpty()) wire = a.first("value");
        }
        return new Property(wire, schema, required, f.line());
    }

    private boolean requires(AnnotationUse a) {
        if (REQUIRED.contains(a.name())) return true;
        if (a.name().equals("JsonProperty") && "true".equals(a.first("required"))) return true;
        return a.name().equals("Column") && "false".equals(a.first("nullable"));
    }

    private static boolean isPrimitive(String type) {
        return Set.of("int", "long", "short", "byte", "boolean", "double", "float", "char").contains(type);
    }
}
