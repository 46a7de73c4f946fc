package dev.gazette.clean;

import java.util.ArrayList;
import java.util.List;

/**
 * The headline of a text dump, decided between the title model's two most probable candidates. The title model
 * ({@link TitleCandidates}) scores each line on its own, so a choice that hinges on how the two lines stand to each other
 * (a headline over its standfirst over the byline, against a standfirst over the byline) is a near tie it cannot weigh:
 * its features add. The pair model ({@code title-pair-v1.json}, a logistic regression fitted by {@code LineModelTrainer}
 * on the pairs the title model leaves, each scored by a title model fitted without its site) reads the two candidates
 * as upper and lower line: the title model's margin between them, whether they stand next to each other, and the
 * difference of some twenty of the title features ({@link #COMPARED}), and gives the probability that the upper one is
 * the headline; the runner-up is taken only when that probability makes it clearly the likelier.
 */
final class TitlePairs {
    static final String RESOURCE = "title-pair-v1.json";

    /**
     * The pair model's probability from which the runner-up is taken: over one half, as the title model's choice is the
     * more often right. Cross-validated by site ({@code train.sh cvtitles}), 0.65 and 0.7 gained alike on the Postlight
     * dumps, 0.65 losing three dumps with a body that 0.7 kept (bench/PROFILE.md, twenty-fifth pass, dump).
     */
    static final double TAKE_RUNNER_UP = 0.7;

    /** The title model's logit is bounded here, so a probability of one still leaves a margin. */
    private static final double MAX_LOGIT = 12;

    private TitlePairs() {
    }

    /**
     * The title features whose difference the pair model reads: how long each line is, how it stands to its neighbours
     * (over a longer line, under a shorter one, over a byline), its case (title case, capitals throughout) and its full stop, how much the article uses its
     * words, a repeat of it, and the title model's furniture shapes.
     */
    static final List<String> COMPARED = List.of("log_words", "few_words", "words_over_16", "header_below", "over_longer_line",
            "under_shorter_line", "under_shorter_headline", "title_case_over", "long_words_capitalised", "ends_full_stop", "lead_overlap",
            "body_weight", "in_document_title", "shown_twice", "piece_of_longer_line", "lines_to_body", "not_headline", "furniture_shape",
            "under_headline", "over_standfirst", "label_over_headline", "rules_score", "p_body", "shouting", "capitalised");

    /** Where each of {@link #COMPARED} stands among the title features. */
    private static final int[] COMPARED_AT = COMPARED.stream().mapToInt(TitleCandidates.TITLE_FEATURES::indexOf).toArray();

    static final List<String> FEATURES = names();

    private static List<String> names() {
        List<String> out = new ArrayList<>(List.of(
                "margin",     // the title model's logit of the upper candidate minus the lower's
                "adjacent",   // the lower stands on the line right under the upper
                "log_gap"));  // ln(1 + lines between them)
        COMPARED.forEach(f -> out.add("d_" + f)); // the upper's value minus the lower's
        return List.copyOf(out);
    }

    /** The pair's features, {@code upper} standing above {@code lower} (or on the same line), with the title model's probabilities. */
    static double[] features(HeaderCandidates.Candidate upper, double pUpper, HeaderCandidates.Candidate lower, double pLower) {
        double[] x = new double[3 + COMPARED_AT.length];
        int gap = lower.line() - upper.line();
        x[0] = logit(pUpper) - logit(pLower);
        x[1] = gap == 1 ? 1 : 0;
        x[2] = Math.log1p(Math.max(0, gap));
        for (int j = 0; j < COMPARED_AT.length; j++) {
            x[3 + j] = upper.features()[COMPARED_AT[j]] - lower.features()[COMPARED_AT[j]];
        }
        return x;
    }

    private static double logit(double p) {
        return Math.max(-MAX_LOGIT, Math.min(MAX_LOGIT, Math.log(p / (1 - p))));
    }

    /**
     * How many of the title model's most probable candidates meet in the pair model's rounds: the title model's choice
     * meets the runner-up, the winner the third, and so on ({@code gazette.titleContenders}, {@code train.sh cvtitles}).
     */
    static final int CONTENDERS = Integer.getInteger("gazette.titleContenders", 2);

