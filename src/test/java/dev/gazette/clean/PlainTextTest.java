package dev.gazette.clean;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The plain text a body is told as: paragraphs collapsed and stripped, a blank line between them. */
class PlainTextTest {
    @Test
    void collapsesSpacesAndSeparatesBlocks() {
        PlainText.Builder text = new PlainText.Builder();
        text.append("  Rates\u00A0 rose,\t");
        text.append(" again ");
        text.lineBreak();
        text.append("  then fell. ");
        text.blockEdge();
        text.blockEdge();
        text.append("\n \u2003 ");
        text.blockEdge();
        text.append("Next\u2003");
        PlainText.Counted built = text.build();
        assertThat(built.text()).isEqualTo("Rates rose, again\nthen fell.\n\nNext");
        assertThat(built.words()).isEqualTo(6);
    }

    /**
     * Told in any pieces, the text is what collapsing and stripping each whole paragraph gives, and
     * the words counted as it was told are the words of the text (white space other than spaces and
     * line breaks, such as U+3000 or U+001C, is a word's character to the count but stripped at a
     * paragraph's ends).
     */
    @Test
    void equalsCollapsingEachWholeParagraph() {
        Random random = new Random(20261129);
        String[] pieces = {" ", "  ", "\u00A0", "\t", "\u000B", "\f", "\r", "\n", "\u2003", "\u3000", "\u001C", "word", "é",
                "\uD83D\uDE00", "a b", " x ", "\n\n", "“q”", "中文", "カ", " 中 ", "a中"};
        for (int i = 0; i < 3000; i++) {
            PlainText.Builder text = new PlainText.Builder();
            List<StringBuilder> paragraphs = new ArrayList<>(List.of(new StringBuilder()));
            int steps = random.nextInt(30);
            for (int s = 0; s < steps; s++) {
                int kind = random.nextInt(10);
                if (kind == 0) {
                    text.blockEdge();
                    paragraphs.add(new StringBuilder());
                } else if (kind == 1) {
                    text.lineBreak();
                    paragraphs.get(paragraphs.size() - 1).append('\n');
                } else {
                    StringBuilder piece = new StringBuilder();
                    for (int k = random.nextInt(4); k >= 0; k--) {
                        piece.append(pieces[random.nextInt(pieces.length)]);
                    }
                    text.append(piece);
                    paragraphs.get(paragraphs.size() - 1).append(piece);
                }
            }
            StringBuilder expected = new StringBuilder();
            for (StringBuilder paragraph : paragraphs) {
                String p = collapse(paragraph.toString()).strip();
                if (!p.isEmpty()) {
                    expected.append(p).append("\n\n");
                }
            }
            PlainText.Counted built = text.build();
            assertThat(built.text()).as("case %d", i).isEqualTo(expected.toString().strip());
            assertThat(built.words()).as("case %d: '%s'", i, built.text()).isEqualTo(WordCount.of(built.text()));
        }
    }

    /** The rule as first written, over a whole paragraph: spaces, tabs and no-break spaces to one space, none next to a line break. */
    private static String collapse(String paragraph) {
        String s = paragraph.replaceAll("[ \u00A0\t\u000B\f\r]+", " ");
        s = s.replaceAll(" ?\n ?", "\n");
        return s.startsWith(" ") ? s.substring(1) : s;
    }
}
