package dev.gazette.clean;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiPredicate;
import java.util.function.Function;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;

/**
 * Fits and cross-validates the saved page's title, byline and date models ({@link HtmlHeaderCandidates}, the resource
 * {@value HtmlHeaderCandidates#RESOURCE}) on every case with a {@code source.html}: each a choice model fitted by
 * {@link LineModelTrainer#fitChoice} (a conditional logit over the page's candidates, calibrated), each page weighing
 * one site's share (a site's saved pages together weigh one site). A candidate is right when it matches the truth as
 * the score counts a match; pages whose truth lacks the field, or none of whose candidates matches it, say nothing about
 * which candidate to prefer and are left out of the choice. Cross-validation deals the pages' sites into the folds of
 * the text dumps ({@link LineModelTrainer#folds}): a site's saved page is held out with its dumps.
 */
final class SavedPageTrainer {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The choice models' penalty (gazette.l2html), the dumps' choice models' by default. */
    static final double L2 = Double.parseDouble(System.getProperty("gazette.l2html", LineModelTrainer.CHOICE_L2_DEFAULT));

    private SavedPageTrainer() {
    }

    /**
     * One saved page: its case name, site, truth, file, the candidates of each field, and the fixture's expected title
     * ({@code provenance.fixture.title} of its {@code truth.json}, null where it has none).
     */
    record Page(String name, String group, CleaningScore.Fields truth, Path html, List<HeaderCandidates.Candidate> titles,
                List<HeaderCandidates.Candidate> bylines, List<HeaderCandidates.Candidate> dates, String fixtureTitle) {
        /**
         * The title the model is fitted to: the truth's, else the fixture's. A derived title truth exists only where the
         * page's {@code <h1>} agrees with a title it declares, so without the fixtures' titles the fit would never see
         * a page where they disagree, the very choice it has to make there.
         */
        String fitTitle() {
            return truth.title() != null ? truth.title() : fixtureTitle;
        }
    }

    /** Every case with a {@code source.html} under each {@code dir/cases}, its candidates read from the page as saved. */
    static List<Page> load(List<Path> dirs) {
        List<Page> out = new ArrayList<>();
        for (Path dir : dirs) {
            for (Map.Entry<String, CleaningScore.Fields> e : CleaningScore.truths(dir).entrySet()) {
                Path html = dir.resolve("cases").resolve(e.getKey()).resolve("source.html");
                if (!Files.exists(html)) {
                    continue;
                }
                try {
                    Document doc = Jsoup.parse(Files.readString(html), "", Parser.htmlParser().setMaxDepth(HtmlExtractor.MAX_DEPTH));
                    HtmlHeaderCandidates c = new PageDeclarations(doc, null).candidates();
                    String fixture = PageDeclarations.text(JSON.readTree(html.resolveSibling("truth.json").toFile()).path("provenance").path("fixture").path("title"));
                    out.add(new Page(e.getKey(), e.getKey().replaceAll("--.*$", ""), e.getValue(), html, c.titles(), c.bylines(), c.dates(), fixture));
                } catch (IOException x) {
                    throw new UncheckedIOException(x);
                }
            }
        }
        return out;
    }

    /** The three models fitted on these pages. */
    static HtmlHeaderCandidates.Models fit(List<Page> pages) {
        Map<String, Integer> pagesOfSite = new TreeMap<>();
        pages.forEach(p -> pagesOfSite.merge(p.group, 1, Integer::sum));
        // A title is always given (threshold 0): a page without one has nothing to list it under.
        return new HtmlHeaderCandidates.Models(
                choice(HtmlHeaderCandidates.TITLE_FEATURES, pages, pagesOfSite, Page::titles, Page::fitTitle, CleaningScore::titleMatches, 0),
                choice(HtmlHeaderCandidates.BYLINE_FEATURES, pages, pagesOfSite, Page::bylines, p -> p.truth.byline(), CleaningScore::bylineMatches, 0.5,
                        HtmlHeaderCandidates.BYLINE_PAGE_FEATURES),
                choice(HtmlHeaderCandidates.DATE_FEATURES, pages, pagesOfSite, Page::dates, p -> p.truth.date(), CleaningScore::dateMatches, 0.5));
    }

    private static LineModel choice(List<String> names, List<Page> pages, Map<String, Integer> pagesOfSite,
                                    Function<Page, List<HeaderCandidates.Candidate>> candidates, Function<Page, String> truth,
                                    BiPredicate<String, String> matches, double threshold) {
        return choice(names, pages, pagesOfSite, candidates, truth, matches, threshold, List.of());
    }

    private static LineModel choice(List<String> names, List<Page> pages, Map<String, Integer> pagesOfSite,
                                    Function<Page, List<HeaderCandidates.Candidate>> candidates, Function<Page, String> truth,
                                    BiPredicate<String, String> matches, double threshold, List<String> pageFeatures) {
        List<LineModelTrainer.Field> fields = new ArrayList<>();
        for (Page p : pages) {
            fields.add(new LineModelTrainer.Field(truth.apply(p), candidates.apply(p), 1.0 / pagesOfSite.get(p.group), matches));
        }
        return LineModelTrainer.fitChoice(names, fields, threshold, L2, false, pageFeatures);
    }

