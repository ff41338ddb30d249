package dev.luna.toolchains;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The A2A card check passes a v1.0 card the SDK can connect to and names what is wrong with a broken one. */
class GoogleAgentChecksTest {
    @TempDir
    Path dir;

    @Test
    void acceptsAV1CardWithAJsonRpcInterfaceAndRejectsABrokenOne() throws Exception {
        var good = dir.resolve("good.json");
        Files.writeString(good, """
                {"name": "Shop", "description": "Answers questions about products.",
                 "supportedInterfaces": [{"url": "http://localhost:8080", "protocolBinding": "JSONRPC", "protocolVersion": "0.3"}],
                 "provider": {"organization": "Acme", "url": "https://acme.example"}, "version": "0.1.0",
                 "capabilities": {"streaming": true, "pushNotifications": false},
                 "securitySchemes": {"apiKey": {"apiKeySecurityScheme": {"location": "header", "name": "X-API-Key"}}},
                 "securityRequirements": [{"schemes": {"apiKey": {"list": []}}}],
                 "defaultInputModes": ["text/plain"], "defaultOutputModes": ["text/plain"],
                 "skills": [{"id": "products", "name": "Products", "description": "List products", "tags": ["products"], "examples": ["List the products"]}]}
                """);
        var broken = dir.resolve("broken.json");
        Files.writeString(broken, """
                {"name": "Shop", "description": "x", "url": "http://localhost:8080", "version": "1",
                 "supportedInterfaces": [{"url": "localhost", "protocolBinding": "JSONRPC", "protocolVersion": "one"}],
                 "capabilities": {}, "defaultInputModes": ["text/plain"], "defaultOutputModes": ["text/plain"],
                 "skills": [{"id": "s", "name": "S", "description": "no tags"}]}
                """);
        var unknownTransport = dir.resolve("grpc-only.json");
        Files.writeString(unknownTransport, Files.readString(good).replace("\"JSONRPC\"", "\"GRPC\""));

        assertThat(GoogleAgentChecks.agentCards(List.of(good))).isEmpty();
        var problems = GoogleAgentChecks.agentCards(List.of(good, broken, unknownTransport));
        assertThat(problems).anyMatch(p -> p.contains("broken.json") && p.contains("must NOT have additional properties"));
        assertThat(problems).anyMatch(p -> p.contains("broken.json") && p.contains("/supportedInterfaces/0/protocolVersion"));
        assertThat(problems).anyMatch(p -> p.contains("broken.json") && p.contains("tags"));
        assertThat(problems).anyMatch(p -> p.contains("grpc-only.json") && p.contains("No compatible transport"));
        assertThat(problems).noneMatch(p -> p.contains("good.json"));
    }
}
