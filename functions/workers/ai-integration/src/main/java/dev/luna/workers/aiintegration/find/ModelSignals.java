package dev.luna.workers.aiintegration.find;

import dev.luna.codebase.ProjectModel;
import dev.luna.codebase.endpoint.Endpoint;
import dev.luna.codebase.shape.Property;
import dev.luna.codebase.shape.Schema;
import dev.luna.codebase.shape.Shape;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Opportunities the project model shows: search endpoints, free text in request bodies and forms, long text in
 * responses and entities, form endpoints, support endpoints. Every spot is an endpoint's or a property's line.
 */
final class ModelSignals {
    private static final Set<String> SEARCH_WORDS = Set.of("search", "find", "query", "lookup", "filter", "autocomplete", "suggest", "suggestions",
            "typeahead", "searches");
    private static final Pattern STRONG_QUERY_PARAM = Pattern.compile("(?i)^(q|query|search|searchterm|keywords?|term|text|filter)$");
    private static final Pattern WEAK_QUERY_PARAM = Pattern.compile("(?i)^(name|lastname|firstname|title|tag|tags)$");
    private static final Pattern FREE_TEXT = Pattern.compile("(?i)^(description|desc|comments?|message|msg|notes?|body|text|content|"
            + "feedback|review|details|reason|remarks?|bio|about|question|summary|complaint|story|instructions?|subject)$");
    private static final Pattern LONG_TEXT = Pattern.compile("(?i)^(content|body|description|text|article|details|notes?|transcript|"
            + "comments?|message|bio|story|review|markdown|html|answer)$");
    private static final Pattern INPUT_SHAPE = Pattern.compile("(Request|Form|Command|Input|Create\\w*|Update\\w*)$");
    private static final Set<String> WRITE = Set.of("POST", "PUT", "PATCH");
    private static final Pattern SUPPORT_PATH = Pattern.compile("(?i)/(help|support|faqs?|kb|knowledge-?base|contact)(/|$)");

    private ModelSignals() {
    }

    static List<Candidate> find(ProjectModel model) {
        var out = new ArrayList<Candidate>();
        var requestShapes = new HashSet<String>();
        var responseShapes = new HashSet<String>();
        for (var e : model.endpoints()) {
            String subject = e.method() + " " + e.path();
            var at = new Spot(e.file(), e.startLine(), subject + " → " + e.handler());
            search(e, subject, at, out);
            if (SUPPORT_PATH.matcher(e.path()).find()) out.add(new Candidate("support-assistant", subject, 1.0, List.of(at)));
            boolean formMedia = e.consumes().stream().anyMatch(c -> c.contains("form"));
            var formParams = e.params().stream().filter(p -> p.in().equals("form")).toList();
            boolean viewForm = e.framework().equals("Spring MVC") && e.response() != null && "String".equals(e.response().source())
                    && !signatureShapes(e, model).isEmpty();
            if (formMedia || !formParams.isEmpty() || viewForm) {
                out.add(new Candidate("form-autofill", subject, 1.0, List.of(new Spot(at.file(), at.line(), at.detail() + " (a form post)"))));
            }
            var freeParams = e.params().stream().filter(p -> (p.in().equals("form") || p.in().equals("body") && !isRef(p.schema()))
                    && FREE_TEXT.matcher(p.name()).matches() && isString(p.schema())).toList();
            if (!freeParams.isEmpty()) {
                out.add(new Candidate("text-classification", subject, 1.0,
                        List.of(new Spot(e.file(), e.startLine(), subject + " takes free text: " + names(freeParams.stream().map(p -> p.name()).toList())))));
            }
            collectRefs(e.request(), model, requestShapes);
            e.params().stream().filter(p -> p.in().equals("body") || p.in().equals("form")).forEach(p -> collectRefs(p.schema(), model, requestShapes));
            collectRefs(e.response(), model, responseShapes);
            for (String name : refsOf(e, model)) {
                var shape = model.shape(name);
                var text = textProperties(shape, FREE_TEXT);
                if (!text.isEmpty()) {
                    var spots = new ArrayList<Spot>(List.of(new Spot(e.file(), e.startLine(), subject + " takes " + shape.name())));
                    text.forEach(p -> spots.add(new Spot(shape.file(), p.line(), shape.name() + "." + p.name() + " is free text")));
                    out.add(new Candidate("text-classification", subject, 1.0, spots));
                }
            }
        }
        for (var shape : model.shapes()) {
            var longText = textProperties(shape, LONG_TEXT);
            if (!longText.isEmpty() && (responseShapes.contains(shape.name()) || shape.kind().equals("entity"))) {
                double weight = responseShapes.contains(shape.name()) ? 1.0 : 0.8;
                out.add(new Candidate("summarisation", "shape " + shape.name(), weight, spots(shape, longText, " is long text returned to users")));
            }
            var free = textProperties(shape, FREE_TEXT);
            if (!free.isEmpty() && !requestShapes.contains(shape.name()) && INPUT_SHAPE.matcher(shape.name()).find()) {
                out.add(new Candidate("text-classification", "shape " + shape.name(), 0.6, spots(shape, free, " is free text in an input type")));
            }
        }
        return out;
    }

