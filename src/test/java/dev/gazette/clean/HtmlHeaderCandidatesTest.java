package dev.gazette.clean;

import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The saved page's title, byline and date candidates, their features, and the shipped models' resource. */
class HtmlHeaderCandidatesTest {
    private static final String PAGE = """
            <html><head><title>Footbridge to be rebuilt in timber | Riverside Gazette</title>
            <meta property="og:title" content="Footbridge to be rebuilt in timber">
            <meta property="og:site_name" content="Riverside Gazette">
            <meta property="article:published_time" content="2025-04-02T09:15:00+01:00">
            <meta property="article:modified_time" content="2025-04-05T10:00:00+01:00">
            </head><body>
            <header><h1><a href="/">Riverside Gazette</a></h1><nav><a href="/news">News</a></nav></header>
            <article><h1>Footbridge to be rebuilt in timber</h1>
            <div class="meta">By <a href="/author/owen-pritchard">Owen Pritchard</a> and <a href="/author/ann-poe">Ann Poe</a></div>
            <time datetime="2025-04-02">2 April 2025</time>
            <p>The committee met on Tuesday evening.</p></article></body></html>""";

    private static HtmlHeaderCandidates candidates() {
        return new PageDeclarations(Jsoup.parse(PAGE), null).candidates();
    }

    private static double feature(HeaderCandidates.Candidate c, List<String> names, String name) {
        return c.features()[names.indexOf(name)];
    }

    private static HeaderCandidates.Candidate valued(List<HeaderCandidates.Candidate> candidates, String value) {
        return candidates.stream().filter(c -> c.value().equals(value)).findFirst().orElseThrow(() -> new AssertionError(value + " in " + candidates));
    }

    @Test
    void titlesSayWhichSourcesAgreeAndWhereEachStands() {
        List<HeaderCandidates.Candidate> titles = candidates().titles();
        assertThat(titles).allMatch(c -> c.features().length == HtmlHeaderCandidates.TITLE_FEATURES.size());
        HeaderCandidates.Candidate headline = valued(titles, "Footbridge to be rebuilt in timber");
        // og:title, <title> without the site's name and the article's <h1> give the same text: one candidate.
        assertThat(feature(headline, HtmlHeaderCandidates.TITLE_FEATURES, "og_title")).isEqualTo(1);
        assertThat(feature(headline, HtmlHeaderCandidates.TITLE_FEATURES, "declared_without_site")).isEqualTo(1);
        assertThat(feature(headline, HtmlHeaderCandidates.TITLE_FEATURES, "h1")).isEqualTo(1);
        assertThat(feature(headline, HtmlHeaderCandidates.TITLE_FEATURES, "sources")).isEqualTo(3);
        HeaderCandidates.Candidate logo = valued(titles, "Riverside Gazette");
        assertThat(feature(logo, HtmlHeaderCandidates.TITLE_FEATURES, "in_site_header")).isEqualTo(1);
        assertThat(feature(logo, HtmlHeaderCandidates.TITLE_FEATURES, "link_text")).isEqualTo(1);
        HeaderCandidates.Candidate declared = valued(titles, "Footbridge to be rebuilt in timber | Riverside Gazette");
        assertThat(feature(declared, HtmlHeaderCandidates.TITLE_FEATURES, "extends_other")).isEqualTo(1);
        assertThat(feature(declared, HtmlHeaderCandidates.TITLE_FEATURES, "visible")).isEqualTo(0);
    }

    @Test
    void bylinesIncludeAuthorLinksAndCoAuthorsSideBySide() {
        List<HeaderCandidates.Candidate> bylines = candidates().bylines();
        HeaderCandidates.Candidate first = valued(bylines, "Owen Pritchard");
        assertThat(feature(first, HtmlHeaderCandidates.BYLINE_FEATURES, "author_link")).isEqualTo(1);
        assertThat(feature(first, HtmlHeaderCandidates.BYLINE_FEATURES, "after_by")).isEqualTo(1);
        assertThat(feature(valued(bylines, "Owen Pritchard and Ann Poe"), HtmlHeaderCandidates.BYLINE_FEATURES, "joined")).isEqualTo(2);
    }

