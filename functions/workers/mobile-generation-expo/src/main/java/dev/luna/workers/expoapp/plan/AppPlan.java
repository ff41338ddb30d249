package dev.luna.workers.expoapp.plan;

import dev.luna.codebase.apispec.ApiSpec;
import java.util.List;

/**
 * What the Expo app will hold, before any file is written.
 *
 * @param api          the API it is generated from
 * @param appName      display name
 * @param slug         Expo slug and package name
 * @param bundleId     iOS bundle id and Android package
 * @param types        TS declarations of the API's named schemas
 * @param calls        every client function, sorted by path then method
 * @param resources    the resources shown as screens, sorted by key
 * @param authNeeded   whether the app has a sign-in screen
 * @param authReason   why (or why not)
 * @param login        the login call when the API has one (username/password → token), or null
 * @param leftOut      resources or operations not made into screens, with the reason
 */
public record AppPlan(ApiSpec api, String appName, String slug, String bundleId, String types, List<ClientCall> calls, List<Resource> resources,
                      boolean authNeeded, String authReason, ClientCall login, List<String> leftOut) {
    public AppPlan {
        calls = List.copyOf(calls);
        resources = List.copyOf(resources);
        leftOut = List.copyOf(leftOut);
    }

    public boolean apiFound() {
        return !api.empty();
    }
}
