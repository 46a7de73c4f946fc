package dev.gazette.clean;

import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

class WordsTest {
    /** The folding loops replaced these regex replacements on the hot path; they must give the same strings. */
    @Test
    void foldsRunsAsTheRegexesTheyReplacedDo() {
        Pattern punctuationAndSpace = Pattern.compile("[\\s\\p{P}\\p{S}]+");
        Pattern spaces = Pattern.compile("\\s+");
        qt().withExamples(5000).forAll(strings().allPossible().ofLengthBetween(0, 12), strings().ascii().ofLengthBetween(0, 12))
                .checkAssert((any, ascii) -> {
                    String text = any + ascii + any;
                    assertThat(Words.comparable(text)).as(text)
                            .isEqualTo(punctuationAndSpace.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ").strip());
                    assertThat(Words.foldRuns(text, Words::isAsciiSpace)).as(text).isEqualTo(spaces.matcher(text).replaceAll(" "));
                });
    }

    @Test
    void comparableFoldsPunctuationSymbolsAndSpaceToSingleSpaces() {
        assertThat(Words.comparable("  Hello, World! — “Quoted” £5 ")).isEqualTo("hello world quoted 5");
    }
}
