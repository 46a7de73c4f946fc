package dev.gazette.clean;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.StopwordAnalyzerBase;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.bg.BulgarianAnalyzer;
import org.apache.lucene.analysis.ca.CatalanAnalyzer;
import org.apache.lucene.analysis.cz.CzechAnalyzer;
import org.apache.lucene.analysis.da.DanishAnalyzer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.el.GreekAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.et.EstonianAnalyzer;
import org.apache.lucene.analysis.fa.PersianAnalyzer;
import org.apache.lucene.analysis.fi.FinnishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.hi.HindiAnalyzer;
import org.apache.lucene.analysis.hu.HungarianAnalyzer;
import org.apache.lucene.analysis.id.IndonesianAnalyzer;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.lt.LithuanianAnalyzer;
import org.apache.lucene.analysis.lv.LatvianAnalyzer;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.no.NorwegianAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.apache.lucene.analysis.ro.RomanianAnalyzer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.sr.SerbianAnalyzer;
import org.apache.lucene.analysis.sv.SwedishAnalyzer;
import org.apache.lucene.analysis.tr.TurkishAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.IntPredicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The one home of language knowledge: Lucene's analyzers give index terms (stop words removed)
 * and stems per language, and {@code lang/<code>.json} beside this class gives every word list the
 * cleaner reads pages by (function words, the words a byline opens with, the words a notice
 * addresses the reader by, a date's labels, months and weekdays, name particles, control verbs,
 * caption and ad labels...; {@code en.json}'s {@code _comment} says what each key holds). The cleaner
 * reads most lists for every language at once, as pages mix them. Languages without an analyzer
 * here fall back to plain tokenisation.
 */
public final class Language {
    /** How each language's analyzer is made: only when a text in it is analysed (their stop sets and stemmer tables take a tenth of a small build's start-up). */
    private static final Map<String, Supplier<Analyzer>> ANALYZERS = new TreeMap<>(Map.ofEntries(
            Map.entry("en", EnglishAnalyzer::new),
            Map.entry("de", GermanAnalyzer::new),
            Map.entry("fr", FrenchAnalyzer::new),
            Map.entry("es", SpanishAnalyzer::new),
            Map.entry("it", ItalianAnalyzer::new),
            Map.entry("nl", DutchAnalyzer::new),
            Map.entry("pt", PortugueseAnalyzer::new),
            Map.entry("sv", SwedishAnalyzer::new),
            Map.entry("da", DanishAnalyzer::new),
            Map.entry("no", NorwegianAnalyzer::new),
            Map.entry("fi", FinnishAnalyzer::new),
            Map.entry("cs", CzechAnalyzer::new),
            Map.entry("hu", HungarianAnalyzer::new),
            Map.entry("ro", RomanianAnalyzer::new),
            Map.entry("tr", TurkishAnalyzer::new),
            Map.entry("id", IndonesianAnalyzer::new),
            Map.entry("lv", LatvianAnalyzer::new),
            Map.entry("lt", LithuanianAnalyzer::new),
            Map.entry("ru", RussianAnalyzer::new),
            Map.entry("el", GreekAnalyzer::new),
            Map.entry("ar", ArabicAnalyzer::new),
            Map.entry("fa", PersianAnalyzer::new),
            Map.entry("hi", HindiAnalyzer::new),
            Map.entry("bg", BulgarianAnalyzer::new),
            Map.entry("sr", SerbianAnalyzer::new),
            Map.entry("et", EstonianAnalyzer::new),
            Map.entry("ca", CatalanAnalyzer::new)));
    /** Languages told by their function words whose stemmer Lucene's common analyzers lack: their words are indexed as written. */
    private static final List<String> UNSTEMMED = List.of("pl", "sk", "uk", "he", "hr", "sl", "vi");
    /** The analyzers made so far, one per language, shared (an analyzer keeps its streams per thread). */
    private static final Map<String, Analyzer> MADE = new ConcurrentHashMap<>();
    private static final Analyzer FALLBACK = new StandardAnalyzer(CharArraySet.EMPTY_SET);
    /**
     * Languages with word lists here but no analyzer: Chinese, Japanese, Korean and Thai pages are read
     * by characters, not words, yet credit their authors with words of their own (著者, 作者, 기자) and
     * date by months of their own (มีนาคม).
     */
    private static final List<String> DATA_ONLY = List.of("ja", "ko", "th", "zh");
    private static final Map<String, JsonNode> DATA = load();
    /** The codes of {@link #DATA}, hashed: {@link #key} asks for every word looked up. */
    private static final Set<String> KNOWN = lookupSet(DATA.keySet());
    private static final Map<String, Set<String>> FUNCTION_WORDS = wordLists("function_words");
    private static final Map<String, Set<String>> READER_ADDRESS = wordLists("reader_address");
    /**
     * Each language's function words but those it says are also names elsewhere ({@code names_too}: Indonesian "yang",
     * Finnish "ole"), so a name holding one is not turned down for it.
     */
    private static final Map<String, Set<String>> NAMES_TOO = wordLists("names_too");
    private static final Set<String> ANY_FUNCTION_WORD = notNamesToo(FUNCTION_WORDS);
    private static final List<String> TOLD = List.copyOf(new TreeSet<>(Stream.concat(ANALYZERS.keySet().stream(),
            UNSTEMMED.stream()).toList()));
    private static final Map<String, int[]> FUNCTION_WORD_LANGUAGES = byWord(FUNCTION_WORDS);
    /** The scripts each language of {@link #TOLD} writes its function words in (Serbian two), in its order. */
    private static final List<Set<Character.UnicodeScript>> WRITTEN_IN = TOLD.stream().<Set<Character.UnicodeScript>>map(code -> FUNCTION_WORDS.get(code).stream()
            .map(word -> Character.UnicodeScript.of(word.codePointAt(0))).collect(Collectors.toCollection(() -> EnumSet.noneOf(Character.UnicodeScript.class))))
            .toList();
    /**
     * Stems already found, by language, then by word (a map per language, so a look-up hashes the
     * word, whose hash a string keeps, instead of building a key); each emptied when it grows past
     * {@link #MAX_STEMS}.
     */
    private static final Map<String, Map<String, String>> STEMS = new ConcurrentHashMap<>();
    private static final int MAX_STEMS = 100_000;
    private static final Map<String, Set<String>> INTERFACE = withEnglish(wordLists("interface"));
    private static final Map<String, Set<String>> TIME_UNITS = withEnglish(wordLists("time_units"));

    private Language() {
    }

    /**
     * The language a text's letters tell by their script, where a script other than Latin holds half its words (so a page
     * in Japanese that quotes English is told here, not by English's function words): kana among Chinese characters is
     * Japanese, Hangul Korean, Chinese characters alone Chinese; a script written for one language mostly (Greek, Hebrew,
     * Thai, Burmese, Georgian, Tamil...) is that language; Cyrillic, Arabic and Devanagari letters are their most written
     * language unless letters only another uses say otherwise (Ukrainian є, ї, ґ; Serbian ђ, ћ, џ; Persian پ, چ, ژ, گ;
     * Urdu ٹ, ڈ, ڑ, ے), or, for Cyrillic, the function words of its languages do (Bulgarian, Serbian without those letters).
     * Null when no script has at least half the words, or Latin has.
     */
    static String ofScript(List<String> tokens) {
        // Words by script: a token of a script written with spaces is one word; a letter of one written without (Chinese
        // characters, kana, Thai, Khmer, Lao, Burmese) half a word, as a dump's lines are measured (DumpLine.words).
        double[] words = new double[SCRIPTS.length];
        double total = 0;
        StringBuilder marks = new StringBuilder();
        for (String token : tokens) {
            boolean counted = false;
            for (int i = 0; i < token.length(); ) {
                int c = token.codePointAt(i);
                i += Character.charCount(c);
                if (c < 0x80 || !Character.isLetter(c)) {
                    // Most letters of most pages: ASCII, one Latin word a token.
                    if (!counted && (c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
                        words[Character.UnicodeScript.LATIN.ordinal()]++;
                        total++;
                        counted = true;
                    }
                    continue;
                }
                Character.UnicodeScript script = Character.UnicodeScript.of(c);
                if (SPACELESS.contains(script)) {
                    words[script.ordinal()] += 0.5;
                    total += 0.5;
                } else if (!counted) {
                    words[script.ordinal()]++;
                    total++;
                    counted = true;
                }
                if (TELLING_LETTERS.indexOf(c) >= 0 && marks.indexOf(Character.toString(c)) < 0) {
                    marks.appendCodePoint(c);
                }
            }
        }
        if (total == 0) {
            return null;
        }
        double kana = words[Character.UnicodeScript.HIRAGANA.ordinal()] + words[Character.UnicodeScript.KATAKANA.ordinal()];
        double han = words[Character.UnicodeScript.HAN.ordinal()];
        if ((kana + han) * 2 >= total && kana * 20 >= total) {
            return "ja";
        }
        Character.UnicodeScript main = null;
        for (Character.UnicodeScript script : SCRIPTS) {
            if (words[script.ordinal()] * 2 >= total) {
                main = script;
                break;
            }
        }
        if (main == null) {
            return null;
        }
        String told = marks.toString();
        return switch (main) {
            case HAN -> "zh";
            case HANGUL -> "ko";
            case GREEK -> "el";
            case HEBREW -> "he";
            case THAI -> "th";
            case LAO -> "lo";
            case KHMER -> "km";
            case MYANMAR -> "my";
            case GEORGIAN -> "ka";
            case ARMENIAN -> "hy";
            case SINHALA -> "si";
            case TAMIL -> "ta";
            case TELUGU -> "te";
            case KANNADA -> "kn";
            case MALAYALAM -> "ml";
            case GUJARATI -> "gu";
            case GURMUKHI -> "pa";
            case BENGALI -> "bn";
            case ETHIOPIC -> "am";
            case THAANA -> "dv";
            case DEVANAGARI -> "hi";
            case CYRILLIC -> holdsAny(told, "ў") ? "be" : holdsAny(told, "єїґі") ? "uk" : holdsAny(told, "ђћџ") ? "sr"
                    : byFunctionWords(tokens, main, "ru");
            // Persian's own keheh and yeh (ک, ی), where Arabic writes ك and ي.
            case ARABIC -> holdsAny(told, "ٹڈڑے") ? "ur" : holdsAny(told, "پچژگکی") ? "fa" : "ar";
            default -> null;
        };
    }

    /**
     * The language a page declares ({@code <html lang>}), unless its text says another and the
     * declaration is of a language whose function words are known here, so that the text could
     * have told it (a theme's {@code lang="en"} over a page in Japanese, {@code lang="de"} over one
     * in English); the text's when the page declares none.
     */
    static String declaredOrWritten(String declared, List<String> tokens) {
        String written = Words.languageOf(tokens);
        if (declared == null) {
            return written;
        }
        return written != null && !functionWords(declared).isEmpty() && !key(declared).equals(written) ? written : declared;
    }

    /**
     * Among the languages whose function words are written in {@code script}, the one whose words the text holds the most
     * of (Bulgarian "че", "са", "ще" against Russian "что", "это", "как"); {@code otherwise} where it holds none, or as
     * many of two languages' words.
     */
    private static String byFunctionWords(List<String> tokens, Character.UnicodeScript script, String otherwise) {
        int[] hits = functionWordHits(tokens);
        int best = most(hits, k -> hits[k] > 0 && WRITTEN_IN.get(k).contains(script));
        return best < 0 ? otherwise : TOLD.get(best);
    }

    /** How many of the tokens are function words of each language, by its place in {@link #codes()}: one pass over them. */
    static int[] functionWordHits(List<String> tokens) {
        int[] hits = new int[TOLD.size()];
        for (String token : tokens) {
            for (int code : functionWordOf(token)) {
                hits[code]++;
            }
        }
        return hits;
    }

    /** The place of the most hits among the eligible, or -1 where none is eligible or two share the most. */
    static int most(int[] hits, IntPredicate eligible) {
        int best = -1;
        boolean tie = false;
        for (int k = 0; k < hits.length; k++) {
            if (!eligible.test(k)) {
                continue;
            }
            if (best < 0 || hits[k] > hits[best]) {
                best = k;
                tie = false;
            } else if (hits[k] == hits[best]) {
                tie = true;
            }
        }
        return tie ? -1 : best;
    }

    private static boolean holdsAny(String text, String letters) {
        return text.chars().anyMatch(c -> letters.indexOf(c) >= 0);
    }

    private static final Character.UnicodeScript[] SCRIPTS = Character.UnicodeScript.values();
    /** Scripts written without spaces between words. */
    private static final EnumSet<Character.UnicodeScript> SPACELESS = EnumSet.of(Character.UnicodeScript.HAN,
            Character.UnicodeScript.HIRAGANA, Character.UnicodeScript.KATAKANA, Character.UnicodeScript.THAI,
            Character.UnicodeScript.LAO, Character.UnicodeScript.KHMER, Character.UnicodeScript.MYANMAR);

    /** Letters that only some of the languages written in a script use (see {@link #ofScript}). */
    private static final String TELLING_LETTERS = "єїґіўђћџپچژگکیٹڈڑے";

    /** The languages the cleaner knows by their function words, in a fixed order. */
    static List<String> codes() {
        return TOLD;
    }

    /** Lucene's analyzer for a BCP 47 tag: tokenised, lower-cased, stop words removed, stemmed. */
    private static Analyzer analyzer(String lang) {
        String key = key(lang);
        Analyzer made = MADE.get(key);
        if (made != null) {
            return made;
        }
        Supplier<Analyzer> make = ANALYZERS.get(key);
        return make == null ? FALLBACK : MADE.computeIfAbsent(key, k -> make.get());
    }

    /**
     * The most frequent function words of the language, whose density tells running prose from
     * menus and labels; empty for an unknown language. Short lists of similar length, so that one
     * density threshold holds in every language (Lucene's stop sets range from 33 English words to over 200 German ones).
     */
    static Set<String> functionWords(String lang) {
        return FUNCTION_WORDS.getOrDefault(key(lang), Set.of());
    }

    /** Whether the word is a function word of any language known here. */
    static boolean isFunctionWord(String word) {
        return ANY_FUNCTION_WORD.contains(word);
    }

    /** The stem Lucene's analyzer gives a single lower-case word (the word itself for a stop word). */
    static String stem(String token, String lang) {
        return stemmer(lang).apply(token);
    }

    /**
     * {@link #stem} for one language, resolved once: for callers that stem many words of a page,
     * so each word costs one look-up.
     */
    static UnaryOperator<String> stemmer(String lang) {
        String code = key(lang);
        Map<String, String> stems = STEMS.computeIfAbsent(code, k -> new ConcurrentHashMap<>());
        return token -> stem(token, code, stems);
    }

    private static String stem(String token, String lang, Map<String, String> stems) {
        // Running an analyzer costs far more than the word: the same words recur, so their stems are kept.
        String cached = stems.get(token);
        if (cached != null) {
            return cached;
        }
        List<String> terms = terms(token, lang);
        String stem = terms.isEmpty() ? token : terms.get(0);
        if (stems.size() >= MAX_STEMS) {
            stems.clear();
        }
        stems.put(token, stem);
        return stem;
    }

    /** Which languages have this as a function word, by their place in {@link #codes()}. */
    static int[] functionWordOf(String word) {
        return FUNCTION_WORD_LANGUAGES.getOrDefault(word, NONE);
    }

    private static final int[] NONE = {};

    /**
     * The stop words of a language's analyzer (Lucene's list for it), which its index terms leave out; empty for a
     * language without an analyzer here.
     */
    public static CharArraySet stopWords(String lang) {
        return analyzer(lang) instanceof StopwordAnalyzerBase stopping ? stopping.getStopwordSet() : CharArraySet.EMPTY_SET;
    }

    /** Index terms of a text: what {@link #analyzer} makes of it. */
    public static List<String> terms(String text, String lang) {
        List<String> out = new ArrayList<>();
        eachTerm(text, lang, term -> out.add(term.toString()));
        return out;
    }

    /**
     * Each index term of a text ({@link #terms}) in turn, as the analyzer holds it (valid only
     * during the call): for callers that count terms without a string per occurrence.
     */
    public static void eachTerm(String text, String lang, Consumer<CharTermAttribute> each) {
        try (TokenStream stream = analyzer(lang).tokenStream("body", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                each.accept(term);
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("reading from a string cannot fail", e);
        }
    }

    /** Words that open a byline in any known language ("by", "von", "par"...), longest first. */
    static List<String> bylineWords() {
        Set<String> out = new LinkedHashSet<>();
        DATA.values().forEach(d -> d.path("byline").forEach(w -> out.add(w.asText())));
        List<String> sorted = new ArrayList<>(out);
        sorted.sort((a, b) -> a.length() != b.length() ? b.length() - a.length() : a.compareTo(b));
        return sorted;
    }

    /** {@link #bylineWords()} as a regular-expression alternation. */
    static String bylineAlternation() {
        return alternation(bylineWords());
    }

    /**
     * {@code words} as a regular-expression alternation, a space in one matching any run of white space. It is written as
     * a tree of the words' shared beginnings ("ma(?:rch|y)"), each longer word tried before its prefix, so a word wins
     * over its prefix: a flat list of hundreds of words (every language's months) has the matcher try each at every place
     * it is asked, where the tree tries only the words that begin with the letter there.
     */
    static String alternation(Collection<String> words) {
        Prefixes root = new Prefixes();
        for (String word : words) {
            Prefixes at = root;
            for (int k = 0; k < word.length(); ) {
                int c = word.codePointAt(k);
                k += Character.charCount(c);
                at = at.next.computeIfAbsent(Character.toString(c), u -> new Prefixes());
            }
            at.word = true;
        }
        return root.regex();
    }

    /** A node of {@link #alternation}'s tree: what may follow a beginning, and whether the beginning is a word itself. */
    private static final class Prefixes {
        private final Map<String, Prefixes> next = new TreeMap<>();
        private boolean word;

        String regex() {
            List<String> branches = new ArrayList<>();
            next.forEach((unit, after) -> branches.add((unit.equals(" ") ? "\\s+" : Pattern.quote(unit)) + after.group()));
            if (word && !branches.isEmpty()) {
                branches.add("");
            }
            return String.join("|", branches);
        }

        private String group() {
            if (next.isEmpty()) {
                return "";
            }
            return next.size() == 1 && !word ? regex() : "(?:" + regex() + ")";
        }
    }

    /**
     * Words of a byline's role or title ("Staff Writer", "Senior Politics Editor", "Korrespondentin", "기자"), lower
     * case, in any known language: a name ends where they begin.
     */
    static Set<String> roleWords() {
        return ROLE_WORDS;
    }

    private static final Set<String> ROLE_WORDS = lookupSet(allLanguages("role"));

    /** Words that label a credit field ("Author: ...", "Autorin: ..."), in any known language. */
    static List<String> authorLabelWords() {
        return allLanguages("author_label");
    }

    /** Words by which a dateline says its date is the publication's ("published", "veröffentlicht"), in any known language. */
    static List<String> datePublishedWords() {
        return allLanguages("date_published");
    }

    /** Words by which a dateline says its date is a later update's ("updated", "aktualisiert"), in any known language. */
    static List<String> dateUpdatedWords() {
        return allLanguages("date_updated");
    }

    /** Words that close a list of names ("A, B and C": "and", "und", "et"), in any known language. */
    static List<String> listClosingWords() {
        return allLanguages("list_and");
    }

    /** Words that add co-authors in parentheses ("Jane Doe (with John Roe)": "with", "avec", "mit"), in any known language. */
    static List<String> listWithWords() {
        return allLanguages("list_with");
    }

    /**
     * Words by which a credit line introduces its date ("on", "le", "am": "By Jane Doe on May 5", "Par Jean Dupont le
     * 5 mai"), in any known language.
     */
    static List<String> dateOnWords() {
        return allLanguages("date_on");
    }

    /** The lower-case words inside a person's name ("van", "de", "von", "bin"), in any known language. */
    static List<String> nameParticles() {
        return allLanguages("name_particles");
    }

    /** Verbs that open the label of a link or button ("Share this story", "Teilen", "Partager"), in any known language. */
    static Set<String> controlVerbs() {
        return CONTROL_VERBS;
    }

    private static final Set<String> CONTROL_VERBS = lookupSet(allLanguages("control_verbs"));

    /** Words that open a line whose credit comes later in it ("Posted by", "Story by", "Geschrieben von"), in any known language. */
    static List<String> creditLeadWords() {
        return allLanguages("credit_lead");
    }

    /** Words that label a picture's caption or credit ("Photo:", "Credit:", "Foto:"), in any known language. */
    static List<String> captionLabels() {
        return allLanguages("caption_label");
    }

    /** What a block that is only an advertisement's label says ("Advertisement", "Anzeige", "Publicité"), in any known language. */
    static List<String> adLabels() {
        return allLanguages("ad_label");
    }

    /** The phrase that closes a copyright notice ("All rights reserved", "Alle Rechte vorbehalten"), in any known language. */
    static List<String> rightsReservedPhrases() {
        return allLanguages("rights_reserved");
    }

    /** The abbreviations of a company's legal form ("Ltd", "GmbH", "SpA"), lower case, in any known language. */
    static List<String> legalForms() {
        return allLanguages("legal_form");
    }

    /** Words of the control that offers to follow an author beside a byline ("Follow", "Folgen"), in any known language. */
    static List<String> followWords() {
        return allLanguages("follow");
    }

    /** Each month's names and abbreviations in any known language, lower case, to its number (January is 1). */
    static Map<String, Integer> monthNumbers() {
        return MONTH_NUMBERS;
    }

    /**
     * The names and abbreviations of the months and the days of the week in any known language, lower case, but those
     * a language says are also names (Turkish "nisan", Polish "maja"): a name holding one of these is no name.
     */
    static Set<String> calendarWords() {
        return CALENDAR_WORDS;
    }

    /** Words written between a year and its month or day ("2019. gada 12. novembrī", "2019 m. lapkričio 12 d."), any language. */
    static List<String> yearWords() {
        return allLanguages("year_word");
    }

    /** Words that join a date's day, month and year ("of", "de", "d'", "năm"), any language. */
    static List<String> dateLinks() {
        return allLanguages("date_link");
    }

    /**
     * The month names of the languages whose own era counts ahead of the Gregorian with the same months, to how many
     * years ahead (Thai "มีนาคม", 543: the Buddhist Era; lang/*.json year_offset).
     */
    static Map<String, Integer> yearOffsets() {
        Map<String, Integer> out = new HashMap<>();
        DATA.values().stream().filter(d -> d.has("year_offset"))
                .forEach(d -> d.path("months").forEach(month -> month.forEach(name -> out.put(name.asText(), d.get("year_offset").asInt()))));
        return Map.copyOf(out);
    }

    private static final Map<String, Integer> MONTH_NUMBERS = monthNumbers(DATA);
    private static final Set<String> CALENDAR_WORDS = notNamesToo(calendarLists());

    /** The months of every language's data; a name two languages give different months is an error in the data. */
    private static Map<String, Integer> monthNumbers(Map<String, JsonNode> data) {
        Map<String, Integer> out = new HashMap<>();
        data.forEach((code, d) -> {
            JsonNode months = d.path("months");
            if (!months.isMissingNode() && months.size() != 12) {
                throw new IllegalStateException("lang/" + code + ".json: months lists " + months.size() + " months, not 12");
            }
            for (int m = 0; m < months.size(); m++) {
                int number = m + 1;
                months.get(m).forEach(name -> {
                    Integer was = out.put(name.asText(), number);
                    if (was != null && was != number) {
                        throw new IllegalStateException("lang/" + code + ".json: " + name.asText() + " is month " + number
                                + " here and " + was + " in another language");
                    }
                });
            }
        });
        return Map.copyOf(out);
    }

    private static Map<String, Set<String>> calendarLists() {
        Map<String, Set<String>> out = new HashMap<>();
        DATA.forEach((code, d) -> {
            Set<String> words = new HashSet<>();
            d.path("months").forEach(month -> month.forEach(name -> words.add(name.asText())));
            d.path("weekdays").forEach(day -> words.add(day.asText()));
            out.put(code, words);
        });
        return out;
    }

    private static List<String> allLanguages(String field) {
        Set<String> out = new LinkedHashSet<>();
        DATA.values().forEach(d -> d.path(field).forEach(w -> out.add(w.asText())));
        return List.copyOf(out);
    }

    /** Words by which a page speaks to its visitor in this language; English where unknown. */
    static Set<String> readerAddress(String lang) {
        return READER_ADDRESS.getOrDefault(key(lang), READER_ADDRESS.get("en"));
    }

    /**
     * Words that label a page's controls and furniture (advertisement, share, menu, comments) in
     * this language, and in English, which pages in every language borrow for them.
     */
    static Set<String> interfaceWords(String lang) {
        return INTERFACE.getOrDefault(key(lang), INTERFACE.get("en"));
    }

    /**
     * Whether a text holds an interface word of a language read by characters ("シェア" in "このニュースをシェア", "分享",
     * "더보기"): such a script writes no word apart, so its words are looked for inside the text, not among its tokens.
     */
    static boolean holdsSpacelessInterfaceWord(String text) {
        for (String word : SPACELESS_INTERFACE) {
            if (text.contains(word)) {
                return true;
            }
        }
        return false;
    }

    private static final List<String> SPACELESS_INTERFACE = DATA_ONLY.stream()
            .flatMap(code -> INTERFACE.get(code).stream().filter(w -> !INTERFACE.get("en").contains(w))).sorted().toList();

    /**
     * Words of a relative time stamp ("2 hours ago", "Hace una hora", "vor 3 Tagen") in this
     * language, and in English.
     */
    static Set<String> timeUnits(String lang) {
        return TIME_UNITS.getOrDefault(key(lang), TIME_UNITS.get("en"));
    }

    /** One word list of every language's data, by language code. */
    private static Map<String, Set<String>> wordLists(String field) {
        Map<String, Set<String>> out = new HashMap<>();
        DATA.forEach((code, d) -> {
            Set<String> words = new LinkedHashSet<>();
            d.path(field).forEach(w -> words.add(w.asText()));
            out.put(code, lookupSet(words));
        });
        return out;
    }

    /**
     * A word list to look tokens up in, read-only. A hash set, not {@code Set.copyOf}: most tokens looked up are in
     * no list, and the immutable set's open addressing walks a run of slots, comparing strings, before it says so.
     */
    private static Set<String> lookupSet(Collection<String> words) {
        return Collections.unmodifiableSet(new HashSet<>(words));
    }

    /** Every language's words in {@code lists} but those the language says are also names ({@code names_too}). */
    private static Set<String> notNamesToo(Map<String, Set<String>> lists) {
        return lookupSet(DATA.keySet().stream()
                .flatMap(code -> lists.get(code).stream().filter(w -> !NAMES_TOO.get(code).contains(w))).toList());
    }

    /** For each word, the languages whose list has it, by their place in {@link #codes()}. */
    private static Map<String, int[]> byWord(Map<String, Set<String>> lists) {
        Map<String, int[]> out = new HashMap<>();
        for (int k = 0; k < TOLD.size(); k++) {
            int code = k;
            lists.get(TOLD.get(k)).forEach(w -> out.merge(w, new int[] {code}, (a, b) -> {
                int[] both = Arrays.copyOf(a, a.length + 1);
                both[a.length] = b[0];
                return both;
            }));
        }
        return Collections.unmodifiableMap(out);
    }

    /** Each language's list with English's beside it. */
    private static Map<String, Set<String>> withEnglish(Map<String, Set<String>> lists) {
        Map<String, Set<String>> out = new HashMap<>();
        lists.forEach((code, words) -> {
            Set<String> both = new LinkedHashSet<>(words);
            both.addAll(lists.get("en"));
            out.put(code, lookupSet(both));
        });
        return out;
    }

    private static String key(String lang) {
        if (lang == null) {
            return "";
        }
        // Most calls pass a code this class gave out ("en"): no need to lower-case and split it.
        if (KNOWN.contains(lang)) {
            return lang;
        }
        String primary = lang.toLowerCase(Locale.ROOT).split("-")[0];
        // Norwegian's two written standards share their function words; "iw" is Hebrew's withdrawn code, still sent.
        return primary.equals("nb") || primary.equals("nn") ? "no" : primary.equals("iw") ? "he" : primary;
    }

    private static Map<String, JsonNode> load() {
        ObjectMapper json = new ObjectMapper();
        Map<String, JsonNode> out = new TreeMap<>();
        List<String> codes = new ArrayList<>(ANALYZERS.keySet());
        codes.addAll(UNSTEMMED);
        codes.addAll(DATA_ONLY);
        for (String code : codes) {
            try (InputStream in = Language.class.getResourceAsStream("lang/" + code + ".json")) {
                if (in == null) {
                    throw new IllegalStateException("language resource lang/" + code + ".json is missing from the build");
                }
                out.put(code, json.readTree(in));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }
}
