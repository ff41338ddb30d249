package dev.luna.http;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A handler's answer: status, the {@code data} of the envelope, extra headers, and the cursor of the next page
 * for lists. {@link #raw} answers a non-enveloped body (the OpenAPI document, the docs page).
 */
public final class ApiResult {
    private final int status;
    private final Object data;
    private final String nextCursor;
    private String prevCursor;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final Map<String, String> links = new LinkedHashMap<>();
    private final String rawBody;
    private final String rawContentType;
    private byte[] binaryBody;

    private ApiResult(int status, Object data, String nextCursor, String rawBody, String rawContentType) {
        this.status = status;
        this.data = data;
        this.nextCursor = nextCursor;
        this.rawBody = rawBody;
        this.rawContentType = rawContentType;
    }

    public static ApiResult ok(Object data) {
        return new ApiResult(200, data, null, null, null);
    }

    public static ApiResult created(Object data, String location) {
        return new ApiResult(201, data, null, null, null).header("Location", location);
    }

    public static ApiResult accepted(Object data) {
        return new ApiResult(202, data, null, null, null);
    }

    public static ApiResult page(Object items, String nextCursor) {
        return new ApiResult(200, items, nextCursor, null, null);
    }

    /** A page of a list that can go both ways: {@code links.next} and {@code links.prev} where there are such pages. */
    public static ApiResult page(dev.luna.store.Keyset.Page<?> page) {
        var r = new ApiResult(200, page.items(), page.next(), null, null);
        r.prevCursor = page.prev();
        return r;
    }

    public static ApiResult raw(int status, String contentType, String body) {
        return new ApiResult(status, null, null, body, contentType);
    }

    /** A non-enveloped binary body (a downloaded artifact): sent base64-encoded, as API Gateway and Lambda expect. */
    public static ApiResult binary(int status, String contentType, byte[] body) {
        var r = new ApiResult(status, null, null, "", contentType);
        r.binaryBody = body;
        return r;
    }

    /** A redirect (302) to {@code location}, with no body. */
    public static ApiResult redirect(String location) {
        return new ApiResult(302, null, null, "", "text/plain").header("Location", location);
    }

    public ApiResult header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** Adds a link to the envelope's {@code links} (beside {@code self} and {@code next}), e.g. {@code status} of an accepted job. */
    public ApiResult link(String name, String href) {
        links.put(name, href);
        return this;
    }

    public Map<String, String> links() {
        return links;
    }

    /** Sets the ETag to the given revision, so clients can send it back in {@code If-Match}. */
    public ApiResult etag(long revision) {
        return header("ETag", "\"" + revision + "\"");
    }

    public int status() {
        return status;
    }

    public Object data() {
        return data;
    }

    public String nextCursor() {
        return nextCursor;
    }

    public String prevCursor() {
        return prevCursor;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public String rawBody() {
        return rawBody;
    }

    public String rawContentType() {
        return rawContentType;
    }

    /** The binary body, or null. */
    public byte[] binaryBody() {
        return binaryBody;
    }

    public boolean isRaw() {
        return rawBody != null;
    }
}
