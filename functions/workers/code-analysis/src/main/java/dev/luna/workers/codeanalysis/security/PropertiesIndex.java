package dev.luna.workers.codeanalysis.security;

import java.io.IOException;
import java.io.StringReader;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Values from the project's own {@code .properties} files, so {@code props.getProperty("cryptoAlg1", "AES")} is
 * judged by the value the application will really read. The first file (in path order) that defines a key wins.
 */
final class PropertiesIndex {
    static final int MAX_BYTES = 1 << 20;

    private final Map<String, String> values = new HashMap<>();

    void add(String text) {
        if (text.length() > MAX_BYTES) return;
        var p = new Properties();
        try {
            p.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            return;
        }
        for (String k : p.stringPropertyNames()) values.putIfAbsent(k, p.getProperty(k));
    }

    String get(String key) {
        return values.get(key);
    }

    int size() {
        return values.size();
    }
}
