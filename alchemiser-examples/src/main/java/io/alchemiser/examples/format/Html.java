package io.alchemiser.examples.format;

/** Escaping for text placed in HTML or SVG (inside elements or quoted attributes); the documents are UTF-8. */
public final class Html {
    private Html() {
    }

    /**
     * {@code & < > " '} as entities; every {@linkplain Text#isControl control character} other than tab and the
     * line breaks (which neither HTML nor XML allows, and which a mail client might pass on) as U+FFFD; every other
     * character as is. {@code null} is the empty string. The result is also well-formed XML text.
     */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(Text.isControl(c) && !Text.isLayout(c) ? Text.REPLACEMENT : c);
            }
        }
        return sb.toString();
    }
}
