package dev.luna.codebase.imports;

import dev.luna.codebase.shape.Schema;
import java.util.Map;
import java.util.Set;

/** Python type annotations → {@link Schema}; known pydantic models become references. */
final class PyTypes {
    private static final Map<String, String[]> SCALARS = Map.ofEntries(Map.entry("str", new String[]{"string", null}),
            Map.entry("int", new String[]{"integer", null}), Map.entry("float", new String[]{"number", null}),
            Map.entry("bool", new String[]{"boolean", null}), Map.entry("bytes", new String[]{"string", "binary"}),
            Map.entry("datetime", new String[]{"string", "date-time"}), Map.entry("date", new String[]{"string", "date"}),
            Map.entry("time", new String[]{"string", "time"}), Map.entry("UUID", new String[]{"string", "uuid"}),
            Map.entry("EmailStr", new String[]{"string", "email"}), Map.entry("HttpUrl", new String[]{"string", "uri"}),
            Map.entry("AnyUrl", new String[]{"string", "uri"}), Map.entry("Decimal", new String[]{"number", null}),
            Map.entry("UploadFile", new String[]{"string", "binary"}), Map.entry("SecretStr", new String[]{"string", "password"}),
            Map.entry("timedelta", new String[]{"string", "duration"}));
    private static final Set<String> ARRAYS = Set.of("List", "list", "Sequence", "Set", "set", "FrozenSet", "frozenset", "Tuple", "tuple",
            "Iterable");
    private static final Set<String> MAPS = Set.of("Dict", "dict", "Mapping");

    private PyTypes() {
    }

    static Schema schema(String type, Set<String> models, int depth) {
        if (type == null) return Schema.any(null);
        String t = type.trim();
        if (depth > 8 || t.isEmpty()) return Schema.any(type);
        var union = TsShapes.splitTop(t, '|');
        if (union.size() > 1) {
            var rest = union.stream().filter(u -> !u.equals("None")).toList();
            var s = rest.size() == 1 ? schema(rest.getFirst(), models, depth + 1) : Schema.any(type);
            return (rest.size() < union.size() ? s.asNullable() : s).withSource(type);
        }
        int br = t.indexOf('[');
        String base = br < 0 ? t : t.substring(0, br);
        base = base.substring(base.lastIndexOf('.') + 1);
        var args = br < 0 || !t.endsWith("]") ? java.util.List.<String>of() : PyLines.splitArgs(t.substring(br + 1, t.length() - 1));
        if (base.equals("Optional") && !args.isEmpty()) return schema(args.getFirst(), models, depth + 1).asNullable().withSource(type);
        if (base.equals("Union")) {
            var rest = args.stream().filter(u -> !u.equals("None")).toList();
            var s = rest.size() == 1 ? schema(rest.getFirst(), models, depth + 1) : Schema.any(type);
            return (rest.size() < args.size() ? s.asNullable() : s).withSource(type);
        }
        if (base.equals("Annotated") && !args.isEmpty()) return schema(args.getFirst(), models, depth + 1).withSource(type);
        if (base.equals("Literal")) return Schema.of(args.stream().allMatch(a -> PyLines.literal(a) != null) ? "string" : null, null, type);
        if (ARRAYS.contains(base)) return Schema.array(args.isEmpty() ? Schema.any(null) : schema(args.getFirst(), models, depth + 1), type);
        if (MAPS.contains(base)) return Schema.map(args.size() < 2 ? Schema.any(null) : schema(args.get(1), models, depth + 1), type);
        var scalar = SCALARS.get(base);
        if (scalar != null) return Schema.of(scalar[0], scalar[1], type);
        if (base.startsWith("con") && SCALARS.containsKey(base.substring(3))) return Schema.of(SCALARS.get(base.substring(3))[0], null, type);
        if (models.contains(base)) return Schema.ref(base, type);
        return Schema.any(type);
    }
}
