package dev.luna.workers.requirements;

import static org.assertj.core.api.Assertions.assertThat;

import dev.luna.codebase.endpoint.Endpoint;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Endpoints group by resource; a resource too large for one feature splits by its next path segments. */
class ResourcesTest {
    private static Endpoint get(String path) {
        return new Endpoint("GET", path, "Spring MVC", "a.B#m()", "B.java", 1, 1, List.of(), null, null, List.of(), List.of());
    }

    @Test
    void largeResourcesSplitSmallOnesStay() {
        var endpoints = new ArrayList<Endpoint>();
        endpoints.add(get("/api/v1/owners/{id}/pets"));
        endpoints.add(get("/owners"));
        for (int i = 0; i < 5; i++) endpoints.add(get("/admin/realms/{realm}/users/u" + i));
        for (int i = 0; i < 5; i++) endpoints.add(get("/admin/realms/{realm}/clients/c" + i));
        var keys = Resources.of(endpoints, 6);
        assertThat(keys.get(endpoints.get(0))).isEqualTo("owners");
        assertThat(keys.get(endpoints.get(1))).isEqualTo("owners");
        assertThat(keys.get(endpoints.get(2))).isEqualTo("admin-realms-users");
        assertThat(keys.get(endpoints.get(7))).isEqualTo("admin-realms-clients");
        assertThat(Resources.key("/", 1)).isEqualTo("root");
    }
}
