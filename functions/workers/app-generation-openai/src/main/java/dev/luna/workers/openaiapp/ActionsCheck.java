package dev.luna.workers.openaiapp;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * The Java-side check of {@code openapi.actions.json} before success: swagger-parser reads it as OpenAPI 3.1 without
 * messages, and GPT Actions' own rules hold (one https server, ≤ 30 operations, each with a unique operationId and a
 * description of at most 300 characters), and {@code instructions.md} is at most 8,000 characters.
 */
final class ActionsCheck {
    static final int MAX_INSTRUCTIONS = 8_000;

    private ActionsCheck() {
    }

    /** The problems found; empty when the schema is valid. */
    static List<String> problems(String actionsJson, String instructions) {
        var out = new ArrayList<String>();
        var options = new ParseOptions();
        options.setResolve(true);
        var result = new OpenAPIV3Parser().readContents(actionsJson, null, options);
        if (result.getMessages() != null) result.getMessages().forEach(m -> out.add("openapi: " + m));
        var api = result.getOpenAPI();
        if (api == null) {
            out.add("openapi: not readable as OpenAPI");
            return out;
        }
        if (api.getOpenapi() == null || !api.getOpenapi().startsWith("3.1.")) out.add("openapi: version is " + api.getOpenapi() + ", not 3.1.x");
        if (api.getServers() == null || api.getServers().size() != 1 || !api.getServers().getFirst().getUrl().startsWith("https://")) {
            out.add("servers: exactly one https server is required");
        }
        var ids = new HashSet<String>();
        int count = 0;
        if (api.getPaths() != null) {
            for (var path : api.getPaths().entrySet()) {
                for (var op : path.getValue().readOperationsMap().entrySet()) {
                    count++;
                    String where = op.getKey() + " " + path.getKey();
                    var o = op.getValue();
                    if (o.getOperationId() == null || o.getOperationId().isBlank()) out.add(where + ": no operationId");
                    else if (!ids.add(o.getOperationId())) out.add(where + ": duplicate operationId " + o.getOperationId());
                    if (o.getDescription() == null || o.getDescription().isBlank()) out.add(where + ": no description");
                    else if (o.getDescription().length() > Describer.MAX_DESCRIPTION) out.add(where + ": description longer than 300 characters");
                }
            }
        }
        if (count > AppOptions.MAX_OPERATIONS) out.add("paths: " + count + " operations, more than " + AppOptions.MAX_OPERATIONS);
        if (instructions.length() > MAX_INSTRUCTIONS) out.add("instructions.md: " + instructions.length() + " characters, more than " + MAX_INSTRUCTIONS);
        return out;
    }
}
