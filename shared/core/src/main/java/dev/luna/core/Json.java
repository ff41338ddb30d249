package dev.luna.core;

import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.type.LogicalType;

/**
 * JSON for the whole platform (Jackson 3, as Spring Cloud Function 5 uses). Reading is strict: unknown fields,
 * wrong types and scalar coercions ("5" for a number) are rejected, and every failure becomes a 4xx
 * {@link LunaException} that names the offending field.
 */
public final class Json {
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(tools.jackson.core.StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .withCoercionConfigDefaults(c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
            .withCoercionConfig(LogicalType.Textual, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.TryConvert)
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .withCoercionConfig(LogicalType.Enum, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.TryConvert))
            .changeDefaultPropertyInclusion(v -> v.withValueInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL))
            .build();

    /** For events and documents written by others (AWS): unknown fields ignored, names case-insensitive. */
    private static final JsonMapper LENIENT = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
            .build();

    private Json() {
    }

    public static JsonMapper mapper() {
        return MAPPER;
    }

    public static String write(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    public static byte[] writeBytes(Object value) {
        return MAPPER.writeValueAsBytes(value);
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** Parses trusted JSON (our own stored documents); failures are programming errors. */
    public static <T> T readTrusted(String json, Class<T> type) {
        return MAPPER.readValue(json, type);
    }

    public static <T> T readLenient(byte[] json, Class<T> type) {
        return LENIENT.readValue(json, type);
    }

    public static JsonNode tree(String json) {
        return MAPPER.readTree(json);
    }

    /** Parses a client's JSON body into {@code type}, translating every failure into a client error. */
    public static <T> T readRequest(String body, Class<T> type) {
        if (body == null || body.isBlank()) {
            throw new LunaException(ErrorCode.MALFORMED_JSON, "Request body is empty; a JSON object is expected");
        }
        try {
            T value = MAPPER.readValue(body, type);
            if (value == null) {
                throw new LunaException(ErrorCode.MALFORMED_JSON, "Request body is null; a JSON object is expected");
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            throw new ValidationException(path(e.getPath()), "is not a known field");
        } catch (InvalidNullException e) {
            throw new ValidationException(path(e.getPath()), "must not be null");
        } catch (InvalidFormatException e) {
            throw new ValidationException(path(e.getPath()), "has an invalid value " + shortValue(e.getValue())
                    + (e.getTargetType() != null && e.getTargetType().isEnum() ? "; allowed: " + enumValues(e.getTargetType()) : ""));
        } catch (MismatchedInputException e) {
            String field = path(e.getPath());
            if (field.isEmpty()) {
                throw new LunaException(ErrorCode.MALFORMED_JSON, "Request body must be a JSON object");
            }
            throw new ValidationException(field, "must be " + describe(e.getTargetType()));
        } catch (StreamReadException e) {
            var loc = e.getLocation();
            throw new LunaException(ErrorCode.MALFORMED_JSON, "Request body is not valid JSON"
                    + (loc != null ? " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")" : ""));
        } catch (JacksonException e) {
            String field = path(e.getPath());
            Throwable root = e.getCause() != null ? e.getCause() : e;
            if (root instanceof LunaException le) throw le;
            throw new ValidationException(field.isEmpty() ? "body" : field, "is invalid: " + firstLine(root.getMessage()));
        }
    }

    static String path(List<JacksonException.Reference> refs) {
        var sb = new StringBuilder();
        for (var ref : refs) {
            if (ref.getPropertyName() != null) {
                if (!sb.isEmpty()) sb.append('.');
                sb.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String describe(Class<?> type) {
        if (type == null) return "of a different type";
        if (type == String.class) return "a string";
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) return "an integer";
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) return "a number";
        if (type == Boolean.class || type == boolean.class) return "a boolean";
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) return "an array";
        if (type.isEnum()) return "one of " + enumValues(type);
        return "an object";
    }

    private static String enumValues(Class<?> type) {
        var sb = new StringBuilder();
        for (Object c : type.getEnumConstants()) {
            if (!sb.isEmpty()) sb.append(", ");
            sb.append(MAPPER.writeValueAsString(c).replace("\"", ""));
        }
        return sb.toString();
    }

    private static String shortValue(Object v) {
        String s = String.valueOf(v);
        return "'" + (s.length() > 40 ? s.substring(0, 40) + "…" : s) + "'";
    }

    private static String firstLine(String s) {
        if (s == null) return "invalid";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
