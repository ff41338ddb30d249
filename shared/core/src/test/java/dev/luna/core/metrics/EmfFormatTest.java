package dev.luna.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.luna.core.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EmfFormatTest {
    static final MetricCatalog CATALOG = MetricCatalog.parse("""
            {"namespace": "Luna", "commonDimensions": ["Stack"], "metrics": {
              "ApiRequests": {"unit": "Count", "dimensions": [["Function"], []]},
              "ApiLatency": {"unit": "Milliseconds", "dimensions": [["Function"], []]},
              "ApiErrors": {"unit": "Count", "dimensions": [["Function", "Code"], ["Code"]]}}}""");

    static Map<String, Double> values(Object... kv) {
        var m = new LinkedHashMap<String, Double>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], ((Number) kv[i + 1]).doubleValue());
        return m;
    }

    @Test
    void oneDirectivePerDimensionLayoutWithTheStackInFrontAndValuesAtTheRoot() {
        String line = EmfFormat.line(CATALOG, 1_700_000_000_000L,
                Map.of("Stack", "luna-prod", "Function", "agents-get", "Code", "NOT_FOUND"), Map.of("requestId", "req_1"),
                values("ApiRequests", 1, "ApiLatency", 12.5, "ApiErrors", 1));
        assertThat(Json.tree(line)).isEqualTo(Json.tree("""
                {"_aws": {"Timestamp": 1700000000000, "CloudWatchMetrics": [
                   {"Namespace": "Luna", "Dimensions": [["Stack", "Function"], ["Stack"]],
                    "Metrics": [{"Name": "ApiRequests", "Unit": "Count"}, {"Name": "ApiLatency", "Unit": "Milliseconds"}]},
                   {"Namespace": "Luna", "Dimensions": [["Stack", "Function", "Code"], ["Stack", "Code"]],
                    "Metrics": [{"Name": "ApiErrors", "Unit": "Count"}]}]},
                 "Stack": "luna-prod", "Function": "agents-get", "Code": "NOT_FOUND", "requestId": "req_1",
                 "ApiRequests": 1, "ApiLatency": 12.5, "ApiErrors": 1}"""));
        assertThat(line).doesNotContain("\n").contains("\"ApiRequests\":1,");
    }

    @Test
    void undeclaredMetricsMissingDimensionsAndNonFiniteValuesAreRefused() {
        var dims = Map.of("Stack", "local", "Function", "f");
        assertThatThrownBy(() -> EmfFormat.line(CATALOG, 0, dims, Map.of(), values("ApiRequest", 1)))
                .hasMessageContaining("not declared");
        assertThatThrownBy(() -> EmfFormat.line(CATALOG, 0, dims, Map.of(), values("ApiErrors", 1)))
                .hasMessageContaining("dimension Code has no value");
        assertThatThrownBy(() -> EmfFormat.line(CATALOG, 0, dims, Map.of(), values("ApiLatency", Double.NaN)))
                .hasMessageContaining("no finite value");
    }

    @Test
    void aPropertyNeverOverwritesADimensionOrAMetric() {
        String line = EmfFormat.line(CATALOG, 0, Map.of("Stack", "local", "Function", "f"), Map.of("Function", "other"),
                values("ApiRequests", 1));
        assertThat(Json.tree(line).get("Function").asString()).isEqualTo("f");
    }

    @Test
    void theShippedCatalogLoadsAndEveryMetricHasAUnitAndADimensionSet() {
        var catalog = MetricCatalog.load();
        assertThat(catalog.namespace()).isEqualTo("Luna");
        assertThat(catalog.commonDimensions()).containsExactly("Stack");
        assertThat(catalog.metrics()).containsKeys("ApiRequests", "TasksSubmitted", "LlmInputTokens", "RagQueryLatency", "CacheHits");
        catalog.metrics().values().forEach(d -> assertThat(d.dimensions()).isNotEmpty());
    }
}
