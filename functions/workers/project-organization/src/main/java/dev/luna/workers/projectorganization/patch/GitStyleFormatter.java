package dev.luna.workers.projectorganization.patch;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.eclipse.jgit.diff.DiffDriver;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.EditList;
import org.eclipse.jgit.diff.RawText;

/**
 * JGit's {@link DiffFormatter} with git's default hunk-header function context: after {@code @@ … @@} git prints the
 * nearest line above the hunk that starts with a letter, {@code _} or {@code $} (xdiff's {@code def_ff}: at most 80
 * bytes, trailing white space trimmed), searching no further back than the previous hunk and keeping the previous
 * hunk's line when it finds none.
 */
final class GitStyleFormatter extends DiffFormatter {
    private static final int MAX_FUNC = 80;
    private RawText old;
    private int previous;
    private byte[] func;

    GitStyleFormatter(OutputStream out) {
        super(out);
    }

    @Override
    public void format(EditList edits, RawText a, RawText b, DiffDriver driver) throws IOException {
        this.old = a;
        this.previous = -1;
        this.func = null;
        super.format(edits, a, b, driver);
    }

    @Override
    protected void writeHunkHeader(int aStartLine, int aEndLine, int bStartLine, int bEndLine, String funcName) throws IOException {
        if (funcName != null || old == null) {
            super.writeHunkHeader(aStartLine, aEndLine, bStartLine, bEndLine, funcName);
            return;
        }
        for (int l = aStartLine - 1; l != previous && l >= 0 && l < old.size(); l--) {
            byte[] found = defaultFunc(old, l);
            if (found != null) {
                func = found;
                break;
            }
        }
        previous = aStartLine - 1;
        var out = getOutputStream();
        var sb = new StringBuilder("@@");
        range(sb, '-', aStartLine + 1, aEndLine - aStartLine);
        range(sb, '+', bStartLine + 1, bEndLine - bStartLine);
        sb.append(" @@");
        out.write(sb.toString().getBytes(StandardCharsets.US_ASCII));
        if (func != null && func.length > 0) {
            out.write(' ');
            out.write(func);
        }
        out.write('\n');
    }

    /** As git and JGit write a hunk range: an empty range names the line before it, a one-line range has no count. */
    private static void range(StringBuilder sb, char prefix, int begin, int count) {
        sb.append(' ').append(prefix);
        switch (count) {
            case 0 -> sb.append(begin - 1).append(",0");
            case 1 -> sb.append(begin);
            default -> sb.append(begin).append(',').append(count);
        }
    }

    static byte[] defaultFunc(RawText text, int line) {
        String s = text.getString(line);
        if (s.isEmpty()) return null;
        char c = s.charAt(0);
        if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == '$')) return null;
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        int len = Math.min(bytes.length, MAX_FUNC);
        while (len > 0 && isSpace(bytes[len - 1])) len--;
        return Arrays.copyOf(bytes, len);
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == 0x0b || b == '\f';
    }
}
