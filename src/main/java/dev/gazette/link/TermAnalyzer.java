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
    private final ThreadLocal<Map<String, WordTerms>> memos = ThreadLocal.withInitial(HashMap::new);

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
        int t = title.length();
        int n = 2 * t + 2 + body.length();
        char[] chars = buffers.atLeast(n);
        title.getChars(0, t, chars, 0);
        chars[t] = '\n';
        title.getChars(0, t, chars, t + 1);
        chars[2 * t + 1] = '\n';
        body.getChars(0, body.length(), chars, 2 * t + 2);
        Terms plain = countedPlain(chars, n, lang);
        return plain != null ? plain : countedByAnalyzer(title + "\n" + title + "\n" + body, lang);
    }

    /** Per thread: the text {@link #counted(String, String, String)} reads. */
    private final ThreadChars buffers = new ThreadChars(8192);

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
        WordTerms memo = memos.get().computeIfAbsent(lang == null ? "" : lang, k -> new WordTerms());
        memo.startText();
        int[] word = new int[2];
        int at = 0;
        while ((at = PlainWords.next(chars, n, at, word)) >= 0) {
            int length = word[1] - word[0];
            if (length > MAX_WORD) {
                return null;
            }
            int term = memo.find(chars, word[0], length);
            if (term == WordTerms.UNSEEN) {
                String analysed = analysed(new String(chars, word[0], length), lang);
                if (analysed == null) {
                    return null;
                }
                term = memo.add(chars, word[0], length, analysed == DROPPED ? null : analysed);
            }
            if (term != WordTerms.DROPPED) {
                memo.count(term);
            }
        }
        return at == PlainWords.UNKNOWN ? null : memo.counted();
    }

    /**
     * One thread's words of one language, each to the number of its term (terms numbered once,
     * however many words stem to them), and the terms of the text being counted: one look-up
     * per word, where a map of words to terms and a map of terms to counts took two.
     */
    static final class WordTerms {
        /** {@link #find} of a word not seen yet. */
        static final int UNSEEN = -2;
        /** The number of a word the analyzer drops. */
        static final int DROPPED = -1;

        private char[][] words = new char[2048][];
        private int[] hashes = new int[2048];
        private int[] termOf = new int[2048];
        private int size;
        private final List<String> terms = new ArrayList<>();
        private final Map<String, Integer> numbers = new HashMap<>();
        /** Per term: the number of the text it was last counted in. */
        private int[] lastText = new int[256];
        /** Per term: its count in that text. */
        private int[] counts = new int[256];
        /** The current text's terms in order of first occurrence. */
        private int[] order = new int[256];
        private int ordered;
        private int text;

        /** Starts counting a new text, forgetting every word first when there are too many. */
        void startText() {
            if (size >= MAX_MEMO) {
                words = new char[2048][];
                hashes = new int[2048];
                termOf = new int[2048];
                size = 0;
                terms.clear();
                numbers.clear();
                Arrays.fill(lastText, 0);
                text = 0;
            }
            text++;
            ordered = 0;
        }

        private static int hash(char[] chars, int from, int length) {
            int h = 0;
            for (int i = from, end = from + length; i < end; i++) {
                h = 31 * h + chars[i];
            }
            return h ^ h >>> 16;
        }

        /** The number of the word's term, {@link #DROPPED}, or {@link #UNSEEN}. */
        int find(char[] chars, int from, int length) {
            int h = hash(chars, from, length);
            int mask = words.length - 1;
            for (int slot = h & mask; words[slot] != null; slot = slot + 1 & mask) {
                if (hashes[slot] == h && same(words[slot], chars, from, length)) {
                    return termOf[slot];
                }
            }
            return UNSEEN;
        }

        private static boolean same(char[] word, char[] chars, int from, int length) {
            if (word.length != length) {
                return false;
            }
            for (int i = 0; i < length; i++) {
                if (word[i] != chars[from + i]) {
                    return false;
                }
            }
            return true;
        }

        /** Remembers a word not seen yet with its term (null when dropped): the term's number. */
        int add(char[] chars, int from, int length, String term) {
            int number = term == null ? DROPPED : numbers.computeIfAbsent(term, t -> {
                terms.add(t);
                return terms.size() - 1;
            });
            if (2 * (size + 1) > words.length) {
                grow();
            }
            int h = hash(chars, from, length);
            int mask = words.length - 1;
            int slot = h & mask;
            while (words[slot] != null) {
                slot = slot + 1 & mask;
            }
            words[slot] = Arrays.copyOfRange(chars, from, from + length);
            hashes[slot] = h;
            termOf[slot] = number;
            size++;
            return number;
        }

        private void grow() {
            char[][] oldWords = words;
            int[] oldHashes = hashes;
            int[] oldTerms = termOf;
            words = new char[2 * oldWords.length][];
            hashes = new int[words.length];
            termOf = new int[words.length];
            int mask = words.length - 1;
            for (int i = 0; i < oldWords.length; i++) {
                if (oldWords[i] != null) {
                    int slot = oldHashes[i] & mask;
                    while (words[slot] != null) {
                        slot = slot + 1 & mask;
                    }
                    words[slot] = oldWords[i];
                    hashes[slot] = oldHashes[i];
                    termOf[slot] = oldTerms[i];
                }
            }
        }

        /** Counts one occurrence of term {@code number} in the current text. */
        void count(int number) {
            if (number >= lastText.length) {
                int length = Math.max(2 * lastText.length, number + 1);
                lastText = Arrays.copyOf(lastText, length);
                counts = Arrays.copyOf(counts, length);
            }
            if (lastText[number] != text) {
                lastText[number] = text;
                counts[number] = 0;
                if (ordered == order.length) {
                    order = Arrays.copyOf(order, 2 * ordered);
                }
                order[ordered++] = number;
            }
            counts[number]++;
        }

        /** The current text's terms, in order of first occurrence, with their counts. */
        Terms counted() {
            StringBuilder out = new StringBuilder();
            int[] n = new int[ordered];
            for (int i = 0; i < ordered; i++) {
                out.append(terms.get(order[i])).append('\n');
                n[i] = counts[order[i]];
            }
            return new Terms(out.toString(), n);
        }
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
