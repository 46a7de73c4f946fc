package dev.gazette.link;

import dev.gazette.model.Tag;
import dev.gazette.text.ThreadChars;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

/**
 * Finds vocabulary tags in an article: each tag's name and aliases are matched on word
 * boundaries (so "OpenAI’s" counts for OpenAI and "Chinaware" does not count for China),
 * acronyms only in capitals, other names with their capital letter; mentions are weighted by
 * where they stand, and the strongest few tags are kept.
 *
 * <p>Matching works on words, not regular expressions: the text is split once into runs of
 * letters and digits, and each word looks up the names that start with it, so the cost does
 * not grow with the size of the vocabulary.
 */
final class AutoTagger {
    /** Tags added automatically to one article at most. */
    static final int MAX_TAGS = 5;
    /** One mention in the headline, or in the lead plus one more, or three in passing. */
    static final int MIN_SCORE = 3;

    /** One spelling of a tag, as folded words, with its case rule. */
    private record Alias(Tag tag, String[] words, String[] written, boolean acronym) {
        /** Acronyms match only in capitals; other names keep their leading capital. */
        boolean caseMatches(Words text, int at) {
            for (int k = 0; k < words.length; k++) {
                if (acronym ? !text.reads(at + k, written[k])
                        : k == 0 && Character.isUpperCase(written[0].charAt(0)) && text.firstChar(at) != written[0].charAt(0)) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * The runs of letters and digits of a text, in order. A word is cut out of the text and
     * folded only when asked: most words of an article begin no name.
     */
    private static final class Words {
        private final String text;
        /** Start and end of each word. */
        private int[] bounds;
        /** Each word's {@link #foldedAsciiHash}, made as it is cut out. */
        private int[] hashes;
        private int size;
        private final String[] folded;

        Words(String text) {
            this(text, new int[] {0, text.length()}, new Scratch());
        }

        /**
         * The words of the parts of {@code text} between each pair of {@code ranges}, in order, held
         * in {@code scratch}'s arrays (grown there when they are too short): they are this one's
         * until the next words made with it.
         */
        Words(String text, int[] ranges, Scratch scratch) {
            this.text = text;
            bounds = scratch.bounds;
            hashes = scratch.hashes;
            for (int r = 0; r < ranges.length; r += 2) {
                int from = ranges[r];
                int length = ranges[r + 1] - from;
                // Read from an array: the client compiler keeps String.charAt's checks on every call.
                char[] chars = CHARS.atLeast(length);
                text.getChars(from, from + length, chars, 0);
                cut(chars, length, from);
            }
            if (size <= Scratch.KEPT_WORDS) {
                scratch.bounds = bounds;
                scratch.hashes = hashes;
            }
            if (scratch.folded.length < size) {
                folded = new String[Math.max(size, 2 * scratch.folded.length)];
                if (folded.length <= Scratch.KEPT_WORDS) {
                    scratch.folded = folded;
                }
            } else {
                folded = scratch.folded;
                Arrays.fill(folded, 0, size, null);
            }
        }

        /** Adds the words of the first {@code n} of {@code chars}, which stand at {@code offset} in the text. */
        private void cut(char[] chars, int n, int offset) {
            int i = 0;
            while (i < n) {
                while (i < n && !isLetterOrDigit(chars[i])) {
                    i++;
                }
                int start = i;
                int hash = 0;
                while (i < n && isLetterOrDigit(chars[i])) {
                    char c = chars[i++];
                    hash = hash == NOT_ASCII || c >= 0x80 ? NOT_ASCII : 31 * hash + (c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
                }
                if (i > start) {
                    if (2 * size + 2 > bounds.length) {
                        bounds = Arrays.copyOf(bounds, 2 * bounds.length);
                        hashes = Arrays.copyOf(hashes, bounds.length / 2);
                    }
                    bounds[2 * size] = offset + start;
                    bounds[2 * size + 1] = offset + i;
                    hashes[size] = hash;
                    size++;
                }
            }
        }

        private static boolean isLetterOrDigit(char c) {
            return c < 0x80 ? c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' : Character.isLetterOrDigit(c);
        }

        int size() {
            return size;
        }

        String surface(int i) {
            return text.substring(bounds[2 * i], bounds[2 * i + 1]);
        }

        /** Whether word {@code i} is {@code word}, as written: compared in place, not cut out. */
        boolean reads(int i, String word) {
            int start = bounds[2 * i];
            return bounds[2 * i + 1] - start == word.length() && text.startsWith(word, start);
        }

        char firstChar(int i) {
            return text.charAt(bounds[2 * i]);
        }

        /**
         * The one of {@code folded} (folded words) that word {@code i}, all ASCII and of {@code hash},
         * is when folded; null when none: compared in place, without cutting the word out.
         */
        String matching(int i, int hash, String[] folded) {
            int start = bounds[2 * i];
            int length = bounds[2 * i + 1] - start;
            for (String candidate : folded) {
                if (candidate.hashCode() == hash && candidate.length() == length && isFolded(start, candidate)) {
                    return candidate;
                }
            }
            return null;
        }

        /** Whether the ASCII text from {@code start} on, lower-cased, reads {@code word}. */
        private boolean isFolded(int start, String word) {
            for (int k = 0; k < word.length(); k++) {
                char c = text.charAt(start + k);
                if ((c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c) != word.charAt(k)) {
                    return false;
                }
            }
            return true;
        }

        String folded(int i) {
            String f = folded[i];
            if (f == null) {
                f = surface(i).toLowerCase(Locale.ROOT);
                folded[i] = f;
            }
            return f;
        }

        /**
         * The hash of the folded word when it is all ASCII (then folding is ASCII lower case, and
         * the hash is its {@link String#hashCode}); else {@link #NOT_ASCII}: a word to look up.
         */
        int foldedAsciiHash(int i) {
            // A word that happens to hash to NOT_ASCII is only looked up for nothing.
            return hashes[i];
        }

        static final int NOT_ASCII = Integer.MIN_VALUE;
    }

    /**
     * Arrays for the words of a text, kept by each thread from article to article instead of
     * made and grown for each part of each article: one {@link Words} uses them at a time
     * (an article's parts are tagged one after the other, and tagging calls nothing that tags).
     */
    private static final class Scratch {
        /** Arrays grown past this many words are not kept for the next text. */
        static final int KEPT_WORDS = 1 << 16;
        int[] bounds = new int[64];
        int[] hashes = new int[32];
        String[] folded = new String[32];
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);
    private static final ThreadChars CHARS = new ThreadChars(4096);

    /** The tagger last asked for: building one per article would cost more than tagging it. */
    private static final AtomicReference<AutoTagger> LAST = new AtomicReference<>();

    private final List<Tag> vocabulary;
    private final Map<String, List<Alias>> byFirstWord = new HashMap<>();
    /**
     * The first words of names, folded, by their hash at {@code hash & mask}: an ASCII word whose
     * place holds none begins no name, and is compared with those it holds without being cut out
     * of its text.
     */
    private final String[][] firstWords;
    private final int mask;
    private final boolean filterWords;

    AutoTagger(List<Tag> vocabulary) {
        this(vocabulary, true);
    }

    /** @param filterWords whether words are filtered by hash before they are looked up (tests compare both ways) */
    AutoTagger(List<Tag> vocabulary, boolean filterWords) {
        this.filterWords = filterWords;
        this.vocabulary = List.copyOf(vocabulary);
        for (Tag tag : vocabulary) {
            List<String> names = new ArrayList<>(tag.aliases());
            names.add(tag.name());
            for (String name : names.stream().map(String::strip).filter(n -> !n.isEmpty()).distinct().toList()) {
                Words words = new Words(name);
                if (words.size() == 0) {
                    continue;
                }
                boolean acronym = isAcronym(name);
                String[] folded = new String[words.size()];
                String[] written = new String[words.size()];
                for (int k = 0; k < words.size(); k++) {
                    folded[k] = words.folded(k);
                    written[k] = words.surface(k);
                }
                Alias alias = new Alias(tag, folded, written, acronym);
                byFirstWord.computeIfAbsent(alias.words[0], k -> new ArrayList<>()).add(alias);
            }
        }
        // Longest names first, so "Sam Altman" is taken before the "Sam" it starts with.
        byFirstWord.values().forEach(list -> list.sort(Comparator.comparingInt((Alias a) -> a.words.length).reversed()));
        firstWords = new String[Integer.highestOneBit(Math.max(1, byFirstWord.size()) * 16) * 2][];
        mask = firstWords.length - 1;
        // In sorted order, so that the table is the same whatever order the map keeps.
        for (String first : new TreeSet<>(byFirstWord.keySet())) {
            String[] place = firstWords[first.hashCode() & mask];
            place = place == null ? new String[1] : Arrays.copyOf(place, place.length + 1);
            place[place.length - 1] = first;
            firstWords[first.hashCode() & mask] = place;
        }
    }

    /** A tagger for {@code vocabulary}, shared while the vocabulary stays the same. */
    static AutoTagger of(List<Tag> vocabulary) {
        AutoTagger last = LAST.get();
        if (last != null && last.vocabulary.equals(vocabulary)) {
            return last;
        }
        AutoTagger made = new AutoTagger(vocabulary);
        LAST.set(made);
        return made;
    }

    /** A tag found in an article, with its weighted mention score. */
    record Scored(Tag tag, int score) {
    }

    /** Every vocabulary tag mentioned in the article, strongest first, ties by slug. */
    List<Scored> score(String title, String text) {
        Mentions.Parts parts = Mentions.Parts.of(title, text);
        Map<Tag, Integer> scores = new HashMap<>();
        Scratch scratch = SCRATCH.get();
        for (Mentions where : Mentions.values()) {
            for (Tag tag : mentions(new Words(parts.source(where), parts.ranges(where), scratch))) {
                scores.merge(tag, where.weight, Integer::sum);
            }
        }
        List<Scored> out = new ArrayList<>();
        scores.forEach((tag, score) -> out.add(new Scored(tag, score)));
        out.sort(Comparator.comparingInt(Scored::score).reversed().thenComparing(s -> s.tag().slug()));
        return out;
    }

    /** The slugs of the strongest tags, at most {@link #MAX_TAGS}. */
    List<String> tags(String title, String text) {
        return score(title, text).stream()
                .filter(s -> s.score() >= MIN_SCORE)
                .limit(MAX_TAGS)
                .map(s -> s.tag().slug())
                .toList();
    }

    /**
     * Every mention of a tag in {@code text}, in order: at each word the longest name that
     * starts there wins, and a tag's mentions never overlap.
     */
    private List<Tag> mentions(Words words) {
        List<Tag> found = new ArrayList<>();
        Map<Tag, Integer> busyUntil = new HashMap<>();
        for (int i = 0; i < words.size(); i++) {
            int hash = words.foldedAsciiHash(i);
            String first;
            if (filterWords && hash != Words.NOT_ASCII) {
                String[] place = firstWords[hash & mask];
                first = place == null ? null : words.matching(i, hash, place);
                if (first == null) {
                    continue;
                }
            } else {
                first = words.folded(i);
            }
            List<Alias> candidates = byFirstWord.get(first);
            if (candidates == null) {
                continue;
            }
            for (Alias alias : candidates) {
                if (i + alias.words.length <= words.size() && busyUntil.getOrDefault(alias.tag, 0) <= i
                        && sameWords(words, i, alias) && alias.caseMatches(words, i)) {
                    found.add(alias.tag);
                    busyUntil.put(alias.tag, i + alias.words.length);
                }
            }
        }
        return found;
    }

    private static boolean sameWords(Words text, int at, Alias alias) {
        for (int k = 1; k < alias.words.length; k++) {
            if (!text.folded(at + k).equals(alias.words[k])) {
                return false;
            }
        }
        return true;
    }

    /** Around a mention: neither a letter nor a digit on either side. */
    static final String BEFORE = "(?<![\\p{L}\\p{N}])";
    static final String AFTER = "(?![\\p{L}\\p{N}])";

    /**
     * The regular expression matching any of the tag's names in body text ({@link #aliasPattern}),
     * longest first; a mention also stands between {@link #BEFORE} and {@link #AFTER}.
     */
    static String names(Tag tag) {
        List<String> names = new ArrayList<>(tag.aliases());
        names.add(tag.name());
        names.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
        StringBuilder alternation = new StringBuilder();
        for (String name : names.stream().map(String::strip).filter(s -> !s.isEmpty()).distinct().toList()) {
            if (!alternation.isEmpty()) {
                alternation.append('|');
            }
            alternation.append(aliasPattern(name));
        }
        return alternation.toString();
    }

    /** The characters a mention may begin with: ASCII ones by table, any other one when {@code other}. */
    record Starts(boolean[] ascii, boolean other) {
        static final Starts ANY = new Starts(null, true);

        boolean may(char c) {
            return ascii == null || (c < 128 ? ascii[c] : other);
        }
    }

    /**
     * The characters a mention of any of the tags' names ({@link #names}) may begin with: the
     * first of each name, where {@link #aliasPattern} matches it exactly, or every character
     * whose case folds as the regular expression's does to its own, where it ignores case.
     */
    static Starts starts(List<Tag> tags) {
        boolean[] ascii = new boolean[128];
        boolean other = false;
        for (Tag tag : tags) {
            List<String> names = new ArrayList<>(tag.aliases());
            names.add(tag.name());
            for (String name : names) {
                String alias = name.strip();
                if (alias.isEmpty()) {
                    continue;
                }
                // Stripped: its first word begins with its first character.
                char first = alias.charAt(0);
                if (isAcronym(alias) || Character.isUpperCase(first)) {
                    if (first < 128) {
                        ascii[first] = true;
                    } else {
                        other = true;
                    }
                    continue;
                }
                int folded = Character.toLowerCase(Character.toUpperCase(alias.codePointAt(0)));
                for (char c = 0; c < 128; c++) {
                    ascii[c] |= Character.toLowerCase(Character.toUpperCase((int) c)) == folded;
                }
                other = true;   // characters outside ASCII may fold to it (the Kelvin sign to k)
            }
        }
        return new Starts(ascii, other);
    }

    private static boolean isAcronym(String alias) {
        return alias.length() <= 6 && alias.equals(alias.toUpperCase(Locale.ROOT)) && alias.chars().anyMatch(Character::isLetter);
    }

    /**
     * The regular expression for one name, with the same case rule as word matching: acronyms
     * ("AI", "EU") only in capitals, other names keep a leading capital ("Apple" is not
     * "apple"). Spaces in a name match any run of white space.
     */
    static String aliasPattern(String alias) {
        boolean acronym = isAcronym(alias);
        String[] words = alias.split("\\s+");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < words.length; i++) {
            if (i > 0) {
                sb.append("\\s+");
            }
            String w = words[i];
            if (acronym) {
                sb.append(Pattern.quote(w));
            } else if (i == 0 && Character.isUpperCase(w.charAt(0))) {
                sb.append(Pattern.quote(w.substring(0, 1)));
                if (w.length() > 1) {
                    sb.append("(?iu:").append(Pattern.quote(w.substring(1))).append(')');
                }
            } else {
                sb.append("(?iu:").append(Pattern.quote(w)).append(')');
            }
        }
        return sb.toString();
    }
}
