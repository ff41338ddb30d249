package dev.luna.codebase.endpoint;

import dev.luna.codebase.shape.Schema;

/**
 * One parameter of an endpoint.
 *
 * @param name         on the wire
 * @param in           {@code path}, {@code query}, {@code header}, {@code cookie}, {@code form} or {@code body}
 * @param schema       its type
 * @param required     whether the client must send it
 * @param defaultValue the declared default (masked), or null
 */
public record Param(String name, String in, Schema schema, boolean required, String defaultValue) {
}
