package dev.luna.http;

/** The body of one HTTP function: request in, result out. Errors are thrown as {@code LunaException}. */
@FunctionalInterface
public interface RouteHandler {
    ApiResult handle(ApiRequest request);
}
