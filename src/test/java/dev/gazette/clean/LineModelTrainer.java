package dev.gazette.clean;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiPredicate;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.jsoup.Jsoup;

/**
 * Fits {@link LineModel} to cases in the cleaning-dev format and measures it honestly.
 *
 * <p>Labels: a line of a case's text dump is article text when most of its word trigrams (for
 * scripts without spaces, character trigrams) occur in the case's true body; a line of one or two
 * words must be a paragraph of the true body. Each line is weighted by its length as the run score weights it,
 * and each site's weights sum to one, so a long page counts no more than a short one, and a page
 * dumped six ways no more than a page dumped once. The two seeds, the only hand-judged copy-pastes
 * of the kind Gazette exists for, count as {@value #SEED_WEIGHT} sites each: at 5 the model kept
 * a disclaimer under one of them; cross-validated by site the figures are the same at 5 and 20
 * (0.919 and 0.916 body F1 over 251 dumps), so the weight buys the seeds in-sample, no more. The fit is
 * L2-regularised logistic regression by Newton's method (IRLS) on standardised features:
 * deterministic, no learning rate to tune.
 *
 * <p>Cross-validation is by site: cases are grouped by page (the case name before {@code --}; in
 * cleaning-dev every case is its own site), groups are dealt into k folds, and each fold is scored
 * by a model fitted on the other folds only.
 *
 * <p>Usage: {@code LineModelTrainer fit OUT.json CASES_DIR...} writes the model fitted on every
 * case; {@code LineModelTrainer cv K CASES_DIR...} prints the cross-validated table per source and
 * dumper and the worst pages; {@code LineModelTrainer score PREDICTIONS.jsonl CASES_DIR...} prints the
 * same table for {@code gazette extract --json} output. See {@code bench/cleaning/train.sh}.
 */
public final class LineModelTrainer {
    static final double L2 = Double.parseDouble(System.getProperty("gazette.l2", "30"));
    static final String CHOICE_L2_DEFAULT = "300";
    static final double CHOICE_L2 = Double.parseDouble(System.getProperty("gazette.l2choice", CHOICE_L2_DEFAULT));
    /**
     * The title model's penalty: 100, chosen among 30, 100 and 300 by the cross-validated table with its own features
     * (matched titles 763, 782 and 778 of 1,020), a mild selection on the same pages, noted as such.
     */
    static final double TITLE_L2 = Double.parseDouble(System.getProperty("gazette.l2title", "100"));
    static final double SEED_WEIGHT = 20;
    /** The decision thresholds tried: the one giving the training cases the best body F1 is kept. */
    static final double[] THRESHOLDS = {0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6};
    private static final ObjectMapper JSON = new ObjectMapper();

    private LineModelTrainer() {
    }

    /** One text-dump case: its name, site group, truth, and its lines read with their features. */
    record Case(String name, String group, CleaningScore.Fields truth, TextExtractor.Scored read, Path html) {
    }

    /**
     * Every case with a {@code source.txt} under each {@code dir/cases}. A case whose truth has no
     * body (header-only: title, byline and date) is fitted and scored for those alone.
     */
    static List<Case> load(List<Path> dirs) {
        List<Case> out = new ArrayList<>();
        for (Path dir : dirs) {
            for (Map.Entry<String, CleaningScore.Fields> e : CleaningScore.truths(dir).entrySet()) {
                Path txt = dir.resolve("cases").resolve(e.getKey()).resolve("source.txt");
                if (Files.exists(txt)) {
                    try {
                        String group = e.getKey().replaceAll("--.*$", "");
                        // The page as saved: beside the dump, or in the site's "--html" case.
                        Path html = dir.resolve("cases").resolve(e.getKey().contains("--") ? group + "--html" : e.getKey()).resolve("source.html");
                        out.add(new Case(e.getKey(), group, e.getValue(), TextExtractor.read(Files.readString(txt)), Files.exists(html) ? html : null));
                    } catch (IOException x) {
                        throw new UncheckedIOException(x);
                    }
                }
            }
        }
        return out;
    }

    /**
     * The model fitted on these cases: the weights by {@link #logistic}, then the decision
     * threshold that gives these same cases the best body F1 (each site counting once), since
     * the aim is the F1 of the article, not the accuracy of single lines.
     */
    static LineModel fit(List<Case> cases) {
        LineModel weighted = fitWeights(cases);
        List<Case> bodies = cases.stream().filter(c -> c.truth.body() != null).toList();
        // The threshold is judged on the article as extraction lays it out, under a headline chosen
        // by a headline model fitted to these weights (refitted to the final line model by fitHeader).
        HeaderCandidates.Models title = new HeaderCandidates.Models(fitTitle(bodies, weighted), null, null, null);
        Map<String, Integer> dumpsOfSite = new TreeMap<>();
        bodies.forEach(c -> dumpsOfSite.merge(c.group, 1, Integer::sum));
        double[] f1 = new double[THRESHOLDS.length];
        for (Case c : bodies) {
            TextExtractor.Scored scored = new TextExtractor(weighted).score(c.read);
            for (int t = 0; t < THRESHOLDS.length; t++) {
                TextExtractor extractor = new TextExtractor(weighted.withThreshold(THRESHOLDS[t]), title);
                HeaderCandidates.Layout a = extractor.layout(scored);
                String text = a == null ? "" : extractor.text(a);
                double f = CleaningScore.score(c.name, "txt", c.truth, new CleaningScore.Fields(null, null, null, text)).f1();
                f1[t] += f / dumpsOfSite.get(c.group) * (c.name.startsWith("seed-") ? SEED_WEIGHT : 1);
            }
        }
        int best = 0;
        for (int t = 1; t < THRESHOLDS.length; t++) {
            best = f1[t] > f1[best] + 1e-9 ? t : best;
        }
        return weighted.withThreshold(THRESHOLDS[best]);
    }

    /** The weights fitted on these cases (those with a true body), with the threshold one half. */
    static LineModel fitWeights(List<Case> all) {
        List<Case> cases = all.stream().filter(c -> c.truth.body() != null).toList();
        List<double[]> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        List<Double> ws = new ArrayList<>();
        Map<String, Integer> dumpsOfSite = new TreeMap<>();
        cases.forEach(c -> dumpsOfSite.merge(c.group, 1, Integer::sum));
        for (Case c : cases) {
            TextExtractor.Scored read = c.read;
            Truth truth = new Truth(c.truth.body());
            double total = 0;
            for (DumpLine l : read.lines()) {
                total += weight(l);
            }
            for (int i = 0; i < read.lines().size(); i++) {
                DumpLine l = read.lines().get(i);
                xs.add(read.features()[i]);
                ys.add(truth.contains(l.text) ? 1.0 : 0.0);
                ws.add(weight(l) / total / dumpsOfSite.get(c.group) * (c.name.startsWith("seed-") ? SEED_WEIGHT : 1));
            }
        }
        return logistic(LineFeatures.NAMES, xs, ys, ws);
    }