    /**
     * The headline among {@code candidates}: the title model's most probable, unless the pair model takes another of
     * its {@value #CONTENDERS} most probable in its rounds ({@link #rounds}); null when there is none or the title model's
     * choice does not clear its threshold.
     */
    static HeaderCandidates.Candidate choose(List<HeaderCandidates.Candidate> candidates, LineModel title, LineModel pairs) {
        return choose(candidates, title, pairs, TAKE_RUNNER_UP, CONTENDERS);
    }

    /** {@link #choose(List, LineModel, LineModel)}, a challenger taken at {@code take}, among the {@code contenders} most probable. */
    static HeaderCandidates.Candidate choose(List<HeaderCandidates.Candidate> candidates, LineModel title, LineModel pairs, double take,
            int contenders) {
        List<Pair> rounds = rounds(candidates, title, pairs, take, contenders);
        return rounds.isEmpty() ? HeaderCandidates.choose(candidates, title) : rounds.get(rounds.size() - 1).chosen(take);
    }

    /**
     * The pair model's rounds among the title model's {@code contenders} most probable candidates, in the title model's
     * order: its choice meets the second, the winner (the challenger when the pair model gives it {@code take} or more)
     * meets the third, and so on. Empty when there is no pair model, fewer than two candidates, or the title model's choice
     * does not clear its threshold.
     */
    static List<Pair> rounds(List<HeaderCandidates.Candidate> candidates, LineModel title, LineModel pairs, double take, int contenders) {
        if (pairs == null || candidates.size() < 2) {
            return List.of();
        }
        double[] p = new double[candidates.size()];
        int[] ranked = ranked(candidates, title, contenders, p);
        if (p[ranked[0]] < title.threshold()) {
            return List.of();
        }
        List<Pair> out = new ArrayList<>();
        int champion = ranked[0];
        for (int r = 1; r < ranked.length; r++) {
            Pair round = pair(candidates, champion, ranked[r], p, pairs);
            out.add(round);
            champion = round.chosen(take) == candidates.get(champion) ? champion : ranked[r];
        }
        return out;
    }

    /**
     * The indices of the title model's {@code k} most probable candidates, most probable first (the earlier on a tie), each
     * candidate's probability written to {@code p}.
     */
    static int[] ranked(List<HeaderCandidates.Candidate> candidates, LineModel title, int k, double[] p) {
        int[] top = new int[Math.min(k, candidates.size())];
        int n = 0;
        for (int i = 0; i < candidates.size(); i++) {
            p[i] = title.probability(candidates.get(i).features());
            int at = Math.min(n, top.length - 1);
            if (n == top.length && p[i] <= p[top[at]]) {
                continue;
            }
            while (at > 0 && p[i] > p[top[at - 1]]) {
                top[at] = top[at - 1];
                at--;
            }
            top[at] = i;
            n = Math.min(top.length, n + 1);
        }
        return top;
    }

    /** The pair of candidates {@code first} (the current choice) and {@code other}, read in line order, and the pair model's verdict. */
    static Pair pair(List<HeaderCandidates.Candidate> candidates, int first, int other, double[] p, LineModel pairs) {
        int l1 = candidates.get(first).line();
        int l2 = candidates.get(other).line();
        boolean firstUpper = l1 < l2 || l1 == l2 && first < other;
        int upper = firstUpper ? first : other;
        int lower = firstUpper ? other : first;
        double[] x = features(candidates.get(upper), p[upper], candidates.get(lower), p[lower]);
        return new Pair(candidates.get(upper), candidates.get(lower), firstUpper, x, pairs.probability(x));
    }

    /**
     * Two candidates in line order, whether the upper one is the current choice (the title model's, or the winner of the
     * rounds before), the pair's features and the pair model's probability that the upper one is the headline.
     */
    record Pair(HeaderCandidates.Candidate upper, HeaderCandidates.Candidate lower, boolean upperFirst, double[] features, double pUpper) {
        /** The current choice, or the challenger when the pair model gives it {@code take} or more. */
        HeaderCandidates.Candidate chosen(double take) {
            boolean swap = pRunnerUp() >= take;
            return upperFirst != swap ? upper : lower;
        }

        /** The pair model's probability that the challenger is the headline. */
        double pRunnerUp() {
            return upperFirst ? 1 - pUpper : pUpper;
        }
    }
}
