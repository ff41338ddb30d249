package fixtures.sqli;

public final class Helper {
    private Helper() {
    }

    static String quote(String s) {
        return "'" + s.trim() + "'";
    }

    static String constant(String s) {
        String guess = "ABC";
        switch (guess.charAt(1)) {
            case 'A':
                return s;
            case 'B':
                return "bobs_your_uncle";
            default:
                return s;
        }
    }
}
