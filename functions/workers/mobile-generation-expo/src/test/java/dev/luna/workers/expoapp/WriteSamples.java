package dev.luna.workers.expoapp;

import java.nio.file.Path;

/** Writes the generated app of each fixture under target/expo-samples (for looking at them, or running the app by hand). */
final class WriteSamples {
    private WriteSamples() {
    }

    public static void main(String[] args) {
        var out = Path.of(args.length > 0 ? args[0] : "target/expo-samples");
        for (var fixture : new String[] {"openapi-tasks", "openapi-petstore", "spring-shop", "express-todo"}) {
            Generate.write(Generate.run(Generate.FIXTURES.resolve(fixture), ExpoOptions.defaults().with("tabs", true, true, "tanstack-query")),
                    out.resolve(fixture));
        }
    }
}
