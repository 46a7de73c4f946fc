package dev.gazette.clean;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The pair model's features and when it takes the title model's runner-up. */
class TitlePairsTest {
    private static final int D = TitleCandidates.TITLE_FEATURES.size();
    private static final int LOG_WORDS = TitleCandidates.TITLE_FEATURES.indexOf("log_words");

    /** A title model that prefers longer lines, and reads nothing else. */
    private static final LineModel LONGER = model(TitleCandidates.TITLE_FEATURES, "log_words", 2, 0);

    private static HeaderCandidates.Candidate candidate(String value, int line, double logWords) {
        double[] x = new double[D];
        x[LOG_WORDS] = logWords;
        return new HeaderCandidates.Candidate(value, line, x);
    }

    /** A model of {@code names} with weight {@code w} on {@code feature} alone, unstandardised. */
    private static LineModel model(List<String> names, String feature, double w, double bias) {
        double[] weights = new double[names.size()];
        weights[names.indexOf(feature)] = w;
        double[] scale = new double[names.size()];
        Arrays.fill(scale, 1);
        return new LineModel(names, new double[names.size()], scale, weights, bias, 0);
    }

    /** A headline on line 4, shorter than the standfirst under it. */
    private static HeaderCandidates.Candidate headline() {
        return candidate("Headline", 4, 1.0);
    }

    private static HeaderCandidates.Candidate standfirst() {
        return candidate("A longer standfirst under it", 5, 2.5);
    }

    /** A pair model that favours the upper of two adjacent lines, and reads nothing else. */
    private static LineModel upperWhenAdjacent() {
        return model(TitlePairs.FEATURES, "adjacent", 3, 0);
    }

    @Test
    void pairIsReadAsUpperAndLowerLine() {
        HeaderCandidates.Candidate headline = headline();
        HeaderCandidates.Candidate standfirst = standfirst();
        double[] x = TitlePairs.features(headline, 0.3, standfirst, 0.6);
        assertThat(x).hasSize(TitlePairs.FEATURES.size());
        assertThat(x[TitlePairs.FEATURES.indexOf("margin")]).isCloseTo(Math.log(0.3 / 0.7) - Math.log(0.6 / 0.4), within(1e-9));
        assertThat(x[TitlePairs.FEATURES.indexOf("adjacent")]).isEqualTo(1);
        assertThat(x[TitlePairs.FEATURES.indexOf("d_log_words")]).isCloseTo(-1.5, within(1e-9));

        TitlePairs.Pair pair = TitlePairs.rounds(List.of(headline, standfirst), LONGER, model(TitlePairs.FEATURES, "adjacent", 0, 0),
                TitlePairs.TAKE_RUNNER_UP, 2).get(0);
        assertThat(pair.upper()).isSameAs(headline);
        assertThat(pair.upperFirst()).as("the title model prefers the longer, lower line").isFalse();
    }

    /**
     * The runner-up is taken only when the pair model gives it {@link TitlePairs#TAKE_RUNNER_UP} or more: a pair model
     * that favours the upper of two adjacent lines takes the headline over the standfirst the title model chose, and
     * leaves the choice alone when the lines stand apart; with no pair model the title model chooses alone.
     */
    @Test
    void runnerUpTakenOnlyWhenThePairModelIsSure() {
        LineModel upperWhenAdjacent = upperWhenAdjacent();
        HeaderCandidates.Candidate headline = headline();
        HeaderCandidates.Candidate standfirst = standfirst();
        HeaderCandidates.Candidate apart = candidate("A longer line further down", 9, 2.5);
        assertThat(TitlePairs.choose(List.of(headline, standfirst), LONGER, upperWhenAdjacent)).isSameAs(headline);
        assertThat(TitlePairs.choose(List.of(headline, apart), LONGER, upperWhenAdjacent)).as("p(upper) 0.5").isSameAs(apart);
        assertThat(TitlePairs.choose(List.of(headline, standfirst), LONGER, null)).isSameAs(standfirst);
        assertThat(TitlePairs.choose(List.of(standfirst), LONGER, upperWhenAdjacent)).isSameAs(standfirst);
    }

    /**
     * The rounds: the title model's choice meets its runner-up, the winner the third most probable. A pair model that
     * favours the upper of two adjacent lines keeps the headline the title model ranks second over the standfirst it ranks
     * first, and then takes the kicker line over the headline it ranks third, but only when three contenders meet.
     */
    @Test
    void theWinnerMeetsTheNextContender() {
        LineModel upperWhenAdjacent = upperWhenAdjacent();
        HeaderCandidates.Candidate kicker = candidate("Kicker", 3, 0.5);
        HeaderCandidates.Candidate headline = headline();
        List<HeaderCandidates.Candidate> all = List.of(kicker, headline, standfirst());
        assertThat(TitlePairs.choose(all, LONGER, upperWhenAdjacent, TitlePairs.TAKE_RUNNER_UP, 2)).isSameAs(headline);
        List<TitlePairs.Pair> rounds = TitlePairs.rounds(all, LONGER, upperWhenAdjacent, TitlePairs.TAKE_RUNNER_UP, 3);
        assertThat(rounds).hasSize(2);
        assertThat(rounds.get(1).upper()).isSameAs(kicker);
        assertThat(rounds.get(1).lower()).as("the winner of the first round").isSameAs(headline);
        assertThat(TitlePairs.choose(all, LONGER, upperWhenAdjacent, TitlePairs.TAKE_RUNNER_UP, 3)).isSameAs(kicker);
        assertThat(TitlePairs.choose(all, LONGER, upperWhenAdjacent, TitlePairs.TAKE_RUNNER_UP, 9)).as("more contenders than candidates")
                .isSameAs(kicker);
    }

    @Test
    void rankedKeepsTheMostProbableFirstAndTheEarlierOnATie() {
        List<HeaderCandidates.Candidate> all = List.of(candidate("a", 1, 1.0), candidate("b", 2, 2.0), candidate("c", 3, 1.0),
                candidate("d", 4, 3.0));
        double[] p = new double[all.size()];
        assertThat(TitlePairs.ranked(all, LONGER, 3, p)).containsExactly(3, 1, 0);
        assertThat(TitlePairs.ranked(all, LONGER, 9, p)).containsExactly(3, 1, 0, 2);
        assertThat(p[3]).isGreaterThan(p[1]);
    }
}
