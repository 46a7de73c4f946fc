package dev.gazette.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SlicesTest {
    /** Slices of one- and two-byte strings, and other text, appended to the builder come out as appended. */
    @Test
    void aBuilderForAStringAppendsItsSlicesAndAnythingElse() {
        for (String text : new String[] {"", "plain words", "a dash \u2014 in words", "\u00e7a \ud83d\ude00 va"}) {
            StringBuilder out = Slices.builderFor(text, 4);
            assertThat(out).isEmpty();
            for (int from = 0; from <= text.length(); from++) {
                out.append(text, from, text.length()).append('|').append("\u2014x");
            }
            StringBuilder expected = new StringBuilder();
            for (int from = 0; from <= text.length(); from++) {
                expected.append(text.substring(from)).append("|\u2014x");
            }
            assertThat(out.toString()).isEqualTo(expected.toString());
        }
    }

    /** A builder begun with a slice holds that slice, from the start of the text or not, and takes more after it. */
    @Test
    void aBuilderBegunWithASliceHoldsItAndWhatFollows() {
        for (String text : new String[] {"", "plain words", "a dash \u2014 in words", "\u00e7a \ud83d\ude00 va"}) {
            for (int from = 0; from <= text.length(); from++) {
                for (int to = from; to <= text.length(); to++) {
                    StringBuilder out = Slices.append(null, text, from, to, 2);
                    assertThat(out.toString()).isEqualTo(text.substring(from, to));
                    out = Slices.append(out, text, 0, text.length(), 0).append("\u2014");
                    assertThat(out.toString()).isEqualTo(text.substring(from, to) + text + "\u2014");
                }
            }
        }
    }
}
