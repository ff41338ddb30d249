package dev.luna.functions.realtime;

import dev.luna.core.Json;
import dev.luna.realtime.LiveEvent;
import dev.luna.realtime.LiveEventKind;
import graphql.ExecutionInput;
import graphql.ParseAndValidate;
import graphql.language.Argument;
import graphql.language.Field;
import graphql.language.IntValue;
import graphql.language.NullValue;
import graphql.language.OperationDefinition;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * A GraphQL subscription of the API Gateway WebSocket API ({@code graphql-transport-ws}): the document is parsed and
 * validated against the GraphQL API's own schema ({@code graphql/schema.graphqls}), its one root field
 * ({@code taskProgress}, {@code agentHealth}, {@code tokenAlert}, {@code systemNotification}) becomes the same
 * {@link Subscribe} request as the live protocol's (so the same access rules apply), and what it selects of the
 * {@code LiveEvent} type is kept with the subscription, so the fan-out can answer each event as the GraphQL API
 * would, without running an executor per event: every field of {@code LiveEvent} is a leaf.
 */
record GraphqlSubscription(String rootField, String responseKey, List<Selected> selection) {
    static final String SUBPROTOCOL = "graphql-transport-ws";
    private static final int MAX_SELECTED = 64;
    private static final GraphQLSchema SCHEMA = schema();

    /** One selected field of the event: its key in the answer (the alias, else the name) and the field. */
    record Selected(String key, String field) {
    }

    /** A subscribe message refused: the GraphQL errors to send in an {@code error} message. */
    static final class Refused extends RuntimeException {
        final List<Map<String, Object>> errors;

        Refused(List<Map<String, Object>> errors) {
            super(errors.isEmpty() ? "refused" : String.valueOf(errors.getFirst().get("message")));
            this.errors = errors;
        }

        static Refused of(String message) {
            return new Refused(List.of(Map.of("message", message)));
        }
    }

    /** The parsed subscription and the live request it makes. */
    record Parsed(GraphqlSubscription subscription, Subscribe request) {
    }

    /** Parses the payload of {@code {"type":"subscribe","id","payload":{"query","variables"?,"operationName"?}}}. */
    static Parsed parse(String id, JsonNode payload) {
        String query = payload.path("query").isString() ? payload.path("query").asString() : null;
        if (query == null || query.isBlank()) throw Refused.of("The payload needs a 'query' string");
        var variablesNode = payload.path("variables");
        Map<String, Object> variables = variablesNode.isObject() ? Json.mapper().convertValue(variablesNode, Map.class) : Map.of();
        String operationName = payload.path("operationName").isString() ? payload.path("operationName").asString() : null;
        var input = ExecutionInput.newExecutionInput(query).variables(variables).operationName(operationName).build();
        var result = ParseAndValidate.parseAndValidate(SCHEMA, input);
        if (result.isFailure()) {
            var errors = new ArrayList<Map<String, Object>>();
            for (var e : result.getErrors()) errors.add(Map.of("message", e.getMessage()));
            throw new Refused(errors);
        }
        var operations = result.getDocument().getDefinitionsOfType(OperationDefinition.class);
        OperationDefinition operation = null;
        for (var o : operations) {
            if (operationName == null ? operations.size() == 1 : operationName.equals(o.getName())) operation = o;
        }
        if (operation == null) throw Refused.of(operationName == null ? "Name the operation to run (operationName)" : "Unknown operation " + operationName);
        if (operation.getOperation() != OperationDefinition.Operation.SUBSCRIPTION) {
            throw Refused.of("Only subscriptions run over this WebSocket; send queries and mutations to POST /api/v1/graphql");
        }
        var roots = operation.getSelectionSet().getSelectionsOfType(Field.class);
        if (roots.size() != 1 || operation.getSelectionSet().getSelections().size() != 1) {
            throw Refused.of("A subscription selects exactly one root field, without fragments");
        }
        Field root = roots.getFirst();
        var selection = new ArrayList<Selected>();
        for (var s : root.getSelectionSet().getSelections()) {
            if (!(s instanceof Field f)) throw Refused.of("Select the event's fields directly, without fragments");
            selection.add(new Selected(f.getResultKey(), f.getName()));
            if (selection.size() > MAX_SELECTED) throw Refused.of("At most " + MAX_SELECTED + " fields per subscription");
        }
        var args = new LinkedHashMap<String, Object>();
        for (Argument a : root.getArguments()) args.put(a.getName(), value(a.getValue(), variables));
        String taskId = string(args, "taskId");
        String agentId = string(args, "agentId");
        String projectId = string(args, "projectId");
        Long since = args.get("since") == null ? null : number(args, "since");
        var request = switch (root.getName()) {
            case "taskProgress" -> new Subscribe(id, Set.of(), since == null ? 0 : since, null, taskId, null);
            case "agentHealth" -> new Subscribe(id, Set.of(LiveEventKind.AGENT_HEALTH), since == null ? -1 : since, null, null, agentId);
            case "tokenAlert" -> new Subscribe(id, Set.of(LiveEventKind.TOKEN_ALERT), since == null ? -1 : since, projectId, null, null);
            case "systemNotification" -> new Subscribe(id, Set.of(LiveEventKind.SYSTEM_NOTIFICATION), since == null ? -1 : since, projectId, null, null);
            default -> throw Refused.of("Unknown subscription field " + root.getName());
        };
        return new Parsed(new GraphqlSubscription(root.getName(), root.getResultKey(), List.copyOf(selection)), request);
    }

