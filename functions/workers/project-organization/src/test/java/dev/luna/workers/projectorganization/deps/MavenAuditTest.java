package dev.luna.workers.projectorganization.deps;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the JVM dependency audit reads from the build files beside the code model. */
class MavenAuditTest {
    static final String GRADLE = """
            dependencies {
                implementation 'org.springframework.boot:spring-boot-starter-web'
                runtimeOnly 'com.h2database:h2'
                developmentOnly("org.springframework.boot:spring-boot-devtools")
                testRuntimeOnly 'org.junit.platform:junit-platform-launcher'
                implementation 'com.google.guava:guava:33.0.0-jre'
            }
            """;

    @Test
    void gradleRuntimeOnlyConfigurationsAreNeverCompiledAgainst() {
        assertThat(MavenAudit.runtimeOnly(GRADLE, 3)).isTrue();
        assertThat(MavenAudit.runtimeOnly(GRADLE, 4)).isTrue();
        assertThat(MavenAudit.runtimeOnly(GRADLE, 5)).isTrue();
        assertThat(MavenAudit.runtimeOnly(GRADLE, 2)).isFalse();
        assertThat(MavenAudit.runtimeOnly(GRADLE, 6)).isFalse();
        assertThat(MavenAudit.runtimeOnly(GRADLE, 99)).isFalse();
        assertThat(MavenAudit.runtimeOnly(null, 3)).isFalse();
    }

    @Test
    void aMavenRuntimeScopeIsReadFromTheDependencyBlock() {
        String pom = "<dependencies>\n  <dependency>\n    <groupId>org.postgresql</groupId>\n    <artifactId>postgresql</artifactId>\n"
                + "    <scope>runtime</scope>\n  </dependency>\n</dependencies>\n";
        assertThat(MavenAudit.pomScope(pom, 2)).isEqualTo("runtime");
    }
}
