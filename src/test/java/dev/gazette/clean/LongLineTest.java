package dev.gazette.clean;

import dev.gazette.source.SourceFormat;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cleaner's scanners and regular expressions take time in proportion to the line, never a
 * power of it: a hostile 256 KB line of each shape is cleaned within a generous bound
 * (issue 9 #4: a 2 KB line of {@code a{b:c;} took 66 s; a 1 MB line never ended).
 */
class LongLineTest {
    /** Long enough that anything quadratic would take hours, short enough for a loaded CI machine. */
    private static final int LINE = 256 * 1024;

    @Test
    void findsCssRulesLikeThePatternItReplaces() {
        assertThat(LineClassifier.hasCssRule(".nav a{color:red}")).isTrue();
        assertThat(LineClassifier.hasCssRule("#main .story > p { margin: 0; padding: 1em; }")).isTrue();
        assertThat(LineClassifier.hasCssRule("body{margin:0}")).isTrue();
        assertThat(LineClassifier.hasCssRule("a{b:c;")).isFalse();
        assertThat(LineClassifier.hasCssRule("{color:red}")).isFalse();
        assertThat(LineClassifier.hasCssRule("if (x) { y = 1; }")).isFalse();
        assertThat(LineClassifier.hasCssRule("He said: {nothing} at all")).isFalse();
    }

    @Tag("slow")
    @Timeout(20)
    @ParameterizedTest
    @ValueSource(strings = {"a{b:c;", "a{b:c;}", "var a = ", "a ", "<b>", "12:30 ", "— ", "\uD83D\uDE00", "{"})
    void aLongLineOfAnyShapeIsCleanedInLinearTime(String unit) {
        String line = unit.repeat(LINE / unit.length());
        String dump = "A headline that is long enough to be one\n\n" + line + "\n\n"
                + "The article paragraph says something in a full sentence, as articles do. ".repeat(5) + "\n";
        Cleaner cleaner = new Cleaner();
        assertThat(cleaner.clean(SourceFormat.TEXT, dump, null)).isNotNull();
    }
}
