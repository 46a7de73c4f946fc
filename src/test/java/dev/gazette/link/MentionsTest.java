package dev.gazette.link;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class MentionsTest {
    private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\n\\s*\n");
    private static final List<String> PIECES = List.of("word", "A longer sentence of several words that ends here.",
            "\n", "\n\n", "\n \n", "\n\t\n\n", " ", "\r\n\r\n", "\u00a0", "\n\u00a0\n", "\f", "\u000B", "é😀", "\n\n\n");

    /** The paragraphs found with indexOf are the ones splitting at the paragraph-break pattern gives. */
    @Test
    void paragraphsAreTheOnesThePatternSplitsInto() {
        Random random = new Random(112026);
        for (int n = 0; n < 5000; n++) {
            StringBuilder text = new StringBuilder(random.nextBoolean() ? "" : "x");
            for (int k = random.nextInt(12); k >= 0; k--) {
                text.append(PIECES.get(random.nextInt(PIECES.size())));
            }
            String body = random.nextBoolean() ? text.toString().strip() : text + "end";
            int[] bounds = Mentions.Parts.paragraphs(body);
            List<String> found = new ArrayList<>();
            for (int i = 0; i < bounds.length; i += 2) {
                found.add(body.substring(bounds[i], bounds[i + 1]));
            }
            assertThat(found).as(body).containsExactly(PARAGRAPH_BREAK.split(body));
        }
    }

    /** Each part's paragraphs are the ones splitting the part at the paragraph-break pattern gives. */
    @Test
    void partsParagraphsAreThePartSplit() {
        Random random = new Random(301126);
        for (int n = 0; n < 5000; n++) {
            StringBuilder text = new StringBuilder(random.nextBoolean() ? "" : "x");
            for (int k = random.nextInt(16); k >= 0; k--) {
                text.append(PIECES.get(random.nextInt(PIECES.size())));
            }
            String title = random.nextInt(4) == 0 ? "A\n\nheadline" : "A headline";
            Mentions.Parts parts = Mentions.Parts.of(title, random.nextInt(10) == 0 ? null : text.toString());
            for (Mentions where : Mentions.values()) {
                List<String> paragraphs = new ArrayList<>();
                int[] bounds = parts.paragraphRanges(where);
                for (int r = 0; r < bounds.length; r += 2) {
                    paragraphs.add(parts.source(where).substring(bounds[r], bounds[r + 1]));
                }
                // An empty rest splits into one empty paragraph, which holds no words: its range is left out.
                assertThat(paragraphs.isEmpty() ? List.of("") : paragraphs).as(where + ": " + text)
                        .containsExactly(PARAGRAPH_BREAK.split(parts.part(where)));
                // The ranges the tagger reads are the part's paragraphs, which the part joins with breaks.
                int[] ranges = parts.ranges(where);
                StringBuilder joined = new StringBuilder();
                for (int r = 0; r < ranges.length; r += 2) {
                    joined.append(parts.source(where), ranges[r], ranges[r + 1]).append(where == Mentions.BODY ? "\n\n" : "");
                }
                assertThat(joined.toString()).as(where + ": " + text).isEqualTo(parts.part(where));
            }
        }
    }
}
