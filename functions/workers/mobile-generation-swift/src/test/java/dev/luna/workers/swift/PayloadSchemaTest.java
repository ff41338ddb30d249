package dev.luna.workers.swift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.luna.catalog.Catalog;
import dev.luna.core.Json;
import dev.luna.core.Violation;
import dev.luna.tasks.PayloadSchema;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The catalog's payload schema (checked at submission: a 400 naming the field) agrees with {@code SwiftOptions}. */
class PayloadSchemaTest {
    private final PayloadSchema schema = PayloadSchema.of(Catalog.taskPayloadSchema("mobile-generation-swift.schema.json"));

    private List<String> fields(String options) {
        var payload = Json.tree("{\"source\": {\"type\": \"inline\", \"files\": [{\"path\": \"a.txt\", \"content\": \"a\"}]}, \"options\": " + options + "}");
        return schema.validate(payload, "payload").stream().map(Violation::field).toList();
    }

    @Test
    void badBundleIdPlatformsAndAMissingMerchantIdAreNamed() {
        assertThat(fields("{}")).isEmpty();
        assertThat(fields("{\"platforms\": [\"ios\", \"macOS\"], \"bundleId\": \"dev.luna.app\", \"persistence\": \"coreData\", \"applePay\": true, "
                + "\"merchantId\": \"merchant.dev.luna\", \"mode\": \"audit\"}")).isEmpty();
        assertThat(fields("{\"bundleId\": \"not a bundle id\"}")).anyMatch(f -> f.contains("bundleId"));
        assertThat(fields("{\"platforms\": [\"android\"]}")).anyMatch(f -> f.contains("platforms"));
        assertThat(fields("{\"platforms\": []}")).anyMatch(f -> f.contains("platforms"));
        assertThat(fields("{\"applePay\": true}")).anyMatch(f -> f.contains("merchantId"));
        assertThat(fields("{\"merchantId\": \"com.example\"}")).anyMatch(f -> f.contains("merchantId"));
    }
}
