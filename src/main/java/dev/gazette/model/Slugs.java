package dev.gazette.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Turns titles, story keys and tag names into URL path segments: lower case, hyphenated, the
 * same for the same text on every machine. Latin letters are folded to ASCII; letters and
 * digits of every other script are kept as they are (URLs carry them percent-encoded).
 */
public final class Slugs {
    private static final int MAX_LENGTH = 80;

    private Slugs() {
    }

    /**
     * Folds Latin accents away (é → e, ß → ss), keeps letters and digits of any script with
     * their combining marks (Devanagari vowel signs are part of the word), joins the rest with
     * single hyphens and cuts long slugs at a hyphen. Returns an empty string when nothing is
     * left, for example for a title made only of emoji or punctuation.
     */
    public static String of(String text) {
        String folded = Normalizer.normalize(text.replace("ß", "ss").replace("&", " and "), Normalizer.Form.NFKD);
        StringBuilder out = new StringBuilder(folded.length());
        boolean pendingHyphen = false;
        boolean afterLatin = false;
        for (int i = 0; i < folded.length(); ) {
            int c = folded.codePointAt(i);
            i += Character.charCount(c);
            int type = Character.getType(c);
            boolean mark = type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                    || type == Character.ENCLOSING_MARK;
            if (mark) {
                if (!afterLatin && !out.isEmpty() && !pendingHyphen) {
                    out.appendCodePoint(c); // part of a letter in its own script
                }
                continue; // an accent on a Latin letter, or a mark with no letter to carry it
            }
            if (c == '\'' || c == '\u2019') {
                continue; // "OpenAI's" → "openais", not "openai-s"
            }
            if (Character.isLetterOrDigit(c)) {
                if (pendingHyphen && !out.isEmpty()) {
                    out.append('-');
                }
                out.appendCodePoint(c);
                afterLatin = c < 0x250 || Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN;
                pendingHyphen = false;
            } else {
                pendingHyphen = true;
            }
        }
        String slug = Normalizer.normalize(out.toString().toLowerCase(Locale.ROOT), Normalizer.Form.NFC);
        return cut(slug);
    }

    /**
     * A slug that is never empty: {@link #of} of the text, or else {@code kind} followed by a
     * short hash of the text, so "!!" and "??" still get distinct, stable page names.
     */
    public static String orHash(String text, String kind) {
        String slug = of(text);
        return slug.isEmpty() ? kind + "-" + hash(text) : slug;
    }

    /** The first 10 hex digits of the SHA-256 of the text. */
    public static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** At most {@link #MAX_LENGTH} code points, cut at a hyphen when one is near the end. */
    private static String cut(String slug) {
        if (slug.codePointCount(0, slug.length()) <= MAX_LENGTH) {
            return slug;
        }
        int end = slug.offsetByCodePoints(0, MAX_LENGTH);
        int hyphen = slug.lastIndexOf('-', end);
        return slug.substring(0, hyphen > end / 4 ? hyphen : end);
    }
}
