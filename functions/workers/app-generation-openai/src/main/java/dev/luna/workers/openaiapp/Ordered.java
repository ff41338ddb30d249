package dev.luna.workers.openaiapp;

import java.util.LinkedHashMap;
import java.util.Map;

/** Maps that keep the order their entries were given in (unlike {@code Map.of}, whose order changes between JVMs), for output. */
final class Ordered {
    private Ordered() {
    }

    /** {@code keysAndValues}: key, value, key, value… */
    static Map<String, Object> map(Object... keysAndValues) {
        var out = new LinkedHashMap<String, Object>();
        for (int i = 0; i < keysAndValues.length; i += 2) out.put((String) keysAndValues[i], keysAndValues[i + 1]);
        return out;
    }
}
