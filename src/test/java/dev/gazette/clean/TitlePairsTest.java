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

    @Test
    void pairIsReadAsUpperAndLowerLine() {
        HeaderCandidates.Candidate headline = candidate("Headline", 4, 1.0);
        HeaderCandidates.Candidate standfirst = candidate("A longer standfirst under it", 5, 2.5);
        double[] x = TitlePairs.features(headline, 0.3, standfirst, 0.6);
        assertThat(x).hasSize(TitlePairs.FEATURES.size());
        assertThat(x[TitlePairs.FEATURES.indexOf("margin")]).isCloseTo(Math.log(0.3 / 0.7) - Math.log(0.6 / 0.4), within(1e-9));
        assertThat(x[TitlePairs.FEATURES.indexOf("adjacent")]).isEqualTo(1);
        assertThat(x[TitlePairs.FEATURES.indexOf("d_log_words")]).isCloseTo(-1.5, within(1e-9));

        TitlePairs.Pair pair = TitlePairs.pair(List.of(headline, standfirst), LONGER, model(TitlePairs.FEATURES, "adjacent", 0, 0));
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
        LineModel upperWhenAdjacent = model(TitlePairs.FEATURES, "adjacent", 3, 0);
        HeaderCandidates.Candidate headline = candidate("Headline", 4, 1.0);
        HeaderCandidates.Candidate standfirst = candidate("A longer standfirst under it", 5, 2.5);
        HeaderCandidates.Candidate apart = candidate("A longer line further down", 9, 2.5);
        assertThat(TitlePairs.choose(List.of(headline, standfirst), LONGER, upperWhenAdjacent)).isSameAs(headline);
        assertThat(TitlePairs.choose(List.of(headline, apart), LONGER, upperWhenAdjacent)).as("p(upper) 0.5").isSameAs(apart);
        assertThat(TitlePairs.choose(List.of(headline, standfirst), LONGER, null)).isSameAs(standfirst);
        assertThat(TitlePairs.choose(List.of(standfirst), LONGER, upperWhenAdjacent)).isSameAs(standfirst);
    }
}
