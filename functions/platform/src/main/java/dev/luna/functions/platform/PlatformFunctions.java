package dev.luna.functions.platform;

import dev.luna.catalog.Catalog;
import dev.luna.http.ApiResult;
import dev.luna.http.HttpFunctions;
import dev.luna.http.Platform;
import dev.luna.http.PlatformHolder;
import dev.luna.tracing.Tracing;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;

/** The platform module: readiness and liveness, the OpenAPI document and the page that renders it, request traces. */
public final class PlatformFunctions implements ApplicationContextInitializer<GenericApplicationContext> {
    /** How long a readiness probe's answer is served before the next probe (milliseconds; default 5,000). */
    static final String READINESS_MAX_AGE_MS = "LUNA_READINESS_MAX_AGE_MS";

    @Override
    public void initialize(GenericApplicationContext context) {
        Platform platform = PlatformHolder.of(context);
        var maxAge = java.time.Duration.ofMillis(platform.config().longSetting(READINESS_MAX_AGE_MS, Readiness.DEFAULT_MAX_AGE.toMillis()));
        var readiness = new Readiness(platform.aws(), platform.clock(), maxAge);
        var openApi = new OpenApiDocument(Catalog.load());
        HttpFunctions.register(context, "platform", platform, Map.of(
                "health", r -> readiness.check(),
                "healthLive", r -> ApiResult.ok(Map.of("status", "ok")).header("Cache-Control", "no-store"),
                "adminTracesGet", r -> ApiResult.ok(TraceView.of(r.pathParam("requestId"), Tracing.recent()))
                        .header("Cache-Control", "no-store"),
                "openapi", r -> ApiResult.raw(200, "application/json", openApi.json())
                        .header("Cache-Control", "public, max-age=300"),
                "docs", r -> ApiResult.raw(200, "text/html; charset=utf-8", DocsPage.html())
                        .header("Cache-Control", "public, max-age=300")));
        platform.primeAsync(() -> { });
    }
}
