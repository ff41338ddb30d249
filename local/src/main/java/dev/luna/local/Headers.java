package dev.luna.local;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.server.Request;

/** A request's headers as API Gateway hands them to a function: names lower-cased, repeated values joined with commas. */
final class Headers {
    private Headers() {
    }

    static Map<String, String> lowerCased(Request request) {
        var headers = new LinkedHashMap<String, String>();
        for (HttpField f : request.getHeaders()) {
            headers.merge(f.getName().toLowerCase(Locale.ROOT), f.getValue(), (a, b) -> a + "," + b);
        }
        return headers;
    }
}
