package dev.gazette.clean;

import dev.gazette.clean.DumpLine.Kind;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The named features each line of a text dump is scored by ({@link LineModel}). All are read from
 * the line, its neighbours and the page, never from what a particular site writes; each is a
 * number, 0/1 for yes/no. The order of {@link #NAMES} is the order of the model's weights.
 */
final class LineFeatures {
    static final List<String> NAMES = List.of(
            "log_chars",         // ln(1 + characters): articles are made of long paragraphs
            "log_words",         // ln(1 + words; CJK/Thai: characters / 2)
            "ends_sentence",     // ends with . ! ? 。 etc. (or a closing quote)
            "stop_words",        // share of tokens that are stop words of the page's language
            "reader_address",    // share of "you/your/we/our/please": notices speak to the visitor
            "capitalised",       // share of words starting upper-case: menus and headlines are title-cased
            "list_item",         // carries a bullet or "N." marker
            "code",              // script or style text
            "ellipsis",          // ends with an ellipsis: a truncated teaser
            "repeated",          // the same text stands elsewhere on the page
            "short_repeated",    // ... and is three words or fewer: a label the page repeats ("Advertisement", "Share")
            "interface_words",   // share of words that label controls and furniture (lang/*.json "interface")
            "neighbour_prose",   // share of the 6 nearest lines that are anchors (long for the page, see anchor())
            "log_block_lines",   // ln(lines in its block): menus are long blocks of single lines
            "block_mean_words",  // ln(1 + mean words per line of its block)
            "digits",            // share of characters that are digits: dates, scores, prices
            "separators",        // | • · / » per word: breadcrumbs, menus, share bars
            "date_line",         // a short line that writes a date
            "byline_line",       // starts like a byline ("By ...")
            "heading",           // a short title-shaped line introducing prose (LineClassifier)
            "blank_before",      // a blank line stands before it
            "coherence",         // share of its content words that other long lines also use
            "inside_prose_span", // lies between the page's first and last anchor
            "log_gap_to_prose",  // ln(1 + lines to the nearest anchor; 1000 when there is none)
            "content_list",      // a list of sentence-like lines (LineClassifier ITEM)
            "listing",           // a multi-line code listing introduced by prose (LineClassifier)
            "cjk",               // share of characters in scripts written without spaces
            "prose_off_topic",   // for a line of 15+ words: 1 - coherence (notices amid the article)
            "prose_address",     // for a line of 15+ words: reader_address (disclaimers, sign-up pitches)
            "notice",            // for a line of 15+ words: reader_address x (1 - coherence), as a notice speaks to the reader about something else
            "label_colon",       // opens with a label of one to three words and a colon ("Read more: ...", "Photo: ...")
            "kind_prose",        // LineClassifier's reading by shape: running prose
            "kind_medium",       // ... neither prose nor short (labels, teaser headlines)
            "kind_short",        // ... a few words (menu entries, buttons)
            "kind_boilerplate",  // ... prose repeated on the page (notices, blurbs)
            "block_function_share", // share of function words among the tokens of its block: a list of items that read as
                                 // phrases of the language (a changelog, a list of steps) has the prose's share, a menu none
            "block_page_share",  // share of the page's words (not code) its block holds: the article is the page's bulk;
                                 // counted against at least PAGE_WORDS_PRIOR words, so a page of a few words (a menu alone)
                                 // is no bulk
            "stamped");          // a time stamp stands in the two lines above it or the line below, below the page's first
                                 // long paragraph, where two or more stand: comments and posts each carry one

    /** A time of day: "6:34 am", "17:27". */
    private static final Pattern TIME_OF_DAY = Pattern.compile("(?<!\\d)\\d{1,2}:\\d{2}(?!\\d)");
    /** The fewest stamps below the article's first long paragraph that make a thread, not a dateline of an update. */
    private static final int THREAD_STAMPS = 2;

    /**
     * A short line that stamps a post with its time: a date, a time of day, or a relative time
     * ("2 hours ago", "Hace una hora": a figure and a time unit, or two time units).
     */
    static boolean isStamp(DumpLine l, String lang) {
        if (l.isCode() || l.words > 8) {
            return false;
        }
        if (l.words <= 5) {
            Set<String> units = Language.timeUnits(lang);
            int unitWords = 0;
            boolean figure = false;
            for (String t : l.tokens) {
                unitWords += units.contains(t) ? 1 : 0;
                figure |= Character.isDigit(t.charAt(0));
            }
            if (unitWords >= 2 || unitWords == 1 && figure) {
                return true;
            }
        }
        return l.text.indexOf(':') >= 0 && TIME_OF_DAY.matcher(l.text).find() || l.date().isPresent();
    }

    /** A label and a colon opening a line: "Read more: ", "Photo: ", "Updated: ". */
    private static final Pattern LABEL = Pattern.compile("\\p{L}+(?: \\p{L}+){0,2}:\\s");

    /**
     * A paragraph long for its page, the anchor the context features measure from: at least half
     * as long as the page's longest sentence (never under 8 or over 30 words), ending like a
     * sentence or standing as a list item. Thai and some other spaceless scripts end sentences
     * with a space, not a mark, so length alone speaks for them.
     */
    private static boolean anchor(DumpLine l, int minWords) {
        return l.words >= minWords && !l.isCode() && (l.endsSentence || l.isListItem() || l.spacelessShare > 0.5);
    }

    private static int anchorWords(List<DumpLine> lines) {
        int longest = 0;
        for (DumpLine l : lines) {
            if (!l.isCode() && (l.endsSentence || l.isListItem() || l.spacelessShare > 0.5)) {
                longest = Math.max(longest, l.words);
            }
        }
        return Math.max(8, Math.min(30, longest / 2));
    }

    /**
     * Words added to a page's count when a block's share of it is taken (a prior, as in additive smoothing):
     * a share of a few words says little, and a short article is a hundred words or so.
     */
    private static final int PAGE_WORDS_PRIOR = 100;

    private LineFeatures() {
    }

    /** The feature vectors of all lines, once {@link LineClassifier} has run and headings are marked. */
    static double[][] of(List<DumpLine> lines, String lang) {
        int n = lines.size();
        double[][] out = new double[n][];
        Map<String, Integer> counts = new HashMap<>();
        // Per block (numbered from 0 in line order, at most one per line): lines and words, and tokens, function
        // words and words of its lines that are not code; in arrays, as every line asks.
        int blockCount = 0;
        for (DumpLine l : lines) {
            blockCount = Math.max(blockCount, l.block + 1);
        }
        int[][] blocks = new int[blockCount][2];
        double[][] blockWords = new double[blockCount][3];
        int pageWords = 0;
        Map<String, Integer> longLineWords = new HashMap<>();
        int first = -1;
        int last = -1;
        int[] nearest = new int[n];
        int minWords = anchorWords(lines);
        // Which lines are anchors, read once: the distances and neighbourhoods below ask of each line up to nine times.
        boolean[] anchors = new boolean[n];
        for (int i = 0; i < n; i++) {
            anchors[i] = anchor(lines.get(i), minWords);
        }
        List<Set<String>> content = new ArrayList<>(n);
        for (DumpLine l : lines) {
            counts.merge(l.key(), 1, Integer::sum);
            int[] b = blocks[l.block];
            b[0]++;
            b[1] += l.words;
            if (!l.isCode()) {
                double[] w = blockWords[l.block];
                w[0] += l.tokens.size();
                w[1] += l.functionWordShare(lang) * l.tokens.size();
                w[2] += l.words;
                pageWords += l.words;
            }
            l.contentWords = Words.contentWords(l.tokens, lang);
            content.add(l.contentWords);
            if (l.words >= 15 && !l.isCode()) {
                for (String w : content.get(content.size() - 1)) {
                    longLineWords.merge(w, 1, Integer::sum);
                }
            }
            if (anchor(l, minWords)) {
                first = first < 0 ? l.index : first;
                last = l.index;
            }
        }
        // A thread follows the article: only stamps below the page's first long paragraph stamp its posts
        // (the article's dateline and the dates of teaser cards stand above it).
        boolean[] stamp = new boolean[n];
        int stamps = 0;
        for (int i = first + 1; first >= 0 && i < n; i++) {
            stamp[i] = isStamp(lines.get(i), lang);
            stamps += stamp[i] ? 1 : 0;
        }
        // Distance to the nearest long paragraph, in two sweeps.
        int seen = -1_000_000;
        for (int i = 0; i < n; i++) {
            seen = anchors[i] ? i : seen;
            nearest[i] = i - seen;
        }
        seen = 1_000_000;
        for (int i = n - 1; i >= 0; i--) {
            seen = anchors[i] ? i : seen;
            nearest[i] = Math.min(nearest[i], seen - i);
        }
        int[] chars = new int[4];
        for (int i = 0; i < n; i++) {
            DumpLine l = lines.get(i);
            int[] b = blocks[l.block];
            double[] bw = blockWords[l.block];
            int prose = 0;
            for (int j = Math.max(0, i - 3); j <= Math.min(n - 1, i + 3); j++) {
                prose += j != i && anchors[j] ? 1 : 0;
            }
            Set<String> own = content.get(i);
            double address = Words.readerAddressDensity(l.tokens, lang);
            int shared = 0;
            for (String w : own) {
                // Other long lines: discount the line's own count when it is long itself.
                int others = longLineWords.getOrDefault(w, 0) - (l.words >= 15 && !l.isCode() ? 1 : 0);
                shared += others > 0 ? 1 : 0;
            }
            characters(l.text, chars);
            out[i] = new double[] {
                    Math.log1p(l.text.length()),
                    Math.log1p(l.words),
                    l.endsSentence ? 1 : 0,
                    l.functionWordShare(lang),
                    address,
                    chars[WORDS] == 0 ? 0 : (double) chars[UPPER] / chars[WORDS],
                    l.isListItem() ? 1 : 0,
                    l.isCode() ? 1 : 0,
                    l.text.endsWith("...") || l.text.endsWith("…") ? 1 : 0,
                    counts.get(l.key()) > 1 ? 1 : 0,
                    counts.get(l.key()) > 1 && l.words <= 3 ? 1 : 0,
                    Words.interfaceDensity(l.tokens, lang),
                    prose / 6.0,
                    Math.log(b[0]),
                    Math.log1p((double) b[1] / b[0]),
                    l.text.isEmpty() ? 0 : (double) chars[DIGITS] / l.text.length(),
                    chars[SEPARATORS] / Math.max(1.0, l.words),
                    l.words < 12 && l.date().isPresent() ? 1 : 0,
                    TextHeader.isBylineShaped(l) ? 1 : 0,
                    l.heading ? 1 : 0,
                    l.blankBefore ? 1 : 0,
                    own.isEmpty() ? 0 : (double) shared / own.size(),
                    first >= 0 && i >= first && i <= last ? 1 : 0,
                    Math.log1p(Math.min(nearest[i], 1000)),
                    l.kind == Kind.ITEM ? 1 : 0,
                    l.kind == Kind.LISTING ? 1 : 0,
                    l.spacelessShare,
                    l.words >= 15 && !own.isEmpty() ? 1 - (double) shared / own.size() : 0,
                    l.words >= 15 ? address : 0,
                    l.words >= 15 && !own.isEmpty() ? address * (1 - (double) shared / own.size()) : 0,
                    hasLabel(l.text) ? 1 : 0,
                    l.kind == Kind.PROSE ? 1 : 0,
                    l.kind == Kind.MEDIUM ? 1 : 0,
                    l.kind == Kind.SHORT ? 1 : 0,
                    l.kind == Kind.BOILERPLATE ? 1 : 0,
                    bw[0] == 0 ? 0 : bw[1] / bw[0],
                    bw[2] / (pageWords + PAGE_WORDS_PRIOR),
                    stamps >= THREAD_STAMPS && (i >= 1 && stamp[i - 1] || i >= 2 && stamp[i - 2] || i + 1 < n && stamp[i + 1]) ? 1 : 0
            };
        }
        return out;
    }

    /** {@link #LABEL} opening the text; a line with no colon, most of them, is passed over without trying it. */
    private static boolean hasLabel(String text) {
        return text.indexOf(':') > 0 && LABEL.matcher(text).lookingAt();
    }

    private static final int WORDS = 0;
    private static final int UPPER = 1;
    private static final int DIGITS = 2;
    private static final int SEPARATORS = 3;

    /**
     * The character counts of three features, read in one pass over the text (this runs for every character of a
     * page): into {@code out}, how many words there are and how many start with a capital ({@code capitalised}), how
     * many characters are digits ({@code digits}), and how many are | • · / » › ({@code separators}).
     */
    private static void characters(String text, int[] out) {
        int words = 0;
        int upper = 0;
        int digits = 0;
        int separators = 0;
        boolean start = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) { // the same tests without the Unicode tables, for most characters of most pages
                if (DumpLine.isAsciiLetter(c)) {
                    words += start ? 1 : 0;
                    upper += start && c <= 'Z' ? 1 : 0;
                    start = false;
                } else {
                    start = c == ' ' || c >= '\t' && c <= '\r' || c >= '\u001C' && c <= '\u001F' || start;
                    digits += c >= '0' && c <= '9' ? 1 : 0;
                    separators += c == '|' || c == '/' ? 1 : 0;
                }
            } else {
                if (Character.isLetter(c)) {
                    if (start) {
                        words++;
                        upper += Character.isUpperCase(c) ? 1 : 0;
                    }
                    start = false;
                } else {
                    start = Character.isWhitespace(c) || start;
                }
                digits += Character.isDigit(c) ? 1 : 0;
                switch (c) {
                    case '•', '·', '»', '›' -> separators++;
                    default -> { }
                }
            }
        }
        out[WORDS] = words;
        out[UPPER] = upper;
        out[DIGITS] = digits;
        out[SEPARATORS] = separators;
    }
}
