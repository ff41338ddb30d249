package fixtures.cipher;

import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;

public class Crypto {
    private static final String ALGORITHM = "DES/CBC/PKCS5Padding";
    private static final String GOOD = "AES/GCM/NoPadding";

    void encrypt(java.util.Properties props) throws Exception {
        Cipher.getInstance(ALGORITHM); // ruleid: java-weak-cipher
        Cipher.getInstance("AES"); // ruleid: java-weak-cipher
        Cipher.getInstance("AES/ECB/PKCS5Padding"); // ruleid: java-weak-cipher
        Cipher.getInstance("DESede/CBC/PKCS5Padding", "SunJCE"); // ruleid: java-weak-cipher
        Cipher.getInstance(GOOD); // ok: java-weak-cipher
        Cipher.getInstance("RSA/ECB/OAEPWithSHA-256AndMGF1Padding"); // ok: java-weak-cipher
        KeyGenerator.getInstance("DES"); // ruleid: java-weak-cipher
        String alg = props.getProperty("cryptoAlg1", "AES/GCM/NoPadding");
        javax.crypto.Cipher.getInstance(alg); // ruleid: java-weak-cipher
        String alg2 = props.getProperty("cryptoAlg2", "DES/ECB/PKCS5Padding");
        javax.crypto.Cipher.getInstance(alg2); // ok: java-weak-cipher
        String unknown = props.getProperty("notThere");
        Cipher.getInstance(unknown); // ok: java-weak-cipher
    }
}
