package dev.gazette.clean;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The regex-free word count agrees with splitting on {@code \s+}, whatever the spaces (no-break ones are no spaces), with
 * each Chinese character and kana counted besides.
 */
class WordCountTest {
    @Test
    void countsThePiecesASplitOnSpacesGives() {
        Random random = new Random(3);
        String alphabet = "ab \t\n\u000B\f\r\u00A0\u2003x\u2028\u001F\u4e2d\u30ab\u3002\uac00";
        for (int n = 0; n < 2_000; n++) {
            StringBuilder line = new StringBuilder();
            for (int i = n % 10 == 0 ? random.nextInt(6000) : random.nextInt(60); i > 0; i--) {
                line.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String stripped = line.toString().strip();
            int pieces = stripped.split("\\s+").length;
            // 中 and カ are words besides; the ideographic full stop and a Hangul syllable are not (Korean writes spaces).
            int split = pieces + (int) stripped.chars().filter(c -> c == '\u4e2d' || c == '\u30ab').count();
            char[] chars = stripped.toCharArray();
            assertThat(WordCount.upTo(chars, 0, chars.length, Integer.MAX_VALUE)).as("'%s'", stripped).isEqualTo(split);
            assertThat(WordCount.upTo(chars, 0, chars.length, 21)).isEqualTo(Math.min(split, 21));
            assertThat(WordCount.piecesUpTo(chars, 0, chars.length, Integer.MAX_VALUE)).isEqualTo(pieces);
            assertThat(WordCount.of(line.toString())).isEqualTo(stripped.isEmpty() ? 0 : split);
        }
    }

    /** A paragraph of Chinese or Japanese, which write no spaces, counts a word for each of its characters, not one for all. */
    @Test
    void chineseAndJapaneseCountTheirCharacters() {
        String chinese = "市政府周二宣布，新的轻轨线路将于明年春季开通，连接港口区和大学城。";
        String japanese = "市は火曜日、港と大学を結ぶ新しい路面電車の路線が来年の春に開業すると発表した。";
        String korean = "시는 화요일 항구와 대학가를 잇는 새 경전철 노선이 내년 봄에 개통된다고 발표했다.";
        assertThat(WordCount.of(chinese)).isEqualTo(1 + 30); // the piece, and its 30 characters but the 3 marks
        assertThat(WordCount.of(japanese)).isEqualTo(1 + 37);
        assertThat(WordCount.of(korean)).isEqualTo(12); // Korean writes spaces between its words
    }
}
