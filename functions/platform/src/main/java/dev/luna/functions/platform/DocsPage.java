package dev.luna.functions.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The self-contained API reference page (no CDN: it must work offline); it renders /api/v1/openapi.json. */
final class DocsPage {
    private static volatile String html;

    private DocsPage() {
    }

    static String html() {
        String h = html;
        if (h == null) {
            try (InputStream in = DocsPage.class.getResourceAsStream("/openapi/docs.html")) {
                html = h = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return h;
    }
}
