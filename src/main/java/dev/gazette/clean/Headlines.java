package dev.gazette.clean;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Headlines as pages write them in titles: "Headline | Outlet", "Outlet - Headline". */
final class Headlines {
    private Headlines() {
    }

    /** Letters and marks of Chinese and Japanese, which are written without spaces and with full-width punctuation. */
    private static final String HAN_KANA = "[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}\\u3000-\\u303f\\uff00-\\uffef]";

    /**
     * How titles separate a headline from the site's name or section. Chinese and Japanese titles set the mark without
     * spaces ("見出し_科技_新聞", "「見出し」:ブログ名", "見出し｜サイト"); their own punctuation is full-width, so a
     * half-width bar, underscore or colon beside one of their characters separates, and a full-width bar always does.
     * (The mark is matched before the character behind it is looked at: a look-behind tried at every place in a line
     * cost more than the rest of the split.)
     */
    static final Pattern SEPARATOR = Pattern.compile("\\s+[|•·»/]\\s+|\\s+[-–—:]{1,2}\\s+|\\s*｜\\s*"
            + "|[|_:](?<=" + HAN_KANA + "[|_:])|[|_:](?=" + HAN_KANA + ")");

    /** Whether the title may hold a {@link #SEPARATOR}: one of its marks at least, which most lines of a page lack. */
    static boolean mayHoldSeparator(String title) {
        for (int k = 0; k < title.length(); k++) {
            switch (title.charAt(k)) { // a switch, not indexOf in a string of them: this runs for most lines of a page
                case '|', '•', '·', '»', '/', '-', '–', '—', ':', '_', '｜' -> {
                    return true;
                }
                default -> { }
            }
        }
        return false;
    }

    /** A text field as a text browser draws it after the line's text: a run of underscores. */
    private static final Pattern FIELD = Pattern.compile("\\s+_{3,}$");

    /** A picture without alt text as a text browser draws it before the line's text: its file's name in brackets. */
    private static final Pattern PICTURE = Pattern.compile("^\\[[^\\]\\s]+\\.(?i:jpe?g|png|gif|webp|svg)[^\\]\\s]*]\\s+(?=\\S)");

    /**
     * The headline without what a text browser draws beside it: a text field after it ("Headline ______", a search or
     * sign-up box beside it), a picture's file name before it ("[photo_1280x960.jpg] Headline").
     */
    static String withoutDrawn(String title) {
        String t = title.startsWith("[") ? PICTURE.matcher(title).replaceFirst("") : title;
        return t.endsWith("___") ? FIELD.matcher(t).replaceFirst("") : t;
    }

    /**
     * "Headline | Outlet" → "Headline": drops parts that name the site, or, when the site's name
     * is unknown, a short last part after a long enough headline.
     */
    static String withoutSiteName(String title, String siteName) {
        String[] parts = SEPARATOR.split(title);
        if (parts.length < 2) {
            return title;
        }
        if (siteName != null) {
            String site = Words.comparable(siteName);
            List<String> kept = new ArrayList<>();
            for (String part : parts) {
                String n = Words.comparable(part);
                if (!n.isEmpty() && !site.contains(n) && !n.contains(site)) {
                    kept.add(part.strip());
                }
            }
            if (kept.size() == parts.length || kept.isEmpty()) {
                return title;
            }
            // Keep the headline as written, separators and all, up to where the site's name starts.
            String first = kept.get(0);
            String last = kept.get(kept.size() - 1);
            int from = title.indexOf(first);
            int to = title.lastIndexOf(last) + last.length();
            return from >= 0 && to > from ? title.substring(from, to).strip() : title;
        }
        String last = parts[parts.length - 1];
        String rest = title.substring(0, title.lastIndexOf(last)).replaceAll("[\\s|•·»/:\\p{Pd}]+$", "");
        return DumpLine.words(last) <= 3 && DumpLine.words(rest) >= 4 ? rest : title;
    }
}
