package io.alchemiser.examples.backtest;

/** Escaping for text placed in HTML or SVG, inside elements or quoted attributes. */
final class Html {
    private Html() {
    }

    /**
     * {@code & < > " '} as entities; control characters other than tab and line breaks (which neither HTML nor XML
     * allows) as U+FFFD; every other character as is (the document is UTF-8).
     */
    static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&':
                    sb.append("&amp;");
                    break;
                case '<':
                    sb.append("&lt;");
                    break;
                case '>':
                    sb.append("&gt;");
                    break;
                case '"':
                    sb.append("&quot;");
                    break;
                case '\'':
                    sb.append("&#39;");
                    break;
                default:
                    sb.append(c < 0x20 && c != '\t' && c != '\n' && c != '\r' ? '\uFFFD' : c);
            }
        }
        return sb.toString();
    }
}
