package dev.gazette.clean;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gazette.SharedFolder;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The title and byline truths derived from a page (PageTruths), on written pages and against cleaning-dev's {@code sh-} truths. */
class PageTruthsTest {
    private static String page(String head, String body) {
        return "<html><head>" + head + "</head><body>" + body + "</body></html>";
    }

    @Test
    void theVisibleHeadlineIsTheTitleNotTheDeclaredOneWithTheSiteName() {
        String html = page("<title>Rain Returns to the Valley | Valley Post</title>",
                "<h1>Valley Post</h1><h1>Rain Returns to the Valley</h1><p>It rained.</p>");
        assertThat(PageTruths.of(html).title()).isEqualTo("Rain Returns to the Valley");
    }

    @Test
    void aHeadingThatIsOnlyTheSitePartOfTheDeclaredTitleDoesNotAgree() {
        String html = page("<title>Rain Returns to the Valley | Valley Post</title>", "<h1>Valley Post</h1><p>It rained.</p>");
        assertThat(PageTruths.of(html).title()).isNull();
    }

    @Test
    void aHeadlineTheMetadataDoesNotDeclareGivesNoTitle() {
        String html = page("<title>Search engine title</title><meta property=\"og:title\" content=\"Another wording\">",
                "<h1>What the reader sees</h1>");
        assertThat(PageTruths.of(html).title()).isNull();
    }

    @Test
    void aBreadcrumbsOrMenusHeadingIsNoTitle() {
        String head = "<title>Linde: Gasekonzern muss verkaufen</title>";
        String crumbs = "<div class=\"c-nav__breadcrumbs-wrap\"><ul><li><a href=\"/\">Home</a></li></ul>"
                + "<h1>Linde: Gasekonzern muss verkaufen</h1></div>";
        String article = "<article><h2><span>Linde</span> Gasekonzern muss verkaufen</h2><p>" + "Der Konzern verkauft. ".repeat(20)
                + "</p></article>";
        assertThat(PageTruths.of(page(head, crumbs + article)).title()).isNull();
        String text = "<p>" + "Der Konzern verkauft. ".repeat(20) + "</p>";
        assertThat(PageTruths.of(page(head, "<nav><h1>Linde: Gasekonzern muss verkaufen</h1></nav>" + text)).title()).isNull();
        assertThat(PageTruths.of(page(head, "<ul role=\"menu\"><li><h1>Linde: Gasekonzern muss verkaufen</h1></li></ul>" + text))
                .title()).isNull();
    }

    @Test
    void aPageWrapperNamedAfterItsNavigationStillHoldsTheHeadline() {
        String html = "<html><head><title>Rain Returns | Valley Post</title></head><body class=\"site-navigation nav-left\">"
                + "<h1>Rain Returns</h1><p>" + "It rained all day in the valley. ".repeat(10) + "</p></body></html>";
        assertThat(PageTruths.of(html).title()).isEqualTo("Rain Returns");
        String wrapped = page("<title>Rain Returns | Valley Post</title>", "<div id=\"menu-push\"><h1>Rain Returns</h1><p>"
                + "It rained all day in the valley. ".repeat(10) + "</p></div>");
        assertThat(PageTruths.of(wrapped).title()).isEqualTo("Rain Returns");
    }

    @Test
    void agreementAllowsSeparatedShorterPartsOnEitherSide() {
        assertThat(PageTruths.agrees("the headline here", "analysis: the headline here | site")).isTrue();
        assertThat(PageTruths.agrees("短缺药品保供稳价", "短缺药品保供稳价-新华网")).isTrue();
        assertThat(PageTruths.agrees("how to save money", "how to save money and time")).isFalse();
        assertThat(PageTruths.agrees("site", "a long headline | site")).isFalse();
    }

    @Test
    void bylinesAreDeclaredPersonNamesThePageShows() {
        String ld = "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Rain\","
                + "\"author\":[{\"@type\":\"Person\",\"name\":\"Jane\u00a0Doe\"},{\"@type\":\"Person\",\"name\":\"John Roe\"},"
                + "{\"@type\":\"Organization\",\"name\":\"Valley Post Staff\"}]}</script>";
        assertThat(PageTruths.of(page(ld, "<h1>Rain</h1><p>By Jane Doe</p><p>Valley Post Staff</p>")).byline()).isEqualTo("Jane Doe");
    }

    @Test
    void aMetaCreditGivesTheNamesItOpensWith() {
        String meta = "<meta name=\"author\" content=\"Dana Ford, Tom Watkins and Ann Poe, CNN\">";
        String body = "<p>By Dana Ford, Tom Watkins and Ann Poe, CNN</p>";
        assertThat(PageTruths.of(page(meta, body)).byline()).isEqualTo("Dana Ford and Tom Watkins and Ann Poe");
        String role = "<meta name=\"author\" content=\"Jill Disis, CNN Business\">";
        assertThat(PageTruths.of(page(role, "<p>Jill Disis, CNN Business</p>")).byline()).isEqualTo("Jill Disis");
    }

    @Test
    void oneWordOrganisationsAndUnshownNamesAreNoByline() {
        assertThat(PageTruths.of(page("<meta name=\"author\" content=\"Reuters\">", "<p>Reuters</p>")).byline()).isNull();
        assertThat(PageTruths.of(page("<meta name=\"author\" content=\"The Water Coolest\">", "<p>The Water Coolest</p>")).byline())
                .isNull();
        assertThat(PageTruths.of(page("<meta name=\"author\" content=\"Jane Doe\">", "<p>No credit shown.</p>")).byline()).isNull();
    }

    @Test
    void nameShapes() {
        assertThat(PageTruths.isNameShaped("Alejandro de la Garza")).isTrue();
        assertThat(PageTruths.isNameShaped("Amanda \"Tania Mae\" Tan")).isTrue();
        assertThat(PageTruths.isNameShaped("严玉洁")).isTrue();
        assertThat(PageTruths.isNameShaped("Analysis by Chris Cillizza")).isFalse();
        assertThat(PageTruths.isNameShaped("Wirtschaftswoche")).isFalse();
    }

    /** The rule was written from the README's wording; cleaning-dev's sh- truths were made by another script. */
    @Test
    void reproducesEveryHumanLabelledCasesDerivedTitleAndByline() throws Exception {
        Path dev = SharedFolder.require("cleaning-dev/cases");
        ObjectMapper json = new ObjectMapper();
        List<String> differ = new ArrayList<>();
        int n = 0;
        try (Stream<Path> cases = Files.list(dev)) {
            for (Path c : cases.filter(c -> c.getFileName().toString().startsWith("sh-")).sorted().toList()) {
                JsonNode truth = json.readTree(c.resolve("truth.json").toFile());
                PageTruths.Truth derived = PageTruths.of(Files.readString(c.resolve("source.html")));
                n++;
                if (!same(truth.path("title").asText(null), derived.title())) {
                    differ.add(c.getFileName() + " title " + derived.title());
                }
                if (!same(truth.path("byline").asText(null), derived.byline())) {
                    differ.add(c.getFileName() + " byline " + derived.byline());
                }
            }
        }
        assertThat(n).isGreaterThanOrEqualTo(40);
        assertThat(differ).isEmpty();
    }

    private static boolean same(String truth, String derived) {
        return truth == null ? derived == null : derived != null && CleaningScore.normaliseTitle(truth).equals(CleaningScore.normaliseTitle(derived));
    }
}
