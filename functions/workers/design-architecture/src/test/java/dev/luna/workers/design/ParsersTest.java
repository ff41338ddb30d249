package dev.luna.workers.design;

import dev.luna.testkit.Txtar;
import static org.assertj.core.api.Assertions.assertThat;

import com.structurizr.Workspace;
import com.structurizr.dsl.StructurizrDslParser;
import com.structurizr.model.Element;
import dev.luna.toolchains.Toolchains;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The generated diagrams through the real parsers: every .mmd file and every ```mermaid block of architecture.md with
 * mermaid 12's own parser, and workspace.dsl with the Structurizr DSL parser (the model must hold the system, each
 * container, the collapsed components and every external system; the views asked for must exist).
 */
class ParsersTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"shop", "express", "hostile"})
    void realParsersAcceptEverything(String fixture) throws Exception {
        var run = Runs.run(Txtar.write(fixture, tmp.resolve("src")), "Split the monolith", DesignOptions.DEFAULT);
        assertThat(run.generated().problems()).isEmpty();
        assertParses(run, tmp.resolve("out"));
    }

    static void assertParses(Runs.Run run, Path out) throws Exception {
        var files = Runs.write(run.generated(), out);
        var mermaid = files.stream().filter(p -> p.toString().endsWith(".mmd") || p.getFileName().toString().equals("architecture.md")).toList();
        assertThat(Toolchains.mermaid(mermaid)).isEmpty();
        var workspace = parse(Files.readString(out.resolve("workspace.dsl"), StandardCharsets.UTF_8));
        var model = workspace.getModel();
        assertThat(model.getSoftwareSystems()).extracting(Element::getName).contains(Names.label(ProjectName.of(run.project(), null)));
        var system = model.getSoftwareSystems().stream().filter(s -> s.getTagsAsSet().contains("External") == false).findFirst().orElseThrow();
        assertThat(system.getContainers()).hasSize(new SystemView("x", run.project(), run.model(), DesignOptions.DEFAULT_MAX_NODES).containers.size());
        long components = system.getContainers().stream().mapToLong(c -> c.getComponents().size()).sum();
        assertThat(components).isEqualTo(new Collapsed(run.model(), DesignOptions.DEFAULT_MAX_NODES).nodes.size());
        assertThat(model.getSoftwareSystems().stream().filter(s -> s.getTagsAsSet().contains("External")).map(Element::getName))
                .containsExactlyInAnyOrderElementsOf(run.model().externals().stream().map(x -> Names.label(x.name())).toList());
        assertThat(workspace.getViews().getSystemContextViews()).hasSize(1);
        assertThat(workspace.getViews().getContainerViews()).hasSize(1);
        assertThat(workspace.getViews().getComponentViews()).hasSize(system.getContainers().size());
        assertThat(workspace.getViews().getDeploymentViews()).hasSize(1);
    }

    static Workspace parse(String dsl) throws Exception {
        var parser = new StructurizrDslParser();
        parser.parse(dsl);
        return parser.getWorkspace();
    }

    static List<Path> all(Path dir) throws Exception {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
