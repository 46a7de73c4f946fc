package dev.gazette.clean;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.IntStream;

/**
 * The title model alone, cross-validated by site as {@code LineModelTrainer.crossValidate} does (the same folds, line
 * model and opener fitted on the other folds), for several variants of its fit in one pass: each variant a penalty and
 * a set of {@link TitleCandidates#TITLE_ONLY} features left out. The candidates of every page are read once per fold, so
 * comparing variants costs one cross-validation, and every variant sees the same folds: what differs between two rows is
 * the title model's fit alone. {@code bench/cleaning/train.sh cvtitles K [CASES_DIR...]}, variants in
 * {@code GAZETTE_TITLE_VARIANTS} ("name=L2[/PAIR_L2[/TAKE[/CONTENDERS[/FIT]]]][@PAIR_FEATURES][:-feature,-feature...]" separated by
 * ";": with PAIR_L2 a pair model, {@link TitlePairs}, is fitted on the fold's training pages too, reading the pair features
 * whose names the regular expression PAIR_FEATURES matches, and takes a challenger from TAKE among the title model's
 * CONTENDERS most probable, fitted on the pairs among the FIT most probable), per-case rows of each variant in
 * {@code GAZETTE_CV_TITLE_DIR}/NAME.tsv when set; under the table, the titles each variant gains and loses against the first,
 * counted by site. The shared features ({@link TitleCandidates#FEATURES}) move the opener
 * too, so they are left out only to measure, never to ship.
 */
final class TitleCrossValidation {
    private TitleCrossValidation() {
    }

    /** One variant of the title model's fit: its penalty and the features it does not read. */
    record Variant(String name, double l2, List<String> without, double pairL2, double tau, int contenders, int fitContenders, String pairKeep) {
        static List<Variant> parse(String spec) {
            List<Variant> out = new ArrayList<>();
            for (String v : spec.split(";")) {
                String[] nameRest = v.strip().split("=", 2);
                String[] l2Features = nameRest[1].split(":", 2);
                List<String> without = new ArrayList<>();
                if (l2Features.length > 1) {
                    for (String f : l2Features[1].split(",")) {
                        String name = f.strip().replaceFirst("^-", "");
                        if (!TitleCandidates.TITLE_FEATURES.contains(name)) {
                            throw new IllegalArgumentException("no title feature " + name);
                        }
                        without.add(name);
                    }
                }
                // "L2/PAIR_L2/TAU/CONTENDERS/FIT@KEEP": a pair model of penalty PAIR_L2 reading the pair features KEEP matches,
                // fitted on the pairs among the FIT (CONTENDERS by default) most probable of each training page, a challenger
                // taken when the pair model gives it TAU or more, among the title model's CONTENDERS most probable.
                String[] keep = l2Features[0].split("@", 2);
                String[] l2s = keep[0].split("/", 5);
                out.add(new Variant(nameRest[0].strip(), Double.parseDouble(l2s[0]), without, l2s.length > 1 ? Double.parseDouble(l2s[1]) : Double.NaN,
                        l2s.length > 2 ? Double.parseDouble(l2s[2]) : TitlePairs.TAKE_RUNNER_UP,
                        l2s.length > 3 ? Integer.parseInt(l2s[3]) : TitlePairs.CONTENDERS,
                        l2s.length > 4 ? Integer.parseInt(l2s[4]) : l2s.length > 3 ? Integer.parseInt(l2s[3]) : TitlePairs.CONTENDERS,
                        keep.length > 1 ? keep[1] : ".*"));
            }
            return out;
        }

        /** The indices of the features the variant reads. */
        int[] kept() {
            return IntStream.range(0, TitleCandidates.TITLE_FEATURES.size())
                    .filter(j -> !without.contains(TitleCandidates.TITLE_FEATURES.get(j))).toArray();
        }
    }

    /** A held-out page: its case, its candidates, and the title extraction would print for each. */
    private record Held(LineModelTrainer.Case c, List<HeaderCandidates.Candidate> candidates, List<String> printed) {
    }

    static HeaderCandidates.Candidate project(HeaderCandidates.Candidate c, int[] kept) {
        double[] x = new double[kept.length];
        for (int j = 0; j < kept.length; j++) {
            x[j] = c.features()[kept[j]];
        }
        return new HeaderCandidates.Candidate(c.value(), c.line(), x);
    }

