package dev.luna.functions.tokens;

import dev.luna.http.HttpFunctions;
import dev.luna.http.Platform;
import dev.luna.http.PlatformHolder;
import dev.luna.http.ScheduledFunctions;
import dev.luna.llm.Accounting;
import dev.luna.llm.BudgetStore;
import dev.luna.llm.Gateways;
import dev.luna.llm.UsageQuery;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;

/**
 * The tokens module: usage, budgets, alerts, the scheduled budget monitor and the OpenAI-compatible chat
 * completions endpoint, registered functionally. This class is the module's {@code MAIN_CLASS} in Lambda.
 */
public final class TokenFunctions implements ApplicationContextInitializer<GenericApplicationContext> {
    @Override
    public void initialize(GenericApplicationContext context) {
        Platform platform = PlatformHolder.of(context);
        var clock = platform.clock();
        var aws = platform.aws();
        var gateway = Gateways.create(platform.config(), aws, clock);
        var accounting = new Accounting(aws, clock);
        var store = new BudgetStore(aws);
        var targets = new WebhookTargets(platform.config().isLocal());
        var budgets = new BudgetService(store, accounting, targets, clock);
        var deviceStore = new dev.luna.realtime.push.DeviceStore(aws);
        var handlers = new TokenHandlers(gateway, budgets, store, new UsageQuery(aws), clock, new DeviceService(deviceStore, clock));
        HttpFunctions.register(context, "tokens", platform, handlers.byBean());
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).followRedirects(HttpClient.Redirect.NEVER).build();
        var monitor = new BudgetMonitor(store, accounting, new AlertDelivery(http, targets, clock, AlertMail.from(platform.config())), clock,
                new dev.luna.realtime.push.PushNotifier(deviceStore, dev.luna.realtime.push.ExpoPush.from(platform.config())));
        ScheduledFunctions.register(context, "tokens", Map.of("budgetMonitor", event -> monitor.run(event.id(), event.time())));
        platform.primeAsync(() -> new dev.luna.llm.Tokenizer().warmUp());
    }
}
