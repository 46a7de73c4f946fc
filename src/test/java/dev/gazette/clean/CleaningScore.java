package dev.gazette.clean;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Scores cleaner output against the cleaning-dev set exactly as its README describes: bag-of-words
 * precision and recall of the body over {@code \w+} tokens (mean precision over non-empty
 * predictions, mean recall over all cases, F1 of the two means, and the mean per-case F1 beside
 * it), title match after normalisation, byline token match and date match.
 *
 * <p>As a program it compares two prediction files (JSON Lines with {@code file}, {@code title},
 * {@code byline}, {@code date} and {@code text}, as {@code gazette extract --json} writes them)
 * and prints per-case rows and per-form, per-prefix summaries side by side; {@code bench/cleaning/score.sh}
 * runs it. The floor test uses the same scoring in-process.
 */
public final class CleaningScore {
    /** Python's {@code \w}: letters, digits and the underscore (combining marks separate tokens). */
    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}_]+");
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A truth or a prediction for one case and form; any field may be null. */
    public record Fields(String title, String byline, String date, String body) {
    }

    /** The score of one case in one form; title/byline/date are null where the truth has none. */
    public record CaseScore(String name, String form, double precision, double recall, boolean predicted,
                            Boolean title, Boolean byline, Boolean date) {
        public double f1() {
            return harmonic(precision, recall);
        }
    }

    /** Means over a group of cases. Rates are NaN where no truth in the group has that field. */
    public record Summary(int cases, double precision, double recall, double f1, double meanF1,
                          double title, double byline, double date) {
    }

    private CleaningScore() {
    }

    static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        Matcher m = TOKEN.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    public static CaseScore score(String name, String form, Fields truth, Fields prediction) {
        Map<String, Integer> counts = new HashMap<>();
        tokens(truth.body()).forEach(t -> counts.merge(t, 1, Integer::sum));
        List<String> predicted = tokens(prediction.body());
        int tp = 0;
        int fp = 0;
        for (String t : predicted) {
            Integer left = counts.get(t);
            if (left != null && left > 0) {
                counts.put(t, left - 1);
                tp++;
            } else {
                fp++;
            }
        }
        int fn = counts.values().stream().mapToInt(Integer::intValue).sum();
        double precision = fp == 0 ? 1 : (double) tp / (tp + fp);
        double recall = fn == 0 ? 1 : (double) tp / (tp + fn);
        boolean nonEmpty = !predicted.isEmpty();
        return new CaseScore(name, form, nonEmpty ? precision : 0, nonEmpty ? recall : 0, nonEmpty,
                truth.title() == null ? null : titleMatches(truth.title(), prediction.title()),
                truth.byline() == null ? null : bylineMatches(truth.byline(), prediction.byline()),
                truth.date() == null ? null : dateMatches(truth.date(), prediction.date()));
    }

    static boolean titleMatches(String truth, String prediction) {
        return prediction != null && normaliseTitle(truth).equals(normaliseTitle(prediction));
    }

    static String normaliseTitle(String title) {
        // Remembered: fitting the title models compares every candidate of every case with its truth, fold after fold.
        return NORMALISED_TITLES.computeIfAbsent(title, CleaningScore::normalisedTitle);
    }

    private static final Map<String, String> NORMALISED_TITLES = new ConcurrentHashMap<>();
    private static final Pattern SINGLE_QUOTES = Pattern.compile("[‘’‚‛‹›]");
    private static final Pattern DOUBLE_QUOTES = Pattern.compile("[“”„‟«»]");
    private static final Pattern DASHES = Pattern.compile("\\p{Pd}");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private static String normalisedTitle(String title) {
        String s = Normalizer.normalize(title, Normalizer.Form.NFKC);
        s = SINGLE_QUOTES.matcher(s).replaceAll("'");
        s = DOUBLE_QUOTES.matcher(s).replaceAll("\"");
        s = DASHES.matcher(s).replaceAll("-");
        s = SPACES.matcher(s).replaceAll(" ").strip();
        // Upper then lower case approximates Unicode case folding (ß → ss).
        return s.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    }

    /**
     * Whether the prediction credits whom the truth credits: it holds every word the truth names someone by
     * ({@link #bylineWords}) and at most six words more than the truth has.
     */
    static boolean bylineMatches(String truth, String prediction) {
        if (prediction == null) {
            return false;
        }
        List<String> want = bylineWords(truth);
        List<String> got = bylineTokens(prediction);
        return new HashSet<>(got).containsAll(want) && got.size() <= bylineTokens(truth).size() + 6;
    }

    /** Separates the fields of a credit as printed: "Jane Doe | jane@outlet.com", "Jane Doe, TIME", "文● オカモト／ASCII編集部", "田中宏昌，ITmedia". */
    private static final Pattern CREDIT_FIELD = Pattern.compile("\\s*[,;|/／·•，、]\\s*");
    /** An e-mail or web address in a credit: how to reach the author, not a name. */
    private static final Pattern ADDRESS = Pattern.compile("\\S+@\\S+|https?://\\S+|www\\.\\S+");
    /** The words of the credit labels of every known language ("By", "Von", "著者", "Author"): what labels a credit, not a name. */
    private static final Set<String> CREDIT_LABEL_WORDS = new HashSet<>(tokens(String.join(" ", concat(Language.bylineWords(), Language.authorLabelWords()))));

    /**
     * The words of a true byline that name someone, as a prediction must hold them. Truths copy the credit as the page
     * prints it, and a credit carries more than names; these words name no one and are not asked for: a credit label
     * of any known language ("著者：後藤大地", "By ..."), an e-mail or web address ("Mike Cason | mcason@al.com"), a date
     * after the names ("By Nathan Willis March 25, 2015"), and a field of the credit beside others that is one word
     * ("John Patrick Pullen, TIME", "Politik · Jochen Bittner, Tina Hildebrandt": an outlet or a section; a co-author's
     * name has two words or more). Longer outlets ("Brenda Goodman, MA WebMD Health News") are still asked for: no rule
     * over the truth alone tells them from a co-author's name. When nothing else is left, every word is asked for.
     */
    static List<String> bylineWords(String truth) {
        if (Bylines.handle(truth) != null) {
            return bylineTokens(truth); // "u/jdoe" is one handle, not the fields "u" and "jdoe"
        }
        String credit = ADDRESS.matcher(truth).replaceAll(" ");
        List<DateParser.Found> dates = DateParser.findAll(credit);
        if (!dates.isEmpty() && dates.get(0).at() > 0) {
            credit = credit.substring(0, dates.get(0).at());
        }
        List<List<String>> fields = new ArrayList<>();
        for (String field : CREDIT_FIELD.split(credit.strip())) {
            List<String> words = bylineTokens(field).stream().filter(t -> !CREDIT_LABEL_WORDS.contains(t)).toList();
            if (!words.isEmpty()) {
                fields.add(words);
            }
        }
        // A one-word field is set aside after a field of names ("..., TIME") or before one of two words or more
        // ("Politik · Jochen Bittner"); a one-word name alone, or first ("オカモト／ASCII編集部"), is the name.
        List<String> named = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            List<String> words = fields.get(i);
            boolean longerAfter = fields.subList(i + 1, fields.size()).stream().anyMatch(f -> f.size() > 1);
            if (words.size() > 1 || named.isEmpty() && !longerAfter) {
                named.addAll(words);
            }
        }
        return named.isEmpty() ? bylineTokens(truth) : named;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static List<String> bylineTokens(String byline) {
        Predicate<String> keep = t -> !t.equals("by") && !t.equals("and");
        return tokens(byline.toUpperCase(Locale.ROOT)).stream().filter(keep).toList();
    }

    /**
     * Whether the predicted date's day (its first ISO {@code yyyy-mm-dd}) is the truth's. A truth
     * that is a day must be that day. A truth that is an instant ({@code 2016-09-19T11:46:01.000Z},
     * as fixtures from page metadata give it) is matched by every day a reader could have been shown
     * for it: day D when the instant lies within D's day in some real UTC offset, -12 to +14 hours,
     * that is from D's start at UTC minus 14 hours to its end at UTC plus 12 hours. A page prints its
     * local day and the instant alone does not say which offset that was.
     */
    static boolean dateMatches(String truth, String prediction) {
        if (prediction == null) {
            return false;
        }
        Matcher m = ISO_DATE.matcher(prediction);
        if (!m.find()) {
            return false;
        }
        if (!truth.contains("T")) {
            return m.group().equals(truth);
        }
        Instant instant;
        LocalDate day;
        try {
            instant = OffsetDateTime.parse(truth).toInstant();
            day = LocalDate.parse(m.group());
        } catch (DateTimeParseException e) {
            return false;
        }
        Instant start = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        return !instant.isBefore(start.minus(Duration.ofHours(14))) && instant.isBefore(start.plus(Duration.ofHours(24 + 12)));
    }

    public static Summary summarise(List<CaseScore> scores) {
        double precision = scores.stream().filter(CaseScore::predicted).mapToDouble(CaseScore::precision).average().orElse(0);
        double recall = scores.stream().mapToDouble(CaseScore::recall).average().orElse(0);
        double meanF1 = scores.stream().mapToDouble(CaseScore::f1).average().orElse(0);
        return new Summary(scores.size(), precision, recall, harmonic(precision, recall), meanF1,
                rate(scores, CaseScore::title), rate(scores, CaseScore::byline), rate(scores, CaseScore::date));
    }

    private static double rate(List<CaseScore> scores, Function<CaseScore, Boolean> field) {
        return scores.stream().map(field).filter(b -> b != null).mapToDouble(b -> b ? 1 : 0).average().orElse(Double.NaN);
    }

    private static double harmonic(double p, double r) {
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** Every case's truth, by case name. */
    public static Map<String, Fields> truths(Path dev) {
        Map<String, Fields> out = new TreeMap<>();
        try (Stream<Path> cases = Files.list(dev.resolve("cases"))) {
            for (Path dir : cases.sorted().toList()) {
                JsonNode t = JSON.readTree(dir.resolve("truth.json").toFile());
                out.put(dir.getFileName().toString(), new Fields(text(t, "title"), text(t, "byline"), text(t, "date"), text(t, "body")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The raw sources of every case: {@code source.html} and {@code source.txt} where present. */
    public static List<Path> sources(Path dev) {
        List<Path> out = new ArrayList<>();
        for (String name : truths(dev).keySet()) {
            for (String file : new String[] {"source.html", "source.txt"}) {
                Path p = dev.resolve("cases").resolve(name).resolve(file);
                if (Files.exists(p)) {
                    out.add(p);
                }
            }
        }
        return out;
    }

    /** Predictions from JSON Lines, keyed by "case/form" from each line's {@code file}. */
    public static Map<String, Fields> predictions(List<String> jsonLines) {
        Map<String, Fields> out = new HashMap<>();
        for (String line : jsonLines) {
            if (line.isBlank()) {
                continue;
            }
            try {
                JsonNode p = JSON.readTree(line);
                Path file = Path.of(p.path("file").asText());
                String form = file.getFileName().toString().replaceAll("^.*\\.", "");
                out.put(file.getParent().getFileName() + "/" + form,
                        new Fields(text(p, "title"), text(p, "byline"), text(p, "date"), text(p, "text")));
            } catch (IOException e) {
                throw new UncheckedIOException("bad prediction line: " + line, e);
            }
        }
        return out;
    }

    /** Scores every case and form the dev set has; a missing prediction counts as empty. */
    public static List<CaseScore> scoreAll(Path dev, Map<String, Fields> predictions) {
        List<CaseScore> out = new ArrayList<>();
        Fields none = new Fields(null, null, null, null);
        for (Map.Entry<String, Fields> e : truths(dev).entrySet()) {
            for (String form : new String[] {"html", "txt"}) {
                if (Files.exists(dev.resolve("cases").resolve(e.getKey()).resolve("source." + form))) {
                    Fields p = predictions.getOrDefault(e.getKey() + "/" + form, none);
                    out.add(score(e.getKey(), form, e.getValue(), p));
                }
            }
        }
        return out;
    }

    /** Groups: each form overall, then each form by case prefix (sh-, rd-, seed-). */
    public static Map<String, List<CaseScore>> groups(List<CaseScore> scores) {
        Map<String, List<CaseScore>> out = new LinkedHashMap<>();
        for (String form : new String[] {"html", "txt"}) {
            for (CaseScore s : scores) {
                if (s.form().equals(form)) {
                    out.computeIfAbsent(form + " all", k -> new ArrayList<>()).add(s);
                }
            }
            for (String prefix : new String[] {"sh", "rd", "seed"}) {
                for (CaseScore s : scores) {
                    if (s.form().equals(form) && s.name().startsWith(prefix + "-")) {
                        out.computeIfAbsent(form + " " + prefix, k -> new ArrayList<>()).add(s);
                    }
                }
            }
        }
        return out;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** {@code CleaningScore DEV GAZETTE.jsonl [READABILITY.jsonl]}: prints the comparison. */
    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: CleaningScore DEV_DIR GAZETTE.jsonl [READABILITY.jsonl]");
            System.exit(2);
        }
        Path dev = Path.of(args[0]);
        List<CaseScore> ours = scoreAll(dev, predictions(Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8)));
        List<CaseScore> theirs = args.length > 2
                ? scoreAll(dev, predictions(Files.readAllLines(Path.of(args[2]), StandardCharsets.UTF_8))) : null;
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        printCases(out, ours, theirs);
        printSummaries(out, ours, theirs);
    }

    private static void printCases(PrintStream out, List<CaseScore> ours, List<CaseScore> theirs) {
        out.println("Per case: body precision, recall, F1; title (T), byline (B), date (D): + match, - miss, . not scored");
        out.printf("%-26s %-4s | %-5s %-5s %-5s TBD%s%n", "case", "form", "P", "R", "F1",
                theirs == null ? "" : " | Readability.js: P     R     F1    TBD");
        for (int i = 0; i < ours.size(); i++) {
            CaseScore s = ours.get(i);
            out.printf("%-26s %-4s | %s%s%n", s.name(), s.form(), row(s), theirs == null ? "" : " | " + row(theirs.get(i)));
        }
        out.println();
    }

    private static String row(CaseScore s) {
        return String.format(Locale.ROOT, "%.3f %.3f %.3f %s%s%s", s.precision(), s.recall(), s.f1(),
                mark(s.title()), mark(s.byline()), mark(s.date()));
    }

    private static String mark(Boolean b) {
        return b == null ? "." : b ? "+" : "-";
    }

    private static void printSummaries(PrintStream out, List<CaseScore> ours, List<CaseScore> theirs) {
        Map<String, List<CaseScore>> mine = groups(ours);
        Map<String, List<CaseScore>> other = theirs == null ? Map.of() : groups(theirs);
        out.println("Summary: mean precision P, mean recall R, F1 of the means, mean per-case F1 (mF1), match rates");
        out.printf("%-10s %3s | %-30s %-20s", "group", "n", "Gazette: P     R     F1    mF1", "title byline date");
        out.println(theirs == null ? "" : String.format(" | %-30s %-20s | %s", "Readability.js: P R F1 mF1", "title byline date", "F1 ratio"));
        for (Map.Entry<String, List<CaseScore>> e : mine.entrySet()) {
            Summary s = summarise(e.getValue());
            out.printf("%-10s %3d | %s", e.getKey(), s.cases(), summaryRow(s));
            if (other.containsKey(e.getKey())) {
                Summary r = summarise(other.get(e.getKey()));
                out.printf(" | %s | %.3f", summaryRow(r), r.f1() == 0 ? Double.NaN : s.f1() / r.f1());
            }
            out.println();
        }
    }

    private static String summaryRow(Summary s) {
        return String.format(Locale.ROOT, "%.3f %.3f %.3f %.3f  %5s %5s %5s", s.precision(), s.recall(), s.f1(), s.meanF1(),
                percent(s.title()), percent(s.byline()), percent(s.date()));
    }

    private static String percent(double rate) {
        return Double.isNaN(rate) ? "-" : String.format(Locale.ROOT, "%.0f%%", rate * 100);
    }
}
