package dev.gazette.clean;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.chrono.JapaneseDate;
import java.time.chrono.JapaneseEra;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads the many ways pages write a publication date and normalises them to ISO 8601, keeping
 * only the precision the page gave: {@code 2025-02-12}, {@code 2025-02-12T09:30:00} (local) or
 * {@code 2025-02-12T09:30:00+08:00}. Never looks at the clock or the machine's locale.
 */
public final class DateParser {
    /** Month names and abbreviations in the languages the cleaner reads (lang/*.json months). */
    private static final Map<String, Integer> MONTHS = Language.monthNumbers();
    /** Month names of calendars whose years run ahead of the Gregorian, to by how much (Thai: the Buddhist Era, 543). */
    private static final Map<String, Integer> YEAR_OFFSETS = Language.yearOffsets();
    /** The first words of the month names, where a name is more than one ("tháng 3"): what {@link #monthRuns} looks for. */
    private static final Set<String> MONTH_OPENERS = MONTHS.keySet().stream().map(name -> name.split(" ")[0])
            .collect(Collectors.toUnmodifiableSet());
    private static final int LONGEST_MONTH = MONTH_OPENERS.stream().mapToInt(String::length).max().orElseThrow();
    /** A month's name, whole: no letter or figure follows ("tháng 1" does not open "tháng 10", "Mar" not "March"). */
    private static final String MONTH = "(" + Language.alternation(MONTHS.keySet()) + ")(?![\\p{L}\\d])\\.?";
    private static final Pattern ISO = Pattern.compile(
            "\\b(\\d{4})-(\\d{2})-(\\d{2})(?:[T ](\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.\\d+)?)?\\s*(Z|[+-]\\d{2}:?\\d{2})?)?");
    private static final Pattern SLASHED = Pattern.compile("\\b(\\d{4})/(\\d{1,2})/(\\d{1,2})\\b");
    private static final Pattern MONTH_DAY_YEAR = Pattern.compile(
            "(?<![\\p{L}])" + MONTH + "\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /**
     * A word joining a date's parts (lang/*.json date_link): "of", "de", "năm" before white space, Catalan's "d'" against
     * the month.
     */
    private static final String LINK = "(?:(?:" + Language.alternation(Language.dateLinks().stream().filter(w -> !elided(w)).toList())
            + ")\\s+|" + Language.alternation(Language.dateLinks().stream().filter(DateParser::elided).toList()) + ")";
    /** "18 November 2019", "18th of November, 2019", "18. November 2019", "18 de noviembre de 2019", "3 tháng 3 năm 2025". */
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile(
            "\\b(\\d{1,2})(?:st|nd|rd|th|er)?\\.?\\s+" + LINK + "?" + MONTH + ",?\\s+" + LINK + "?(\\d{4})\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /**
     * The year first, then the month's name and the day in either order, as Hungarian, Lithuanian and Latvian write
     * dates: "2019. november 12.", "2019 m. lapkričio 12 d.", "2019. gada 12. novembrī" (lang/*.json year_word). The
     * year is a word of its own: a handle's figures before a month ("@Star1032 Jun 21") are no year.
     */
    private static final Pattern YEAR_MONTH_DAY = Pattern.compile("(?<![\\p{L}\\d.@#])(\\d{4})(?:\\.\\s*|\\s+)(?:(?:"
            + Language.alternation(Language.yearWords()) + ")\\s*)?(?:" + MONTH + "\\s+(\\d{1,2})|(\\d{1,2})\\.\\s*" + MONTH + ")(?!\\d)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /**
     * Year, month and day in that order with their unit signs or dots, as Chinese, Japanese and
     * Korean pages write dates: "2018年6月18日", "2019년 11월 18일", "2019.11.18".
     */
    private static final Pattern YEAR_FIRST = Pattern.compile(
            "(?<![\\d.])(\\d{4})(?:\\s*[年년]\\s*(\\d{1,2})\\s*[月월]\\s*(\\d{1,2})\\s*[日일]|\\.\\s?(\\d{1,2})\\.\\s?(\\d{1,2})(?![\\d]|\\.\\d))");
    /** The eras of Japan's calendar by name ("令和", "平成"), as the JDK's calendar names them. */
    private static final Map<String, JapaneseEra> JAPANESE_ERAS = Arrays.stream(JapaneseEra.values())
            .collect(Collectors.toMap(era -> era.getDisplayName(TextStyle.FULL, Locale.JAPANESE), era -> era));
    /** A year of a Japanese era, as Japanese pages also date: "令和7年3月3日", "平成元年5月1日" (元, the era's first year). */
    private static final Pattern JAPANESE_ERA = Pattern.compile("(" + Language.alternation(JAPANESE_ERAS.keySet())
            + ")\\s*(\\d{1,2}|元)\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日");
    /**
     * "13.11.2019" and "13. 11. 2019" (day first, as where dots are used: Czech, Slovak, Slovenian and Croatian set a space
     * after each), "11/18/2019" or "18/11/2019" (whichever is a date).
     */
    private static final Pattern NUMERIC = Pattern.compile("(?<![\\d.:/])(\\d{1,2})([./]|\\. )(\\d{1,2})\\2(\\d{4})(?![\\d.:/]\\d)");

    private DateParser() {
    }

    /** How a date was written, for telling a dateline from a date in passing. */
    public enum Form {
        /** 2019-11-18, with or without a time. */
        ISO,
        /** Nov. 18, 2019 / 18 November 2019 / 18 de noviembre de 2019 / 2019. november 18. */
        MONTH_NAME,
        /** 2018年6月18日, 2019년 11월 18일, 2019.11.18, 2019/11/18. */
        YEAR_FIRST,
        /** 13.11.2019, 11/18/2019. */
        NUMERIC
    }

    /** A date found in a text: its normalised value, how it was written and where it starts. */
    public record Found(String value, Form form, int at) {
    }

    /** Normalises a date written as a whole value (front matter, a meta tag, a datetime attribute). */
    public static Optional<String> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String value = text.strip();
        try {
            return Optional.of(OffsetDateTime.parse(value).toString());
        } catch (DateTimeParseException ignored) {
            // not an ISO date-time with offset; try the rest
        }
        try {
            return Optional.of(ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toOffsetDateTime().toString());
        } catch (DateTimeParseException ignored) {
            // not an RFC 822 date either
        }
        return find(value);
    }

    /** The first date written anywhere in {@code text}, or empty. */
    public static Optional<String> find(String text) {
        if (text == null) {
            return Optional.empty();
        }
        text = plainFiguresAndSpaces(text);
        Matcher iso = ISO.matcher(text);
        if (iso.find()) {
            Optional<String> result = fromIso(iso);
            if (result.isPresent()) {
                return result;
            }
        }
        Matcher m = MONTH_DAY_YEAR.matcher(text);
        if (m.find()) {
            return named(m.group(3), m.group(1), m.group(2));
        }
        m = DAY_MONTH_YEAR.matcher(text);
        if (m.find()) {
            return named(m.group(3), m.group(2), m.group(1));
        }
        m = YEAR_MONTH_DAY.matcher(text);
        if (m.find()) {
            return yearMonthDay(m);
        }
        m = SLASHED.matcher(text);
        if (m.find()) {
            return date(m.group(1), Integer.parseInt(m.group(2)), m.group(3));
        }
        m = NUMERIC.matcher(text);
        if (m.find()) {
            return numeric(m);
        }
        m = YEAR_FIRST.matcher(text);
        if (m.find()) {
            return yearFirst(m);
        }
        m = JAPANESE_ERA.matcher(text);
        if (m.find()) {
            return japaneseEra(m);
        }
        return Optional.empty();
    }

    /**
     * Every date written in {@code text}, in order of position; where two readings overlap (an
     * ISO date-time holds a year-first date) the one starting first, then the longer, is kept.
     */
    public static List<Found> findAll(String text) {
        List<Found> out = new ArrayList<>();
        boolean eraYear = text != null && text.indexOf('年') >= 0;
        if (text == null || !hasYear(text) && !eraYear) {
            return out;
        }
        text = plainFiguresAndSpaces(text);
        List<int[]> taken = new ArrayList<>();
        int[] years = yearRuns(text);
        collectAt(ISO.matcher(text), years, Form.ISO, DateParser::fromIso, out, taken);
        int[] months = monthRuns(text);
        if (months.length > 0) {
            collectAt(MONTH_DAY_YEAR.matcher(text), months, Form.MONTH_NAME, m -> named(m.group(3), m.group(1), m.group(2)), out, taken);
            collect(DAY_MONTH_YEAR.matcher(text), Form.MONTH_NAME, m -> named(m.group(3), m.group(2), m.group(1)), out, taken);
            collectAt(YEAR_MONTH_DAY.matcher(text), years, Form.MONTH_NAME, DateParser::yearMonthDay, out, taken);
        }
        collectAt(SLASHED.matcher(text), years, Form.YEAR_FIRST, m -> date(m.group(1), Integer.parseInt(m.group(2)), m.group(3)), out, taken);
        collectAt(YEAR_FIRST.matcher(text), years, Form.YEAR_FIRST, DateParser::yearFirst, out, taken);
        collect(NUMERIC.matcher(text), Form.NUMERIC, DateParser::numeric, out, taken);
        if (eraYear) {
            collect(JAPANESE_ERA.matcher(text), Form.YEAR_FIRST, DateParser::japaneseEra, out, taken);
        }
        out.removeIf(found -> !isGregorianEra(found.value()));
        out.sort(Comparator.comparingInt(Found::at));
        return out;
    }

    /**
     * Whether a date read from a page, in its text or its markup, has a year a Gregorian date of a page can have: the
     * calendars pages also date by write theirs outside it (Hijri and Solar Hijri 14xx, Buddhist 25xx) with the same
     * patterns of figures, and a site generator writes the zero time of its language ({@code 0001-01-01T00:00:00Z}) where
     * a page has no date.
     */
    static boolean isGregorianEra(String iso) {
        int year = Integer.parseInt(iso.substring(0, 4));
        return year >= FIRST_YEAR && year <= LAST_YEAR;
    }

    private static final int FIRST_YEAR = 1800;
    private static final int LAST_YEAR = 2199;

    /**
     * The text with the decimal figures of every script as ASCII ones and every space as an ASCII space, one character
     * for one so that positions hold (the patterns' {@code \d} and {@code \s} are ASCII's): Arabic pages write
     * "٣ مارس ٢٠٢٥", Persian ones "۱۴۰۳", Japanese ones "２０２５年３月３日", and pages set no-break spaces inside a date
     * ("3&amp;nbsp;mars 2025", French typography's narrow one).
     */
    static String plainFiguresAndSpaces(String text) {
        char[] out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c > 0x7F) {
                int type = Character.getType(c);
                if (type == Character.DECIMAL_DIGIT_NUMBER || type == Character.SPACE_SEPARATOR) {
                    out = out == null ? text.toCharArray() : out;
                    out[i] = type == Character.SPACE_SEPARATOR ? ' ' : (char) ('0' + Character.digit(c, 10));
                }
            }
        }
        return out == null ? text : new String(out);
    }

    /** Every year pattern above has four digits in a row: most lines are passed over by this alone. */
    private static boolean hasYear(String text) {
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            run = Character.isDigit(text.charAt(i)) ? run + 1 : 0;
            if (run == 4) {
                return true;
            }
        }
        return false;
    }

