package dev.gazette.enrich;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Numeric dates that read two ways: {@code 03/04/2025} is 4 March in the United States and
 * 3 April almost everywhere else. The date parser has to pick one; the curator is told which.
 */
final class AmbiguousDates {
    /** Day and month as numbers, in either order, then the year: the forms the date parser reads. */
    private static final Pattern NUMERIC = Pattern.compile("(\\d{1,2})([./])(\\d{1,2})\\2(\\d{4})\\b.*", Pattern.DOTALL);
    private static final DateTimeFormatter SPELLED = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);

    private AmbiguousDates() {
    }

    /**
     * @param written what the front matter says
     * @param readAs  the date it was read as
     * @return a warning naming both readings, or empty when {@code written} reads one way only
     */
    static Optional<String> warning(String written, LocalDate readAs) {
        Matcher m = NUMERIC.matcher(written.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        int first = Integer.parseInt(m.group(1));
        int second = Integer.parseInt(m.group(3));
        if (first == second || first < 1 || second < 1 || first > 12 || second > 12) {
            return Optional.empty();
        }
        LocalDate other;
        try {
            other = LocalDate.of(readAs.getYear(), readAs.getDayOfMonth(), readAs.getMonthValue());
        } catch (DateTimeException e) {
            return Optional.empty();
        }
        return Optional.of("'" + written.strip() + "' can be read two ways: taken as " + SPELLED.format(readAs)
                + "; write " + readAs + " to keep that, or " + other + " for " + SPELLED.format(other));
    }
}
