package dev.luna.workers.projectorganization.patch;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code --stat} and {@code --summary} block of {@code git format-patch} (72 columns), computed as git's
 * {@code diff.c} does: names and change counts aligned, the +/- graph scaled to the widest change, binary files as
 * {@code Bin <old> -> <new> bytes}.
 */
final class Diffstat {
    private static final int WIDTH = 72;

    /**
     * One file's line.
     *
     * @param name    the path as git prints it (quoted when it has special characters)
     * @param added   lines added, or the new size in bytes for a binary file
     * @param deleted lines deleted, or the old size in bytes for a binary file
     * @param summary the {@code --summary} line ({@code create mode 100644 name}), or null
     */
    record File(String name, long added, long deleted, boolean binary, String summary) {
    }

    private final List<File> files = new ArrayList<>();

    void add(File f) {
        files.add(f);
    }

    String render() {
        long maxChange = 0;
        int maxLen = 0;
        int binWidth = 0;
        int numberWidth = 0;
        for (var f : files) {
            maxLen = Math.max(maxLen, f.name().length());
            if (f.binary()) {
                binWidth = Math.max(binWidth, 14 + width(f.added()) + width(f.deleted()));
                numberWidth = 3;
                continue;
            }
            maxChange = Math.max(maxChange, f.added() + f.deleted());
        }
        numberWidth = Math.max(width(maxChange), numberWidth);
        int width = Math.max(WIDTH, 16 + 6 + numberWidth);
        long graphWidth = maxChange + 4 > binWidth ? maxChange : binWidth - 4;
        long nameWidth = maxLen;
        if (nameWidth + numberWidth + 6 + graphWidth > width) {
            if (graphWidth > width * 3L / 8 - numberWidth - 6) {
                graphWidth = width * 3L / 8 - numberWidth - 6;
                if (graphWidth < 6) graphWidth = 6;
            }
            if (nameWidth > width - numberWidth - 6 - graphWidth) nameWidth = width - numberWidth - 6 - graphWidth;
            else graphWidth = width - numberWidth - 6 - nameWidth;
        }
        var sb = new StringBuilder();
        long adds = 0;
        long dels = 0;
        for (var f : files) {
            String name = f.name();
            String prefix = "";
            int len = (int) nameWidth;
            if (nameWidth < name.length()) {
                prefix = "...";
                len = Math.max(0, len - 3);
                name = name.substring(name.length() - len);
                int slash = name.indexOf('/');
                if (slash >= 0) name = name.substring(slash);
            }
            int padding = Math.max(0, len - name.length());
            sb.append(' ').append(prefix).append(name).append(" ".repeat(padding)).append(" | ");
            if (f.binary()) {
                sb.append(pad("Bin", numberWidth));
                if (f.added() != 0 || f.deleted() != 0) sb.append(' ').append(f.deleted()).append(" -> ").append(f.added()).append(" bytes");
                sb.append('\n');
                continue;
            }
            adds += f.added();
            dels += f.deleted();
            long add = f.added();
            long del = f.deleted();
            if (graphWidth <= maxChange) {
                long total = scale(add + del, graphWidth, maxChange);
                if (total < 2 && add > 0 && del > 0) total = 2;
                if (add < del) {
                    add = scale(add, graphWidth, maxChange);
                    del = total - add;
                } else {
                    del = scale(del, graphWidth, maxChange);
                    add = total - del;
                }
            }
            sb.append(pad(String.valueOf(f.added() + f.deleted()), numberWidth)).append(f.added() + f.deleted() > 0 ? " " : "");
            sb.append("+".repeat((int) add)).append("-".repeat((int) del)).append('\n');
        }
        sb.append(' ').append(files.size()).append(files.size() == 1 ? " file changed" : " files changed");
        if (adds > 0 || dels == 0) sb.append(", ").append(adds).append(adds == 1 ? " insertion(+)" : " insertions(+)");
        if (dels > 0 || adds == 0) sb.append(", ").append(dels).append(dels == 1 ? " deletion(-)" : " deletions(-)");
        sb.append('\n');
        for (var f : files) if (f.summary() != null) sb.append(' ').append(f.summary()).append('\n');
        return sb.toString();
    }

    private static long scale(long it, long width, long maxChange) {
        return it == 0 ? 0 : 1 + it * (width - 1) / maxChange;
    }

    private static int width(long n) {
        return String.valueOf(n).length();
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
    }
}
