package dev.gazette.model;

import java.text.Normalizer;
import java.util.Locale;

/** Turns titles and tag names into URL path segments: ASCII, lower case, hyphenated. */
public final class Slugs {
    private static final int MAX_LENGTH = 80;

    private Slugs() {
    }

    /**
     * Folds accents away (é → e, ß → ss), keeps letters and digits, joins the rest with single
     * hyphens and cuts long slugs at a hyphen. Returns an empty string when nothing is left,
     * for example for a title entirely in a non-Latin script.
     */
    public static String of(String text) {
        String folded = Normalizer.normalize(text.replace("ß", "ss").replace("&", " and "), Normalizer.Form.NFKD);
        StringBuilder out = new StringBuilder(folded.length());
        boolean pendingHyphen = false;
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            if (c == '\'' || c == '\u2019') {
                continue; // "OpenAI's" → "openais", not "openai-s"
            }
            if (c < 128 && Character.isLetterOrDigit(c)) {
                if (pendingHyphen && !out.isEmpty()) {
                    out.append('-');
                }
                out.append(Character.toLowerCase(c));
                pendingHyphen = false;
            } else {
                pendingHyphen = true;
            }
        }
        String slug = out.toString().toLowerCase(Locale.ROOT);
        if (slug.length() > MAX_LENGTH) {
            int cut = slug.lastIndexOf('-', MAX_LENGTH);
            slug = slug.substring(0, cut > 20 ? cut : MAX_LENGTH);
        }
        return slug;
    }
}
