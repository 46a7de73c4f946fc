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
}