    static void run(List<LineModelTrainer.Case> cases, int k, List<Variant> variants, Path rowsDir) throws IOException {
        Map<String, Integer> fold = LineModelTrainer.folds(cases, k);
        Map<String, List<String>> rows = new LinkedHashMap<>();
        variants.forEach(v -> rows.put(v.name(), new ArrayList<>()));
        for (int f = 0; f < k; f++) {
            int held = f;
            List<LineModelTrainer.Case> train = cases.stream().filter(c -> fold.get(c.group()) != held).toList();
            List<LineModelTrainer.Case> test = cases.stream().filter(c -> fold.get(c.group()) == held).toList();
            if (test.isEmpty()) {
                continue;
            }
            LineModel lines = LineModelTrainer.fit(train);
            LineModel opener = LineModelTrainer.fitTitle(train.stream().filter(c -> c.truth().body() != null).toList(), lines, 1, true);
            TextExtractor extractor = new TextExtractor(lines, new HeaderCandidates.Models(opener, null, null, null));
            Map<String, Integer> dumpsOfSite = new TreeMap<>();
            train.forEach(c -> dumpsOfSite.merge(c.group(), 1, Integer::sum));
            List<LineModelTrainer.Field> fields = new ArrayList<>();
            List<String> groups = new ArrayList<>();
            for (LineModelTrainer.Case c : train) {
                groups.add(c.group());
                HeaderCandidates.Layout a = extractor.layout(extractor.score(c.read()));
                fields.add(new LineModelTrainer.Field(c.truth().title(), a == null ? List.of() : a.titles(),
                        1.0 / dumpsOfSite.get(c.group()) * (c.name().startsWith("seed-") ? LineModelTrainer.SEED_WEIGHT : 1)
                                * (c.truth().body() == null ? LineModelTrainer.HEADER_ONLY_TITLE_WEIGHT : 1),
                        CleaningScore::titleMatches));
            }
            List<Held> tests = new ArrayList<>();
            for (LineModelTrainer.Case c : test) {
                if (c.truth().title() == null) {
                    continue;
                }
                HeaderCandidates.Layout a = extractor.layout(extractor.score(c.read()));
                List<HeaderCandidates.Candidate> candidates = a == null ? List.of() : a.titles();
                List<String> printed = new ArrayList<>();
                for (HeaderCandidates.Candidate x : candidates) {
                    // As TextExtractor.extract prints the chosen candidate.
                    int at = TextHeader.firstRepeat(a.lines(), x.line());
                    printed.add(TitleCandidates.isPart(x) ? x.value() : TextHeader.withoutSiteName(a.lines(), at, a.runStart(), a.end(), a.lang()));
                }
                tests.add(new Held(c, candidates, printed));
            }
            for (Variant v : variants) {
                int[] kept = v.kept();
                List<String> names = Arrays.stream(kept).mapToObj(TitleCandidates.TITLE_FEATURES::get).toList();
                List<LineModelTrainer.Field> projected = fields.stream().map(x -> new LineModelTrainer.Field(x.truth(),
                        x.candidates().stream().map(c -> project(c, kept)).toList(), x.weight(), x.matches(), x.calibration())).toList();
                LineModel model = LineModelTrainer.fitChoice(names, projected, TitleCandidates.THRESHOLD, v.l2());
                LineModel pairs = Double.isNaN(v.pairL2()) ? null : LineModelTrainer.fitPairs(fields, groups, v.l2(), v.pairL2(),
                        n -> n.matches(v.pairKeep()), v.fitContenders());
                for (Held h : tests) {
                    int best = -1;
                    double bestP = -1;
                    int rightRank = 0;
                    double[] ps = new double[h.candidates().size()];
                    for (int i = 0; i < ps.length; i++) {
                        ps[i] = model.probability(project(h.candidates().get(i), kept).features());
                        if (ps[i] > bestP) {
                            best = i;
                            bestP = ps[i];
                        }
                    }
                    double rightP = -1;
                    for (int i = 0; i < ps.length; i++) {
                        if (CleaningScore.titleMatches(h.c().truth().title(), h.candidates().get(i).value()) && ps[i] > rightP) {
                            rightP = ps[i];
                        }
                    }
                    if (rightP >= 0) {
                        for (double p : ps) {
                            rightRank += p > rightP ? 1 : 0;
                        }
                    }
                    if (pairs != null) {
                        HeaderCandidates.Candidate pick = TitlePairs.choose(h.candidates(), model, pairs, v.tau(), v.contenders());
                        best = pick == null ? -1 : h.candidates().indexOf(pick);
                        bestP = best < 0 ? -1 : ps[best];
                    }
                    String chosen = best < 0 ? null : h.printed().get(best);
                    boolean ok = CleaningScore.titleMatches(h.c().truth().title(), chosen);
                    rows.get(v.name()).add(String.format(Locale.ROOT, "%s\t%s\t%s\tp=%.2f\t%s\t'%s'\t'%s'", h.c().name(), ok ? "OK" : "MISS",
                            rightP < 0 ? "none" : "rank " + (rightRank + 1) + " p=" + String.format(Locale.ROOT, "%.2f", rightP),
                            bestP, best < 0 ? "-" : "line " + (h.candidates().get(best).line() + 1), chosen, h.c().truth().title()));
                }
            }
            System.err.printf(Locale.ROOT, "fold %d done%n", f + 1);
        }
        System.out.printf(Locale.ROOT, "%-14s %8s %6s %6s %5s %6s %6s %6s %8s %8s %8s %8s %9s%n", "variant", "dumps", "devset", "sh", "seed", "dev", "chrome",
                "lynx", "pl", "pl-dev", "pl-chr", "pl-lyn", "total");
        for (Variant v : variants) {
            List<String> r = rows.get(v.name());
            System.out.printf(Locale.ROOT, "%-14s %8s %6s %6s %5s %6s %6s %6s %8s %8s %8s %8s %9s%n", v.name(),
                    count(r, n -> !n.startsWith("pl-")), count(r, n -> !n.contains("--") && !n.startsWith("pl-")), count(r, n -> n.startsWith("sh-")),
                    count(r, n -> n.startsWith("seed-")),
                    count(r, n -> !n.startsWith("pl-") && n.contains("--dev-")), count(r, n -> !n.startsWith("pl-") && n.contains("--chrome-")),
                    count(r, n -> !n.startsWith("pl-") && n.contains("--lynx-")), count(r, n -> n.startsWith("pl-")),
                    count(r, n -> n.startsWith("pl-") && n.contains("--dev-")), count(r, n -> n.startsWith("pl-") && n.contains("--chrome-")),
                    count(r, n -> n.startsWith("pl-") && n.contains("--lynx-")), count(r, n -> true));
            if (rowsDir != null) {
                Files.createDirectories(rowsDir);
                Files.write(rowsDir.resolve(v.name() + ".tsv"), r);
            }
        }
        // What each variant turns against the first, by site: a gain of near ties one refit moves shows as churn here.
        List<String> first = rows.get(variants.get(0).name());
        for (Variant v : variants.subList(1, variants.size())) {
            Map<String, Integer> gained = new TreeMap<>();
            Map<String, Integer> lost = new TreeMap<>();
            List<String> r = rows.get(v.name());
            for (int i = 0; i < r.size(); i++) {
                String[] a = first.get(i).split("\t", 3);
                String[] b = r.get(i).split("\t", 3);
                if (!a[1].equals(b[1])) {
                    (b[1].equals("OK") ? gained : lost).merge(a[0].replaceFirst("--.*", ""), 1, Integer::sum);
                }
            }
            System.out.printf(Locale.ROOT, "%s against %s: gained %s; lost %s%n", v.name(), variants.get(0).name(), gained, lost);
        }
    }

    /** "matched/truths" over the rows whose case name passes {@code which}. */
    private static String count(List<String> rows, Predicate<String> which) {
        int n = 0;
        int ok = 0;
        for (String row : rows) {
            String[] f = row.split("\t", 3);
            if (which.test(f[0])) {
                n++;
                ok += f[1].equals("OK") ? 1 : 0;
            }
        }
        return ok + "/" + n;
    }
}
