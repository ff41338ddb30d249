package dev.luna.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.function.context.FunctionalSpringApplication;

class UpstreamNoiseTest {
    @Test
    void startingAFunctionalContextPrintsNoSourceLinesButKeepsEverythingElse() {
        var captured = new ByteArrayOutputStream();
        var original = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            // the upstream application prints one SOURCE line per source class as it starts
            try (var context = new FunctionalSpringApplication(Object.class).run("--spring.main.web-application-type=none",
                    "--spring.main.banner-mode=off", "--spring.main.log-startup-info=false")) {
                assertThat(context.isActive()).isTrue();
            }
            String unfiltered = captured.toString(StandardCharsets.UTF_8);
            assertThat(unfiltered).as("the upstream print this class exists for").contains(UpstreamNoise.SOURCE_LINE);
            captured.reset();

            var active = UpstreamNoise.withoutSourceLines(() -> {
                System.out.println("luna: ready");
                try (var context = new FunctionalSpringApplication(Object.class).run("--spring.main.web-application-type=none",
                        "--spring.main.banner-mode=off", "--spring.main.log-startup-info=false")) {
                    return context.isActive();
                }
            });
            assertThat(active).isTrue();
            String filtered = captured.toString(StandardCharsets.UTF_8);
            assertThat(filtered).contains("luna: ready").doesNotContain(UpstreamNoise.SOURCE_LINE);
        } finally {
            System.setOut(original);
        }
        assertThat(System.out).isSameAs(original);
    }
}