    @Test
    void aCreditWordOfAnyKnownLanguageIsReadAsByIs() {
        String page = """
                <html><body><article><h1>La passerelle sera reconstruite en bois</h1>
                <p class="byline">Par <a href="/signataires/camille-roux">Camille Roux</a></p>
                <div class="author">Von Jonas Weber</div>
                <p>Le comité s'est réuni mardi soir.</p></article></body></html>""";
        List<HeaderCandidates.Candidate> bylines = new PageDeclarations(Jsoup.parse(page), null).candidates().bylines();
        List<String> names = HtmlHeaderCandidates.BYLINE_FEATURES;
        // The label is the credit's, not the name's: "Par Camille Roux" names Camille Roux, after a credit word.
        assertThat(bylines).noneMatch(c -> c.value().startsWith("Par ") || c.value().startsWith("Von "));
        assertThat(feature(valued(bylines, "Camille Roux"), names, "after_by")).isEqualTo(1);
        assertThat(feature(valued(bylines, "Jonas Weber"), names, "after_by")).isEqualTo(1);
    }

    @Test
    void anArticlesOwnFooterAndWriterClassCreditAndAListHoldingAPrintedNameSaysSo() {
        String page = """
                <html><head><meta name="author" content="Owen Pritchard, Ana Lima and Rhys Morgan"></head>
                <body><article><h1>Footbridge to be rebuilt in timber</h1><p>The committee met on Tuesday evening.</p>
                <footer><span class="writer">Rhys Morgan</span></footer></article>
                <footer><p class="author">Ana Lima</p></footer></body></html>""";
        List<HeaderCandidates.Candidate> bylines = new PageDeclarations(Jsoup.parse(page), null).candidates().bylines();
        List<String> names = HtmlHeaderCandidates.BYLINE_FEATURES;
        // A writer-classed element is a credit box; the article's own footer is not the site's chrome, the page's footer is.
        HeaderCandidates.Candidate printed = valued(bylines, "Rhys Morgan");
        assertThat(feature(printed, names, "credit_box")).isEqualTo(1);
        assertThat(feature(printed, names, "in_chrome")).isEqualTo(0);
        assertThat(feature(valued(bylines, "Ana Lima"), names, "in_chrome")).isEqualTo(1);
        // The declared list names the printed credit and more: three names, holding another candidate's.
        HeaderCandidates.Candidate declared = valued(bylines, "Owen Pritchard, Ana Lima and Rhys Morgan");
        assertThat(feature(declared, names, "names")).isEqualTo(3);
        assertThat(feature(declared, names, "holds_other")).isEqualTo(1);
        assertThat(feature(printed, names, "holds_other")).isEqualTo(0);
    }

    @Test
    void aListOfNamesIsReadInTheLanguagesKnownHere() {
        String page = """
                <html><head><meta name="author" content="Anna Berg, Tom Lind und Eva Roth"></head>
                <body><article><h1>Die Brücke wird aus Holz gebaut</h1><p>Der Ausschuss tagte am Dienstag.</p>
                <footer><span class="writer">Eva Roth</span></footer></article></body></html>""";
        List<HeaderCandidates.Candidate> bylines = new PageDeclarations(Jsoup.parse(page), null).candidates().bylines();
        HeaderCandidates.Candidate declared = valued(bylines, "Anna Berg, Tom Lind und Eva Roth");
        assertThat(feature(declared, HtmlHeaderCandidates.BYLINE_FEATURES, "names")).isEqualTo(3);
        assertThat(feature(declared, HtmlHeaderCandidates.BYLINE_FEATURES, "holds_other")).isEqualTo(1);
    }

