package dev.luna.codebase;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Manifests say where the versions they leave out come from, when that is outside the repository. */
class ManagedVersionsTest {
    @Test
    void anExternalParentABomAndAGradlePlatformAreNamed(@TempDir Path root) throws Exception {
        Files.writeString(root.resolve("pom.xml"), """
                <project><modelVersion>4.0.0</modelVersion>
                  <parent><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-parent</artifactId><version>3.5.0</version></parent>
                  <artifactId>shop</artifactId>
                  <dependencyManagement><dependencies>
                    <dependency><groupId>software.amazon.awssdk</groupId><artifactId>bom</artifactId><version>2.31.0</version><type>pom</type><scope>import</scope></dependency>
                  </dependencies></dependencyManagement>
                  <dependencies><dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-web</artifactId></dependency></dependencies>
                </project>
                """);
        Files.createDirectories(root.resolve("app"));
        Files.writeString(root.resolve("app/build.gradle"), """
                plugins { id 'java' }
                dependencies {
                    implementation platform('org.springframework.boot:spring-boot-dependencies:3.5.0')
                    implementation 'org.springframework.boot:spring-boot-starter-web'
                }
                """);
        Files.createDirectories(root.resolve("lib"));
        Files.writeString(root.resolve("lib/build.gradle"), "dependencies {\n    implementation 'com.google.guava:guava:33.0.0-jre'\n}\n");
        var model = new Codebase().analyse(root, List.of("app/build.gradle", "lib/build.gradle", "pom.xml"), () -> false);
        var byPath = model.manifests().stream().collect(java.util.stream.Collectors.toMap(m -> m.path(), m -> m));
        assertThat(byPath.get("pom.xml").managedBy())
                .containsExactly("parent org.springframework.boot:spring-boot-starter-parent:3.5.0", "bom software.amazon.awssdk:bom:2.31.0");
        assertThat(byPath.get("app/build.gradle").managedBy()).containsExactly("platform org.springframework.boot:spring-boot-dependencies:3.5.0");
        assertThat(byPath.get("lib/build.gradle").managedBy()).isEmpty();
    }
}
