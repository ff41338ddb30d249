package dev.luna.workers.openaiapp;

import dev.luna.codebase.apispec.ApiSpec;
import java.util.Map;
import java.util.SortedMap;

/**
 * What one generation produced.
 *
 * @param api       the API it was generated from
 * @param choice    the operations offered and those left out
 * @param appName   the app's name
 * @param artifacts the artifacts by name (openapi.actions.json, instructions.md, manifest.json, deployment.md), empty when no API was found
 * @param project   the files of project.zip by path, empty when no API was found
 */
record GeneratedApp(ApiSpec api, OperationChoice.Result choice, String appName, SortedMap<String, byte[]> artifacts,
                    SortedMap<String, byte[]> project) {
    boolean found() {
        return !api.empty();
    }

    static GeneratedApp none(ApiSpec api) {
        return new GeneratedApp(api, new OperationChoice.Result(java.util.List.of(), java.util.List.of()), api.title(),
                new java.util.TreeMap<>(), new java.util.TreeMap<>(Map.of()));
    }
}
