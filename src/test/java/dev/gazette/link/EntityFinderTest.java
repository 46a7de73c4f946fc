package dev.gazette.link;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class EntityFinderTest {
    private final EntityFinder finder = new EntityFinder();

    @Test
    void findsNamesBrandsAndAcronymsButNotSentenceStarts() {
        Map<String, EntityFinder.Entity> found = finder.find("Harbour Trust Buys the Old Mill",
                "Yesterday the Harbour Trust said that CEO Mara Quist had agreed the deal with OpenMill. "
                        + "However, the U.S. buyer walked away. Quist said the Harbour Trust would reopen the mill in May.");
        assertThat(found.keySet()).contains("harbour trust", "mara quist", "openmill", "us")
                .doesNotContain("yesterday", "however", "ceo", "may", "buys", "old mill");
        // "Quist" alone counts for the full name; the title-case headline adds only names the prose confirms.
        assertThat(found.get("mara quist").forms()).containsExactlyInAnyOrder("Mara Quist", "Quist");
        assertThat(found.get("harbour trust").mentions()).isEqualTo(3);
    }

    @Test
    void aCapitalisedWordOpeningASentenceIsNotPartOfTheName() {
        Map<String, EntityFinder.Entity> found = finder.find("", "Unlike Chinese firms, it waited. Chinese rivals moved first.");
        assertThat(found.keySet()).contains("chinese").doesNotContain("unlike chinese");
    }

    @Test
    void recognisesTitleCaseLines() {
        assertThat(EntityFinder.isTitleCase("OpenAI Scrambles to Rethink China Strategy as DeepSeek Disrupts AI Race")).isTrue();
        assertThat(EntityFinder.isTitleCase("Sam Altman signals OpenAI’s desire to partner with China")).isFalse();
    }

    @Test
    void wordsAreFoundAsTheWordPatternFindsThem() {
        Pattern word = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}\\p{M}.'’&-]*");
        String alphabet = "aZé9٣Ⅻ\u0301\u20DD\u0903.'’&- ,\n\uD835\uDC00\uD83D\uDE00\uD800\uDC00\uDC00\uD800\u00B2_";
        Random random = new Random(11);
        int words = 0;
        for (int n = 0; n < 5000; n++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(14);
            for (int k = 0; k < length; k++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            Matcher expected = word.matcher(text);
            EntityFinder.Words found = new EntityFinder.Words(text.toString());
            while (expected.find()) {
                assertThat(found.find()).as(text.toString()).isTrue();
                assertThat(new int[] {found.start(), found.end()}).as(text.toString())
                        .containsExactly(expected.start(), expected.end());
                words++;
            }
            assertThat(found.find()).as(text.toString()).isFalse();
        }
        assertThat(words).isGreaterThan(5000);
    }

    /**
     * Paragraphs read in place find what paragraphs copied out found: the digest below is of what
     * the finder of 3591656 (which copied each paragraph out before reading it) found in these
     * generated texts — names, function words, acronyms, sentence ends, every kind of space and
     * paragraph break, and characters outside the Basic Multilingual Plane, halves of pairs among
     * them. A change to the generator or to what the finder finds changes it: compare the old and
     * new finder's output on the texts before taking a new digest.
     */
    @Test
    void paragraphsReadInPlaceFindWhatCopiedParagraphsFound() {
        Random random = new Random(20261201);
        MessageDigest digest = sha256();
        int names = 0;
        for (int n = 0; n < 4000; n++) {
            StringBuilder title = new StringBuilder();
            for (int k = random.nextInt(8); k > 0; k--) {
                title.append(PIECES.get(random.nextInt(PIECES.size()))).append(random.nextInt(3) == 0 ? "" : " ");
            }
            StringBuilder text = new StringBuilder();
            for (int k = random.nextInt(120); k > 0; k--) {
                text.append(PIECES.get(random.nextInt(PIECES.size()))).append(random.nextInt(3) == 0 ? "" : " ");
            }
            String body = random.nextInt(20) == 0 ? null : text.toString();
            Map<String, EntityFinder.Entity> found = finder.find(title.toString(), body);
            if (body != null) {
                // Read in place from the text as the text step lays it out (the title twice, then the
                // body: here after white space that the parts strip), the same entities.
                String padded = " \n\t".substring(n % 4) + body;
                char[] laidOut = TermAnalyzer.laidOut(title.toString(), padded);
                assertThat(finder.find(title.toString(), padded, Integer.MIN_VALUE, laidOut, 0, 2 * title.length() + 2))
                        .isEqualTo(found);
            }
            found.forEach((key, entity) -> update(digest, key + "\u0000" + entity.name() + "\u0000"
                    + new TreeSet<>(entity.forms()) + "\u0000" + entity.score() + "\u0000" + entity.mentions() + "\n"));
            update(digest, "\u0001");
            names += found.size();
        }
        assertThat(names).isGreaterThan(4000);
        assertThat(HexFormat.of().formatHex(digest.digest())).isEqualTo(FOUND_BY_COPIED_PARAGRAPHS);
    }

    /**
     * Lines of up to twenty words read in place are told title case as the split, trimmed and
     * folded words of 3591656 told them: the digest is of those answers, one bit per line.
     */
    @Test
    void titleCaseIsToldAsFromTheSplitWords() {
        Random random = new Random(1201);
        MessageDigest digest = sha256();
        int titleCase = 0;
        for (int n = 0; n < 20000; n++) {
            StringBuilder line = new StringBuilder();
            for (int k = random.nextInt(24); k > 0; k--) {
                String piece = PIECES.get(random.nextInt(PIECES.size()));
                line.append(random.nextBoolean() ? piece : piece.toUpperCase(Locale.ROOT)).append(random.nextInt(4) == 0 ? "" : " ");
            }
            boolean found = EntityFinder.isTitleCase(line.toString());
            digest.update((byte) (found ? 1 : 0));
            titleCase += found ? 1 : 0;
        }
        assertThat(titleCase).isGreaterThan(1000);
        assertThat(HexFormat.of().formatHex(digest.digest())).isEqualTo(TITLE_CASE_AS_SPLIT_WORDS);
    }

    /** SHA-256 of what the finder of 3591656 found in {@link #paragraphsReadInPlaceFindWhatCopiedParagraphsFound}'s texts. */
    private static final String FOUND_BY_COPIED_PARAGRAPHS = "b9fcde06633db20928d82000b1bbf6355d50dac80c7a81b39c8b7e6519c505a9";
    /** SHA-256 of 3591656's title-case answers for {@link #titleCaseIsToldAsFromTheSplitWords}'s lines. */
    private static final String TITLE_CASE_AS_SPLIT_WORDS = "13dd8f71305779bdbd992c0145079180d2e3187a64041959c24c5fa335fad29b";

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void update(MessageDigest digest, String text) {
        digest.update(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Names, function words, acronyms, sentence ends, every kind of space and break, pairs and halves of pairs. */
    private static final List<String> PIECES = List.of("Harbour", "Trust", "Mara", "Quist", "OpenAI", "U.S.", "the", "and", "of", "Mr", "May",
                "Monday", "said", "deal", "Écosse", "Öl", "Quist's", "Trust’s", "AI", "IBM,", "mill.", "Why?", "yes!", " ", " ",
                "  ", ", ", ". ", ": ", "; ", " — ", " “", "” ", "(", ")", "\n", "\n\n", "\n \n", "\n\t\n\n", "\t", "\u00a0",
                "\u2028", "\u000B", "\f", "\r\n\r\n", "\uD835\uDC00", "\uD83D\uDE00", "\uD800", "\uDC00", "e\u0301",
                "'s", "’s", "O'Neill", "Zoë", "Cost of the AI", "The Case For an End", "The", "A", "In", "\u0130stanbul", "Harbour Trust Buys the Old Mill", "A Long Headline Written In Title Case");
}
