package dev.luna.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.luna.core.ErrorCode;
import dev.luna.core.LunaException;
import dev.luna.core.ValidationException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What a submission of a type the registry lacks answers: a product type not deployed here, or no type at all. */
class TaskTypesTest {
    private final TaskTypes registry = new TaskTypes()
            .register(new TaskType("echo", "echo", null, Duration.ofSeconds(5), null));

    @Test
    void aProductTypeThisPlatformDoesNotDeployIsNotAvailableNamingWhatIs() {
        assertThatThrownBy(() -> registry.require("mobile-generation-swift"))
                .isInstanceOfSatisfying(LunaException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.TASK_TYPE_NOT_AVAILABLE);
                    assertThat(e.getMessage()).contains("mobile-generation-swift");
                    assertThat(e.details().toString()).contains("echo");
                });
    }

    @Test
    void anUnknownTypeIsAValidationErrorOnTheTypeField() {
        assertThatThrownBy(() -> registry.require("no-such-type"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.getMessage()).contains("no-such-type").contains("echo"));
        assertThat(registry.require("echo").name()).isEqualTo("echo");
    }

    @Test
    void everyProductTypeIsNamedOnce() {
        assertThat(TaskTypes.PRODUCT_TYPES).hasSize(10).doesNotHaveDuplicates();
    }
}