    /** The {@code next} message of subscription {@code id} for {@code event}: the selected fields of the event. */
    String next(String id, LiveEvent event) {
        var wire = event.wire();
        var fields = new LinkedHashMap<String, Object>();
        for (var s : selection) fields.put(s.key(), s.field().equals("__typename") ? "LiveEvent" : wire.get(s.field()));
        var data = new LinkedHashMap<String, Object>();
        data.put(responseKey, fields);
        var message = new LinkedHashMap<String, Object>();
        message.put("id", id);
        message.put("type", "next");
        message.put("payload", Map.of("data", data));
        return Json.write(message);
    }

    /** Whether {@code event} ends the subscription (a task's terminal status ends {@code taskProgress}). */
    boolean completesAfter(LiveEvent event) {
        return rootField.equals("taskProgress") && event.data().path("terminal").asBoolean(false);
    }

    static String complete(String id) {
        return Json.write(Map.of("id", id, "type", "complete"));
    }

    static String error(String id, List<Map<String, Object>> errors) {
        return Json.write(Map.of("id", id, "type", "error", "payload", errors));
    }

    /** As kept with the subscription item. */
    String toJson() {
        return Json.write(this);
    }

    static GraphqlSubscription fromJson(String json) {
        return Json.readTrusted(json, GraphqlSubscription.class);
    }

    private static Object value(Value<?> v, Map<String, Object> variables) {
        if (v instanceof VariableReference r) return variables.get(r.getName());
        if (v instanceof StringValue s) return s.getValue();
        if (v instanceof IntValue i) return i.getValue().longValue();
        if (v instanceof NullValue) return null;
        throw Refused.of("Unsupported argument value " + v.getClass().getSimpleName());
    }

    private static String string(Map<String, Object> args, String name) {
        Object v = args.get(name);
        if (v == null) return null;
        if (!(v instanceof String s)) throw Refused.of("Argument '" + name + "' must be a string");
        return s;
    }

    private static long number(Map<String, Object> args, String name) {
        Object v = args.get(name);
        if (!(v instanceof Number n) || n.longValue() < 0 || n.doubleValue() != n.longValue()) {
            throw Refused.of("Argument '" + name + "' must be an integer >= 0");
        }
        return n.longValue();
    }

    private static GraphQLSchema schema() {
        try (InputStream in = GraphqlSubscription.class.getClassLoader().getResourceAsStream("graphql/schema.graphqls")) {
            if (in == null) throw new IllegalStateException("graphql/schema.graphqls is not on the class path");
            var registry = new SchemaParser().parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            return UnExecutableSchemaGenerator.makeUnExecutableSchema(registry);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
