package dev.dealeval.presentation.chart;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** Numbers and text as the chart writes them: at most two decimals, XML-escaped, ASCII only. */
final class SvgText {
    private SvgText() {}

    /** {@code v} rounded half-up to at most two decimals, ASCII digits, no exponent, no "-0". */
    static String plain(double v) {
        BigDecimal d = BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP);
        if (d.signum() == 0) {
            return "0";
        }
        return d.stripTrailingZeros().toPlainString();
    }

    /** Like {@link #plain} with the integer part grouped by commas: -1234.5 → "-1,234.5". */
    static String human(double v) {
        String s = plain(v);
        boolean negative = s.startsWith("-");
        String digits = negative ? s.substring(1) : s;
        int dot = digits.indexOf('.');
        String whole = dot < 0 ? digits : digits.substring(0, dot);
        String fraction = dot < 0 ? "" : digits.substring(dot);
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0) {
                grouped.append(',');
            }
            grouped.append(whole.charAt(i));
        }
        return (negative ? "-" : "") + grouped + fraction;
    }

    /** Runs of whitespace and control characters become one space; ends trimmed. */
    static String clean(String s) {
        StringBuilder b = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c) || Character.isSpaceChar(c)) {
                space = b.length() > 0;
            } else {
                if (space) {
                    b.append(' ');
                    space = false;
                }
                b.append(c);
            }
        }
        return b.toString();
    }

    /**
     * XML text and attribute escaping: markup characters as entities, non-ASCII as numeric references,
     * characters XML 1.0 forbids (and lone surrogates) as U+FFFD.
     */
    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            switch (cp) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&apos;");
                default -> {
                    boolean allowed = cp == 0x9
                            || cp == 0xA
                            || cp == 0xD
                            || (cp >= 0x20 && cp <= 0xD7FF)
                            || (cp >= 0xE000 && cp <= 0xFFFD)
                            || cp >= 0x10000;
                    if (!allowed) {
                        b.append("&#xFFFD;");
                    } else if (cp < 0x80) {
                        b.append((char) cp);
                    } else {
                        b.append("&#x")
                                .append(Integer.toHexString(cp).toUpperCase(Locale.ROOT))
                                .append(';');
                    }
                }
            }
        }
        return b.toString();
    }

    /** A deliberately generous estimate of rendered text width: 0.6 em per character, 1 em for wide scripts. */
    static double textWidth(String s, double fontSize) {
        double em = 0;
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            em += cp >= 0x2E80 && cp <= 0xFFDC || cp >= 0x1F000 ? 1.0 : 0.6;
        }
        return em * fontSize;
    }

    /** {@code n} and the noun, plural unless n is 1: "1 point", "1,204 points". */
    static String count(int n, String noun) {
        return human(n) + " " + noun + (n == 1 ? "" : "s");
    }
}
