package dev.luna.workers.codeanalysis.report;

import dev.luna.core.Json;
import java.nio.charset.StandardCharsets;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Deterministic JSON for the report artifacts: the platform mapper, map keys sorted, two-space indent, '\n', UTF-8. */
final class ReportJson {
    private static final JsonMapper MAPPER = Json.mapper().rebuild().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();
    private static final ObjectWriter WRITER = MAPPER.writer().with(new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n")).withArrayIndenter(new DefaultIndenter("  ", "\n")));

    private ReportJson() {
    }

    static byte[] write(Object value) {
        return (WRITER.writeValueAsString(value) + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
