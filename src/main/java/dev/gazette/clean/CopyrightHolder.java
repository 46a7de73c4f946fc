package dev.gazette.clean;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The outlet a text dump names in its copyright notice ("© 2025 Aldwick Chronicle. All rights
 * reserved."), when the page also shows that name elsewhere: as a line of its own (the masthead)
 * or inside two other lines. The second condition keeps out parent companies that appear only
 * in the notice (a publishing group that owns the paper, named nowhere else on the page).
 * On the 65 dumps of ../shared/cleaning-dev it names 14 outlets, 13 of them the page's own
 * og:site_name or its short form, and one blogger's own name.
 */
final class CopyrightHolder {
    private static final Pattern NOTICE = Pattern.compile(
            "^\\s*(?:©|\\(c\\)|ⓒ|copyright\\b)\\s*(?:©|ⓒ|copyright\\b)?\\s*"
                    + "(?:(?:19|20)\\d\\d(?:\\s*[-–]\\s*(?:19|20)\\d\\d)?\\s*[.,]?\\s*)?(.+)$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** Where the holder's name ends: a separator, the rights phrase, a sentence end, a year after a comma. */
    private static final Pattern END = Pattern.compile(
            "\\s*(?:[|•·]|(?<![\\p{L}\\p{N}])(?:" + Language.alternation(Language.rightsReservedPhrases()) + ")(?![\\p{L}\\p{N}])"
                    + "|\\s[-–—]\\s|\\.\\s|,\\s*(?:19|20)\\d\\d)", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** A company's legal form closing the name ("Ltd", "GmbH", "S.A." written "SA"), in any known language (lang/*.json legal_form). */
    private static final Pattern LEGAL_FORM = Pattern.compile(
            "[\\s,.]+(?:" + Language.alternation(Language.legalForms()) + ")\\.?$", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final int MAX_WORDS = 5;

    private CopyrightHolder() {
    }

    /** The outlet the last confirmed copyright notice names, or null. */
    static String in(List<DumpLine> lines) {
        // Which lines are notices, read once: each notice's name is looked for in all the other lines.
        boolean[] notices = new boolean[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            notices[i] = mayBeNotice(lines.get(i).text) && NOTICE.matcher(lines.get(i).text).matches();
        }
        for (int i = lines.size() - 1; i >= 0; i--) {
            String holder = notices[i] ? holder(lines.get(i).text) : null;
            if (holder != null && shownElsewhere(lines, notices, Words.comparable(holder))) {
                return holder;
            }
        }
        return null;
    }

    /**
     * Whether {@link #NOTICE} may match: after its white space it wants "©", "(c)", "ⓒ" or "copyright", and in any case
     * only "c", "C" and "Ⓒ" match the letters they open with. Most lines fail this before the pattern is tried.
     */
    private static boolean mayBeNotice(String line) {
        char c = DumpLine.firstAfterSpace(line);
        return c == '©' || c == '(' || c == 'ⓒ' || c == 'Ⓒ' || c == 'c' || c == 'C';
    }

    /** The name a notice gives, without years, legal form or what follows it; null for other lines. */
    static String holder(String line) {
        Matcher m = NOTICE.matcher(line);
        if (!m.matches()) {
            return null;
        }
        String name = END.split(m.group(1), 2)[0];
        name = LEGAL_FORM.matcher(name).replaceFirst("").replaceAll("^[\\s,.]+|[\\s,.]+$", "");
        int words = name.isBlank() ? 0 : name.split("\\s+").length;
        return words == 0 || words > MAX_WORDS || Words.comparable(name).isEmpty() ? null : name;
    }

    private static boolean shownElsewhere(List<DumpLine> lines, boolean[] notices, String name) {
        int inside = 0;
        String firstWord = HeaderCandidates.firstWord(name);
        for (int i = 0; i < lines.size(); i++) {
            if (notices[i] || !HeaderCandidates.mayHold(lines.get(i), firstWord)) {
                continue;
            }
            String other = lines.get(i).comparable();
            if (other.equals(name)) {
                return true;
            }
            if (HeaderCandidates.containsWords(other, name)) {
                inside++;
            }
        }
        return inside >= 2;
    }
}
