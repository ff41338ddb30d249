package dev.luna.functions.realtime;

import dev.luna.store.LunaConfig;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.ApiGatewayManagementApiException;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.GoneException;

/**
 * Pushes frames to clients of the API Gateway WebSocket API ({@code PostToConnection}) at
 * {@code LUNA_WS_CALLBACK_URL} ({@code https://<api>.execute-api.<region>.amazonaws.com/<stage>}, set by Terraform).
 * The client is made on first use.
 */
public class ConnectionPoster {
    public static final String CALLBACK_URL = "LUNA_WS_CALLBACK_URL";
    private final LunaConfig config;
    private volatile ApiGatewayManagementApiClient client;

    public ConnectionPoster(LunaConfig config) {
        this.config = config;
    }

    /** Sends one text frame; false when the connection is gone (410), so the caller forgets it. */
    public boolean post(String connectionId, String text) {
        try {
            client().postToConnection(b -> b.connectionId(connectionId).data(SdkBytes.fromUtf8String(text)));
            return true;
        } catch (GoneException e) {
            return false;
        } catch (ApiGatewayManagementApiException e) {
            if (e.statusCode() == 410) return false;
            throw e;
        }
    }

    /** Closes a connection from the server's side ({@code DeleteConnection}); one already gone is fine. */
    public void disconnect(String connectionId) {
        try {
            client().deleteConnection(b -> b.connectionId(connectionId));
        } catch (GoneException e) {
            // already closed
        } catch (ApiGatewayManagementApiException e) {
            if (e.statusCode() != 410) throw e;
        }
    }

    private ApiGatewayManagementApiClient client() {
        var c = client;
        if (c == null) {
            synchronized (this) {
                if (client == null) {
                    String url = config.setting(CALLBACK_URL, null);
                    if (url == null || url.isBlank()) throw new IllegalStateException(CALLBACK_URL + " is not set: no WebSocket API to post to");
                    // credentials as AwsClients takes them: Lambda's environment, fixed ones against local stand-ins
                    var credentials = config.isLocal()
                            ? StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))
                            : EnvironmentVariableCredentialsProvider.create();
                    client = ApiGatewayManagementApiClient.builder().endpointOverride(URI.create(url)).credentialsProvider(credentials)
                            .region(Region.of(config.region())).httpClient(UrlConnectionHttpClient.create()).build();
                }
                c = client;
            }
        }
        return c;
    }
}
