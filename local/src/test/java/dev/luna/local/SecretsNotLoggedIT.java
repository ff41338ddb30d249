package dev.luna.local;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/**
 * Runs a full credential flow under each production logging configuration (local text, Lambda JSON) with
 * {@code LUNA_LOG_LEVEL=DEBUG}, captures everything written, and checks that no API key, access token or refresh
 * token appears in it.
 */
class SecretsNotLoggedIT {

    @ParameterizedTest
    @ValueSource(strings = {"logback.xml", "luna/logback-lambda.xml"})
    void credentialsNeverReachTheLogs(String configuration) throws Exception {
        var captured = new ByteArrayOutputStream();
        var originalOut = System.out;
        var secrets = new ArrayList<String>();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            configure(configuration, "DEBUG");
            runFlow(secrets);
        } finally {
            System.setOut(originalOut);
            configure("logback-test.xml", null);
        }
        String logs = captured.toString(StandardCharsets.UTF_8);
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "secrets-flow-" + configuration.replace('/', '-') + ".log"), logs);
        assertThat(logs.lines().count()).as("the flow was logged").isGreaterThan(20);
        assertThat(logs).contains("/api/v1/auth/token");
        for (String secret : secrets) {
            assertThat(logs).as("a credential leaked into the logs (" + configuration + ")").doesNotContain(secret);
            assertThat(logs).doesNotContain(secret.substring(secret.length() - 16));
        }
    }

    private static void configure(String resource, String level) throws Exception {
        var context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        if (level != null) context.putProperty("LUNA_LOG_LEVEL", level);
        var configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(SecretsNotLoggedIT.class.getClassLoader().getResource(resource));
    }

    private static void runFlow(List<String> secrets) {
        try (var runtime = LocalRuntime.builder().port(0).dataDirectory(null).start()) {
            String adminKey = runtime.generatedAdminKey().orElseThrow();
            secrets.add(adminKey);
            var admin = new Api(runtime.baseUri(), adminKey);
            var created = admin.post("/api/v1/api-keys", "{\"name\":\"k\",\"owner\":\"usr_x\",\"scopes\":[\"projects:read\"]}");
            String key = created.data().get("secret").asString();
            secrets.add(key);
            var anon = admin.withKey(null);
            var tokens = anon.post("/api/v1/auth/token", "{\"grant_type\":\"api_key\",\"api_key\":\"" + key + "\"}").data();
            secrets.add(tokens.get("access_token").asString());
            secrets.add(tokens.get("refresh_token").asString());
            new Api(runtime.baseUri(), tokens.get("access_token").asString()).get("/api/v1/projects");
            var rotated = anon.post("/api/v1/auth/refresh", "{\"refresh_token\":\"" + tokens.get("refresh_token").asString() + "\"}").data();
            secrets.add(rotated.get("refresh_token").asString());
            secrets.add(rotated.get("access_token").asString());
            anon.post("/api/v1/auth/refresh", "{\"refresh_token\":\"" + tokens.get("refresh_token").asString() + "\"}");
            anon.post("/api/v1/auth/revoke", "{\"token\":\"" + rotated.get("access_token").asString() + "\"}");
            admin.withKey(key + "x").get("/api/v1/projects");
            admin.withKey(rotated.get("access_token").asString()).get("/api/v1/projects");
            anon.post("/api/v1/auth/token", "{\"grant_type\":\"api_key\",\"api_key\":\"" + key + "\",\"bogus\":true}");
        }
    }
}