    @Test
    void aDeclaredNameInAScriptWithoutCapitalsAndCoAuthorsSideBySideKeepTheirCreditsSources() {
        String page = """
                <html><head><title>Footbridge</title><meta name="author" content="島津健吾"></head><body><article><h1>Footbridge</h1>
                <div class="meta"><span class="byline"><a href="/a/jane-doe">Jane Doe</a></span> and <span class="byline"><a href="/a/john-roe">John Roe</a></span></div>
                </article></body></html>""";
        List<HeaderCandidates.Candidate> bylines = new PageDeclarations(Jsoup.parse(page), null).candidates().bylines();
        assertThat(feature(valued(bylines, "島津健吾"), HtmlHeaderCandidates.BYLINE_FEATURES, "meta_author")).isEqualTo(1);
        // The run of credit boxes is credited as its first name's box is.
        HeaderCandidates.Candidate joined = valued(bylines, "Jane Doe and John Roe");
        assertThat(feature(joined, HtmlHeaderCandidates.BYLINE_FEATURES, "joined")).isEqualTo(2);
        assertThat(feature(joined, HtmlHeaderCandidates.BYLINE_FEATURES, "credit_box")).isEqualTo(1);
        assertThat(feature(joined, HtmlHeaderCandidates.BYLINE_FEATURES, "box_rank")).isEqualTo(0);
    }

    @Test
    void aCreditPrintedBesideTheHeadlineWithNoCreditMarkupIsReadAfterItsCreditWord() {
        String page = """
                <html><body><main><h1>Footbridge to be rebuilt in timber</h1><p><span>By </span><a href="/p/1">Teresa Newsome</a></p>
                <div class="byline">By Ana Lima</div><p>The committee met on Tuesday evening.</p></main></body></html>""";
        List<HeaderCandidates.Candidate> bylines = new PageDeclarations(Jsoup.parse(page), null).candidates().bylines();
        List<String> names = HtmlHeaderCandidates.BYLINE_FEATURES;
        HeaderCandidates.Candidate printed = valued(bylines, "Teresa Newsome");
        assertThat(new double[] {feature(printed, names, "printed_by"), feature(printed, names, "after_by")}).containsExactly(1, 1);
        // A credit box's text is read as the box, one element one source.
        HeaderCandidates.Candidate boxed = valued(bylines, "Ana Lima");
        assertThat(new double[] {feature(boxed, names, "printed_by"), feature(boxed, names, "sources")}).containsExactly(0, 1);
    }

    @Test
    void datesAreOnePerDayAndModifiedTimesAreCandidatesToPassOver() {
        List<HeaderCandidates.Candidate> dates = candidates().dates();
        assertThat(dates).extracting(HeaderCandidates.Candidate::value).containsExactly("2025-04-02T09:15+01:00", "2025-04-05T10:00+01:00");
        HeaderCandidates.Candidate published = dates.get(0);
        assertThat(feature(published, HtmlHeaderCandidates.DATE_FEATURES, "time_element")).isEqualTo(1);
        assertThat(feature(published, HtmlHeaderCandidates.DATE_FEATURES, "sources")).isEqualTo(2);
        assertThat(feature(dates.get(1), HtmlHeaderCandidates.DATE_FEATURES, "modified")).isEqualTo(1);
    }

    @Test
    void theShippedModelsChooseThePagesHeadlineCreditAndPublicationDay() {
        Extraction found = new HtmlExtractor().extract(PAGE, null);
        assertThat(found.title()).isEqualTo("Footbridge to be rebuilt in timber");
        assertThat(found.byline()).isEqualTo("Owen Pritchard and Ann Poe");
        assertThat(found.date()).startsWith("2025-04-02");
        // The resource's features are the code's, in order (a mismatch fails loading).
        assertThat(HtmlHeaderCandidates.Models.shipped().title().names()).isEqualTo(HtmlHeaderCandidates.TITLE_FEATURES);
    }