    private static void search(Endpoint e, String subject, Spot at, List<Candidate> out) {
        String handlerName = e.handler().contains("#") ? e.handler().substring(e.handler().indexOf('#') + 1) : e.handler();
        boolean word = hasSearchWord(e.path()) || hasSearchWord(handlerName.replaceAll("\\(.*", ""));
        var query = e.params().stream().filter(p -> p.in().equals("query")).toList();
        var strong = query.stream().filter(p -> STRONG_QUERY_PARAM.matcher(p.name()).matches()).map(p -> p.name()).toList();
        var weak = query.stream().filter(p -> WEAK_QUERY_PARAM.matcher(p.name()).matches()).map(p -> p.name()).toList();
        boolean read = e.method().equals("GET") || e.method().equals("ANY") || e.method().equals("POST") && word;
        if (!read) return;
        if (word || !strong.isEmpty()) {
            String why = !strong.isEmpty() ? " (query parameter " + names(strong) + ")" : " (a search or lookup by name)";
            out.add(new Candidate("semantic-search", subject, 1.0, List.of(new Spot(at.file(), at.line(), at.detail() + why))));
        } else if (!weak.isEmpty() && e.method().equals("GET")) {
            out.add(new Candidate("semantic-search", subject, 0.6,
                    List.of(new Spot(at.file(), at.line(), at.detail() + " (looks up by " + names(weak) + ")"))));
        }
    }

    /** Whether a path or a method name has a search word as a word of its own ({@code findOwners}, {@code /search}; not {@code Filtering}). */
    static boolean hasSearchWord(String text) {
        for (String w : text.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT).split("[^a-z0-9]+")) {
            if (SEARCH_WORDS.contains(w)) return true;
        }
        return false;
    }

    private static List<Spot> spots(Shape shape, List<Property> props, String what) {
        return props.stream().map(p -> new Spot(shape.file(), p.line(), shape.name() + "." + p.name() + what)).toList();
    }

    private static List<Property> textProperties(Shape shape, Pattern names) {
        if (shape == null || shape.file() == null) return List.of();
        return shape.properties().stream().filter(p -> names.matcher(p.name()).matches() && isString(p.schema()) && p.line() > 0).toList();
    }

    /**
     * The project shapes a request binds: the body and form parameters' types, and for a write method the project types
     * the handler's signature takes (Spring binds an unannotated {@code Visit visit} from the form).
     */
    private static Set<String> refsOf(Endpoint e, ProjectModel model) {
        var out = new java.util.TreeSet<String>();
        collectRefs(e.request(), model, out);
        e.params().stream().filter(p -> p.in().equals("body") || p.in().equals("form")).forEach(p -> collectRefs(p.schema(), model, out));
        out.addAll(signatureShapes(e, model));
        return out;
    }

    static Set<String> signatureShapes(Endpoint e, ProjectModel model) {
        var out = new java.util.TreeSet<String>();
        if (!WRITE.contains(e.method())) return out;
        int open = e.handler().indexOf('(');
        int close = e.handler().lastIndexOf(')');
        if (open < 0 || close <= open + 1) return out;
        for (String type : e.handler().substring(open + 1, close).split(",")) {
            String simple = type.strip().replaceAll("<.*", "");
            simple = simple.substring(simple.lastIndexOf('.') + 1);
            if (!simple.isEmpty() && model.shape(simple) != null) out.add(simple);
        }
        return out;
    }

    private static void collectRefs(Schema s, ProjectModel model, Set<String> out) {
        if (s == null) return;
        if (s.ref() != null && model.shape(s.ref()) != null) out.add(s.ref());
        collectRefs(s.items(), model, out);
        collectRefs(s.additionalProperties(), model, out);
    }

    private static boolean isRef(Schema s) {
        return s != null && s.ref() != null;
    }

    private static boolean isString(Schema s) {
        return s != null && "string".equals(s.type()) && s.format() == null;
    }

    private static String names(List<String> names) {
        return String.join(", ", names.stream().sorted().toList());
    }
}
