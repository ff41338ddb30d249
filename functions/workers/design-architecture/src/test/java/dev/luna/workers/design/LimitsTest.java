package dev.luna.workers.design;

import dev.luna.testkit.Txtar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.luna.core.Json;
import dev.luna.core.ValidationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Large and odd inputs: sixty packages collapse to {@code maxNodes} diagram nodes (the rest grouped per container and
 * still in dependency-graph.json), a project without program code still yields a complete, valid set of artifacts,
 * only the views asked for are drawn, and bad options are a 400 naming the field.
 */
class LimitsTest {
    @TempDir
    Path tmp;

    @Test
    void manyPackagesCollapseIntoTheTopNodesAndOneGroup() throws Exception {
        for (int i = 0; i < 60; i++) {
            String pkg = "com.big.p" + i;
            var body = new StringBuilder("package " + pkg + ";\n\n");
            if (i > 0) body.append("import com.big.p0.T0;\n\n");
            body.append("public class T").append(i).append(" {\n");
            if (i > 0) body.append("    T0 hub;\n");
            for (int k = 0; k < i % 7; k++) body.append("    int f").append(k).append(";\n");
            body.append("}\n");
            Path file = tmp.resolve("src/main/java/com/big/p" + i + "/T" + i + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, body);
        }
        var run = Runs.run(tmp, null, new DesignOptions(EnumSet.allOf(View.class), 8, 3, null, null));
        assertThat(run.generated().problems()).isEmpty();
        assertThat(run.model().components()).hasSize(60);
        var view = new SystemView("big", run.project(), run.model(), 8);
        assertThat(view.graph.nodes).hasSize(8);
        assertThat(view.graph.nodes).extracting(n -> n.key()).contains("com.big.p0", Collapsed.other(""));
        assertThat(view.graph.hidden).isEqualTo(53);
        String flow = run.text("diagrams/dependencies.mmd");
        assertThat(flow.lines().filter(l -> l.contains("[\"") && !l.contains("subgraph")).count()).isEqualTo(8);
        assertThat(flow).contains("53 more components");
        var graph = Json.tree(run.text("dependency-graph.json"));
        assertThat(graph.get("components").size()).isEqualTo(60);
        assertThat(GraphJson.validate(run.generated().files().get("dependency-graph.json"))).isEmpty();
    }

    @Test
    void aProjectWithoutProgramCodeStillGetsEveryArtifact() throws Exception {
        Files.writeString(tmp.resolve("README.md"), "# Notes\n");
        var run = Runs.run(tmp, null, DesignOptions.DEFAULT);
        assertThat(run.generated().problems()).isEmpty();
        assertThat(run.generated().files().keySet()).contains("architecture.md", "workspace.dsl", "dependency-graph.json", "diagrams/context.mmd");
        assertThat(run.text("architecture.md")).contains("No program source was found.");
    }

    @Test
    void onlyTheViewsAskedForAreDrawn() throws Exception {
        var run = Runs.run(Txtar.write("shop", tmp.resolve("shop")), null, DesignOptions.of(Json.tree("{\"views\": [\"context\"]}")));
        assertThat(run.generated().diagrams()).containsExactly("diagrams/context.mmd", "diagrams/dependencies.mmd");
        assertThat(run.text("workspace.dsl")).contains("systemContext s_system").doesNotContain("deployment s_system");
    }

    @Test
    void badOptionsNameTheField() {
        assertThatThrownBy(() -> DesignOptions.of(Json.tree("{\"views\": [\"context\", \"galaxy\"]}")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("options.views[1]");
        assertThatThrownBy(() -> DesignOptions.of(Json.tree("{\"maxNodes\": 2}"))).isInstanceOf(ValidationException.class)
                .hasMessageContaining("options.maxNodes");
    }
}
