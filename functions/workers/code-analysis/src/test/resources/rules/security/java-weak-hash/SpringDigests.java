package fixtures.hash;

import java.nio.charset.StandardCharsets;
import org.springframework.util.DigestUtils;

public class SpringDigests {
    String etag(byte[] body) {
        return DigestUtils.md5DigestAsHex(body); // ruleid: java-weak-hash
    }

    byte[] checksum(String text) {
        return DigestUtils.md5Digest(text.getBytes(StandardCharsets.UTF_8)); // ruleid: java-weak-hash
    }

    String plain(String text) {
        return text.strip(); // ok: java-weak-hash
    }
}
