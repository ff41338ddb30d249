package dev.luna.codebase.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchitectureTest {
    @TempDir
    Path tmp;

    @Test
    void springShopHasModulesLayersAndFlows() {
        var a = ArchitectureFixtures.recover(ArchitectureFixtures.fixture("spring-shop"));
        System.out.println(a.containers());
        a.components().forEach(System.out::println);
        a.edges().forEach(System.out::println);
        a.externals().forEach(System.out::println);
        a.flows().forEach(System.out::println);
        a.metrics().forEach(System.out::println);
    }
}
