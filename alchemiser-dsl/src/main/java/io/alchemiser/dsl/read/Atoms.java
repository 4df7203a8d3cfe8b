package io.alchemiser.dsl.read;

/**
 * The lexical rules for atoms, shared by the reader (which classifies tokens) and the form records (which refuse
 * names the reader could not read back).
 */
final class Atoms {
    private Atoms() {
    }

    private static final boolean[] ASCII_DELIMITERS = new boolean[128];

    static {
        for (char c = 0; c < 128; c++) {
            ASCII_DELIMITERS[c] = Character.isWhitespace(c) || "(),[]{}\";".indexOf(c) >= 0;
        }
    }

    /** Whitespace (as {@link Character#isWhitespace(int)} says) or one of {@code , ( ) [ ] { } " ;}: ends a token. */
    static boolean isDelimiter(int c) {
        return c < 128 ? ASCII_DELIMITERS[c] : Character.isWhitespace(c);
    }

    /** Reader-macro characters of Clojure that Composer never writes; none may start a token. */
    static boolean isMacroStart(int c) {
        return c == '#' || c == '\'' || c == '`' || c == '~' || c == '@' || c == '^' || c == '\\';
    }

    /** A token that is meant as a number: a digit, or a sign followed by a digit. */
    static boolean looksNumeric(String token) {
        char first = token.charAt(0);
        if (first >= '0' && first <= '9') {
            return true;
        }
        return (first == '+' || first == '-') && token.length() > 1
                && token.charAt(1) >= '0' && token.charAt(1) <= '9';
    }

    /** True if the name, prefixed with a colon, reads back as this keyword. */
    static boolean isKeywordName(String name) {
        return name != null && !name.isEmpty() && name.charAt(0) != ':' && hasNoDelimiter(name);
    }

    /** True if the name reads back as this symbol (not a number, keyword, {@code nil} or boolean). */
    static boolean isSymbolName(String name) {
        if (name == null || name.isEmpty() || !hasNoDelimiter(name)) {
            return false;
        }
        int first = name.codePointAt(0);
        return first != ':' && !isMacroStart(first) && !looksNumeric(name)
                && !name.equals("nil") && !name.equals("true") && !name.equals("false");
    }

    private static boolean hasNoDelimiter(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 128 ? ASCII_DELIMITERS[c] : !Character.isSurrogate(c) && Character.isWhitespace(c)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Parses a numeric token: an integer ({@code -12}, no leading zeros) as a {@link Long}, a decimal
     * ({@code 0.5}, {@code 1.}, {@code 2.5E-3}) as a {@link Double}; {@code null} if the token is neither or out
     * of range.
     */
    static Number parseNumber(String token) {
        int i = 0;
        int n = token.length();
        if (token.charAt(0) == '+' || token.charAt(0) == '-') {
            i++;
        }
        int intStart = i;
        while (i < n && isDigit(token.charAt(i))) {
            i++;
        }
        int intDigits = i - intStart;
        if (intDigits == 0) {
            return null;
        }
        if (i == n) {
            if (intDigits > 1 && token.charAt(intStart) == '0') {
                return null;
            }
            try {
                return Long.parseLong(token);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        boolean decimal = false;
        if (token.charAt(i) == '.') {
            decimal = true;
            i++;
            while (i < n && isDigit(token.charAt(i))) {
                i++;
            }
        }
        if (i < n && (token.charAt(i) == 'e' || token.charAt(i) == 'E')) {
            decimal = true;
            i++;
            if (i < n && (token.charAt(i) == '+' || token.charAt(i) == '-')) {
                i++;
            }
            int expStart = i;
            while (i < n && isDigit(token.charAt(i))) {
                i++;
            }
            if (i == expStart) {
                return null;
            }
        }
        if (!decimal || i != n) {
            return null;
        }
        double value = Double.parseDouble(token);
        return Double.isFinite(value) ? value : null;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
