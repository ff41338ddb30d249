package dev.luna.workers.swift.render;

import dev.luna.workers.swift.plan.AppPlan;
import dev.luna.workers.swift.plan.Field;
import dev.luna.workers.swift.plan.Model;
import dev.luna.workers.swift.plan.Resource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The views of Models.swift and of the offline store (SwiftData or Core Data). */
final class ModelViews {
    private static final Set<String> STORE_NAMES = Set.of("cacheKey", "cachePayload", "position", "value");

    private ModelViews() {
    }

    static Map<String, Object> models(AppPlan plan) {
        var list = new ArrayList<Map<String, Object>>();
        for (Model m : plan.models()) {
            var v = new LinkedHashMap<String, Object>();
            v.put("name", m.name());
            v.put("doc", m.description().isEmpty() ? "`" + m.schema().replace("`", "'") + "` in the API." : m.description());
            var fields = new ArrayList<Map<String, Object>>();
            var keys = new ArrayList<Map<String, Object>>();
            var init = new ArrayList<String>();
            for (Field f : m.fields()) {
                fields.add(Map.of("name", f.name(), "swiftType", f.swiftType(), "label", f.label(),
                        "valuesText", String.join(", ", f.values()).replace("*/", "* /")));
                keys.add(Map.of("name", f.name(), "wire", dev.luna.workers.swift.plan.SwiftNames.literal(f.wire()).replace("\\(", "\\\\(")));
                init.add(f.name() + ": " + f.swiftType() + (f.optional() ? " = nil" : ""));
            }
            v.put("fields", fields);
            v.put("hasCodingKeys", m.fields().stream().anyMatch(f -> !f.name().equals(f.wire())));
            v.put("codingKeys", keys);
            v.put("initSignature", String.join(", ", init));
            boolean hasId = m.fields().stream().anyMatch(f -> f.name().equals("id"));
            v.put("identifiable", m.idField() != null);
            if (m.idField() != null && !hasId) {
                v.put("derivedId", m.idField());
                v.put("derivedIdType", m.fields().stream().filter(f -> f.name().equals(m.idField())).findFirst().orElseThrow().swiftType());
            }
            list.add(v);
        }
        return Map.of("models", list);
    }

    /** One record per resource model with its scalar fields as columns. */
    static Map<String, Object> store(AppPlan plan) {
        var records = new ArrayList<Map<String, Object>>();
        var seen = new java.util.HashSet<String>();
        for (Resource r : plan.resources()) {
            Model m = r.model();
            if (m == null || r.list() == null || !seen.add(m.name())) continue;
            var columns = new ArrayList<Map<String, Object>>();
            for (Field f : m.fields()) {
                if (!f.scalar() || STORE_NAMES.contains(f.name())) continue;
                var c = new LinkedHashMap<String, Object>();
                c.put("name", f.name());
                c.put("type", f.type());
                c.put("objcType", f.kind().equals("string") ? "String" : "NSNumber");
                c.put("attributeType", switch (f.kind()) {
                    case "string" -> ".stringAttributeType";
                    case "integer" -> ".integer64AttributeType";
                    case "number" -> ".doubleAttributeType";
                    default -> ".booleanAttributeType";
                });
                c.put("assign", f.kind().equals("string") ? "value." + f.name()
                        : f.optional() ? "value." + f.name() + ".map { NSNumber(value: $0) }" : "NSNumber(value: value." + f.name() + ")");
                columns.add(c);
            }
            records.add(Map.of("name", m.name() + "Record", "model", m.name(), "columns", columns));
        }
        return Map.of("records", records, "coreName", SwiftProject.coreName(plan));
    }

}
