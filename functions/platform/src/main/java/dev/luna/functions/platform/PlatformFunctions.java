package dev.luna.functions.platform;

import dev.luna.catalog.Catalog;
import dev.luna.http.ApiResult;
import dev.luna.http.HttpFunctions;
import dev.luna.http.Platform;
import dev.luna.http.PlatformHolder;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;

/** The platform module: readiness, the OpenAPI document and the page that renders it. */
public final class PlatformFunctions implements ApplicationContextInitializer<GenericApplicationContext> {
    @Override
    public void initialize(GenericApplicationContext context) {
        Platform platform = PlatformHolder.of(context);
        var readiness = new Readiness(platform.aws());
        var openApi = new OpenApiDocument(Catalog.load());
        HttpFunctions.register(context, "platform", platform, Map.of(
                "health", r -> readiness.check(),
                "openapi", r -> ApiResult.raw(200, "application/json", openApi.json())
                        .header("Cache-Control", "public, max-age=300"),
                "docs", r -> ApiResult.raw(200, "text/html; charset=utf-8", DocsPage.html())
                        .header("Cache-Control", "public, max-age=300")));
        platform.primeAsync(() -> { });
    }
}
