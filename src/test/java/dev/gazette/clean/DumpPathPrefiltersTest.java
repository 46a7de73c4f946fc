package dev.gazette.clean;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cheap tests that let the dump path skip a regular expression on most lines must never skip one that would
 * match: each is checked against its pattern on texts made of the pieces where case folding, surrogates and white
 * space make it hardest (the private patterns and tests are read by reflection, as they are no API).
 */
class DumpPathPrefiltersTest {
    private static final List<String> PIECES = List.of(" ", "  ", "\t", "\u00A0", "\u3000", ",", ".", "|", "(", "c", "C", "©",
            "ⓒ", "Ⓒ", "(c)", "copyright", "COPYRİGHT", "İ", "ı", "ſ", "K", "\uD835\uDC00", "May", "MAY", "mayo", "Mayday",
            "déc.", "Sept.", "ſept", "5", "18th", "2020", "de", "Jane", "Doe", "editor", "EDITOR", "Redakteurin", "기자", "記者", "訳",
            "senior", "SENİOR", "staff", "Staff Writer", "1.", "•", "-", "x", "var", "If", "if", "for", "window.", "(function",
            "!function", "$(", "jQuery", "a.b", ".push", "=", "==", ";", "{", "\u0085");

    /** A text of one to nine pieces, each picked by an index. */
    private static void forTexts(Consumer<String> check) {
        PieceTexts.forTexts(PIECES, check);
    }

    private static Pattern pattern(Class<?> owner, String name) throws ReflectiveOperationException {
        return (Pattern) PieceTexts.staticField(owner, name);
    }

    private static Predicate<String> test(Class<?> owner, String name) {
        return text -> (boolean) PieceTexts.callStatic(owner, name, new Class<?>[] {String.class}, text);
    }

    @Test
    void aRoleIsLookedForWhereverThePatternFindsOne() throws ReflectiveOperationException {
        Pattern role = pattern(HeaderCandidates.class, "ROLE");
        Predicate<String> may = test(HeaderCandidates.class, "mayHaveRole");
        forTexts(text -> assertThat(!role.matcher(text).find() || may.test(text)).as(text).isTrue());
        assertThat(HeaderCandidates.credit("Jane Doe\tSENİOR Editor")).isEqualTo("Jane Doe | SENİOR Editor");
        assertThat(HeaderCandidates.credit("홍길동 기자")).isEqualTo("홍길동 | 기자");
    }

    @Test
    void aCopyrightNoticeIsReadWhereverThePatternMatches() throws ReflectiveOperationException {
        Pattern notice = pattern(CopyrightHolder.class, "NOTICE");
        Predicate<String> may = test(CopyrightHolder.class, "mayBeNotice");
        forTexts(text -> assertThat(!notice.matcher(text).matches() || may.test(text)).as(text).isTrue());
        List<DumpLine> lines = DumpLine.parse("Aldwick Chronicle\n\nThe story.\n\nAldwick Chronicle\n\n \tⒸ 2024 Aldwick Chronicle\n");
        assertThat(CopyrightHolder.in(lines)).isEqualTo("Aldwick Chronicle");
    }

    @Test
    void monthFirstDatesAreTriedWhereverThePatternFindsOne() throws ReflectiveOperationException {
        Pattern monthDayYear = pattern(DateParser.class, "MONTH_DAY_YEAR");
        Method runs = DateParser.class.getDeclaredMethod("monthRuns", String.class);
        runs.setAccessible(true);
        forTexts(text -> {
            try {
                int[] starts = (int[]) runs.invoke(null, text);
                List<Integer> allowed = new ArrayList<>();
                for (int s : starts) {
                    allowed.add(s);
                }
                Matcher m = monthDayYear.matcher(text);
                while (m.find()) {
                    assertThat(allowed).as(text).contains(m.start());
                }
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
        });
        assertThat(DateParser.findAll("Mayday MAY 5, 2020 · déc. 18, 2021").stream().map(DateParser.Found::value).toList())
                .containsExactly("2020-05-05", "2021-12-18");
    }

    @Test
    void scriptStatementsAreLookedForWhereverThePatternFindsOne() throws ReflectiveOperationException {
        Pattern statement = pattern(LineClassifier.class, "STATEMENT");
        Predicate<String> may = test(LineClassifier.class, "mayBeStatement");
        forTexts(text -> assertThat(!statement.matcher(text).lookingAt() || may.test(text)).as(text).isTrue());
    }

    @Test
    void listItemsAndNamesReadAsThePatternsRead() {
        List<DumpLine> lines = DumpLine.parse("\t3. Third step\n\n \u000B• A point\n\n-5 degrees\n");
        assertThat(lines).extracting(l -> l.ordered, l -> l.bullet).containsExactly(
                org.assertj.core.groups.Tuple.tuple(true, false), org.assertj.core.groups.Tuple.tuple(false, true),
                org.assertj.core.groups.Tuple.tuple(false, false));
        assertThat(TextHeader.nameOf("Jane \t Doe, Reporter")).isEqualTo("Jane Doe");
    }
}
