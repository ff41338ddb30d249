package fixtures.hash;

import java.security.MessageDigest;
import org.apache.commons.codec.digest.DigestUtils;

public class Hashes {
    byte[] hash(String input, boolean legacy) throws Exception {
        MessageDigest md5 = MessageDigest.getInstance("MD5"); // ruleid: java-weak-hash
        MessageDigest sha1 = MessageDigest.getInstance("SHA1", "SUN"); // ruleid: java-weak-hash
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256"); // ok: java-weak-hash
        String hex = DigestUtils.md5Hex(input); // ruleid: java-weak-hash
        String good = DigestUtils.sha256Hex(input); // ok: java-weak-hash
        String algorithm = legacy ? "SHA-1" : "SHA-512";
        MessageDigest.getInstance(algorithm); // ok: java-weak-hash
        String fixed = "SHA-1";
        if (!legacy) fixed = "SHA-1";
        return MessageDigest.getInstance(fixed).digest(input.getBytes()); // ruleid: java-weak-hash
    }
}
