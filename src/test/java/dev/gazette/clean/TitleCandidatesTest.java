package dev.gazette.clean;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

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
     * A run that opens with its headline right over the text, no byline between (a text browser's dump of an interview:
     * the headline, then the standfirst): the run's head is empty, so the headline is the run's first line, and it is a
     * candidate of the title model, marked head_end, but not an opener, which would move where the article starts.
     */
    @Test
    void headlineOpeningTheRunIsATitleCandidateButNotAnOpener() {
        List<String> dump = new ArrayList<>(List.of("Politics", "", "Ferry to run all winter between the two islands"));
        for (String day : List.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")) {
            dump.add("On " + day + " the harbour master spoke. " + PARAGRAPH); // told apart: a paragraph shown again is a blurb
        }
        TextExtractor extractor = new TextExtractor();
        TextExtractor.Scored scored = extractor.score(String.join("\n", dump));
        List<DumpLine> lines = scored.lines();
        List<HeaderCandidates.Candidate> all = TitleCandidates.of(lines, 1, lines.size() - 1, scored.lang());
        int headEnd = TitleCandidates.TITLE_FEATURES.indexOf("head_end");
        assertThat(all).anySatisfy(c -> {
            assertThat(c.value()).isEqualTo("Ferry to run all winter between the two islands");
            assertThat(c.features()[headEnd]).isEqualTo(1);
        });
        assertThat(TitleCandidates.openers(all)).noneSatisfy(c -> assertThat(c.line()).isEqualTo(1));
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
     * of a longer line, the section label over it as a label over a headline, and the title model prints the headline,
     * not the line nearest the byline.
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
        HeaderCandidates.Candidate section = a.titles().stream().filter(c -> c.value().equals("News")).findFirst().orElseThrow();
        assertThat(section.features()[names.indexOf("label_over_headline")]).isEqualTo(1);
        assertThat(headline.features()[names.indexOf("label_over_headline")]).isZero();
        assertThat(extractor.extract(scored).title()).isEqualTo("Island Ferry Will Run All Winter For The First Time");
    }

    /**
     * The shapes a headline has not, together the title-only feature not_headline: letters of another script than the
     * article's (a Latin menu entry over a Chinese story), a caption's or lead's full stop in a script whose stop is not the
     * Latin one, a control verb that says "here" or speaks to the reader, a credit opening a line of any length, a web
     * address; the headline has none of them.
     */
    @Test
    void shapesAHeadlineHasNot() {
        String lead = "香港行政长官梁振英在各方压力下就其大宅的违章建筑问题到立法会接受质询，并向香港民众道歉，强调他没有隐瞒的意图和动机。";
        List<String> dump = new ArrayList<>(List.of("BBC Chinese News", "", "港特首梁振英就住宅违建事件道歉", "",
                "Click here for an exclusive shoot with the chief executive", "",
                "Analysis by Jane Doe, Senior Political Analyst in Hong Kong", "",
                "梁振英同时遭到泛民主派和亲北京阵营议员质问。", ""));
        for (int i = 0; i < 5; i++) {
            dump.add(lead);
            dump.add("");
        }
        TextExtractor extractor = new TextExtractor();
        TextExtractor.Scored scored = extractor.score(String.join("\n", dump));
        HeaderCandidates.Layout a = extractor.layout(scored);
        List<String> names = TitleCandidates.TITLE_FEATURES;
        Function<String, double[]> of = text -> a.titles().stream().filter(c -> c.value().equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no candidate " + text)).features();
        double[] headline = of.apply("港特首梁振英就住宅违建事件道歉");
        double[] menu = of.apply("BBC Chinese News");
        double[] click = of.apply("Click here for an exclusive shoot with the chief executive");
        double[] analysis = of.apply("Analysis by Jane Doe, Senior Political Analyst in Hong Kong");
        double[] caption = of.apply("梁振英同时遭到泛民主派和亲北京阵营议员质问。");
        int notHeadline = names.indexOf("not_headline");
        for (double[] x : List.of(menu, click, analysis, caption)) {
            assertThat(x[notHeadline]).isEqualTo(1);
        }
        assertThat(headline[notHeadline]).isZero();
        // ends_full_stop reads the caption's stop as ends_period reads a Latin one; the headline ends with none.
        int fullStop = names.indexOf("ends_full_stop");
        int period = names.indexOf("ends_period");
        assertThat(caption[fullStop]).isEqualTo(1);
        assertThat(caption[period]).isZero();
        assertThat(headline[fullStop]).isZero();
    }

    /** A web address, such as the frame a text browser prints ("IFRAME: https://..."), is a shape of not_headline too. */
    @Test
    void aWebAddressIsNoHeadline() {
        Function<String, Double> notHeadline = notHeadlineOf("IFRAME: https://www.example.com/parts/frame/ad_list.htm", "", "Home", "",
                "Island Ferry Will Run All Winter For The First Time", "", "By Jane Doe", "");
        assertThat(notHeadline.apply("IFRAME: https://")).isEqualTo(1);
        assertThat(notHeadline.apply("Island Ferry")).isZero();
    }

    /** The not_headline feature of the title candidate whose value starts with a text, in a dump of {@code head} over five paragraphs. */
    private static Function<String, Double> notHeadlineOf(String... head) {
        return featureOf("not_headline", head);
    }

    /** A title feature of the title candidate whose value starts with a text, in a dump of {@code head} over five paragraphs. */
    private static Function<String, Double> featureOf(String feature, String... head) {
        List<String> dump = new ArrayList<>(List.of(head));
        for (int i = 0; i < 5; i++) {
            dump.add(PARAGRAPH);
            dump.add("");
        }
        TextExtractor extractor = new TextExtractor();
        HeaderCandidates.Layout a = extractor.layout(extractor.score(String.join("\n", dump)));
        int at = TitleCandidates.TITLE_FEATURES.indexOf(feature);
        return text -> a.titles().stream().filter(c -> c.value().startsWith(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no candidate " + text)).features()[at];
    }

    /**
     * The list of the page's feeds and link relations a text browser prints on a dump's first line ("#alternate ...") is
     * a shape of not_headline; a hashtag further down is not.
     */
    @Test
    void aTextBrowsersListOfLinksIsNoHeadline() {
        Function<String, Double> notHeadline = notHeadlineOf("#alternate Island Ferry News » Feed", "", "Home", "", "#ferries", "",
                "Island Ferry Will Run All Winter For The First Time", "", "By Jane Doe", "");
        assertThat(notHeadline.apply("#alternate")).isEqualTo(1);
        assertThat(notHeadline.apply("#ferries")).isZero();
        assertThat(notHeadline.apply("Island Ferry Will")).isZero();
    }

    /** A line that stamps a post with its time, a video's card ("14K views 6 years ago"), is a feature of its own. */
    @Test
    void aTimeStampIsAFeatureOfItsOwn() {
        Function<String, Double> stamp = featureOf("time_stamp", "Ferry Timetables Explained", "14K views 6 years ago", "",
                "Island Ferry Will Run All Winter For The First Time", "", "By Jane Doe", "");
        assertThat(Stream.of("14K views", "Ferry Timetables", "Island Ferry Will").map(stamp).toList()).containsExactly(1.0, 0.0, 0.0);
    }

    @Test
    void aTextFieldDrawnAfterTheHeadlineIsNoPartOfIt() {
        assertThat(Headlines.withoutDrawn("cron.weekly issue #130: keycloak, redis6 & more ______________________"))
                .isEqualTo("cron.weekly issue #130: keycloak, redis6 & more");
        assertThat(Headlines.withoutDrawn("snake_case___")).isEqualTo("snake_case___");
        assertThat(Headlines.withoutDrawn("A headline")).isEqualTo("A headline");
    }

    @Test
    void chineseAndJapaneseTitlesSetTheSiteNameOffWithoutSpaces() {
        assertThat(Headlines.withoutSiteName("新しい路面電車が開業｜港町ニュース", "港町ニュース")).isEqualTo("新しい路面電車が開業");
        assertThat(Headlines.withoutSiteName("港口新渡轮本周开航_交通_港城日报", "港城日报")).isEqualTo("港口新渡轮本周开航_交通");
        // The site's name unknown: a short last part after a headline long enough, counted in characters over two.
        assertThat(Headlines.withoutSiteName("「フェリー」が冬も運航へ:港町ブログ", null)).isEqualTo("「フェリー」が冬も運航へ");
        assertThat(Headlines.withoutSiteName("フェリー運航:港町ブログ", null)).isEqualTo("フェリー運航:港町ブログ");
        // Their own punctuation is full-width: a full-width colon belongs to the headline; Latin text keeps its marks.
        assertThat(Headlines.withoutSiteName("首相：来年度の減税を検討", null)).isEqualTo("首相：来年度の減税を検討");
        assertThat(Headlines.withoutSiteName("snake_case names at a 3:2 ratio", null)).isEqualTo("snake_case names at a 3:2 ratio");
        assertThat(DumpLine.words("路面電車が冬も運航")).isEqualTo(4);
    }

    @Test
    void aPictureDrawnBeforeTheHeadlineAsItsFileNameIsNoPartOfIt() {
        assertThat(Headlines.withoutDrawn("[0426_original_1280x960.jpg] Ferries run late again")).isEqualTo("Ferries run late again");
        assertThat(Headlines.withoutDrawn("[harbour.PNG?w=300] Ferries run late again")).isEqualTo("Ferries run late again");
        assertThat(Headlines.withoutDrawn("[Update] Ferries run late again")).isEqualTo("[Update] Ferries run late again");
        assertThat(Headlines.withoutDrawn("[logo.svg]")).isEqualTo("[logo.svg]");
    }

    @Test
    void sentenceEndsAndScripts() {
        assertThat(TitleCandidates.endsOtherStop("这个约会软件就是这样配对。")).isTrue();
        assertThat(TitleCandidates.endsOtherStop("先勝…")).isFalse();
        assertThat(TitleCandidates.endsOtherStop("A sentence in Latin.")).isFalse();
        assertThat(TitleCandidates.opensWithCredit("Analysis by Joan Biskupic, CNN Senior Supreme Court Analyst")).isTrue();
        assertThat(TitleCandidates.opensWithCredit("Two arrested in a scheme run by Jane Doe and others")).isFalse();
        int latin = TitleCandidates.mainScript(List.of(DumpLine.parse("An article in English").get(0)), 0, 0);
        assertThat(TitleCandidates.otherScript("CNN en Español", latin)).isZero();
        assertThat(TitleCandidates.otherScript("معارضون يسيطرون", latin)).isEqualTo(1);
    }
}
