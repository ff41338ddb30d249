package dev.luna.functions.graphql;

import dev.luna.core.Principal;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.parser.ParserOptions;
import graphql.schema.GraphQLSchema;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;
import org.springframework.graphql.ExecutionGraphQlService;
import org.springframework.graphql.execution.DefaultBatchLoaderRegistry;
import org.springframework.graphql.execution.DefaultExecutionGraphQlService;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.support.DefaultExecutionGraphQlRequest;

/**
 * The schema ({@code graphql/schema.graphqls}) wired to {@link ApiFields}, executed by spring-graphql's
 * {@link ExecutionGraphQlService} with the request's caller in the GraphQL context, the agent batch loader, and the
 * limits every document must pass: at most {@value #MAX_TOKENS} parser tokens (so 10,000 aliases are refused before
 * any work), depth {@value #MAX_DEPTH} (the standard introspection query needs 13; the schema's own types nest
 * less deeply), complexity {@value #MAX_COMPLEXITY} (one per field).
 */
final class GraphqlEngine {
    static final int MAX_TOKENS = 5_000;
    static final int MAX_DEPTH = 13;
    static final int MAX_COMPLEXITY = 300;
    private static final Duration TIMEOUT = Duration.ofSeconds(25);
    private static final ParserOptions PARSER = ParserOptions.getDefaultOperationParserOptions().transform(o -> o.maxTokens(MAX_TOKENS));

    private final GraphQlSource source;
    private final ExecutionGraphQlService service;

    GraphqlEngine(RestCalls rest, java.util.function.Supplier<dev.luna.realtime.LiveEvents> live) {
        var fields = new ApiFields(rest);
        var liveFields = new LiveFields(rest, live);
        this.source = GraphQlSource.schemaResourceBuilder()
                .schemaResources(new ClassPathResource("graphql/schema.graphqls", GraphqlEngine.class.getClassLoader()))
                .configureRuntimeWiring(wiring -> {
                    fields.wire(wiring);
                    liveFields.wire(wiring);
                })
                .exceptionResolvers(List.of(new ErrorCodes()))
                .instrumentation(List.of(new MaxQueryDepthInstrumentation(MAX_DEPTH), new MaxQueryComplexityInstrumentation(MAX_COMPLEXITY)))
                .build();
        var loaders = new DefaultBatchLoaderRegistry();
        new AgentLoader(rest).register(loaders);
        var executor = new DefaultExecutionGraphQlService(source);
        executor.addDataLoaderRegistrar(loaders);
        this.service = executor;
    }

    GraphQLSchema schema() {
        return source.schema();
    }

    /**
     * Runs one document for {@code principal} over HTTP; the answer is the GraphQL response map ({@code data},
     * {@code errors}). A subscription is refused there: it is served over WebSocket.
     */
    Map<String, Object> execute(String document, String operationName, Map<String, Object> variables, Principal principal, String requestId) {
        return switch (open(document, operationName, variables, principal, requestId)) {
            case GraphqlExecutor.Result.Single single -> single.response();
            case GraphqlExecutor.Result.Stream stream -> ErrorCodes.withCodes(Map.of("errors", List.of(Map.of("message",
                    "Subscriptions are served over WebSocket: the graphql-transport-ws protocol on /api/v1/graphql (the local runtime)"))));
        };
    }

    /** Runs one document: one response, or for a subscription the stream of its responses. */
    @SuppressWarnings("unchecked")
    GraphqlExecutor.Result open(String document, String operationName, Map<String, Object> variables, Principal principal, String requestId) {
        var request = new DefaultExecutionGraphQlRequest(document, operationName, variables, null, requestId, Locale.ROOT);
        request.configureExecutionInput((input, builder) -> builder.graphQLContext(Map.of(
                RestCalls.PRINCIPAL, principal, RestCalls.REQUEST_ID, requestId, ParserOptions.class, PARSER)).build());
        var response = service.execute(request).block(TIMEOUT);
        if (response.isValid() && response.getExecutionResult().getData() instanceof org.reactivestreams.Publisher<?> events) {
            var responses = reactor.core.publisher.Flux.from((org.reactivestreams.Publisher<graphql.ExecutionResult>) events)
                    .map(result -> ErrorCodes.withCodes(result.toSpecification()));
            return new GraphqlExecutor.Result.Stream(responses);
        }
        return new GraphqlExecutor.Result.Single(ErrorCodes.withCodes(response.toMap()));
    }
}
