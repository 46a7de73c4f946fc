package dev.gazette.clean;

import java.util.regex.Pattern;

/**
 * A picture's caption and its credit in a page's text, for both source forms: the labels are
 * {@code lang/*.json} caption_label of every known language ("Photo", "Foto", "Crédit"...). A
 * dump's headline rules and title features read them, and the saved page's tidier drops the
 * credit blocks they open.
 */
final class Captions {
    private static final String LABELS = Language.alternation(Language.captionLabels());
    /** A caption run into the sentence before it ("... last week.Credit: Jane Doe/Agency"), or a label with a colon or an ellipsis after it. */
    static final Pattern CAPTION = Pattern.compile(
            "\\p{Ll}{2}[.!?]\\p{Lu}\\p{Ll}|(?<![\\p{L}\\p{N}])(?iu:" + LABELS + ")\\s*(?::|\\.\\.\\.|…)");
    /** The first half of {@link #CAPTION} alone: a text without a colon or an ellipsis has no label's. */
    private static final Pattern RUN_IN = Pattern.compile("\\p{Ll}{2}[.!?]\\p{Lu}\\p{Ll}");
    /** A text that opens with a picture's label: "Foto: REUTERS, NTB", "(Photo: Jane Doe)", "Photos ©", "Image credit:". */
    private static final Pattern OPENING_LABEL = Pattern.compile("^\\(?(?:" + LABELS + ")s?(?: credit)?\\s*[:：©]",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private Captions() {
    }

    /**
     * Whether {@link #CAPTION} finds a caption in {@code text}: the many labels are looked for only in a text with a
     * colon or an ellipsis, which each needs after it.
     */
    static boolean holdsCaption(String text) {
        boolean labelled = text.indexOf(':') >= 0 || text.indexOf('…') >= 0 || text.contains("...");
        return labelled ? CAPTION.matcher(text).find() : mayRunIn(text) && RUN_IN.matcher(text).find();
    }

    /**
     * Whether a sentence's closing mark is followed at once by a capital somewhere in the text, as {@link #RUN_IN} needs:
     * most lines have none, and the pattern is tried at every place of a line.
     */
    private static boolean mayRunIn(String text) {
        for (int i = 2; i + 2 < text.length(); i++) {
            char c = text.charAt(i);
            if ((c == '.' || c == '!' || c == '?') && Character.isUpperCase(text.codePointAt(i + 1))) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code text} opens with a picture's label and a colon or ©: a credit, or a caption under its label. */
    static boolean opensWithLabel(String text) {
        return (text.indexOf(':') >= 0 || text.indexOf('：') >= 0 || text.indexOf('©') >= 0) && OPENING_LABEL.matcher(text).lookingAt();
    }
}
