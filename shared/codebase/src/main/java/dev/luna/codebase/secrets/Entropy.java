package dev.luna.codebase.secrets;

import java.util.HashMap;

/** Shannon entropy in bits per character. */
final class Entropy {
    private Entropy() {
    }

    static double shannon(String s) {
        if (s.isEmpty()) return 0;
        int[] ascii = new int[128];
        HashMap<Character, Integer> other = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 128) {
                ascii[c]++;
            } else {
                if (other == null) other = new HashMap<>();
                other.merge(c, 1, Integer::sum);
            }
        }
        double n = s.length();
        double h = 0;
        for (int count : ascii) {
            if (count > 0) h -= count / n * (Math.log(count / n) / Math.log(2));
        }
        if (other != null) {
            for (int count : other.values()) h -= count / n * (Math.log(count / n) / Math.log(2));
        }
        return h;
    }

    static double rounded(double h) {
        return Math.round(h * 100) / 100.0;
    }
}