    /** The resource {@value HtmlHeaderCandidates#RESOURCE}: the three models and how they were made. */
    static ObjectNode toJson(HtmlHeaderCandidates.Models models, String provenance) {
        ObjectNode node = JSON.createObjectNode();
        node.put("version", 1);
        node.put("provenance", provenance);
        node.set("title", models.title().toJson("conditional logit over standardised saved-page title-candidate features, calibrated;"
                + " p(the article's headline); the most probable is always given", provenance));
        node.set("byline", models.byline().toJson("conditional logit over standardised saved-page byline-candidate features, calibrated;"
                + " p(the article's byline)", provenance));
        node.set("date", models.date().toJson("conditional logit over standardised saved-page date-candidate features, calibrated;"
                + " p(the article's publication date)", provenance));
        return node;
    }

    /**
     * Every saved page extracted whole (body too: the title chosen steers the body's tidying) by models fitted without
     * its site's fold; {@code fold} holds the text dumps' folds, and sites with no dump are dealt into {@code k} folds
     * of their own, as {@link LineModelTrainer#folds} deals the header-only sites. With {@code rows}, one line per page:
     * each field right or wrong, chosen and truth.
     */
    static List<CleaningScore.CaseScore> crossValidate(List<Page> pages, Map<String, Integer> dumpFolds, int k, List<String> rows) {
        Map<String, Integer> fold = new TreeMap<>(dumpFolds);
        LineModelTrainer.deal(pages.stream().filter(p -> p.truth.body() != null).map(Page::group).filter(g -> !dumpFolds.containsKey(g)).toList(), k, fold, LineModelTrainer.FOLD_SEED);
        LineModelTrainer.deal(pages.stream().filter(p -> p.truth.body() == null).map(Page::group).filter(g -> !dumpFolds.containsKey(g)).toList(), k, fold, LineModelTrainer.FOLD_SEED);
        List<CleaningScore.CaseScore> out = new ArrayList<>();
        // Per source, how many held-out titles match the fixture's expected title, of the pages that have one.
        Map<String, int[]> fixtureTitles = new TreeMap<>();
        for (int f = 0; f < k; f++) {
            int held = f;
            List<Page> test = pages.stream().filter(p -> fold.get(p.group) == held).toList();
            if (test.isEmpty()) {
                continue;
            }
            HtmlHeaderCandidates.Models models = fit(pages.stream().filter(p -> fold.get(p.group) != held).toList());
            HtmlExtractor extractor = new HtmlExtractor(models);
            for (Page p : test) {
                Extraction e;
                try {
                    e = extractor.extract(Files.readString(p.html), null);
                } catch (IOException x) {
                    throw new UncheckedIOException(x);
                }
                CleaningScore.CaseScore s = CleaningScore.score(p.name, "html", p.truth, new CleaningScore.Fields(e.title(), e.byline(), e.date(), e.text()));
                out.add(s);
                if (p.fixtureTitle != null) {
                    int[] n = fixtureTitles.computeIfAbsent(p.name.replaceAll("-.*$", ""), x -> new int[2]);
                    n[0] += CleaningScore.titleMatches(p.fixtureTitle, e.title()) ? 1 : 0;
                    n[1]++;
                }
                if (rows != null) {
                    rows.add(String.format(Locale.ROOT, "%s\ttitle %s '%s' truth '%s'\tbyline %s '%s' truth '%s'\tdate %s '%s' truth '%s'", p.name,
                            mark(s.title()), e.title(), p.truth.title(), mark(s.byline()), e.byline(), p.truth.byline(), mark(s.date()), e.date(), p.truth.date())
                            + "\ttitles " + ranked(p.titles, models.title()) + "\tbylines " + ranked(p.bylines, models.byline())
                            + "\tdates " + ranked(p.dates, models.date()));
                }
            }
        }
        List<String> agree = new ArrayList<>();
        fixtureTitles.forEach((source, n) -> agree.add(String.format(Locale.ROOT, "%s %d/%d (%.0f%%)", source, n[0], n[1], 100.0 * n[0] / n[1])));
        System.out.println("html titles against the fixtures' expected titles: " + String.join(", ", agree));
        return out;
    }

    /** The candidates, most probable first, as "'value' p=0.87". */
    private static String ranked(List<HeaderCandidates.Candidate> candidates, LineModel model) {
        List<String> out = new ArrayList<>();
        candidates.stream().sorted((a, b) -> Double.compare(model.probability(b.features()), model.probability(a.features())))
                .forEach(c -> out.add(String.format(Locale.ROOT, "'%s' p=%.2f", c.value(), model.probability(c.features()))));
        return String.join(" | ", out);
    }

    private static String mark(Boolean b) {
        return b == null ? "-" : b ? "OK" : "MISS";
    }
}
