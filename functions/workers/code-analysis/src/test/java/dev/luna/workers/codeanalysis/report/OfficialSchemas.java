package dev.luna.workers.codeanalysis.report;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The official SARIF 2.1.0 and CycloneDX 1.6 JSON schemas, unpacked onto the test class path ({@code official-schemas/})
 * by the build from artifacts that ship them (see the module's pom), loaded offline: their {@code $id}s are mapped to
 * those files. Public, in the module's test jar: the local runtime's end-to-end tests validate downloaded artifacts too.
 */
public final class OfficialSchemas {
    static final String SARIF_ID = "https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/sarif-schema-2.1.0.json";
    static final String CDX_ID = "http://cyclonedx.org/schema/bom-1.6.schema.json";

    private OfficialSchemas() {
    }

    public static Schema sarif() {
        return load(SARIF_ID, Map.of(SARIF_ID, read("schema/sarif-schema-2.1.0.json")));
    }

    public static Schema cycloneDx() {
        return load(CDX_ID, Map.of(CDX_ID, read("bom-1.6.schema.json"),
                "http://cyclonedx.org/schema/spdx.schema.json", read("spdx.schema.json"),
                "http://cyclonedx.org/schema/jsf-0.82.schema.json", read("jsf-0.82.schema.json")));
    }

    /** The validation errors of {@code json} (empty when it is valid). */
    public static List<String> errors(Schema schema, String json) {
        return schema.validate(json, InputFormat.JSON).stream().map(e -> e.getInstanceLocation() + ": " + e.getMessage()).toList();
    }

    private static Schema load(String id, Map<String, String> schemas) {
        var registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7, b -> b.schemas(schemas));
        return registry.getSchema(SchemaLocation.of(id));
    }

    private static String read(String name) {
        try (var in = OfficialSchemas.class.getResourceAsStream("/official-schemas/" + name)) {
            if (in == null) throw new IOException("not on the class path");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("run the build (generate-test-resources unpacks the schemas): " + name, e);
        }
    }
}
