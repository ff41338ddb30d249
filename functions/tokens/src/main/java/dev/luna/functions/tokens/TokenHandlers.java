package dev.luna.functions.tokens;

import dev.luna.core.LunaException;
import dev.luna.core.ValidationException;
import dev.luna.core.Violation;
import dev.luna.http.ApiRequest;
import dev.luna.http.ApiResult;
import dev.luna.http.RouteHandler;
import dev.luna.llm.BudgetStore;
import dev.luna.llm.LlmGateway;
import dev.luna.llm.UsageQuery;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** The HTTP side of the tokens API and of the OpenAI-compatible endpoint: parse, call, answer. */
final class TokenHandlers {

    private final LlmGateway gateway;
    private final BudgetService budgets;
    private final BudgetStore store;
    private final UsageQuery usage;
    private final Clock clock;
    private final DeviceService devices;

    TokenHandlers(LlmGateway gateway, BudgetService budgets, BudgetStore store, UsageQuery usage, Clock clock, DeviceService devices) {
        this.devices = devices;
        this.gateway = gateway;
        this.budgets = budgets;
        this.store = store;
        this.usage = usage;
        this.clock = clock;
    }

    Map<String, RouteHandler> byBean() {
        return Map.of(
                "tokensUsage", this::usage,
                "tokensBudgetSet", this::setBudget,
                "tokensBudgetList", r -> ApiResult.ok(budgets.list(project(r))),
                "tokensAlerts", this::alerts,
                "aiChatCompletions", this::chat,
                "devicesRegister", this::registerDevice,
                "devicesList", r -> ApiResult.ok(devices.list(r.principal().id())),
                "devicesDelete", r -> ApiResult.ok(devices.delete(r.principal().id(), r.pathParam("id"))));
    }

    /** The project the call acts in ({@code ?projectId=}, else the credential's, else {@code default}), role checked. */
    static String project(ApiRequest r) {
        return r.access().requireProject(r.query("projectId").orElse(null));
    }

    private ApiResult usage(ApiRequest r) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        LocalDate from = date(r, "from", today.withDayOfMonth(1));
        LocalDate to = date(r, "to", today);
        var v = new ArrayList<Violation>();
        if (from.isAfter(to)) v.add(new Violation("from", "must not be after 'to'"));
        if (from.plusDays(366).isBefore(to)) v.add(new Violation("to", "the range must be at most 366 days"));
        var groupBy = new LinkedHashSet<String>();
        for (String g : r.query("groupBy").orElse("day").split(",")) {
            String d = g.trim();
            if (d.equals("agentId")) d = "agent";
            if (!UsageQuery.DIMENSIONS.contains(d)) v.add(new Violation("groupBy", "values must be among " + UsageQuery.DIMENSIONS));
            else groupBy.add(d);
        }
        if (!v.isEmpty()) throw new ValidationException(v);
        var filter = new UsageQuery.Filter(r.query("provider").orElse(null), r.query("model").orElse(null),
                r.query("taskType").orElse(null), r.query("agentId").orElse(null));
        return ApiResult.ok(usage.aggregate(project(r), from, to, List.copyOf(groupBy), filter));
    }

    private static LocalDate date(ApiRequest r, String name, LocalDate fallback) {
        var v = r.query(name);
        if (v.isEmpty()) return fallback;
        try {
            return LocalDate.parse(v.get().length() > 10 ? v.get().substring(0, 10) : v.get());
        } catch (DateTimeParseException e) {
            throw new ValidationException(name, "must be a date like 2026-11-01");
        }
    }

    private ApiResult setBudget(ApiRequest r) {
        var saved = budgets.set(r.bodyAs(BudgetRequest.class), r.ifMatchRevision(), project(r), r.principal());
        var b = saved.budget();
        return saved.created() ? ApiResult.created(b, "/api/v1/tokens/budget").etag(b.revision()) : ApiResult.ok(b).etag(b.revision());
    }

    private ApiResult registerDevice(ApiRequest r) {
        var saved = devices.register(r.bodyAs(DeviceService.DeviceRequest.class), r.principal().id(), project(r));
        return saved.created() ? ApiResult.created(saved.device(), "/api/v1/devices/" + saved.device().id()) : ApiResult.ok(saved.device());
    }

    private ApiResult alerts(ApiRequest r) {
        String projectId = project(r);
        return ApiResult.page(store.alerts(projectId, r.query("cursor").orElse(null), r.intQuery("limit", 20, 1, 100)));
    }

    private ApiResult chat(ApiRequest r) {
        var headers = new LinkedHashMap<String, String>();
        r.header("X-Luna-Agent-Id").ifPresent(h -> headers.put("agentId", h));
        r.header("X-Luna-Task-Id").ifPresent(h -> headers.put("taskId", h));
        r.header("X-Luna-Task-Type").ifPresent(h -> headers.put("taskType", h));
        var req = ChatCompletions.parse(r.body(), project(r), r.principal().id(), headers, r.requestId());
        if (!req.stream()) {
            var result = gateway.chat(req.call());
            return ApiResult.raw(200, "application/json", dev.luna.core.Json.write(ChatCompletions.completion(result)))
                    .header("X-Luna-Provider", result.provider()).header("X-Luna-Model", result.model())
                    .header("X-Luna-Gateway-Overhead-Ms", overhead(result));
        }
        var pieces = Collections.synchronizedList(new ArrayList<String>());
        try {
            var result = gateway.stream(req.call(), pieces::add);
            return sse(ChatCompletions.sse(result, pieces, req.includeUsage()))
                    .header("X-Luna-Provider", result.provider()).header("X-Luna-Model", result.model())
                    .header("X-Luna-Gateway-Overhead-Ms", overhead(result));
        } catch (LunaException e) {
            if (pieces.isEmpty()) throw e; // nothing was sent: an ordinary error answer
            // output was already streamed (a real stream could not take it back): end the stream with an error event
            return sse(ChatCompletions.sseError("chatcmpl-" + r.requestId(), req.requestedModel() == null ? "auto" : req.requestedModel(),
                    clock.instant().getEpochSecond(), pieces, e));
        }
    }

    private static String overhead(dev.luna.llm.ChatResult r) {
        return String.format(java.util.Locale.ROOT, "%.3f", r.overheadMicros() / 1000.0);
    }

    /**
     * A complete SSE body. The platform's functions answer through buffered API Gateway integrations, so the events
     * arrive together when the answer is complete; the body is still a valid event stream that OpenAI SDKs parse.
     * Incremental delivery needs a Lambda function URL with response streaming (see the README).
     */
    private static ApiResult sse(String body) {
        return ApiResult.raw(200, "text/event-stream; charset=utf-8", body).header("Cache-Control", "no-cache")
                .header("X-Luna-Streaming", "buffered");
    }
}
