package dev.gazette.clean;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which lines are headline candidates, and which of them the opener may choose. */
class TitleCandidatesTest {
    private static final String PARAGRAPH = "The ferry between the two islands will run all winter for the first time, the council said on Friday,"
            + " after a second boat was leased from an operator on the mainland for the months when the crossing used to close.";

    /**
     * A page whose run starts far under its headline (at its comments, or a second story) still offers that headline to
     * the title model, marked far_above; the opener, which lays the article out, chooses among lines within TextHeader's
     * window only, and among whole lines only.
     */
    @Test
    void headlineFarAboveTheRunIsATitleCandidateButNotAnOpener() {
        List<String> dump = new ArrayList<>();
        dump.add("Ferry to run all winter between the two islands");
        dump.add("by Jane Doe");
        for (int i = 0; i < 60; i++) {
            dump.add("Menu entry number " + i);
        }
        for (int i = 0; i < 5; i++) {
            dump.add(PARAGRAPH);
        }
        TextExtractor extractor = new TextExtractor();
        TextExtractor.Scored scored = extractor.score(String.join("\n", dump));
        List<DumpLine> lines = scored.lines();
        int runStart = lines.size() - 5;
        List<HeaderCandidates.Candidate> all = TitleCandidates.of(lines, runStart, lines.size() - 1, scored.lang());
        int far = TitleCandidates.FEATURES.indexOf("far_above");
        int part = TitleCandidates.FEATURES.indexOf("reflow_part");
        assertThat(all).anySatisfy(c -> {
            assertThat(c.value()).isEqualTo("Ferry to run all winter between the two islands");
            assertThat(c.line()).isEqualTo(0);
            assertThat(c.features()[far]).isEqualTo(1);
            assertThat(c.features()[part]).isEqualTo(1);
        });
        List<HeaderCandidates.Candidate> openers = TitleCandidates.openers(all);
        assertThat(openers).isNotEmpty().allSatisfy(c -> {
            assertThat(c.line()).isGreaterThanOrEqualTo(runStart - TextHeader.TITLE_WINDOW);
            assertThat(c.features()[part]).isZero();
        });
        assertThat(all.size()).isGreaterThan(openers.size());
    }

    /**
     * The title model's own features follow the opener's in every candidate, and the shipped opener has weights for the
     * opener's alone: what the title-only features teach cannot move where the article starts.
     */
    @Test
    void theOpenerNeverReadsTheTitleOnlyFeatures() {
        HeaderCandidates.Models shipped = HeaderCandidates.Models.shipped();
        assertThat(shipped.opener().names()).isEqualTo(TitleCandidates.FEATURES);
        assertThat(shipped.title().names()).isEqualTo(TitleCandidates.TITLE_FEATURES);
        assertThat(TitleCandidates.TITLE_FEATURES.subList(0, TitleCandidates.FEATURES.size())).isEqualTo(TitleCandidates.FEATURES);
        assertThat(TitleCandidates.TITLE_ONLY).isNotEmpty().doesNotContainAnyElementsOf(TitleCandidates.FEATURES);
    }

    /**
     * A headline in title case over its standfirst in sentence case, the standfirst over the byline, and the headline
     * again in a share label further down: the standfirst is marked as under a title-case line, the headline as a piece
     * of a longer line, and the title model prints the headline, not the line nearest the byline.
     */
    @Test
    void headlineOverItsStandfirstInSentenceCase() {
        List<String> dump = new ArrayList<>(List.of("Home", "", "News", "", "Island Ferry Will Run All Winter For The First Time", "",
                "The council leased a second boat from an operator on the mainland for the cold months", "", "By Jane Doe", ""));
        for (int i = 0; i < 5; i++) {
            dump.add(PARAGRAPH);
            dump.add("");
        }
        dump.add("Share on Twitter: Island Ferry Will Run All Winter For The First Time");
        TextExtractor extractor = new TextExtractor();
        TextExtractor.Scored scored = extractor.score(String.join("\n", dump));
        HeaderCandidates.Layout a = extractor.layout(scored);
        List<String> names = TitleCandidates.TITLE_FEATURES;
        HeaderCandidates.Candidate headline = a.titles().stream().filter(c -> c.value().startsWith("Island")).findFirst().orElseThrow();
        HeaderCandidates.Candidate standfirst = a.titles().stream().filter(c -> c.value().startsWith("The council")).findFirst().orElseThrow();
        assertThat(headline.features()[names.indexOf("piece_of_longer_line")]).isEqualTo(1);
        assertThat(headline.features()[names.indexOf("title_case_over")]).isEqualTo(1);
        assertThat(headline.features()[names.indexOf("long_words_capitalised")]).isEqualTo(1);
        assertThat(standfirst.features()[names.indexOf("under_title_case")]).isEqualTo(1);
        assertThat(standfirst.features()[names.indexOf("piece_of_longer_line")]).isZero();
        assertThat(extractor.extract(scored).title()).isEqualTo("Island Ferry Will Run All Winter For The First Time");
    }
}
