package dev.gazette.clean;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The trainer's choice model and its rule for which expected bylines are no bylines. */
class LineModelTrainerTest {
    private static final List<String> NAMES = List.of("a", "b", "c");
    private static final double[] HIDDEN = {2.0, -1.5, 0.5};

    /**
     * Generated pages of three to eight candidates, the right one the best by hidden weights
     * (plus noise): fitted on 300 pages, the model picks the right candidate of unseen pages far
     * more often than chance, and its calibrated probability is higher for right candidates.
     */
    @Test
    void choiceModelLearnsWhichCandidateIsRight() {
        LineModel model = LineModelTrainer.fitChoice(NAMES, pages(new Random(7), 300), 0.5);
        Random random = new Random(8);
        int right = 0;
        double chance = 0;
        int pages = 200;
        double pRight = 0;
        double pWrong = 0;
        int wrongs = 0;
        for (LineModelTrainer.Field page : pages(random, pages)) {
            HeaderCandidates.Candidate best = HeaderCandidates.choose(page.candidates(), model.withThreshold(0));
            right += best.value().equals(page.truth()) ? 1 : 0;
            chance += 1.0 / page.candidates().size();
            for (HeaderCandidates.Candidate c : page.candidates()) {
                if (c.value().equals(page.truth())) {
                    pRight += model.probability(c.features());
                } else {
                    pWrong += model.probability(c.features());
                    wrongs++;
                }
            }
        }
        assertThat(right).as("right choices of %d pages (chance: %.0f)", pages, chance).isGreaterThan((int) (0.8 * pages));
        assertThat(pRight / pages).as("mean probability of right candidates").isGreaterThan(2 * pWrong / wrongs);
    }

    /**
     * A page feature (one value for all of a page's candidates: here how many it has) is read by the calibration, not the
     * choice: pages with one candidate, right nine times in ten whatever its features, get a probability near that, where
     * the score alone, calibrated on pages where several compete, gives them far less; the choice within a page is the same.
     */
    @Test
    void pageFeatureIsReadByTheCalibration() {
        List<String> names = List.of("a", "b", "c", "log_candidates");
        List<LineModelTrainer.Field> train = withSoleCandidates(new Random(9), 300);
        LineModel with = LineModelTrainer.fitChoice(names, train, 0.5, LineModelTrainer.CHOICE_L2, false, List.of("log_candidates"));
        LineModel without = LineModelTrainer.fitChoice(names, train, 0.5, LineModelTrainer.CHOICE_L2, false, List.of());
        double pWith = 0;
        double pWithout = 0;
        int sole = 0;
        for (LineModelTrainer.Field page : withSoleCandidates(new Random(10), 200)) {
            if (page.candidates().size() == 1) {
                pWith += with.probability(page.candidates().get(0).features());
                pWithout += without.probability(page.candidates().get(0).features());
                sole++;
            } else {
                assertThat(HeaderCandidates.choose(page.candidates(), with.withThreshold(0)))
                        .isSameAs(HeaderCandidates.choose(page.candidates(), without.withThreshold(0)));
            }
        }
        assertThat(pWith / sole).as("mean probability of a sole candidate, page feature read").isBetween(0.75, 1.0);
        assertThat(pWithout / sole).as("the same, the score alone").isLessThan(pWith / sole - 0.2);
    }

    /** {@link #pages}, half of them one candidate only, and each candidate's fourth feature ln(1 + its page's candidates). */
    private static List<LineModelTrainer.Field> withSoleCandidates(Random random, int n) {
        List<LineModelTrainer.Field> out = new ArrayList<>();
        for (LineModelTrainer.Field page : pages(random, n)) {
            List<HeaderCandidates.Candidate> candidates = random.nextBoolean() ? page.candidates().subList(0, 1) : page.candidates();
            String truth = candidates.size() > 1 ? page.truth() : random.nextDouble() < 0.9 ? candidates.get(0).value() : "elsewhere";
            List<HeaderCandidates.Candidate> counted = candidates.stream().map(c -> new HeaderCandidates.Candidate(c.value(), c.line(),
                    new double[] {c.features()[0], c.features()[1], c.features()[2], Math.log1p(candidates.size())})).toList();
            out.add(new LineModelTrainer.Field(truth, counted, 1.0, String::equals));
        }
        return out;
    }

    private static List<LineModelTrainer.Field> pages(Random random, int n) {
        List<LineModelTrainer.Field> out = new ArrayList<>();
        for (int p = 0; p < n; p++) {
            int size = 3 + random.nextInt(6);
            List<HeaderCandidates.Candidate> candidates = new ArrayList<>();
            int best = 0;
            double top = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < size; i++) {
                double[] x = {random.nextGaussian(), random.nextGaussian(), random.nextDouble() < 0.3 ? 1 : 0};
                double s = HIDDEN[0] * x[0] + HIDDEN[1] * x[1] + HIDDEN[2] * x[2] + 0.3 * random.nextGaussian();
                if (s > top) {
                    top = s;
                    best = i;
                }
                candidates.add(new HeaderCandidates.Candidate("c" + i, i, x));
            }
            out.add(new LineModelTrainer.Field("c" + best, candidates, 1.0, String::equals));
        }
        return out;
    }

    @Test
    void expectedBylinesThatAreNoBylinesAreSetAsideWithTheirReason() {
        String page = "Storm hits coast. By Jane Doe and John Roe. Photos: Ann Poe";
        assertThat(LineModelTrainer.notAByline("Jane Doe", page)).isNull();
        assertThat(LineModelTrainer.notAByline("Jane Doe and John Roe", page)).isNull();
        assertThat(LineModelTrainer.notAByline("Jane Doe", null)).as("no saved page to check against").isNull();
        assertThat(LineModelTrainer.notAByline("www.facebook.com", page)).isEqualTo("web address");
        assertThat(LineModelTrainer.notAByline("Jane Doe and John Roe and Ann Poe and Max Moe", page)).isEqualTo("more than 3 names");
        assertThat(LineModelTrainer.notAByline("Jane Doe, John Roe, Ann Poe, Max Moe", page)).isEqualTo("more than 3 names");
        assertThat(LineModelTrainer.notAByline("Max Moe", page)).isEqualTo("not in the page's text");
    }
}
