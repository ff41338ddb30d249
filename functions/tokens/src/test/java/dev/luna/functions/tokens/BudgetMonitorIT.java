package dev.luna.functions.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.luna.core.Json;
import dev.luna.core.Principal;
import dev.luna.emulators.MailServer;
import dev.luna.emulators.dynamodb.DynamoDbServer;
import dev.luna.llm.Accounting;
import dev.luna.llm.Alert;
import dev.luna.llm.BudgetScope;
import dev.luna.llm.BudgetStore;
import dev.luna.llm.UsageContext;
import dev.luna.llm.UsageRecord;
import dev.luna.store.AwsClients;
import dev.luna.store.DataDefinitions;
import dev.luna.store.LunaConfig;
import dev.luna.store.ResourceProvisioner;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The budget monitor against the DynamoDB stand-in and a real local webhook receiver: each alert is sent exactly
 * once (also with overlapping runs), signed, Slack-compatible; unreachable targets become recorded failures.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BudgetMonitorIT {
    record Received(Map<String, String> headers, String body) {
    }

    final DynamoDbServer dynamo = DynamoDbServer.builder().start();
    final AwsClients aws;
    final Clock clock = Clock.systemUTC();
    final Accounting accounting;
    final BudgetStore store;
    final BudgetService budgets;
    final BudgetMonitor monitor;
    final HttpServer receiver;
    final MailServer mail = MailServer.start();
    final WebhookTargets targets = new WebhookTargets(true);
    final List<Received> received = new CopyOnWriteArrayList<>();
    volatile int receiverStatus = 200;
    static final AtomicInteger N = new AtomicInteger();
    String project;

    BudgetMonitorIT() throws IOException {
        var settings = Map.of(LunaConfig.DYNAMODB_ENDPOINT, dynamo.endpoint().toString(), LunaConfig.RESOURCE_PREFIX, "montest");
        aws = new AwsClients(LunaConfig.from(settings::get));
        var defs = DataDefinitions.load();
        new ResourceProvisioner(aws).provision(new DataDefinitions(defs.tables(), Map.of(), Map.of(), null));
        accounting = new Accounting(aws, clock);
        store = new BudgetStore(aws);
        budgets = new BudgetService(store, accounting, targets, clock);
        monitor = monitorSendingMailTo(mail.smtpPort());
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        receiver.createContext("/hook", ex -> {
            try (ex) {
                var h = new java.util.TreeMap<String, String>(String.CASE_INSENSITIVE_ORDER);
                ex.getRequestHeaders().forEach((k, v) -> h.put(k, v.get(0)));
                received.add(new Received(h, new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
                ex.sendResponseHeaders(receiverStatus, -1);
            }
        });
        receiver.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        receiver.start();
    }

    @BeforeEach
    void fresh() {
        received.clear();
        receiverStatus = 200;
        project = "prj_mon_" + N.incrementAndGet();
    }

    BudgetMonitor monitorSendingMailTo(int smtpPort) {
        var settings = Map.of(AlertMail.SMTP_HOST, "127.0.0.1", AlertMail.SMTP_PORT, Integer.toString(smtpPort), AlertMail.FROM, "alerts@luna.test");
        var delivery = new AlertDelivery(HttpClient.newHttpClient(), targets, clock, AlertMail.from(LunaConfig.from(settings::get)));
        return new BudgetMonitor(store, accounting, delivery, clock);
    }

    @AfterAll
    void stop() {
        mail.close();
        receiver.stop(0);
        aws.close();
        dynamo.close();
    }

    String hook() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    }

    BudgetService.Saved budget(String agent, String limit, BudgetRequest.NotificationRequest n) {
        // soft budgets: the test spends past the limit on purpose
        return budgets.set(new BudgetRequest(agent, new BigDecimal(limit), null, n, false, null), Optional.empty(), project,
                new Principal("key_test", "api_key", Set.of("tokens:write"), project));
    }

    void spend(String agent, String usd) {
        var ctx = new UsageContext(project, agent, null, null, null, false, null);
        var held = accounting.reserve(ctx, new BigDecimal(usd), "llm_" + project + "_" + System.nanoTime(), Duration.ofMinutes(5));
        accounting.settle(held, List.of(new UsageRecord("u-" + System.nanoTime(), Instant.now(), "openai", "gpt-4o-mini", 100, 0, 0, 10,
                new BigDecimal(usd), false, null, project, agent, null, null, false, null, "ok")));
    }

    List<Alert> alerts() {
        return store.alerts(project, null, 100).items();
    }

    @Test
    void eachCrossedThresholdIsSentExactlyOnceSignedAndSlackCompatible() throws Exception {
        String secret = budget(null, "10", new BudgetRequest.NotificationRequest("webhook", hook(), null, null)).budget().signingSecret();
        assertThat(secret).startsWith("whsec_");
        spend(null, "4.99");
        monitor.run("run-1", Instant.now());
        assertThat(received).isEmpty();
        spend(null, "3.01"); // 8.00 of 10: crosses 0.5 and 0.8
        // overlapping runs, as two schedules firing at once would
        var pool = Executors.newFixedThreadPool(4);
        var runs = new ArrayList<Future<BudgetMonitor.Report>>();
        for (int i = 0; i < 4; i++) runs.add(pool.submit(() -> monitor.run("run-x", Instant.now())));
        int raised = 0;
        for (var f : runs) raised += f.get().alertsRaised();
        pool.shutdown();
        monitor.run("run-2", Instant.now());
        assertThat(raised).isEqualTo(2);
        assertThat(received).hasSize(2);
        for (var r : received) {
            var body = Json.tree(r.body());
            assertThat(body.get("text").asString()).contains("Project " + project).contains("$8 of its $10");
            assertThat(body.get("luna").get("event").asString()).isEqualTo("budget.threshold_crossed");
            long ts = Long.parseLong(r.headers().get("X-Luna-Timestamp"));
            assertThat(r.headers().get("X-Luna-Signature")).isEqualTo("v1=" + AlertDelivery.sign(secret, ts, r.body()));
        }
        assertThat(received).extracting(r -> Json.tree(r.body()).get("luna").get("threshold").decimalValue().stripTrailingZeros().toPlainString())
                .containsExactlyInAnyOrder("0.5", "0.8");
        assertThat(alerts()).hasSize(2).allSatisfy(a -> {
            assertThat(a.deliveryStatus()).isEqualTo("delivered");
            assertThat(a.attempts()).isEqualTo(1);
            assertThat(a.target()).isEqualTo("http://127.0.0.1:" + receiver.getAddress().getPort() + "/…");
        });
        spend(null, "2.5"); // 10.50: crosses 1.0
        monitor.run("run-3", Instant.now());
        monitor.run("run-4", Instant.now());
        assertThat(received).hasSize(3);
    }

    @Test
    void slackTargetsGetBlocks() {
        budget(null, "1", new BudgetRequest.NotificationRequest("slack", hook(), null, null));
        spend(null, "0.6");
        monitor.run("run", Instant.now());
        assertThat(received).singleElement().satisfies(r -> {
            var body = Json.tree(r.body());
            assertThat(body.get("text").asString()).contains("crossing the 50% threshold");
            assertThat(body.get("blocks").get(0).get("type").asString()).isEqualTo("section");
        });
    }

    @Test
    void anUnreachableTargetIsARecordedFailureRetriedAFewTimes() throws IOException {
        int port;
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort(); // closed again at once: connections are refused
        }
        budget(null, "1", new BudgetRequest.NotificationRequest("webhook", "http://127.0.0.1:" + port + "/gone", null, null));
        spend(null, "0.6");
        for (int i = 0; i < Alert.MAX_ATTEMPTS + 2; i++) monitor.run("run-" + i, Instant.now());
        assertThat(alerts()).singleElement().satisfies(a -> {
            assertThat(a.deliveryStatus()).isEqualTo("failed");
            assertThat(a.attempts()).isEqualTo(Alert.MAX_ATTEMPTS);
            assertThat(a.lastError()).startsWith("target unreachable");
        });
        // an answering target that refuses is a failure too
        receiverStatus = 500;
        budget("agt_x", "1", new BudgetRequest.NotificationRequest("webhook", hook(), null, null));
        spend("agt_x", "0.7");
        monitor.run("run", Instant.now());
        assertThat(alerts()).filteredOn(a -> "agt_x".equals(a.agentId())).singleElement()
                .satisfies(a -> assertThat(a.lastError()).isEqualTo("target answered HTTP 500"));
        receiverStatus = 200;
        monitor.run("run", Instant.now());
        assertThat(alerts()).filteredOn(a -> "agt_x".equals(a.agentId())).singleElement()
                .satisfies(a -> assertThat(a.deliveryStatus()).isEqualTo("delivered"));
    }

    @Test
    void emailAlertsAreSentOncePerThresholdOverSmtp() {
        budget(null, "1", new BudgetRequest.NotificationRequest("email", null, "finops@example.com", null));
        spend(null, "1");
        int before = mail.received().size();
        var report = monitor.run("run", Instant.now());
        assertThat(report.delivered()).isEqualTo(3);
        assertThat(monitor.run("again", Instant.now()).delivered()).isZero();
        var sent = mail.received().subList(before, mail.received().size());
        assertThat(sent).hasSize(3).allSatisfy(m -> {
            assertThat(m.to()).containsExactly("finops@example.com");
            assertThat(m.from()).isEqualTo("alerts@luna.test");
            assertThat(m.subject()).startsWith("Luna budget alert: project " + project + " passed ");
            assertThat(m.text()).contains("Project " + project + " has spent $1 of its $1 budget").contains("projectId: " + project);
        });
        assertThat(sent).extracting(MailServer.Received::subject).anyMatch(t -> t.contains("passed 100%")).anyMatch(t -> t.contains("passed 80%"));
        assertThat(alerts()).hasSize(3).allSatisfy(a -> {
            assertThat(a.channel()).isEqualTo("email");
            assertThat(a.deliveryStatus()).isEqualTo("delivered");
            assertThat(a.target()).isEqualTo("finops@example.com");
        });
    }

    @Test
    void anUnreachableMailServerIsARecordedFailure() throws IOException {
        int closedPort;
        try (var s = new java.net.ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        budget(null, "1", new BudgetRequest.NotificationRequest("email", null, "finops@example.com", null));
        spend(null, "1");
        var report = monitorSendingMailTo(closedPort).run("run", Instant.now());
        assertThat(report.deliveryFailures()).isEqualTo(3);
        assertThat(alerts()).allSatisfy(a -> {
            assertThat(a.deliveryStatus()).isEqualTo("failed");
            assertThat(a.lastError()).startsWith("SMTP: MailConnectException");
        });
    }

    @Test
    void withoutAMailSenderEmailAlertsAreRecordedWithTheReason() {
        var unsent = new BudgetMonitor(store, accounting,
                new AlertDelivery(HttpClient.newHttpClient(), targets, clock, AlertMail.from(LunaConfig.from(k -> null))), clock);
        budget(null, "1", new BudgetRequest.NotificationRequest("email", null, "finops@example.com", null));
        spend(null, "1");
        assertThat(unsent.run("run", Instant.now()).recorded()).isEqualTo(3);
        assertThat(alerts()).hasSize(3).allSatisfy(a -> {
            assertThat(a.deliveryStatus()).isEqualTo("recorded");
            assertThat(a.lastError()).contains("LUNA_ALERT_EMAIL_FROM");
        });
    }

    @Test
    void alertsArePerMonthSoANewMonthStartsAfresh() {
        budget(null, "1", null);
        spend(null, "0.9");
        monitor.run("run", Instant.now());
        var a = alerts();
        assertThat(a).hasSize(2).allSatisfy(x -> assertThat(x.deliveryStatus()).isEqualTo("no_target"));
        String period = a.get(0).period();
        assertThat(period).isEqualTo(java.time.YearMonth.now(java.time.ZoneOffset.UTC).toString());
        assertThat(store.alerts(new BudgetScope(project, null), java.time.YearMonth.now(java.time.ZoneOffset.UTC).plusMonths(1).toString())).isEmpty();
    }
}
