package dev.luna.llm;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.concurrent.CompletionException;

/** Translates whatever a provider call threw into a {@link ProviderException}. */
final class ProviderErrors {
    private ProviderErrors() {
    }

    static ProviderException translate(Throwable t, String provider, String model) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof ProviderException pe) return pe;
            if (c instanceof ProviderHttpClient.StatusException se) {
                return new ProviderException(provider, model, kindOf(se.statusCode()), se.statusCode(), se.retryAfter(),
                        provider + " answered HTTP " + se.statusCode() + ": " + shorten(se.getMessage()), null, t);
            }
            if (c instanceof dev.langchain4j.model.anthropic.internal.api.AnthropicStreamingException ase) {
                // an "event: error" inside an Anthropic stream: overloaded_error, api_error, rate_limit_error, ...
                var kind = "rate_limit_error".equals(ase.type()) ? ProviderException.Kind.RATE_LIMITED
                        : "invalid_request_error".equals(ase.type()) ? ProviderException.Kind.INVALID_REQUEST
                        : "authentication_error".equals(ase.type()) || "permission_error".equals(ase.type()) ? ProviderException.Kind.AUTHENTICATION
                        : ProviderException.Kind.SERVER_ERROR;
                return new ProviderException(provider, model, kind, 0, null, provider + " stream error " + ase.type() + ": " + ase.getMessage(), null, t);
            }
            if (c instanceof ProviderHttpClient.MalformedEventException) {
                return new ProviderException(provider, model, ProviderException.Kind.MALFORMED_RESPONSE, 0, null,
                        provider + " sent a stream event that is not valid JSON", null, t);
            }
            if (c instanceof NullPointerException) {
                // an adapter missing a field it needs in the provider's answer
                return new ProviderException(provider, model, ProviderException.Kind.MALFORMED_RESPONSE, 0, null,
                        provider + " sent an answer without a field the adapter needs: " + c.getMessage(), null, t);
            }
            if (c instanceof ProviderHttpClient.StreamCutException) {
                return new ProviderException(provider, model, ProviderException.Kind.STREAM_CUT, 0, null,
                        provider + " ended its stream before the final event", null, t);
            }
            if (c instanceof HttpTimeoutException || c instanceof ProviderHttpClient.IdleTimeoutException
                    || c instanceof dev.langchain4j.exception.TimeoutException || c instanceof java.util.concurrent.TimeoutException) {
                return new ProviderException(provider, model, ProviderException.Kind.TIMEOUT, 0, null,
                        provider + " did not answer in time", null, t);
            }
            if (c instanceof com.fasterxml.jackson.core.JacksonException || c instanceof tools.jackson.core.JacksonException) {
                return new ProviderException(provider, model, ProviderException.Kind.MALFORMED_RESPONSE, 0, null,
                        provider + " sent a response that is not valid JSON", null, t);
            }
            if (c instanceof ConnectException || c instanceof UnresolvedAddressException
                    || c instanceof java.nio.channels.ClosedChannelException || c instanceof java.io.EOFException) {
                return new ProviderException(provider, model, ProviderException.Kind.CONNECTION, 0, null,
                        provider + " could not be reached: " + c, null, t);
            }
        }
        // an I/O failure anywhere in the chain (connection reset, broken chunked encoding, ...)
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof IOException) {
                return new ProviderException(provider, model, ProviderException.Kind.CONNECTION, 0, null,
                        provider + " connection failed: " + c, null, t);
            }
        }
        Throwable root = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
        return new ProviderException(provider, model, ProviderException.Kind.UNKNOWN, 0, null,
                provider + " call failed: " + root, null, t);
    }

    static ProviderException.Kind kindOf(int status) {
        if (status == 429) return ProviderException.Kind.RATE_LIMITED;
        if (status == 408) return ProviderException.Kind.TIMEOUT;
        if (status >= 500) return ProviderException.Kind.SERVER_ERROR;
        if (status == 401 || status == 403) return ProviderException.Kind.AUTHENTICATION;
        if (status == 404) return ProviderException.Kind.MODEL_NOT_FOUND;
        return ProviderException.Kind.INVALID_REQUEST;
    }

    /** Parses a Retry-After header: delay-seconds or an HTTP date. */
    static Duration retryAfter(String value, java.time.Instant now) {
        if (value == null || value.isBlank()) return null;
        String v = value.trim();
        try {
            double seconds = Double.parseDouble(v);
            if (seconds < 0 || Double.isNaN(seconds)) return null;
            return Duration.ofMillis((long) Math.min(seconds * 1000, 3_600_000));
        } catch (NumberFormatException ignored) {
            try {
                var at = java.time.ZonedDateTime.parse(v, java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                var d = Duration.between(now, at);
                return d.isNegative() ? Duration.ZERO : d.compareTo(Duration.ofHours(1)) > 0 ? Duration.ofHours(1) : d;
            } catch (RuntimeException e) {
                return null;
            }
        }
    }

    private static String shorten(String s) {
        if (s == null) return "";
        String one = s.replaceAll("\\s+", " ");
        return one.length() > 300 ? one.substring(0, 300) + "…" : one;
    }
}
