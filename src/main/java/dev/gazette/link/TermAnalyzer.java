package dev.gazette.link;

import dev.gazette.clean.Language;
import dev.gazette.text.ThreadChars;
import org.apache.lucene.analysis.CharArrayMap;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.en.EnglishAnalyzer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns article text into index terms with Lucene's language analyzers ({@link Language}, the
 * one home of language knowledge): tokenised, lower-cased, stop words removed and stemmed, so
 * "regulators", "regulation" and "regulate" meet. Languages without an analyzer fall back to
 * plain tokenisation.
 */
final class TermAnalyzer {
    /** English stop words, for the entity finder's tests of function words. */
    static final CharArraySet ENGLISH_STOP_WORDS = EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;

    /** Lucene's {@code StandardTokenizer} cuts longer words into pieces of this length. */
    private static final int MAX_WORD = 255;
    /** Words remembered per thread and language before the memo starts afresh. */
    private static final int MAX_MEMO = 50_000;
    /** A word the analyzer drops (a stop word, or a term of one character). */
    private static final String DROPPED = new String("");

    /**
     * Per thread and language: each word as the tokenizer cuts it, to its term. Every analyzer
     * here runs Lucene's {@code StandardTokenizer}, then filters that read one token at a time
     * (possessives, case, stop words, elisions, stemming), so a word's term is the same wherever
     * it stands and the filters run once per distinct word instead of once per occurrence.
     */
    private final ThreadLocal<Map<String, CharArrayMap<String>>> memos = ThreadLocal.withInitial(HashMap::new);

    List<String> terms(String text, String lang) {
        List<String> out = new ArrayList<>();
        for (String term : Language.terms(text, lang)) {
            if (term.length() > 1) {
                out.add(term);
            }
        }
        return out;
    }

    /**
     * {@code Terms.count(terms(text, lang))}: a text of the characters {@link PlainWords} knows
     * is cut into words here and each distinct word analysed once; any other text goes through
     * the analyzer whole.
     */
    Terms counted(String text, String lang) {
        Terms plain = countedPlain(text.toCharArray(), text.length(), lang);
        return plain != null ? plain : countedByAnalyzer(text, lang);
    }

    /**
     * {@link #counted(String, String)} of the title twice and the body, a line each: copied into a
     * buffer of this thread's, not joined into one more string of the body's size and copied out of it.
     */
    Terms counted(String title, String body, String lang) {
        return counted(laidOut(title, body), title, body, lang);
    }

    /**
     * {@link #counted(String, String, String)}, its text read from {@code chars} as
     * {@link #laidOut} laid it out there.
     */
    Terms counted(char[] chars, String title, String body, String lang) {
        Terms plain = countedPlain(chars, 2 * title.length() + 2 + body.length(), lang);
        return plain != null ? plain : countedByAnalyzer(title + "\n" + title + "\n" + body, lang);
    }

    /**
     * The title twice and the body, a line each, copied into a buffer of this thread's (the body
     * from {@code 2 * title.length() + 2}): valid until this thread lays out another text.
     */
    static char[] laidOut(String title, String body) {
        int t = title.length();
        char[] chars = BUFFERS.atLeast(2 * t + 2 + body.length());
        title.getChars(0, t, chars, 0);
        chars[t] = '\n';
        title.getChars(0, t, chars, t + 1);
        chars[2 * t + 1] = '\n';
        body.getChars(0, body.length(), chars, 2 * t + 2);
        return chars;
    }

    /** Per thread: the text {@link #laidOut} lays out. */
    private static final ThreadChars BUFFERS = new ThreadChars(8192);

