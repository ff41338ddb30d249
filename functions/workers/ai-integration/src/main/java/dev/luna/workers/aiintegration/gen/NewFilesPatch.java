package dev.luna.workers.aiintegration.gen;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A unified diff in git's format ({@code a/} and {@code b/} prefixes, {@code new file mode}, the blob ids git would
 * compute) that adds files; it applies with {@code git apply} to any revision where those paths are free.
 */
public final class NewFilesPatch {
    private NewFilesPatch() {
    }

    public static String of(SortedMap<String, String> files) {
        var sb = new StringBuilder();
        for (var e : files.entrySet()) {
            String path = e.getKey();
            String text = e.getValue();
            List<String> lines = text.lines().toList();
            sb.append("diff --git a/").append(path).append(" b/").append(path).append('\n');
            sb.append("new file mode 100644\n");
            sb.append("index 0000000..").append(blobId(text).substring(0, 7)).append('\n');
            sb.append("--- /dev/null\n");
            sb.append("+++ b/").append(path).append('\n');
            sb.append("@@ -0,0 +1").append(lines.size() == 1 ? "" : "," + lines.size()).append(" @@\n");
            for (String line : lines) sb.append('+').append(line).append('\n');
            if (!text.endsWith("\n")) sb.append("\\ No newline at end of file\n");
        }
        return sb.toString();
    }

    /** Reads a patch this class wrote back into path → content (the validate step compares it with what was rendered). */
    public static SortedMap<String, String> parse(String patch) {
        var out = new TreeMap<String, String>();
        String path = null;
        var content = new StringBuilder();
        for (String line : patch.split("\n", -1)) {
            if (line.startsWith("diff --git ")) {
                if (path != null) out.put(path, content.toString());
                path = null;
                content.setLength(0);
            } else if (line.startsWith("+++ b/")) path = line.substring(6);
            else if (line.startsWith("+") && path != null) content.append(line, 1, line.length()).append('\n');
            else if (line.startsWith("\\ No newline") && content.length() > 0) content.setLength(content.length() - 1);
        }
        if (path != null) out.put(path, content.toString());
        return out;
    }

    static String blobId(String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        try {
            var sha = MessageDigest.getInstance("SHA-1");
            sha.update(("blob " + body.length + "\0").getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(sha.digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
