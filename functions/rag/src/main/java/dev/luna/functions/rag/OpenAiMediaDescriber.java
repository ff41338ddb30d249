package dev.luna.functions.rag;

import dev.luna.core.Json;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Captions images and transcribes audio with OpenAI's API (or any server speaking its wire format): images through
 * {@code POST <base>/chat/completions} with the picture as a {@code data:} URL content part, audio through
 * {@code POST <base>/audio/transcriptions} (multipart). The model gateway cannot carry either — its messages are
 * text only and it has no transcription call — so this speaks the wire directly with the OpenAI key of the
 * deployment; these calls are therefore <em>not</em> routed, budgeted or recorded in token usage by the gateway.
 *
 * <p>Off unless {@code LUNA_RAG_MEDIA_DESCRIPTIONS=openai} and an OpenAI key is configured (every indexed image or
 * recording is one paid call). Formats the API does not take (bmp, tiff; aiff, au) and failed calls leave the file
 * described by its metadata only.
 */
final class OpenAiMediaDescriber implements MediaDescriber {
    static final String ENABLE = "LUNA_RAG_MEDIA_DESCRIPTIONS";
    static final String BASE_URL = "LUNA_RAG_MEDIA_BASE_URL";
    static final String CAPTION_MODEL = "LUNA_RAG_CAPTION_MODEL";
    static final String TRANSCRIPTION_MODEL = "LUNA_RAG_TRANSCRIPTION_MODEL";
    private static final Logger log = LoggerFactory.getLogger(OpenAiMediaDescriber.class);
    private static final Set<String> IMAGE_TYPES = Set.of("image/png", "image/jpeg", "image/gif", "image/webp");
    private static final Set<String> AUDIO_TYPES = Set.of("audio/mpeg", "audio/mp4", "audio/wav", "audio/flac", "audio/ogg");
    static final String PROMPT = "Describe this image for a code and documentation search index in at most 80 words: what it shows, "
            + "any text, labels, names or numbers in it, and what kind of picture it is (diagram, screenshot, photo, chart, icon).";

    private final String baseUrl;
    private final Supplier<String> apiKey;
    private final String captionModel;
    private final String transcriptionModel;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build();

    OpenAiMediaDescriber(String baseUrl, Supplier<String> apiKey, String captionModel, String transcriptionModel) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.apiKey = apiKey;
        this.captionModel = captionModel;
        this.transcriptionModel = transcriptionModel;
    }

    /** The describer the configuration asks for: this one when enabled with a key, otherwise {@link MediaDescriber#NONE}. */
    static MediaDescriber from(dev.luna.store.LunaConfig config) {
        if (!"openai".equalsIgnoreCase(config.setting(ENABLE, ""))) return NONE;
        String key = config.setting("LUNA_OPENAI_API_KEY", null);
        String arn = config.setting("LUNA_OPENAI_API_KEY_SECRET_ARN", null);
        if (key == null && arn == null) {
            log.warn("{}=openai but no OpenAI key is configured; images and audio are indexed by metadata only", ENABLE);
            return NONE;
        }
        Supplier<String> keys = key != null ? () -> key : new Supplier<>() {
            private volatile String read;

            @Override
            public String get() {
                if (read == null) {
                    try (var sm = software.amazon.awssdk.services.secretsmanager.SecretsManagerClient.builder()
                            .region(software.amazon.awssdk.regions.Region.of(config.region())).build()) {
                        read = sm.getSecretValue(b -> b.secretId(arn)).secretString().strip();
                    }
                }
                return read;
            }
        };
        String base = config.setting(BASE_URL, config.setting("LUNA_OPENAI_BASE_URL", "https://api.openai.com/v1"));
        return new OpenAiMediaDescriber(base, keys, config.setting(CAPTION_MODEL, "gpt-4o-mini"),
                config.setting(TRANSCRIPTION_MODEL, "whisper-1"));
    }

    @Override
    public Optional<Description> describe(MediaFiles.Kind kind, String path, String mimeType, byte[] bytes) {
        try {
            return switch (kind) {
                case IMAGE -> IMAGE_TYPES.contains(mimeType) ? caption(path, mimeType, bytes) : Optional.empty();
                case AUDIO -> AUDIO_TYPES.contains(mimeType) ? transcript(path, mimeType, bytes) : Optional.empty();
                case PDF -> Optional.empty();
            };
        } catch (java.io.IOException | RuntimeException e) {
            log.warn("no {} for {}: {}", kind == MediaFiles.Kind.IMAGE ? "caption" : "transcript", path, e.getMessage());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private Optional<Description> caption(String path, String mimeType, byte[] bytes) throws java.io.IOException, InterruptedException {
        String dataUrl = "data:" + mimeType + ";base64," + Base64.getEncoder().encodeToString(bytes);
        var body = Map.of("model", captionModel, "max_tokens", 200, "messages", List.of(Map.of("role", "user", "content", List.of(
                Map.of("type", "text", "text", PROMPT + " File: " + path),
                Map.of("type", "image_url", "image_url", Map.of("url", dataUrl, "detail", "low"))))));
        var request = HttpRequest.newBuilder(URI.create(baseUrl + "/chat/completions")).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + apiKey.get()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Json.writeBytes(body))).build();
        JsonNode json = call(request);
        String text = json.path("choices").path(0).path("message").path("content").asString("");
        return text.isBlank() ? Optional.empty() : Optional.of(new Description(text.strip(), json.path("model").asString(captionModel)));
    }

    private Optional<Description> transcript(String path, String mimeType, byte[] bytes) throws java.io.IOException, InterruptedException {
        String boundary = "luna-" + Long.toHexString(System.nanoTime());
        var out = new ByteArrayOutputStream();
        String name = path.substring(path.lastIndexOf('/') + 1).replace("\"", "");
        part(out, boundary, "Content-Disposition: form-data; name=\"model\"\r\n\r\n" + transcriptionModel + "\r\n");
        part(out, boundary, "Content-Disposition: form-data; name=\"response_format\"\r\n\r\njson\r\n");
        part(out, boundary, "Content-Disposition: form-data; name=\"file\"; filename=\"" + name + "\"\r\nContent-Type: " + mimeType + "\r\n\r\n");
        out.write(bytes);
        out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        var request = HttpRequest.newBuilder(URI.create(baseUrl + "/audio/transcriptions")).timeout(Duration.ofSeconds(120))
                .header("Authorization", "Bearer " + apiKey.get()).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())).build();
        String text = call(request).path("text").asString("");
        return text.isBlank() ? Optional.empty() : Optional.of(new Description(text.strip(), transcriptionModel));
    }

    private static void part(ByteArrayOutputStream out, String boundary, String headAndValue) {
        out.writeBytes(("--" + boundary + "\r\n" + headAndValue).getBytes(StandardCharsets.UTF_8));
    }

    private JsonNode call(HttpRequest request) throws java.io.IOException, InterruptedException {
        var response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            String body = response.body() == null ? "" : response.body();
            throw new java.io.IOException("HTTP " + response.statusCode() + " from " + request.uri().getPath() + ": "
                    + (body.length() > 200 ? body.substring(0, 200) : body));
        }
        return Json.tree(response.body());
    }
}
