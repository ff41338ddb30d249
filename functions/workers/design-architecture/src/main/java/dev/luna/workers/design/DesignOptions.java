package dev.luna.workers.design;

import dev.luna.core.ValidationException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * {@code options} of a {@code design-architecture} task (the payload schema has checked their shape already).
 *
 * @param views    the C4 views and sequence diagrams to draw (all five when the payload names none)
 * @param maxNodes nodes a diagram shows before the rest are grouped into one "other" node
 * @param maxFlows request flows drawn as sequence diagrams
 */
record DesignOptions(Set<View> views, int maxNodes, int maxFlows, List<String> include, List<String> exclude) {
    static final int DEFAULT_MAX_NODES = 14;
    static final DesignOptions DEFAULT = new DesignOptions(EnumSet.allOf(View.class), DEFAULT_MAX_NODES, 3, null, null);

    DesignOptions {
        views = views == null || views.isEmpty() ? EnumSet.allOf(View.class) : EnumSet.copyOf(views);
        if (maxNodes < 3 || maxNodes > 60) throw new ValidationException("options.maxNodes", "must be between 3 and 60");
        if (maxFlows < 0 || maxFlows > 10) throw new ValidationException("options.maxFlows", "must be between 0 and 10");
    }

    boolean draws(View view) {
        return views.contains(view);
    }

    static DesignOptions of(JsonNode options) {
        var views = EnumSet.noneOf(View.class);
        var list = options.path("views");
        for (int i = 0; i < list.size(); i++) {
            var v = View.of(list.get(i).asString(""));
            if (v == null) throw new ValidationException("options.views[" + i + "]", "must be one of context, container, component, deployment, sequence");
            views.add(v);
        }
        int maxNodes = options.path("maxNodes").asInt(DEFAULT_MAX_NODES);
        int maxFlows = options.path("maxFlows").asInt(3);
        return new DesignOptions(views, maxNodes, maxFlows, strings(options.get("include")), strings(options.get("exclude")));
    }

    private static List<String> strings(JsonNode node) {
        var out = new ArrayList<String>();
        if (node != null && node.isArray()) node.forEach(n -> out.add(n.asString()));
        return out.isEmpty() ? null : List.copyOf(out);
    }
}
