package dev.gazette.clean;

import com.vladsch.flexmark.ast.util.Parsing;
import com.vladsch.flexmark.util.data.MutableDataSet;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The classes of the characters beside an emphasis run, against flexmark's regular expressions. */
class BoundsOnlyInlineParserTest {
    @Test
    void classesEveryCharacterAsFlexmarksPatternsDo() {
        Parsing parsing = new Parsing(new MutableDataSet());
        int punctuation = 0;
        int whitespace = 0;
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            String alone = String.valueOf((char) c);
            boolean isPunctuation = parsing.PUNCTUATION.matcher(alone).matches();
            boolean isWhitespace = parsing.UNICODE_WHITESPACE_CHAR.matcher(alone).matches();
            assertThat(BoundsOnlyInlineParser.punctuation((char) c)).as("punctuation U+%04X", c).isEqualTo(isPunctuation);
            assertThat(BoundsOnlyInlineParser.whitespace((char) c)).as("whitespace U+%04X", c).isEqualTo(isWhitespace);
            punctuation += isPunctuation ? 1 : 0;
            whitespace += isWhitespace ? 1 : 0;
        }
        assertThat(punctuation).isGreaterThan(500);
        assertThat(whitespace).isGreaterThan(15);
    }
}
