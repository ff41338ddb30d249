package dev.luna.workers.swift.plan;

import java.util.List;

/**
 * What the generator writes, decided before any file is rendered.
 *
 * @param appName   the display name
 * @param typeName  the app's Swift type prefix, e.g. {@code PetStore}
 * @param options   the task's options
 * @param origin    {@code openapi}, {@code code} or {@code none} (no API: an app shell)
 * @param document  the OpenAPI document's path, or null
 * @param models    Codable models, sorted by name
 * @param endpoints client methods, sorted by path then method
 * @param resources resources with screens, sorted by title
 * @param payment   the endpoint Apple Pay posts the payment token to, or null
 * @param notes     what the reader of the result should know (skipped endpoints, no payment endpoint…)
 */
public record AppPlan(String appName, String typeName, SwiftOptions options, String origin, String document, List<Model> models,
                      List<Endpoint> endpoints, List<Resource> resources, Endpoint payment, List<String> notes) {
    public AppPlan {
        models = List.copyOf(models);
        endpoints = List.copyOf(endpoints);
        resources = List.copyOf(resources);
        notes = List.copyOf(notes);
    }

    public boolean shell() {
        return origin.equals("none");
    }

    public AppPlan withResources(List<Resource> newResources) {
        return new AppPlan(appName, typeName, options, origin, document, models, endpoints, newResources, payment, notes);
    }
}