    /**
     * Where the runs of exactly four figures in {@code text} start: the patterns that open with the year ({@link #ISO},
     * {@link #YEAR_MONTH_DAY}, {@link #SLASHED}, {@link #YEAR_FIRST}) are tried there alone, not at each character.
     */
    private static int[] yearRuns(String text) {
        int[] starts = new int[4];
        int found = 0;
        int run = 0;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ' ';
            if (c >= '0' && c <= '9') {
                run++;
            } else {
                if (run == 4) {
                    starts = found == starts.length ? Arrays.copyOf(starts, found * 2) : starts;
                    starts[found++] = i - 4;
                }
                run = 0;
            }
        }
        return Arrays.copyOf(starts, found);
    }

    /**
     * Where the runs of letters in {@code text} that may be a month's name start: both patterns that name the month want a
     * whole run of letters, one of {@link #MONTHS} in any case, so a line without one is passed over without trying each
     * alternative at each of its characters, and {@link #MONTH_DAY_YEAR}, which opens with the month, is tried only
     * where one starts. A run with a letter beyond Latin-1, whose case the patterns may fold otherwise, is left to them.
     */
    private static int[] monthRuns(String text) {
        int[] starts = new int[4];
        int found = 0;
        int start = -1;
        boolean wide = false;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ' ';
            if (Character.isLetter(c)) {
                start = start < 0 ? i : start;
                wide |= c > 0xFF;
            } else if (start >= 0) {
                if (wide || i - start >= 3 && i - start <= LONGEST_MONTH && MONTH_OPENERS.contains(text.substring(start, i).toLowerCase(Locale.ROOT))) {
                    starts = found == starts.length ? Arrays.copyOf(starts, found * 2) : starts;
                    starts[found++] = start;
                }
                start = -1;
                wide = false;
            }
        }
        return Arrays.copyOf(starts, found);
    }

    /**
     * {@link #collect} for a pattern whose matches can start only at the given positions, in increasing order: the
     * pattern is tried there alone, its look-behind seeing the text before, each next try after the last match's end,
     * as {@link Matcher#find} goes on.
     */
    private static void collectAt(Matcher m, int[] starts, Form form, Function<Matcher, Optional<String>> read, List<Found> out, List<int[]> taken) {
        m.useTransparentBounds(true);
        int length = m.regionEnd();
        int from = 0;
        for (int at : starts) {
            if (at < from) {
                continue;
            }
            m.region(at, length);
            if (m.lookingAt()) {
                from = m.end();
                accept(m, form, read, out, taken);
            }
        }
    }

    private static void collect(Matcher m, Form form, Function<Matcher, Optional<String>> read, List<Found> out, List<int[]> taken) {
        while (m.find()) {
            accept(m, form, read, out, taken);
        }
    }

    /** The date the match reads, unless it overlaps one taken before. */
    private static void accept(Matcher m, Form form, Function<Matcher, Optional<String>> read, List<Found> out, List<int[]> taken) {
        int start = m.start();
        int end = m.end();
        if (taken.stream().anyMatch(t -> start < t[1] && end > t[0])) {
            return;
        }
        Optional<String> value = read.apply(m);
        if (value.isPresent()) {
            out.add(new Found(value.get(), form, start));
            taken.add(new int[] {start, end});
        }
    }

    private static Optional<String> numeric(Matcher m) {
        int first = Integer.parseInt(m.group(1));
        int second = Integer.parseInt(m.group(3));
        boolean dayFirst = m.group(2).startsWith(".") ? first > 12 || second <= 12 : first > 12;
        return dayFirst ? date(m.group(4), second, m.group(1)) : date(m.group(4), first, m.group(3));
    }

    private static Optional<String> yearMonthDay(Matcher m) {
        return m.group(2) != null ? named(m.group(1), m.group(2), m.group(3)) : named(m.group(1), m.group(5), m.group(4));
    }

    private static Optional<String> yearFirst(Matcher m) {
        return m.group(2) != null ? date(m.group(1), Integer.parseInt(m.group(2)), m.group(3))
                : date(m.group(1), Integer.parseInt(m.group(4)), m.group(5));
    }

    /**
     * Resolves a normalised date in {@code zone}: a date or local time is taken to be in the
     * site's zone; a time with an offset keeps its instant and is shown in the site's zone.
     */
    public static ZonedDateTime resolve(String iso, ZoneId zone) {
        if (iso.length() == 10) {
            return LocalDate.parse(iso).atStartOfDay(zone);
        }
        try {
            return OffsetDateTime.parse(iso).atZoneSameInstant(zone);
        } catch (DateTimeParseException e) {
            return LocalDateTime.parse(iso).atZone(zone);
        }
    }

    private static Optional<String> fromIso(Matcher m) {
        try {
            LocalDate date = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)));
            if (m.group(4) == null) {
                return Optional.of(date.toString());
            }
            LocalTime time = LocalTime.of(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                    m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
            LocalDateTime local = LocalDateTime.of(date, time);
            String zone = m.group(7);
            if (zone == null) {
                return Optional.of(local.toString().length() == 16 ? local + ":00" : local.toString());
            }
            String offset = zone.equals("Z") ? "Z" : zone.length() == 5 ? zone.substring(0, 3) + ":" + zone.substring(3) : zone;
            return Optional.of(OffsetDateTime.of(local, ZoneOffset.of(offset)).toString());
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Names and abbreviations of the months and the days of the week that are no one's name too (lang/*.json). */
    private static final Set<String> CALENDAR_WORDS = Language.calendarWords();

    /** Whether {@code word} names a month or a day of the week in one of the languages read here ("Nov", "Oktober", "Monday"). */
    static boolean isCalendarWord(String word) {
        return CALENDAR_WORDS.contains(word.toLowerCase(Locale.ROOT));
    }

    private static int month(String name) {
        return MONTHS.get(monthKey(name));
    }

    /** A month's name as matched, as the data writes it: lower case, one space where the page may set any white space ("tháng  3"). */
    private static String monthKey(String name) {
        return WHITE_SPACE.matcher(name.toLowerCase(Locale.ROOT)).replaceAll(" ");
    }

    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");

    /**
     * The date of a year, a month's name and a day; a year beyond the Gregorian era written with a month of a calendar
     * that counts ahead of it ("3 มีนาคม 2568") is read back by that calendar's offset.
     */
    private static Optional<String> named(String year, String monthName, String day) {
        int written = Integer.parseInt(year);
        Integer ahead = YEAR_OFFSETS.get(monthKey(monthName));
        return date(String.valueOf(ahead != null && written > LAST_YEAR ? written - ahead : written), month(monthName), day);
    }

    private static Optional<String> japaneseEra(Matcher m) {
        try {
            int year = m.group(2).equals("元") ? 1 : Integer.parseInt(m.group(2));
            return Optional.of(LocalDate.from(JapaneseDate.of(JAPANESE_ERAS.get(m.group(1)), year, Integer.parseInt(m.group(3)),
                    Integer.parseInt(m.group(4)))).toString());
        } catch (DateTimeException e) {
            return Optional.empty(); // a day the era did not have
        }
    }

    private static boolean elided(String link) {
        return link.endsWith("'") || link.endsWith("\u2019");
    }

    private static Optional<String> date(String year, int month, String day) {
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(year), month, Integer.parseInt(day)).toString());
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
