package dev.luna.codebase.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PathsTest {
    @Test
    void everyFrameworksParameterSyntaxBecomesBraces() {
        assertThat(Paths.normalize("/users/{id: [0-9]+}/")).isEqualTo("/users/{id}");
        assertThat(Paths.normalize("users/:id/files/:name?")).isEqualTo("/users/{id}/files/{name}");
        assertThat(Paths.normalize("/u/<int:user_id>/<path:rest>")).isEqualTo("/u/{user_id}/{rest*}");
        assertThat(Paths.normalize("api/[id]/[...slug]")).isEqualTo("/api/{id}/{slug*}");
        assertThat(Paths.normalize("/docs/[[...path]]")).isEqualTo("/docs/{path*}");
        assertThat(Paths.normalize("/static/{*rest}")).isEqualTo("/static/{rest*}");
        assertThat(Paths.normalize("")).isEqualTo("/");
    }

    @Test
    void joinCollapsesSlashes() {
        assertThat(Paths.join("/api/", "/v1", "", null, "users/")).isEqualTo("/api/v1/users");
        assertThat(Paths.join()).isEqualTo("/");
    }
}