    /**
     * The byline and date models fitted on these cases, whose lines the line model {@code lines}
     * scores and lays out as extraction does, each a choice model ({@link #fitChoice}): a page's
     * candidates are matched against its truth as the score counts a match, each page weighs one
     * page and each site's pages one site (seeds {@value #SEED_WEIGHT}). Threshold: one half. A
     * wrong byline or date published costs as much as a right one gains and emitting none costs
     * nothing, so the best rule for a calibrated probability that a candidate is right is to emit
     * it when that probability is over one half. (Fitted on the training pages instead, the
     * threshold wandered from 0.25 to 0.75 between folds while the number of right choices less
     * wrong ones stayed within 3% of its best: it only fitted noise.)
     */
    static HeaderCandidates.Models fitHeader(List<Case> cases, LineModel lines) {
        Map<String, Integer> dumpsOfSite = new TreeMap<>();
        cases.forEach(c -> dumpsOfSite.merge(c.group, 1, Integer::sum));
        // The opener first: where its headline stands tells where the article's header ends, and so which
        // lines the byline and date candidates are read against. Fitted on the cases with a body only: fitted on the
        // header-only cases too (when one model did both), the cross-validated body F1 fell 0.940 to 0.939 and the
        // human-labelled titles 100% to 94%. The headline printed moves nothing else, so its model learns from every case.
        LineModel opener = fitTitle(cases.stream().filter(c -> c.truth.body() != null).toList(), lines, 1, true);
        List<Field> titles = titleFields(cases, lines, HEADER_ONLY_TITLE_WEIGHT, false);
        LineModel title = HEADER_ONLY_TITLE_WEIGHT == 0 ? opener : fitChoice(TitleCandidates.TITLE_FEATURES, titles, TitleCandidates.THRESHOLD, TITLE_L2);
        LineModel pairs = HEADER_ONLY_TITLE_WEIGHT == 0 ? null : fitPairs(titles, cases.stream().map(Case::group).toList(), TITLE_L2, PAIR_L2);
        TextExtractor extractor = new TextExtractor(lines, new HeaderCandidates.Models(opener, null, null, null));
        List<Field> bylines = new ArrayList<>();
        List<Field> dates = new ArrayList<>();
        for (Case c : cases) {
            HeaderCandidates.Layout a = extractor.layout(extractor.score(c.read));
            List<HeaderCandidates.Candidate> b = a == null ? List.of() : HeaderCandidates.bylines(a);
            List<HeaderCandidates.Candidate> d = a == null ? List.of() : HeaderCandidates.dates(a, b);
            double weight = 1.0 / dumpsOfSite.get(c.group) * (c.name.startsWith("seed-") ? SEED_WEIGHT : 1);
            if (c.truth.body() != null || HEADER_ONLY_BYLINES > 0 || HEADER_ONLY_BYLINES_CALIBRATION > 0) {
                // Bylines from the cases with a body only: fitted on the header-only (Postlight) cases too, the byline
                // model matched no more of their bylines held out (56%) and fewer of the others' (58% to 55%); again at fe19319
                // (gazette.bylinesHeaderOnly): Postlight 59% to 60%, the others' 65% to 60%. In the calibration alone
                // (gazette.bylinesCalibrationHeaderOnly=1), at 9c42f41: Postlight 548 to 531 right of 744, the others' 85 to 83.
                bylines.add(new Field(c.truth.byline(), b, weight * (c.truth.body() == null ? HEADER_ONLY_BYLINES : 1), CleaningScore::bylineMatches,
                        weight * (c.truth.body() == null ? HEADER_ONLY_BYLINES_CALIBRATION : 1)));
            }
            dates.add(new Field(c.truth.date(), d, weight, CleaningScore::dateMatches));
        }
        return new HeaderCandidates.Models(opener, title, fitChoice(HeaderCandidates.BYLINE_FEATURES, bylines, 0.5, CHOICE_L2, BYLINE_CHOSEN_CALIBRATION),
                fitChoice(HeaderCandidates.DATE_FEATURES, dates, 0.5), pairs);
    }

    /**
     * The headline model fitted on these cases, whose article runs the line model {@code lines}
     * finds, labelled and weighted as {@link #fitHeader} does bylines and dates.
     */
    static LineModel fitTitle(List<Case> cases, LineModel lines) {
        return fitTitle(cases, lines, 1, true);
    }

    /** Whether the byline model's calibration reads the chosen candidate of every page, those with no byline too (see fitChoice). */
    static final boolean BYLINE_CHOSEN_CALIBRATION = Boolean.parseBoolean(System.getProperty("gazette.bylineChosen", "false"));

    /** What a header-only site weighs in the byline model's fit, against one for a site with a body (0: left out). */
    static final double HEADER_ONLY_BYLINES = Double.parseDouble(System.getProperty("gazette.bylinesHeaderOnly", "0"));

    /** What a header-only site weighs in the byline model's calibration (its scores turned into probabilities). */
    static final double HEADER_ONLY_BYLINES_CALIBRATION = Double.parseDouble(System.getProperty("gazette.bylinesCalibrationHeaderOnly",
            System.getProperty("gazette.bylinesHeaderOnly", "0")));

    /**
     * What a header-only site weighs in the title model's fit, against one for a site with a body (0: the title model is
     * the opener). One: each site counts once, whatever its truth holds.
     */
    static final double HEADER_ONLY_TITLE_WEIGHT = Double.parseDouble(System.getProperty("gazette.titleHeaderOnly", "1"));

    /**
     * {@link #fitTitle}, header-only sites weighing {@code headerOnly} each; for the opener ({@code opener}), among the
     * candidates that are whole lines, as it chooses ({@link TitleCandidates#openers}).
     */
    static LineModel fitTitle(List<Case> cases, LineModel lines, double headerOnly, boolean opener) {
        List<Field> titles = titleFields(cases, lines, headerOnly, opener);
        return opener ? fitChoice(TitleCandidates.FEATURES, titles, TitleCandidates.THRESHOLD)
                : fitChoice(TitleCandidates.TITLE_FEATURES, titles, TitleCandidates.THRESHOLD, TITLE_L2);
    }

    /** The title fields {@link #fitTitle} fits on, one per case in order. */
    static List<Field> titleFields(List<Case> cases, LineModel lines, double headerOnly, boolean opener) {
        Map<String, Integer> dumpsOfSite = new TreeMap<>();
        cases.forEach(c -> dumpsOfSite.merge(c.group, 1, Integer::sum));
        TextExtractor runs = new TextExtractor(lines);
        List<Field> titles = new ArrayList<>();
        for (Case c : cases) {
            TextExtractor.Scored scored = runs.score(c.read);
            int[] run = runs.region(scored);
            List<HeaderCandidates.Candidate> t = run == null ? List.of() : TitleCandidates.of(scored.lines(), run[0], run[1], scored.lang());
            t = opener ? TitleCandidates.openers(t) : t;
            titles.add(new Field(c.truth.title(), t, 1.0 / dumpsOfSite.get(c.group) * (c.name.startsWith("seed-") ? SEED_WEIGHT : 1)
                    * (c.truth.body() == null ? headerOnly : 1),
                    CleaningScore::titleMatches));
        }
        return titles;
    }

    /** The pair model's penalty: 100 and 300 tried by {@code cvtitles}, alike (PROFILE.md, twenty-fifth pass, dump). */
    static final double PAIR_L2 = 100;

    /** The folds by site in which the title model scores the pairs the pair model is fitted on. */
    static final int PAIR_FOLDS = 5;

    /**
     * The pair model ({@link TitlePairs}) fitted on these title fields, {@code groups} their sites: each page's candidates
     * are scored by a title model (penalty {@code titleL2}) fitted without its site's fold ({@value #PAIR_FOLDS} folds by
     * site), as a held-out page's are, and any two of its {@link TitlePairs#CONTENDERS} most probable make a pair when
     * exactly one of them is its title.
     */
    static LineModel fitPairs(List<Field> titles, List<String> groups, double titleL2, double pairL2) {
        return fitPairs(titles, groups, titleL2, pairL2, f -> true, TitlePairs.CONTENDERS);
    }

