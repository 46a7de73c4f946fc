package dev.gazette.clean;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The regex-free word count agrees with splitting on {@code \s+}, whatever the spaces (no-break ones are no spaces). */
class WordCountTest {
    @Test
    void countsThePiecesASplitOnSpacesGives() {
        Random random = new Random(3);
        String alphabet = "ab \t\n\u000B\f\r\u00A0\u2003x\u2028\u001F";
        for (int n = 0; n < 2_000; n++) {
            StringBuilder line = new StringBuilder();
            for (int i = n % 10 == 0 ? random.nextInt(6000) : random.nextInt(60); i > 0; i--) {
                line.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String stripped = line.toString().strip();
            int split = stripped.split("\\s+").length;
            char[] chars = stripped.toCharArray();
            assertThat(WordCount.upTo(chars, 0, chars.length, Integer.MAX_VALUE)).as("'%s'", stripped).isEqualTo(split);
            assertThat(WordCount.upTo(chars, 0, chars.length, 21)).isEqualTo(Math.min(split, 21));
            assertThat(WordCount.of(line.toString())).isEqualTo(stripped.isEmpty() ? 0 : split);
        }
    }
}
