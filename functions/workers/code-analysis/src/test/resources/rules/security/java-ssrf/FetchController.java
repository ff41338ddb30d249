package fixtures.ssrf;

import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestTemplate;

@RestController
public class FetchController {
    private final RestTemplate rest = new RestTemplate();
    private static final java.util.Map<String, String> HOSTS = java.util.Map.of("a", "https://a.example.com");

    @GetMapping("/fetch")
    public Object fetch(@RequestParam String url, @RequestParam String key) throws Exception {
        URL u = new URL(url);
        try (InputStream in = u.openStream()) { // ruleid: java-ssrf
            in.read();
        }
        rest.getForObject(url, String.class); // ruleid: java-ssrf
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest req = HttpRequest.newBuilder(URI.create(url)).build(); // ruleid: java-ssrf
        client.send(req, HttpResponse.BodyHandlers.ofString());
        rest.getForObject("https://api.example.com/items", String.class); // ok: java-ssrf
        new URL("https://api.example.com/" + Integer.parseInt(key)).openConnection(); // ok: java-ssrf
        return rest.getForObject(HOSTS.get("a"), String.class); // ok: java-ssrf
    }
}