    /**
     * {@link #fitPairs(List, List, double, double)} reading only the pair features {@code keep} passes (the others weigh
     * nothing: cvtitles' variants), its pairs drawn from each page's {@code contenders} most probable; null when no page
     * leaves a pair.
     */
    static LineModel fitPairs(List<Field> titles, List<String> groups, double titleL2, double pairL2, Predicate<String> keep, int contenders) {
        Map<String, Integer> fold = new TreeMap<>();
        deal(groups, PAIR_FOLDS, fold);
        List<double[]> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        List<Double> ws = new ArrayList<>();
        for (int f = 0; f < PAIR_FOLDS; f++) {
            int held = f;
            List<Field> train = new ArrayList<>();
            for (int i = 0; i < titles.size(); i++) {
                if (fold.get(groups.get(i)) != held) {
                    train.add(titles.get(i));
                }
            }
            LineModel model = fitChoice(TitleCandidates.TITLE_FEATURES, train, TitleCandidates.THRESHOLD, titleL2);
            for (int i = 0; i < titles.size(); i++) {
                Field t = titles.get(i);
                if (fold.get(groups.get(i)) != held || t.truth() == null) {
                    continue;
                }
                List<HeaderCandidates.Candidate> c = t.candidates();
                if (c.size() < 2) {
                    continue;
                }
                double[] p = new double[c.size()];
                int[] ranked = TitlePairs.ranked(c, model, contenders, p);
                // Every pair the rounds can make among the contenders: the choice so far is the more probable of the two.
                for (int a = 0; a < ranked.length; a++) {
                    for (int b = a + 1; b < ranked.length; b++) {
                        TitlePairs.Pair pair = TitlePairs.pair(c, ranked[a], ranked[b], p, PAIRS_UNFITTED);
                        boolean upper = t.matches().test(t.truth(), pair.upper().value());
                        boolean lower = t.matches().test(t.truth(), pair.lower().value());
                        if (upper != lower) {
                            xs.add(pair.features());
                            ys.add(upper ? 1.0 : 0.0);
                            ws.add(t.weight());
                        }
                    }
                }
            }
        }
        if (xs.isEmpty()) {
            return null; // no page to learn from: the title model chooses alone
        }
        int[] kept = IntStream.range(0, TitlePairs.FEATURES.size()).filter(j -> keep.test(TitlePairs.FEATURES.get(j))).toArray();
        if (kept.length == TitlePairs.FEATURES.size()) {
            return logistic(TitlePairs.FEATURES, xs, ys, ws, pairL2);
        }
        List<double[]> projected = xs.stream().map(x -> Arrays.stream(kept).mapToDouble(j -> x[j]).toArray()).toList();
        LineModel m = logistic(Arrays.stream(kept).mapToObj(TitlePairs.FEATURES::get).toList(), projected, ys, ws, pairL2);
        int n = TitlePairs.FEATURES.size();
        double[] mean = new double[n];
        double[] scale = filled(n, 1);
        double[] weights = new double[n];
        for (int k = 0; k < kept.length; k++) {
            mean[kept[k]] = m.mean(k);
            scale[kept[k]] = m.scale(k);
            weights[kept[k]] = m.weight(k);
        }
        return new LineModel(TitlePairs.FEATURES, mean, scale, weights, m.bias(), 0.5);
    }

    /** A pair model of no weight, to read pairs before one is fitted. */
    private static final LineModel PAIRS_UNFITTED = new LineModel(TitlePairs.FEATURES, new double[TitlePairs.FEATURES.size()],
            filled(TitlePairs.FEATURES.size(), 1), new double[TitlePairs.FEATURES.size()], 0, 0.5);

    private static double[] filled(int n, double v) {
        double[] out = new double[n];
        Arrays.fill(out, v);
        return out;
    }

    /** One page's truth for a header field, its candidates, its weight and how a candidate is matched. */
    record Field(String truth, List<HeaderCandidates.Candidate> candidates, double weight,
                         BiPredicate<String, String> matches, double calibration) {
        /** A field that weighs {@code weight} in the choice and in the calibration alike. */
        Field(String truth, List<HeaderCandidates.Candidate> candidates, double weight, BiPredicate<String, String> matches) {
            this(truth, candidates, weight, matches, weight);
        }
    }

    /**
     * A choice model: which of a page's candidates is the truth. The weights maximise the
     * likelihood of the true candidate against the page's other candidates (a conditional logit:
     * the probability of candidate i is exp(w·x_i) over the page's sum), so they are fitted to the
     * choice extraction makes, the best of a page, rather than to telling candidates apart across
     * pages, which a logistic regression over all candidates does (it learns that long pages have
     * many unlikely lines). Cross-validated by site, this took bylines from 41% to 51% (58% to 73%
     * of those in the dump) and dates from 80% to 84%, with the same features.
     *
     * <p>Pages count where some candidate matches their truth (a page none of whose candidates
     * matches says nothing about which to prefer); a page with several matching candidates (the
     * same date written twice) counts any of them as right. Then the scores are calibrated: a
     * one-feature logistic regression of every candidate's score against whether it is right turns
     * the score into the probability that the candidate is right, so the shipped model's
     * probability and {@code threshold} mean what the line model's do. Fitted by Newton's method
     * with the Fisher information and step halving. The penalty {@value #CHOICE_L2_DEFAULT} was
     * chosen among 3, 30, 100, 300 and 1000 by the cross-validated table (at 30 bylines fall to 38%):
     * a mild selection on the same pages, noted as such.
     */
    static LineModel fitChoice(List<String> names, List<Field> fields, double threshold) {
        return fitChoice(names, fields, threshold, CHOICE_L2, false);
    }

    /** {@link #fitChoice(List, List, double)} with the penalty {@code l2}. */
    static LineModel fitChoice(List<String> names, List<Field> fields, double threshold, double l2) {
        return fitChoice(names, fields, threshold, l2, false);
    }

    /**
     * {@link #fitChoice(List, List, double, double)}; with {@code chosenOnly}, the calibration reads only the candidate
     * each page would choose, on every page with candidates, those whose truth has none of the field too (their choice is
     * wrong by definition), so that the threshold asks whether the choice is more likely right than wrong, "none" included.
     */
    static LineModel fitChoice(List<String> names, List<Field> fields, double threshold, double l2, boolean chosenOnly) {
        return fitChoice(names, fields, threshold, l2, chosenOnly, List.of());
    }

