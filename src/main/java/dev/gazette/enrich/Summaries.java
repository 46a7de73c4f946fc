package dev.gazette.enrich;

import java.text.BreakIterator;
import java.util.Locale;
import java.util.regex.Pattern;

/** Summaries for lists and feeds: the first meaningful sentences of an article, cut cleanly. */
public final class Summaries {
    public static final int MAX_LENGTH = 300;
    /** Paragraphs shorter than this are headings, datelines or captions, not the lead. */
    private static final int MIN_PARAGRAPH = 60;
    private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\n\\s*\\n");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[\\s,;:–—-]+$");

    private Summaries() {
    }

    /**
     * Whole sentences from the first substantial paragraph, as many as fit in {@code max}
     * characters; a first sentence longer than that is cut at a word boundary and ends with "…".
     */
    public static String of(String text, int max) {
        if (text == null || text.isBlank()) {
            return "";
        }
        String lead = null;
        for (String paragraph : PARAGRAPH_BREAK.split(text)) {
            String p = SPACES.matcher(paragraph).replaceAll(" ").strip();
            if (p.length() >= MIN_PARAGRAPH) {
                lead = p;
                break;
            }
            if (lead == null && !p.isEmpty()) {
                lead = p;
            }
        }
        if (lead == null) {
            return "";
        }
        if (lead.length() <= max) {
            return lead;
        }
        BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.ROOT);
        sentences.setText(lead);
        int end = 0;
        for (int next = sentences.next(); next != BreakIterator.DONE && next <= max; next = sentences.next()) {
            end = next;
        }
        if (end > 0) {
            return lead.substring(0, end).strip();
        }
        int cut = lead.lastIndexOf(' ', max - 1);
        String head = TRAILING_PUNCTUATION.matcher(lead.substring(0, cut > max / 2 ? cut : max - 1)).replaceAll("");
        return head + "…";
    }
}