    @Test
    void undeclaredDatesAreReadFromTheAddressAndADatelineBesideTheHeadline() {
        String page = """
                <html><head><title>Footbridge to be rebuilt in timber</title>
                <meta name="og:title" value="Footbridge to be rebuilt in timber">
                <link rel="canonical" href="https://example.org/news/2025/04/02/footbridge-timber/">
                </head><body><article><h1 itemprop="headline" class="entry-title">Footbridge to be rebuilt in timber</h1>
                <p>By Owen Pritchard <span>April 2, 2025</span></p>
                <p>The committee met on Tuesday evening and agreed, as its members had first proposed on March 3, 2025, that the old bridge would close for good.</p>
                </article></body></html>""";
        HtmlHeaderCandidates c = new PageDeclarations(Jsoup.parse(page), null).candidates();
        // One day, from the address and the dateline; the date the article's sentence mentions is no candidate.
        HeaderCandidates.Candidate day = valued(c.dates(), "2025-04-02");
        assertThat(c.dates()).hasSize(1);
        assertThat(feature(day, HtmlHeaderCandidates.DATE_FEATURES, "url_date")).isEqualTo(1);
        assertThat(feature(day, HtmlHeaderCandidates.DATE_FEATURES, "printed_near_h1")).isEqualTo(1);
        assertThat(feature(day, HtmlHeaderCandidates.DATE_FEATURES, "dateline_alone")).isEqualTo(1);
        assertThat(feature(day, HtmlHeaderCandidates.DATE_FEATURES, "sources")).isEqualTo(2);
        // A <meta> whose content is kept as value still declares; an <h1> marked as the headline counts as each source.
        HeaderCandidates.Candidate title = valued(c.titles(), "Footbridge to be rebuilt in timber");
        assertThat(feature(title, HtmlHeaderCandidates.TITLE_FEATURES, "og_title")).isEqualTo(1);
        assertThat(feature(title, HtmlHeaderCandidates.TITLE_FEATURES, "itemprop_headline")).isEqualTo(1);
        assertThat(feature(title, HtmlHeaderCandidates.TITLE_FEATURES, "title_class")).isEqualTo(1);
        assertThat(feature(title, HtmlHeaderCandidates.TITLE_FEATURES, "printed_and_declared")).isEqualTo(1);
    }

    @Test
    void aCreditsLabelIsNoNameWhereverThePagePrintsOrDeclaresIt() {
        String page = """
                <html><head><title>Footbridge to be rebuilt in timber</title>
                <meta name="byl" content="By Owen Pritchard, Ana Lima and Rhys Morgan">
                </head><body><article><h1>Footbridge to be rebuilt in timber</h1>
                <p class="byline"><span class="byline-prefix">By </span><a href="/by/owen-pritchard">Owen Pritchard</a></p>
                <p class="author">Byby RHYS MORGAN</p>
                <p>The committee met on Tuesday evening and agreed that the old bridge would close for good.</p>
                </article></body></html>""";
        List<String> names = new PageDeclarations(Jsoup.parse(page), null).candidates().bylines().stream()
                .map(HeaderCandidates.Candidate::value).toList();
        assertThat(names).contains("Owen Pritchard, Ana Lima and Rhys Morgan", "Owen Pritchard", "RHYS MORGAN")
                .noneMatch(n -> n.startsWith("By"));
    }

    @Test
    void aCreditsPartsAreSpacedButAWordSplitAcrossElementsIsNot() {
        assertThat(HtmlHeaderCandidates.spacedText(Jsoup.parse("<p><span>By</span><a>Jane Doe</a><span>Staff Writer</span></p>").selectFirst("p")))
                .isEqualTo("By Jane Doe Staff Writer");
        assertThat(HtmlHeaderCandidates.spacedText(Jsoup.parse("<p><a>Louise Matsaki<span>s</span></a></p>").selectFirst("p")))
                .isEqualTo("Louise Matsakis");
        assertThat(HtmlHeaderCandidates.spacedText(Jsoup.parse("<p>Posted by <a>admin</a></p>").selectFirst("p"))).isEqualTo("Posted by admin");
    }
}
