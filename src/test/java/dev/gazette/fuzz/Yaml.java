package dev.gazette.fuzz;

import java.util.Locale;

/** Writes strings as YAML scalars in the styles curators use: plain, quoted, single-quoted. */
final class Yaml {
    private Yaml() {
    }

    /** {@code text} as a valid scalar in a style drawn at random (plain only where it is safe). */
    static String scalar(Draw draw, String text) {
        return switch (draw.between(0, 2)) {
            case 0 -> plainIsSafe(text) ? text : doubleQuoted(text);
            case 1 -> singleQuoted(text);
            default -> doubleQuoted(text);
        };
    }

    static String doubleQuoted(String text) {
        StringBuilder out = new StringBuilder("\"");
        text.codePoints().forEach(c -> {
            if (c == '"' || c == '\\') {
                out.append('\\').appendCodePoint(c);
            } else if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0xFEFF || c == 0x2028 || c == 0x2029) {
                out.append(String.format(Locale.ROOT, "\\u%04X", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.append('"').toString();
    }

    private static String singleQuoted(String text) {
        boolean printable = text.codePoints().noneMatch(c -> c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0xFEFF
                || c == 0x2028 || c == 0x2029);
        return printable ? "'" + text.replace("'", "''") + "'" : doubleQuoted(text);
    }

    /** A line inside a block scalar: the text with no line breaks. */
    static String blockLine(String text) {
        return text.replace('\n', ' ').replace("\u2028", " ").replace("\u2029", " ").replace("\uFEFF", "");
    }

    private static boolean plainIsSafe(String text) {
        return text.matches("[\\p{L}\\p{M}][\\p{L}\\p{M}\\p{N} ’.,()-]*") && !text.endsWith(" ");
    }
}
