package dev.luna.functions.tokens;

import dev.luna.store.LunaConfig;
import java.net.URI;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * Alert mail through Amazon SES v2 {@code SendEmail} (a simple text message) from a verified identity. The client is
 * built on first use, in the function's region with the Lambda role's credentials; {@code LUNA_SES_ENDPOINT} points it
 * elsewhere (a stand-in in tests, a VPC endpoint).
 */
final class SesAlertMail implements AlertMail {
    static final String ENDPOINT = "LUNA_SES_ENDPOINT";

    private final Supplier<SesV2Client> ses;
    private final String from;

    SesAlertMail(Supplier<SesV2Client> ses, String from) {
        this.ses = ses;
        this.from = from;
    }

    static SesAlertMail of(LunaConfig config, String from) {
        var client = new java.util.concurrent.atomic.AtomicReference<SesV2Client>();
        String endpoint = config.setting(ENDPOINT, "");
        Supplier<SesV2Client> lazy = () -> client.updateAndGet(c -> c != null ? c : build(config, endpoint));
        return new SesAlertMail(lazy, from);
    }

    private static SesV2Client build(LunaConfig config, String endpoint) {
        var b = SesV2Client.builder().httpClient(UrlConnectionHttpClient.builder().build()).region(Region.of(config.region()));
        if (endpoint.isBlank()) return b.credentialsProvider(EnvironmentVariableCredentialsProvider.create()).build();
        return b.endpointOverride(URI.create(endpoint)).credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))).build();
    }

    @Override
    public void send(String to, String subject, String text) {
        try {
            ses.get().sendEmail(r -> r.fromEmailAddress(from)
                    .destination(d -> d.toAddresses(to))
                    .content(c -> c.simple(m -> m.subject(s -> s.data(subject).charset("UTF-8"))
                            .body(b -> b.text(t -> t.data(text).charset("UTF-8"))))));
        } catch (SdkException e) {
            throw new MailFailure("SES: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()), e);
        }
    }
}