    /**
     * {@link #fitChoice(List, List, double, double, boolean)}; the features named in {@code pageFeatures} have one value
     * for every candidate of a page (how many candidates it has), so the choice cannot weigh them: they are left out of
     * it and read by the calibration beside the score, each weight the calibration's.
     */
    static LineModel fitChoice(List<String> names, List<Field> fields, double threshold, double l2, boolean chosenOnly, List<String> pageFeatures) {
        int d = names.size();
        int[] page = pageFeatures.stream().mapToInt(names::indexOf).toArray();
        List<Field> labelled = fields.stream().filter(f -> f.truth != null && !f.candidates.isEmpty()).toList();
        double[] mean = new double[d];
        double[] scale = new double[d];
        double wsum = 0;
        for (Field f : labelled) {
            for (HeaderCandidates.Candidate c : f.candidates) {
                double w = f.weight / f.candidates.size();
                wsum += w;
                for (int j = 0; j < d; j++) {
                    mean[j] += w * c.features()[j];
                }
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= wsum;
        }
        for (Field f : labelled) {
            for (HeaderCandidates.Candidate c : f.candidates) {
                double w = f.weight / f.candidates.size();
                for (int j = 0; j < d; j++) {
                    double v = c.features()[j] - mean[j];
                    scale[j] += w * v * v;
                }
            }
        }
        for (int j = 0; j < d; j++) {
            scale[j] = Math.max(Math.sqrt(scale[j] / wsum), 1e-6);
        }
        List<double[][]> zs = new ArrayList<>();
        List<boolean[]> right = new ArrayList<>();
        List<Double> ws = new ArrayList<>();
        List<Double> cws = new ArrayList<>();
        for (Field f : labelled) {
            double[][] z = new double[f.candidates.size()][d];
            boolean[] r = new boolean[z.length];
            boolean any = false;
            for (int i = 0; i < z.length; i++) {
                HeaderCandidates.Candidate c = f.candidates.get(i);
                for (int j = 0; j < d; j++) {
                    z[i][j] = (c.features()[j] - mean[j]) / scale[j];
                }
                for (int j : page) {
                    z[i][j] = 0;
                }
                r[i] = f.matches.test(f.truth, c.value());
                any |= r[i];
            }
            zs.add(z);
            right.add(any ? r : null);
            ws.add(f.weight * 100);
            cws.add(f.calibration);
        }
        double[] beta = new double[d];
        double objective = choiceObjective(beta, zs, right, ws, l2);
        for (int iter = 0; iter < 50; iter++) {
            double[][] h = new double[d][d];
            double[] g = new double[d];
            for (int p = 0; p < zs.size(); p++) {
                if (right.get(p) == null) {
                    continue;
                }
                double[][] z = zs.get(p);
                double[] q = softmax(z, beta, null);
                double[] t = softmax(z, beta, right.get(p));
                double w = ws.get(p);
                double[] eq = new double[d];
                for (int i = 0; i < z.length; i++) {
                    for (int j = 0; j < d; j++) {
                        eq[j] += q[i] * z[i][j];
                        g[j] += w * (t[i] - q[i]) * z[i][j];
                    }
                }
                for (int i = 0; i < z.length; i++) {
                    for (int j = 0; j < d; j++) {
                        double a = w * q[i] * (z[i][j] - eq[j]);
                        for (int k = 0; k <= j; k++) {
                            h[j][k] += a * (z[i][k] - eq[k]);
                        }
                    }
                }
            }
            for (int j = 0; j < d; j++) {
                for (int k = 0; k < j; k++) {
                    h[k][j] = h[j][k];
                }
                g[j] -= l2 * beta[j];
                h[j][j] += l2 + 1e-9;
            }
            double[] step = solve(h, g);
            double size = 1;
            double[] next = beta;
            double nextObjective = objective;
            for (int half = 0; half < 30; half++, size /= 2) {
                double[] tried = new double[d];
                for (int j = 0; j < d; j++) {
                    tried[j] = beta[j] + size * step[j];
                }
                double o = choiceObjective(tried, zs, right, ws, l2);
                if (o >= objective - 1e-12) {
                    next = tried;
                    nextObjective = o;
                    break;
                }
            }
            double change = 0;
            for (int j = 0; j < d; j++) {
                change = Math.max(change, Math.abs(next[j] - beta[j]));
            }
            beta = next;
            objective = nextObjective;
            if (change < 1e-7) {
                break;
            }
        }
        // Calibration: each candidate's score against whether it is right, on every page with a truth.
        List<double[]> scores = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        List<Double> cw = new ArrayList<>();
        for (Field f : chosenOnly ? fields : List.<Field>of()) {
            double best = Double.NEGATIVE_INFINITY;
            HeaderCandidates.Candidate chosen = null;
            for (HeaderCandidates.Candidate c : f.candidates) {
                double score = 0;
                for (int j = 0; j < d; j++) {
                    score += beta[j] * (c.features()[j] - mean[j]) / scale[j];
                }
                if (score > best) {
                    best = score;
                    chosen = c;
                }
            }
            if (chosen != null) {
                scores.add(calibrationRow(best, chosen.features(), page, mean, scale));
                ys.add(f.truth != null && f.matches.test(f.truth, chosen.value()) ? 1.0 : 0.0);
                cw.add(f.weight);
            }
        }
        for (int p = 0; p < (chosenOnly ? 0 : zs.size()); p++) {
            double[][] z = zs.get(p);
            HeaderCandidates.Candidate[] candidates = labelled.get(p).candidates.toArray(HeaderCandidates.Candidate[]::new);
            for (int i = 0; i < z.length; i++) {
                scores.add(calibrationRow(dot(beta, z[i]), candidates[i].features(), page, mean, scale));
                ys.add(right.get(p) != null && right.get(p)[i] ? 1.0 : 0.0);
                cw.add(cws.get(p) / z.length);
            }
        }
        List<String> calibrationNames = new ArrayList<>(List.of("score"));
        calibrationNames.addAll(pageFeatures);
        LineModel calibration = logistic(calibrationNames, scores, ys, cw);
        double intercept = logit(calibration.probability(new double[1 + page.length]));
        double[] unit = new double[1 + page.length];
        unit[0] = 1;
        double slope = logit(calibration.probability(unit)) - intercept;
        double[] weights = new double[d];
        for (int j = 0; j < d; j++) {
            weights[j] = slope * beta[j];
        }
        for (int k = 0; k < page.length; k++) {
            double[] one = new double[1 + page.length];
            one[1 + k] = 1;
            weights[page[k]] = logit(calibration.probability(one)) - intercept;
        }
        return new LineModel(names, mean, scale, weights, intercept, threshold);
    }

    /** What the calibration reads of a candidate: its score, then each page feature standardised. */
    private static double[] calibrationRow(double score, double[] features, int[] page, double[] mean, double[] scale) {
        double[] row = new double[1 + page.length];
        row[0] = score;
        for (int k = 0; k < page.length; k++) {
            row[1 + k] = (features[page[k]] - mean[page[k]]) / scale[page[k]];
        }
        return row;
    }

    private static double logit(double p) {
        return Math.log(p / (1 - p));
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            s += a[j] * b[j];
        }
        return s;
    }

    /** The softmax of the candidates' scores, over all of them or only those {@code among} marks. */
    private static double[] softmax(double[][] z, double[] beta, boolean[] among) {
        double[] out = new double[z.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < z.length; i++) {
            out[i] = dot(beta, z[i]);
            if (among == null || among[i]) {
                max = Math.max(max, out[i]);
            }
        }
        double sum = 0;
        for (int i = 0; i < z.length; i++) {
            out[i] = among == null || among[i] ? Math.exp(out[i] - max) : 0;
            sum += out[i];
        }
        for (int i = 0; i < z.length; i++) {
            out[i] /= sum;
        }
        return out;
    }

    /** The penalised log-likelihood of the right candidates. */
    private static double choiceObjective(double[] beta, List<double[][]> zs, List<boolean[]> right, List<Double> ws, double l2) {
        double o = 0;
        for (int p = 0; p < zs.size(); p++) {
            if (right.get(p) == null) {
                continue;
            }
            double[] q = softmax(zs.get(p), beta, null);
            double r = 0;
            for (int i = 0; i < q.length; i++) {
                r += right.get(p)[i] ? q[i] : 0;
            }
            o += ws.get(p) * Math.log(Math.max(r, 1e-300));
        }
        for (double b : beta) {
            o -= l2 / 2 * b * b;
        }
        return o;
    }

    private static double weight(DumpLine l) {
        return 25 + Math.min(l.text.length(), 1000);
    }

    /** L2-regularised logistic regression by iteratively reweighted least squares. */
    static LineModel logistic(List<String> names, List<double[]> xs, List<Double> ys, List<Double> ws) {
        return logistic(names, xs, ys, ws, L2);
    }