    /** The terms counted as the analyzer hands them over, a string per distinct term. */
    Terms countedByAnalyzer(String text, String lang) {
        CharArrayMap<int[]> seen = new CharArrayMap<>(256, false);
        List<int[]> order = new ArrayList<>();
        StringBuilder words = new StringBuilder();
        Language.eachTerm(text, lang, term -> {
            int length = term.length();
            if (length <= 1) {
                return;
            }
            char[] buffer = term.buffer();
            int[] count = seen.get(buffer, 0, length);
            if (count == null) {
                count = new int[1];
                seen.put(Arrays.copyOf(buffer, length), count);
                order.add(count);
                words.append(buffer, 0, length).append('\n');
            }
            count[0]++;
        });
        int[] counts = new int[order.size()];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = order.get(i)[0];
        }
        return new Terms(words.toString(), counts);
    }

    /** The terms of the first {@code n} of {@code chars} cut by {@link PlainWords}; null when they hold a character that cannot cut. */
    private Terms countedPlain(char[] chars, int n, String lang) {
        CharArrayMap<String> memo = memos.get().computeIfAbsent(lang == null ? "" : lang, k -> new CharArrayMap<>(1024, false));
        Map<String, int[]> seen = new HashMap<>(256);
        List<String> order = new ArrayList<>();
        int[] word = new int[2];
        int at = 0;
        while ((at = PlainWords.next(chars, n, at, word)) >= 0) {
            int length = word[1] - word[0];
            if (length > MAX_WORD) {
                return null;
            }
            String term = memo.get(chars, word[0], length);
            if (term == null) {
                term = analysed(new String(chars, word[0], length), lang);
                if (term == null) {
                    return null;
                }
                if (memo.size() >= MAX_MEMO) {
                    memo.clear();
                }
                memo.put(Arrays.copyOfRange(chars, word[0], word[1]), term);
            }
            if (term == DROPPED) {
                continue;
            }
            int[] count = seen.get(term);
            if (count == null) {
                count = new int[1];
                seen.put(term, count);
                order.add(term);
            }
            count[0]++;
        }
        if (at == PlainWords.UNKNOWN) {
            return null;
        }
        StringBuilder words = new StringBuilder();
        int[] counts = new int[order.size()];
        for (int i = 0; i < counts.length; i++) {
            words.append(order.get(i)).append('\n');
            counts[i] = seen.get(order.get(i))[0];
        }
        return new Terms(words.toString(), counts);
    }

    /** One word's term, {@link #DROPPED}, or null when the analyzer does not keep it one token. */
    private static String analysed(String word, String lang) {
        List<String> terms = Language.terms(word, lang);
        if (terms.size() > 1) {
            return null;
        }
        return terms.isEmpty() || terms.get(0).length() <= 1 ? DROPPED : terms.get(0);
    }

    /**
     * Word boundaries of Unicode's UAX #29 (which {@code StandardTokenizer} implements) for texts
     * of ASCII letters, digits, spaces and punctuation, Latin letters with diacritics, and the
     * dashes, quotes, ellipsis and no-break space of prose: a word is letters and digits, joined across one {@code : . ' ‘ ’}
     * between two letters or one {@code , ; . ' ‘ ’} between two digits. Any other character
     * (other letters, marks, the underscore, symbols that may start an emoji sequence)
     * stops the cutting: {@code TermsTest} compares the words with the tokenizer's.
     */
    static final class PlainWords {
        /** Returned by {@link #next} for a text with a character it does not know. */
        static final int UNKNOWN = -2;
        private static final byte OTHER = 0;
        private static final byte LETTER = 1;
        private static final byte DIGIT = 2;
        /** Joins letters (MidLetter). */
        private static final byte MID_LETTER = 3;
        /** Joins digits (MidNum). */
        private static final byte MID_NUM = 4;
        /** Joins letters or digits (MidNumLet, Single_Quote). */
        private static final byte MID_BOTH = 5;
        private static final byte UNSURE = 6;
        private static final byte[] ASCII = new byte[128];

        static {
            for (int c = 0; c < 128; c++) {
                ASCII[c] = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' ? LETTER
                        : c >= '0' && c <= '9' ? DIGIT
                        : c == ':' ? MID_LETTER
                        : c == ',' || c == ';' ? MID_NUM
                        : c == '.' || c == '\'' ? MID_BOTH
                        // The underscore joins words (ExtendNumLet); '#' and '*' may begin a keycap emoji.
                        : c == '_' || c == '#' || c == '*' ? UNSURE
                        : c < 0x20 && c != '\n' && c != '\t' && c != '\r' && c != '\f' ? UNSURE
                        : OTHER;
            }
        }

        private PlainWords() {
        }

        private static byte kind(char c) {
            if (c < 128) {
                return ASCII[c];
            }
            // The letters of Latin-1 and Latin Extended-A and B (not the signs for times and divide).
            if (c >= '\u00c0' && c <= '\u024f' && c != '\u00d7' && c != '\u00f7') {
                return LETTER;
            }
            return switch (c) {
                case '\u2018', '\u2019' -> MID_BOTH;
                // no-break space, en and em dashes, double quotes, ellipsis
                case '\u00a0', '\u2013', '\u2014', '\u201c', '\u201d', '\u2026' -> OTHER;
                default -> UNSURE;
            };
        }

        /**
         * Finds the next word at or after {@code from}: its start and end in {@code word}, and the
         * index to go on from; -1 at the end, {@link #UNKNOWN} at a character it does not know.
         */
        static int next(char[] text, int n, int from, int[] word) {
            int i = from;
            while (i < n) {
                byte k = kind(text[i]);
                if (k == LETTER || k == DIGIT) {
                    break;
                }
                if (k == UNSURE) {
                    return UNKNOWN;
                }
                i++;
            }
            if (i == n) {
                return -1;
            }
            int start = i;
            byte last = kind(text[i++]);
            while (i < n) {
                byte k = kind(text[i]);
                if (k == LETTER || k == DIGIT) {
                    last = k;
                    i++;
                    continue;
                }
                if (k == UNSURE) {
                    return UNKNOWN;
                }
                if (k != OTHER && i + 1 < n) {
                    byte after = kind(text[i + 1]);
                    boolean joins = last == LETTER && after == LETTER && (k == MID_LETTER || k == MID_BOTH)
                            || last == DIGIT && after == DIGIT && (k == MID_NUM || k == MID_BOTH);
                    if (joins) {
                        i += 2;
                        continue;
                    }
                }
                break;
            }
            word[0] = start;
            word[1] = i;
            return i;
        }
    }
}