    /** {@link #logistic(List, List, List, List)} with the penalty {@code l2}. */
    static LineModel logistic(List<String> names, List<double[]> xs, List<Double> ys, List<Double> ws, double l2) {
        int d = names.size();
        int n = xs.size();
        double[] mean = new double[d];
        double[] scale = new double[d];
        double wsum = 0;
        for (int i = 0; i < n; i++) {
            wsum += ws.get(i);
            for (int j = 0; j < d; j++) {
                mean[j] += ws.get(i) * xs.get(i)[j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= wsum;
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                double v = xs.get(i)[j] - mean[j];
                scale[j] += ws.get(i) * v * v;
            }
        }
        for (int j = 0; j < d; j++) {
            scale[j] = Math.max(Math.sqrt(scale[j] / wsum), 1e-6);
        }
        double[][] z = new double[n][d + 1];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                z[i][j] = (xs.get(i)[j] - mean[j]) / scale[j];
            }
            z[i][d] = 1; // intercept
        }
        // Sample weights are rescaled to the number of pages, so that L2 acts per page of evidence.
        double[] beta = new double[d + 1];
        for (int iter = 0; iter < 25; iter++) {
            double[][] h = new double[d + 1][d + 1];
            double[] g = new double[d + 1];
            for (int i = 0; i < n; i++) {
                double eta = 0;
                for (int j = 0; j <= d; j++) {
                    eta += beta[j] * z[i][j];
                }
                double p = 1 / (1 + Math.exp(-eta));
                double w = ws.get(i) * 100;
                double r = w * (ys.get(i) - p);
                double c = w * p * (1 - p);
                for (int j = 0; j <= d; j++) {
                    g[j] += r * z[i][j];
                    double cz = c * z[i][j];
                    for (int k = 0; k <= j; k++) {
                        h[j][k] += cz * z[i][k];
                    }
                }
            }
            for (int j = 0; j <= d; j++) {
                for (int k = 0; k < j; k++) {
                    h[k][j] = h[j][k];
                }
                if (j < d) {
                    g[j] -= l2 * beta[j];
                    h[j][j] += l2;
                }
                h[j][j] += 1e-9;
            }
            double[] step = solve(h, g);
            double change = 0;
            for (int j = 0; j <= d; j++) {
                beta[j] += step[j];
                change = Math.max(change, Math.abs(step[j]));
            }
            if (change < 1e-7) {
                break;
            }
            if (iter == 24) {
                System.err.println("IRLS did not converge: last step " + change);
            }
        }
        double[] weights = new double[d];
        System.arraycopy(beta, 0, weights, 0, d);
        return new LineModel(names, mean, scale, weights, beta[d], 0.5);
    }

    /** Solves a x = b by Gaussian elimination with partial pivoting. */
    private static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][];
        for (int i = 0; i < n; i++) {
            m[i] = Arrays.copyOf(a[i], n + 1);
            m[i][n] = b[i];
        }
        for (int c = 0; c < n; c++) {
            int pivot = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) {
                    pivot = r;
                }
            }
            double[] t = m[c];
            m[c] = m[pivot];
            m[pivot] = t;
            for (int r = c + 1; r < n; r++) {
                double f = m[r][c] / m[c][c];
                for (int k = c; k <= n; k++) {
                    m[r][k] -= f * m[c][k];
                }
            }
        }
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double s = m[r][n];
            for (int k = r + 1; k < n; k++) {
                s -= m[r][k] * x[k];
            }
            x[r] = s / m[r][r];
        }
        return x;
    }

    /**
     * Each site's fold of {@code k}. Sites with a true body and header-only sites are dealt separately, so that adding
     * header-only sites leaves every body site in its fold and the body figures comparable.
     */
    static Map<String, Integer> folds(List<Case> cases, int k) {
        Map<String, Integer> fold = new TreeMap<>();
        deal(cases.stream().filter(c -> c.truth.body() != null).map(Case::group).toList(), k, fold, FOLD_SEED);
        deal(cases.stream().filter(c -> c.truth.body() == null).map(Case::group).toList(), k, fold, FOLD_SEED);
        return fold;
    }

    /**
     * Which shuffle deals the sites into cross-validation's folds (GAZETTE_CV_SEED); 0, the default, is the folds every
     * pass has reported. Another seed tells a gain from one split's luck. The pair model's inner folds never move.
     */
    static final int FOLD_SEED = Integer.parseInt(System.getProperty("gazette.foldSeed", "0"));

    /** Scores of every case, each extracted by a model fitted without its site's fold ({@link #folds}). */
    static List<CleaningScore.CaseScore> crossValidate(List<Case> cases, int k) {
        Map<String, Integer> fold = folds(cases, k);
        List<CleaningScore.CaseScore> out = new ArrayList<>();
        for (int f = 0; f < k; f++) {
            int held = f;
            List<Case> train = cases.stream().filter(c -> fold.get(c.group) != held).toList();
            List<Case> test = cases.stream().filter(c -> fold.get(c.group) == held).toList();
            if (test.isEmpty()) {
                continue;
            }
            LineModel model = fit(train);
            HeaderCandidates.Models header = fitHeader(train, model);
            System.err.printf(Locale.ROOT, "fold %d: %d sites held out, thresholds %.2f (lines) %.2f (title) %.2f (byline) %.2f (date) fitted on the other %d%n",
                    f + 1, test.stream().map(Case::group).distinct().count(), model.threshold(), header.title().threshold(), header.byline().threshold(),
                    header.date().threshold(), train.stream().map(Case::group).distinct().count());
            TextExtractor extractor = new TextExtractor(model, header);
            for (Case c : test) {
                TextExtractor.Scored scored = extractor.score(c.read);
                Extraction e = extractor.extract(scored);
                if (BYLINE_REPORT != null) {
                    BYLINE_REPORT.add(c.truth.byline() != null ? bylineRow(c, extractor.layout(scored), header.byline())
                            : String.format(Locale.ROOT, "%s\tno byline\t%s\tchosen %s\tbest p=%.4f", e.byline() == null ? "NONE" : "GAVE", c.name,
                            e.byline() == null ? "none" : "'" + e.byline() + "'", bestP(extractor.layout(scored), header.byline())));
                }
                if (TITLE_REPORT != null && c.truth.title() != null) {
                    TITLE_REPORT.add(titleRow(c, e.title(), extractor.layout(scored), header.title()));
                }
                out.add(CleaningScore.score(c.name, "txt", new CleaningScore.Fields(c.truth.title(), c.truth.byline(), c.truth.date(), c.truth.body()),
                        new CleaningScore.Fields(e.title(), e.byline(), e.date(), e.text())));
            }
        }
        return out;
    }

    /** Rows of {@code GAZETTE_CV_TITLES}: each held-out title, found or not, and whether a line of the dump shows it; null when not asked for. */
    private static final List<String> TITLE_REPORT = System.getenv("GAZETTE_CV_TITLES") == null ? null : new ArrayList<>();

    /**
     * One held-out page's title: matched or not, whether one line of the dump is the true title (as the score compares
     * titles: a miss where none is cannot be helped by choosing another line), the title chosen and the truth.
     */
    private static String titleRow(Case c, String chosen, HeaderCandidates.Layout a, LineModel model) {
        String title = c.truth.title();
        String truth = CleaningScore.normaliseTitle(title);
        boolean shown = c.read.lines().stream().anyMatch(l -> CleaningScore.normaliseTitle(l.text).equals(truth));
        List<HeaderCandidates.Candidate> ranked = new ArrayList<>(a == null ? List.of() : a.titles());
        ranked.sort((x, y) -> Double.compare(model.probability(y.features()), model.probability(x.features())));
        String right = "none matches";
        for (int r = 0; r < ranked.size(); r++) {
            HeaderCandidates.Candidate x = ranked.get(r);
            if (CleaningScore.titleMatches(title, x.value())) {
                right = String.format(Locale.ROOT, "rank %d p=%.2f line %d", r + 1, model.probability(x.features()), x.line() + 1);
                break;
            }
        }
        if (shown && right.equals("none matches") && a != null) {
            // Why no candidate is the true title the dump shows: where that line stands against the candidates' window.
            int found = -1;
            for (int i = 0; i < c.read.lines().size() && found < 0; i++) {
                found = CleaningScore.normaliseTitle(c.read.lines().get(i).text).equals(truth) ? i : -1;
            }
            int at = found;
            int first = ranked.stream().mapToInt(HeaderCandidates.Candidate::line).min().orElse(-1);
            int last = ranked.stream().mapToInt(HeaderCandidates.Candidate::line).max().orElse(-1);
            boolean candidate = ranked.stream().anyMatch(x -> x.line() == at);
            right += String.format(Locale.ROOT, " (true line %d, %s; candidates lines %d-%d, run from %d)", at + 1,
                    candidate ? "a candidate whose value differs" : "no candidate", first + 1, last + 1, a.runStart() + 1);
        }
        return String.format(Locale.ROOT, "%s\t%s\t%s\t%d candidates, right: %s\tchosen '%s'\ttruth '%s'",
                CleaningScore.titleMatches(title, chosen) ? "OK" : "MISS", shown ? "shown" : "not shown", c.name, ranked.size(), right,
                chosen, title);
    }

    /**
     * Rows of {@code GAZETTE_CV_BYLINES}: why each held-out byline was missed or found, and for the pages whose truth has
     * none whether one was given all the same (NONE or GAVE); each row ends with the page's most probable candidate's
     * probability (and, for a truth, whether that candidate is right), so that the right and false bylines of every
     * threshold can be counted from one run. Null when not asked for.
     */
    private static final List<String> BYLINE_REPORT = System.getenv("GAZETTE_CV_BYLINES") == null ? null : new ArrayList<>();

    /** The probability of a page's most probable byline candidate, chosen or not (0 when it has none). */
    private static double bestP(HeaderCandidates.Layout a, LineModel model) {
        List<HeaderCandidates.Candidate> candidates = a == null ? List.of() : HeaderCandidates.bylines(a);
        return candidates.stream().mapToDouble(c -> model.probability(c.features())).max().orElse(0);
    }

    /**
     * One held-out page's byline: its truth, how many candidates it had, the chosen one with its
     * probability, and the best-ranked candidate that matches the truth (its rank and probability),
     * or "none matches" when no candidate does: a miss of candidate generation, not of the model.
     */
    private static String bylineRow(Case c, HeaderCandidates.Layout a, LineModel model) {
        List<HeaderCandidates.Candidate> candidates = a == null ? List.of() : HeaderCandidates.bylines(a);
        HeaderCandidates.Candidate chosen = HeaderCandidates.chooseByline(candidates, model);
        List<HeaderCandidates.Candidate> ranked = new ArrayList<>(candidates);
        ranked.sort((x, y) -> Double.compare(model.probability(y.features()), model.probability(x.features())));
        String right = "none matches";
        for (int r = 0; r < ranked.size(); r++) {
            HeaderCandidates.Candidate x = ranked.get(r);
            if (CleaningScore.bylineMatches(c.truth.byline(), x.value())) {
                right = String.format(Locale.ROOT, "rank %d p=%.2f line %d '%s'", r + 1, model.probability(x.features()), x.line() + 1, x.value());
                break;
            }
        }
        boolean ok = chosen != null && CleaningScore.bylineMatches(c.truth.byline(), chosen.value());
        HeaderCandidates.Candidate top = ranked.isEmpty() ? null : ranked.get(0);
        right += top == null ? "\tbest none" : String.format(Locale.ROOT, "\tbest %s p=%.4f",
                CleaningScore.bylineMatches(c.truth.byline(), top.value()) ? "right" : "wrong", model.probability(top.features()));
        boolean present = bylineInDump(c);
        // Then what decided: the top candidate's and the best right one's leading features, and a dump line that holds the
        // truth's words (where no candidate reads it).
        HeaderCandidates.Candidate best = ranked.stream().filter(x -> CleaningScore.bylineMatches(c.truth.byline(), x.value())).findFirst().orElse(null);
        return String.format(Locale.ROOT, "%s\t%s\t%s\ttruth '%s'\t%d candidates\tchosen %s\tright: %s\ttop: %s\tright's: %s\ttruth's line: %s",
                ok ? "OK" : "MISS", present ? "in dump" : "not in dump", c.name, c.truth.byline(),
                candidates.size(), chosen == null ? "none" : String.format(Locale.ROOT, "'%s' p=%.2f line %d", chosen.value(),
                        model.probability(chosen.features()), chosen.line() + 1), right,
                top == null ? "-" : model.explain(top.features(), 6), best == null ? "-" : model.explain(best.features(), 6), truthLine(c));
    }

    /** The first dump line holding every word of the truth's byline, its number and text cut to 120 characters; "-" when none. */
    private static String truthLine(Case c) {
        int i = truthLineIndex(c);
        if (i < 0) {
            return "-";
        }
        String t = c.read.lines().get(i).text;
        return (i + 1) + " " + (t.length() > 120 ? t.substring(0, 117) + "..." : t);
    }

    /** The index of the first dump line holding every word of the truth's byline, as the score compares them; -1 when none. */
    private static int truthLineIndex(Case c) {
        List<String> want = CleaningScore.bylineWords(c.truth.byline());
        for (int i = 0; i < c.read.lines().size(); i++) {
            if (new HashSet<>(CleaningScore.tokens(c.read.lines().get(i).text)).containsAll(want)) {
                return i;
            }
        }
        return -1;
    }

    /** Deals these sites into k folds in a fixed shuffled order, so neighbours in name do not share a fold. */
    static void deal(List<String> sites, int k, Map<String, Integer> fold) {
        deal(sites, k, fold, 0);
    }

    /** {@link #deal(List, int, Map)} in the order of this seed's shuffle. */
    static void deal(List<String> sites, int k, Map<String, Integer> fold, int seed) {
        List<String> groups = new ArrayList<>(new TreeSet<>(sites));
        groups.sort((a, b) -> Integer.compare(mix(a, seed), mix(b, seed)) != 0 ? Integer.compare(mix(a, seed), mix(b, seed)) : a.compareTo(b));
        for (int i = 0; i < groups.size(); i++) {
            fold.putIfAbsent(groups.get(i), i % k);
        }
    }

    private static int mix(String s, int seed) {
        int h = (s.hashCode() + seed * 0x7F4A7C15) * 0x9E3779B1;
        return h ^ (h >>> 15);
    }

    /** Which part of the true body a line reproduces (see the class comment). */
    static final class Truth {
        private final Set<String> trigrams = new HashSet<>();
        private final Set<String> charGrams = new HashSet<>();
        private final Set<String> paragraphs = new HashSet<>();

        Truth(String body) {
            List<String> t = CleaningScore.tokens(body);
            for (String paragraph : body.split("\n")) {
                paragraphs.add(String.join(" ", CleaningScore.tokens(paragraph)));
            }
            for (int i = 0; i + 2 < t.size(); i++) {
                trigrams.add(t.get(i) + " " + t.get(i + 1) + " " + t.get(i + 2));
            }
            String squeezed = String.join("", t);
            for (int i = 0; i + 3 <= squeezed.length(); i++) {
                charGrams.add(squeezed.substring(i, i + 3));
            }
        }

        boolean contains(String line) {
            List<String> t = CleaningScore.tokens(line);
            if (t.isEmpty()) {
                return false;
            }
            String squeezed = String.join("", t);
            if (squeezed.length() >= 3 * t.size() * 4) {
                // Long tokens: a script written without spaces, compared by characters.
                int hit = 0;
                for (int i = 0; i + 3 <= squeezed.length(); i++) {
                    hit += charGrams.contains(squeezed.substring(i, i + 3)) ? 1 : 0;
                }
                return hit * 2 > squeezed.length() - 2;
            }
            if (t.size() < 3) {
                // Too short for trigrams, and a word or two occurs anywhere: a heading or
                // one-line paragraph of the article stands as a paragraph of its own.
                return paragraphs.contains(String.join(" ", t));
            }
            int hit = 0;
            for (int i = 0; i + 2 < t.size(); i++) {
                hit += trigrams.contains(t.get(i) + " " + t.get(i + 1) + " " + t.get(i + 2)) ? 1 : 0;
            }
            return hit * 2 > t.size() - 2;
        }
    }

    /**
     * Summaries by source (case-name prefix) and by dumper (case-name suffix); saved pages
     * (form html) in groups of their own, named "html ...".
     */
    static Map<String, List<CleaningScore.CaseScore>> table(List<CleaningScore.CaseScore> scores) {
        return table(scores, Set.of());
    }

    /**
     * The same, with the header-only cases ({@code headerOnly}: no true body) in groups of their
     * own, named "headers ...", so that no body figure counts them.
     */
    static Map<String, List<CleaningScore.CaseScore>> table(List<CleaningScore.CaseScore> scores, Set<String> headerOnly) {
        Map<String, List<CleaningScore.CaseScore>> out = new LinkedHashMap<>();
        for (CleaningScore.CaseScore s : scores) {
            String source = s.name().replaceAll("-.*$", "");
            String prefix = headerOnly.contains(s.name()) ? "headers " : "";
            if (s.form().equals("html")) {
                out.computeIfAbsent(prefix + "html all", x -> new ArrayList<>()).add(s);
                out.computeIfAbsent(prefix + "html source " + source, x -> new ArrayList<>()).add(s);
                continue;
            }
            String dumper = s.name().contains("--") ? s.name().replaceAll("^.*--", "") : "dev-set";
            out.computeIfAbsent(prefix + "all", x -> new ArrayList<>()).add(s);
            out.computeIfAbsent(prefix + "source " + source, x -> new ArrayList<>()).add(s);
            String kind = dumper.replaceAll("-(plain|busy)$", "");
            out.computeIfAbsent(prefix + "dumper " + kind, x -> new ArrayList<>()).add(s);
            if (!kind.equals(dumper)) {
                out.computeIfAbsent(prefix + "dumper " + dumper, x -> new ArrayList<>()).add(s);
            }
        }
        return new TreeMap<>(out);
    }

    /** The names of the cases whose truth has no body, in these folders. */
    static Set<String> headerOnly(List<Path> dirs) {
        Set<String> out = new HashSet<>();
        for (Path dir : dirs) {
            CleaningScore.truths(dir).forEach((name, truth) -> {
                if (truth.body() == null) {
                    out.add(name);
                }
            });
        }
        return out;
    }

    public static void main(String[] args) throws IOException {
        List<Path> dirs = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            dirs.add(Path.of(args[i]));
        }
        List<Case> cases = load(dirs);
        if (args[0].equals("fit")) {
            LineModel model = fit(cases);
            HeaderCandidates.Models header = fitHeader(cases, model);
            long bodies = cases.stream().filter(c -> c.truth.body() != null).count();
            String provenance = "LineModelTrainer fit on " + cases.size() + " text-dump cases (bench/cleaning/train.sh)"
                    + (bodies == cases.size() ? "" : ", " + bodies + " of them with a body (the others header-only: dates alone)");
            Path dir = Path.of(args[1]);
            write(dir.resolve(LineModel.RESOURCE), model.toJson("logistic regression over standardised line features; p(body line)", provenance));
            write(dir.resolve(TitleCandidates.OPENER_RESOURCE), header.opener().toJson(
                    "conditional logit over standardised headline-candidate features, calibrated, fitted on the cases with a body;"
                            + " p(the headline over which the article starts)", provenance));
            write(dir.resolve(TitleCandidates.RESOURCE), header.title().toJson(
                    "conditional logit over standardised headline-candidate features, calibrated, fitted on every case with a title;"
                            + " p(the article's headline)", provenance));
            write(dir.resolve(TitlePairs.RESOURCE), Objects.requireNonNull(header.titlePairs(), "no pair model: no page left a pair").toJson(
                    "logistic regression over standardised features of the title model's two most probable candidates, each page's scored"
                            + " by a title model fitted without its site; p(the upper one is the article's headline)", provenance));
            write(dir.resolve(HeaderCandidates.BYLINE_RESOURCE), header.byline().toJson(
                    "conditional logit over standardised byline-candidate features, calibrated; p(the article's byline)", provenance));
            write(dir.resolve(HeaderCandidates.DATE_RESOURCE), header.date().toJson(
                    "conditional logit over standardised date-candidate features, calibrated; p(the article's date)", provenance));
            List<SavedPageTrainer.Page> pages = SavedPageTrainer.load(dirs);
            write(dir.resolve(HtmlHeaderCandidates.RESOURCE), SavedPageTrainer.toJson(SavedPageTrainer.fit(pages),
                    "LineModelTrainer fit on " + pages.size() + " saved pages (bench/cleaning/train.sh)"));
            System.out.println("fitted on " + cases.size() + " cases, thresholds " + model.threshold() + " (lines) "
                    + header.byline().threshold() + " (byline) " + header.date().threshold() + " (date) -> " + dir);
            return;
        }
        if (args[0].equals("cvtitles")) {
            // The title model's fit alone, several variants over the same folds (TitleCrossValidation).
            String rows = System.getenv("GAZETTE_CV_TITLE_DIR");
            TitleCrossValidation.run(cases, Integer.parseInt(args[1]),
                    TitleCrossValidation.Variant.parse(System.getenv().getOrDefault("GAZETTE_TITLE_VARIANTS", "main=" + TITLE_L2)),
                    rows == null ? null : Path.of(rows));
            return;
        }
        if (args[0].equals("explain")) {
            // One page as cross-validation sees it: every model fitted without the page's site.
            Case held = cases.stream().filter(c -> c.name.equals(args[1])).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no text-dump case " + args[1]));
            // GAZETTE_EXPLAIN_FOLDS=K: fitted on the other folds of `cv K`, the very models that scored the page there.
            String folds = System.getenv("GAZETTE_EXPLAIN_FOLDS");
            Map<String, Integer> fold = folds == null ? Map.of() : folds(cases, Integer.parseInt(folds));
            List<Case> train = cases.stream().filter(c -> folds == null ? !c.group.equals(held.group)
                    : !fold.get(c.group).equals(fold.get(held.group))).toList();
            LineModel model = fit(train);
            new TextExtractor(model, fitHeader(train, model)).explain(held.read).forEach(System.out::println);
            return;
        }
        List<CleaningScore.CaseScore> scores = new ArrayList<>();
        // Saved pages' title, byline and date models, held out by site in the dumps' folds (GAZETTE_CV_HTML=FILE: a row per page).
        List<String> htmlRows = System.getenv("GAZETTE_CV_HTML") == null ? null : new ArrayList<>();
        if (args[0].equals("cvhtml")) {
            // The saved pages alone: their models are fitted on saved pages only, so the dumps' models are not needed.
            scores = SavedPageTrainer.crossValidate(SavedPageTrainer.load(dirs), folds(cases, Integer.parseInt(args[1])), Integer.parseInt(args[1]), htmlRows);
        } else if (args[0].equals("score")) {
            // Predictions made elsewhere (gazette extract --json of another version): the same table.
            Map<String, CleaningScore.Fields> predicted = CleaningScore.predictions(Files.readAllLines(Path.of(args[1])));
            for (Path dir : dirs) {
                scores.addAll(CleaningScore.scoreAll(dir, predicted));
            }
        } else {
            scores = crossValidate(cases, Integer.parseInt(args[1]));
            scores.addAll(SavedPageTrainer.crossValidate(SavedPageTrainer.load(dirs), folds(cases, Integer.parseInt(args[1])), Integer.parseInt(args[1]), htmlRows));
        }
        if (htmlRows != null) {
            Files.write(Path.of(System.getenv("GAZETTE_CV_HTML")), htmlRows);
        }
        System.out.printf(Locale.ROOT, "%-26s %5s %6s %6s %6s %7s %6s %6s %6s %5s%n", "group (cross-validated)", "cases", "P", "R", "F1",
                "meanF1", "title", "byline", "date", "<0.3");
        for (Map.Entry<String, List<CleaningScore.CaseScore>> e : table(scores, headerOnly(dirs)).entrySet()) {
            CleaningScore.Summary s = CleaningScore.summarise(e.getValue());
            long bad = e.getValue().stream().filter(c -> c.f1() < 0.3).count();
            if (e.getKey().startsWith("headers ")) {
                System.out.printf(Locale.ROOT, "%-26s %5d %6s %6s %6s %7s %6s %6s %6s %5s%n", e.getKey(), s.cases(), "-", "-", "-", "-",
                        pct(s.title()), pct(s.byline()), pct(s.date()), "-");
                continue;
            }
            System.out.printf(Locale.ROOT, "%-26s %5d %6.3f %6.3f %6.3f %7.3f %6s %6s %6s %5d%n", e.getKey(), s.cases(), s.precision(),
                    s.recall(), s.f1(), s.meanF1(), pct(s.title()), pct(s.byline()), pct(s.date()), bad);
        }
        String perCase = System.getenv("GAZETTE_CV_CASES");
        if (perCase != null) {
            // Every case's row, for comparing two versions of the cleaner case by case.
            List<String> rows = new ArrayList<>();
            scores.forEach(s -> rows.add(String.format(Locale.ROOT, "%s\t%s\t%.3f\t%.3f\t%.3f\t%s\t%s\t%s", s.name(), s.form(), s.precision(),
                    s.recall(), s.f1(), s.title(), s.byline(), s.date())));
            Files.write(Path.of(perCase), rows);
        }
        if (BYLINE_REPORT != null) {
            Files.write(Path.of(System.getenv("GAZETTE_CV_BYLINES")), BYLINE_REPORT);
        }
        if (TITLE_REPORT != null) {
            Files.write(Path.of(System.getenv("GAZETTE_CV_TITLES")), TITLE_REPORT);
        }
        Set<String> headerOnly = headerOnly(dirs);
        printPresence("cases with a body", cases.stream().filter(c -> !headerOnly.contains(c.name)).toList(), scores);
        for (String dumper : new String[] {"", "--dev-", "--chrome-", "--lynx-"}) {
            List<Case> some = cases.stream().filter(c -> headerOnly.contains(c.name) && c.name.contains(dumper)).toList();
            if (!some.isEmpty()) {
                printPresence("header-only cases" + (dumper.isEmpty() ? "" : ", dumper " + dumper.replace("-", "")), some, scores);
            }
        }
        System.out.println();
        System.out.println("worst 15 cases:");
        scores.stream().filter(s -> !headerOnly.contains(s.name())).sorted((a, b) -> Double.compare(a.f1(), b.f1())).limit(15).forEach(s ->
                System.out.printf(Locale.ROOT, "  %-50s P %.2f R %.2f F1 %.2f%n", s.name(), s.precision(), s.recall(), s.f1()));
    }

    private static void write(Path file, com.fasterxml.jackson.databind.node.ObjectNode json) throws IOException {
        Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json) + "\n");
    }

    /**
     * How often the truth's byline and date are in the dump at all, and how often they are found
     * where they are: a byline is present when one line holds all its words (as the score
     * compares them), a date when some line writes that day in a form {@link DateParser} reads.
     * Bylines are also counted on valid truths only ({@link #notAByline}), with the count and
     * reason of every truth set aside.
     */
    static void printPresence(String label, List<Case> cases, List<CleaningScore.CaseScore> scores) {
        Map<String, CleaningScore.CaseScore> byName = new TreeMap<>();
        scores.forEach(s -> byName.put(s.name(), s));
        int[] byline = new int[3];
        int[] valid = new int[3];
        int[] date = new int[3];
        Map<String, Integer> setAside = new TreeMap<>();
        Map<Path, String> pageText = new HashMap<>();
        for (Case c : cases) {
            CleaningScore.CaseScore s = byName.get(c.name);
            if (c.truth.byline() != null && s != null) {
                boolean present = bylineInDump(c);
                count(byline, present, s.byline());
                String text = c.html == null ? null : pageText.computeIfAbsent(c.html, LineModelTrainer::visibleText);
                String reason = notAByline(c.truth.byline(), text);
                if (reason == null) {
                    count(valid, present, s.byline());
                } else {
                    setAside.merge(reason, 1, Integer::sum);
                }
            }
            if (c.truth.date() != null && s != null) {
                boolean present = c.read.lines().stream().anyMatch(l -> !l.isCode()
                        && DateParser.findAll(l.text).stream().anyMatch(f -> CleaningScore.dateMatches(c.truth.date(), f.value())));
                count(date, present, s.date());
            }
        }
        System.out.printf(Locale.ROOT, "%n%s:%nbylines: %d truths, %d present in the dump; matched %s of all, %s of those present%n",
                label, byline[0], byline[1], pct((double) byline[2] / byline[0]), pct(byline[1] == 0 ? Double.NaN : (double) byline[2] / byline[1]));
        System.out.printf(Locale.ROOT, "  valid bylines: %d truths (set aside: %s), %d present in the dump; matched %s of valid, %s of those present%n",
                valid[0], setAside.isEmpty() ? "none" : setAside.toString(), valid[1], pct(valid[0] == 0 ? Double.NaN : (double) valid[2] / valid[0]),
                pct(valid[1] == 0 ? Double.NaN : (double) valid[2] / valid[1]));
        System.out.printf(Locale.ROOT, "dates:   %d truths, %d present in the dump; matched %s of all, %s of those present%n",
                date[0], date[1], pct((double) date[2] / date[0]), pct(date[1] == 0 ? Double.NaN : (double) date[2] / date[1]));
    }

    /** Whether one line of the case's dump holds every word of its true byline, as the score compares them. */
    private static boolean bylineInDump(Case c) {
        return truthLineIndex(c) >= 0;
    }

    /** The most names a byline credits; beyond, a truth is a list of every author the page links to. */
    static final int MAX_BYLINE_NAMES = 3;

    /**
     * Why an expected byline is no byline a reader sees, or null when it is one: it holds a web
     * address ("www.facebook.com": a publisher's link, not a name), it lists more than
     * {@value #MAX_BYLINE_NAMES} names (the source fixtures' metadata lists every author a page links
     * to; no credit among the human-labelled pages names more than two), or the page's own saved
     * text ({@code pageText}, null when the page was not saved) does not hold all its words (it came
     * from metadata the page never shows). A rule over the truth alone, never over what the
     * cleaner found.
     */
    static String notAByline(String byline, String pageText) {
        if (byline.matches("(?s).*(?:https?://|www\\.|\\w\\.(?:com|org|net)\\b).*")) {
            return "web address";
        }
        if (byline.split("\\s*(?:,|;|&|\\band\\b)\\s*").length > MAX_BYLINE_NAMES) {
            return "more than " + MAX_BYLINE_NAMES + " names";
        }
        if (pageText != null) {
            Set<String> words = new HashSet<>(CleaningScore.tokens(pageText));
            if (!words.containsAll(CleaningScore.bylineWords(byline))) {
                return "not in the page's text";
            }
        }
        return null;
    }

    /** The text a saved page shows (its body's text, as jsoup reads it). */
    private static String visibleText(Path html) {
        try {
            return Jsoup.parse(Files.readString(html)).text();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Counts a truth: [truths, present, matched-and-present]. */
    private static void count(int[] n, boolean present, Boolean matched) {
        n[0]++;
        n[1] += present ? 1 : 0;
        n[2] += present && Boolean.TRUE.equals(matched) ? 1 : 0;
    }

    private static String pct(double rate) {
        return Double.isNaN(rate) ? "-" : Math.round(rate * 100) + "%";
    }
}
