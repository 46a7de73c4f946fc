package dev.gazette.clean;

import dev.gazette.source.TextDecoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The text-dump cleaner on small pages written for these tests. */
class TextExtractorTest {
    private static final String DUMP = """
            window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);} gtag('js', new Date());
            Home
            News
            Weather
            Sport
            Sign in

            Lantern festival returns to the old harbour after a five-year pause

            By Miriam Okafor
            Published 3 March 2025

            The lantern festival that once filled the old harbour every spring is coming back. Organisers said on Monday that the parade, last held in 2020, will return in April with more than two hundred paper lanterns made by local schools.

            The festival began in the 1970s as a small procession of fishing families and grew into one of the town's busiest weekends. It stopped when the harbour wall was closed for repairs, and the volunteers who ran it went their separate ways.

            A new committee

            A new committee of eleven volunteers has raised most of the money needed, helped by a grant from the town council and a crowdfunding appeal that closed last week. The chair, a retired harbour pilot, said the response had surprised everyone on the committee.

            What to expect on the night:

              1. A parade from the lifeboat station to the lighthouse, starting at dusk.
              2. Music from two brass bands and a ceilidh on the quay until late.
              3. A lantern-making tent for children throughout the afternoon.

            The committee hopes the festival will be held every year from now on, and is looking for more volunteers to help with stewarding and safety on the night itself.

            - Advertisement -

            More from News
            Council approves new cycle lanes for the ring road
            Bakery on Mill Street wins regional award for its sourdough
            Ferry timetable changes announced for the summer season

            Sign up to our newsletter and get the week's best stories in your inbox every Friday, and you can unsubscribe at any time.

            We use cookies to give you the best experience on our website. By continuing to browse you agree to our use of cookies and our privacy policy.
            """;

    private final Extraction found = new TextExtractor().extract(DUMP);

    @Test
    void findsTitleBylineAndDate() {
        assertThat(found.title()).isEqualTo("Lantern festival returns to the old harbour after a five-year pause");
        assertThat(found.byline()).isEqualTo("Miriam Okafor");
        assertThat(found.date()).isEqualTo("2025-03-03");
        assertThat(found.lang()).isEqualTo("en");
    }

    @Test
    void keepsTheArticleWithItsHeadingAndList() {
        assertThat(found.text()).startsWith("The lantern festival that once filled the old harbour")
                .endsWith("stewarding and safety on the night itself.");
        assertThat(found.html()).contains("<h2>A new committee</h2>")
                .containsPattern("<ol>\\s*<li>A parade from the lifeboat station")
                .contains("<li>A lantern-making tent for children throughout the afternoon.</li>");
    }

    @Test
    void dropsScriptsMenusTeasersAndNotices() {
        assertThat(found.text()).doesNotContain("dataLayer", "Sign in", "Advertisement", "More from News", "cycle lanes",
                "newsletter", "cookies", "By Miriam Okafor", "Published 3 March");
    }

    @Test
    void joinsHardWrappedParagraphs() {
        Extraction wrapped = new TextExtractor().extract("""
                Menu
                Search

                A quiet revolution in how small towns keep their libraries open

                Volunteers now run more than half of the branch libraries in the county, and
                the number has doubled in five years as councils look for savings in every
                department they run.

                The county librarian said the change had kept doors open that would otherwise
                have closed, but warned that volunteers cannot replace trained staff for every
                task a library takes on.
                """);
        assertThat(wrapped.text()).contains("in the county, and the number has doubled")
                .contains("\n\nThe county librarian");
    }

    @Test
    void linesOfZeroWidthSpacesSeparateParagraphsLikeBlankLines() {
        String spacer = "\u200B";
        Extraction spaced = new TextExtractor().extract(String.join("\n\n",
                "Home", "Tide gauges return to the estuary after a decade",
                "Volunteers have reinstalled the three tide gauges that the estuary trust removed ten years ago, and the readings go online every hour.",
                spacer, spacer,
                "The gauges had been taken down when the old jetty was closed, and nobody had the money to put them back until a local school raised it.",
                spacer,
                "The trust says the data will help fishermen and the sailing club plan their days, and will show how the channel silts up over the years."));
        assertThat(spaced.text()).startsWith("Volunteers have reinstalled").contains("school raised it.\n\nThe trust says")
                .endsWith("over the years.").doesNotContain(spacer);
    }

    @Test
    void guessesTheLanguageFromTheTextNotFromTheScripts() {
        String script = "var s = document.createElement('script'); s.src = 'https://cdn.example.com/tag.js'; "
                + "window.config = { page: 'article', section: 'news', id: 1234, tags: ['x', 'y'] }; ";
        Extraction found = new TextExtractor().extract(script.repeat(12) + "\n\n" + String.join("\n\n",
                "Flood barrier tested before the winter storms",
                "Engineers closed the new flood barrier on the river for the first time on Sunday, and it held back the tide as it was built to do.",
                "The barrier took four years to build and cost more than was planned, but the council says it will protect two thousand homes."));
        assertThat(found.lang()).isEqualTo("en");
    }

    @Test
    void keepsAListArticleWholeWhenOneOfItsItemsReadsLikeASentence() {
        Extraction found = new TextExtractor().extract("""
                Release Notes

                Harbour Tracker 2.0 - The Tides Update

                + Added tide tables for forty more ports, with local times
                + Added a night mode
                + Added offline maps for the whole of the north coast
                + Added warnings for spring tides and storm surges
                + Moorings can now be shared with a crew of up to six
                + Added a new chart style with depth shading, and a new layer called Shoals?
                + Start-up is faster on older phones and on tablets
                + The compass no longer drifts on some tablets
                + Logbooks can be exported as spreadsheets or printed
                + Harbour masters can post notices to everyone moored nearby
                + Removed the old weather widget

                Older posts
                """);
        assertThat(found.title()).isEqualTo("Harbour Tracker 2.0 - The Tides Update");
        assertThat(found.text()).startsWith("Added tide tables for forty more ports").contains("Added a night mode")
                .contains("post notices to everyone moored nearby");
    }

    @Test
    void anEmptyOrTextlessDumpGivesNothing() {
        assertThat(new TextExtractor().extract("").isEmpty()).isTrue();
        assertThat(new TextExtractor().extract("Home\nNews\nContact us\n").isEmpty()).isTrue();
    }

    @Test
    void aPageWithNoArticleRunHasItsHeaderReadAndNoBody() {
        String dump = """
                Home
                Fashion
                Beauty
                Sign in

                Fashion

                Your cosy holiday outfit, illustrated

                By Miriam Okafor
                Published 3 March 2025

                1. Wrap blouse, $167
                2. Festive socks, $8
                3. Leather mittens, $30

                Shop the look

                Sponsored Content
                """;
        TextExtractor extractor = new TextExtractor();
        assertThat(extractor.run(extractor.score(dump))).isNull();
        Extraction found = extractor.extract(dump);
        assertThat(found.title()).isEqualTo("Your cosy holiday outfit, illustrated");
        assertThat(found.text()).isEmpty();
    }

    @Test
    void scriptStatementsThatCallOrSetAnObjectsMemberAreCode() {
        assertThat(LineClassifier.isCode("_nk.putUrl(\"#JSID_R1FT\",{JSID_urlTargettype:'href'});")).isTrue();
        assertThat(LineClassifier.isCode("_nkconf.DATA_GUIDE_URL=\"/async/async.do/?ae=P_LK\";_nkconf.IS_TOPPAGE=false;")).isTrue();
        // Prose that names a file or a site and ends a sentence is no statement.
        assertThat(LineClassifier.isCode("The file config.json (which holds the settings) was changed; nobody noticed.")).isFalse();
        assertThat(LineClassifier.isCode("Node.js is used by many teams; the survey found it in most of them.")).isFalse();
    }

    @Test
    void linesUnderAThreadOfTimeStampsAreMarkedStampedAndTheArticleUnderItsOneDatelineIsNot() {
        String paragraph = "The council voted on Tuesday to keep the evening ferry running through the winter, after residents "
                + "who work late shifts on the mainland asked it to step in.";
        List<String> dump = new ArrayList<>(List.of("Ferry keeps its evening sailings", "", "12 November 2024, 08:15", "", paragraph,
                "", paragraph.replace("Tuesday", "Monday"), "", "3 comments", ""));
        for (String stamp : List.of("2 hours ago", "an hour ago", "November 12, 2024 at 6:34 am")) {
            dump.addAll(List.of("reader" + dump.size() + " says:", stamp, "I think this is the right decision for everyone on the island.", ""));
        }
        List<DumpLine> lines = DumpLine.parse(String.join("\n", dump));
        new LineClassifier("en").classify(lines);
        double[][] features = LineFeatures.of(lines, "en");
        int stamped = LineFeatures.NAMES.indexOf("stamped");
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i).text;
            if (text.startsWith("I think")) {
                assertThat(features[i][stamped]).as(text).isEqualTo(1.0);
            }
            if (text.equals(paragraph) || text.equals("Ferry keeps its evening sailings")) {
                assertThat(features[i][stamped]).as(text).isEqualTo(0.0);
            }
        }
        assertThat(LineFeatures.isStamp(lines.get(0), "en")).isFalse();
    }

    /**
     * The headline printed and the line under which the article starts are two models' choices: a title model that
     * prefers menu entries prints one, while the article, its byline and date stay where the opener puts them.
     */
    @Test
    void titleModelChoosesThePrintedHeadlineAloneWhileTheOpenerLaysOutTheArticle() {
        List<String> names = TitleCandidates.FEATURES;
        double[] weights = new double[names.size()];
        weights[names.indexOf("in_menu")] = 10;
        double[] ones = new double[names.size()];
        Arrays.fill(ones, 1);
        LineModel menus = new LineModel(names, new double[names.size()], ones, weights, 0, 0);
        HeaderCandidates.Models shipped = HeaderCandidates.Models.shipped();
        TextExtractor extractor = new TextExtractor(LineModel.shipped(),
                new HeaderCandidates.Models(shipped.opener(), menus, shipped.byline(), shipped.date()));
        Extraction other = extractor.extract(DUMP);
        assertThat(other.title()).isEqualTo("News");
        assertThat(other.text()).isEqualTo(found.text());
        assertThat(other.byline()).isEqualTo(found.byline());
        assertThat(other.date()).isEqualTo(found.date());
    }

    /**
     * A browser's dump gives the headline and "by ..." lines of their own, with no blank line between; the reflow of
     * carried-on sentences joins them (a long line stopping without a full stop, then a small letter), and the headline
     * is still found: the first of the joined lines is a candidate of its own.
     */
    @Test
    void headlineGluedToItsBylineByTheReflowIsFoundAsItsOwnLine() {
        String dump = DUMP.replace("\n\nLantern festival returns to the old harbour after a five-year pause\n\nBy Miriam Okafor\n",
                "\nLantern festival returns to the old harbour after a five-year pause\nby Miriam Okafor\n");
        List<DumpLine> lines = DumpLine.parse(dump);
        DumpLine glued = lines.stream().filter(l -> l.text.startsWith("Lantern festival")).findFirst().orElseThrow();
        assertThat(glued.text).as("the reflow joins them").endsWith("pause by Miriam Okafor");
        assertThat(glued.firstPhysical).isEqualTo("Lantern festival returns to the old harbour after a five-year pause");
        assertThat(new TextExtractor().extract(dump).title()).isEqualTo("Lantern festival returns to the old harbour after a five-year pause");
    }
    /**
     * Headings stacked over the text with none of it between are a box of teasers, each another story's headline: the
     * article starts at its first paragraph, not at the box's label (as goose-msn1 prints "More from Real Simple" and
     * five headlines between its standfirst and its text).
     */
    @Test
    void aStackOfTeaserHeadingsOverTheTextIsNotTakenIntoTheArticle() {
        String dump = DUMP.replace("\n\nThe lantern festival that once filled",
                "\n\nMore from News\n\nCouncil approves new cycle lanes\n\nBakery on Mill Street wins award\n\n"
                        + "Ferry timetable changes for summer\n\nThe lantern festival that once filled");
        String text = new TextExtractor().extract(dump).text();
        assertThat(text).startsWith("The lantern festival that once filled");
        assertThat(text).doesNotContain("More from News").doesNotContain("Council approves").doesNotContain("Ferry timetable");
        assertThat(text).contains("A new committee\n\nA new committee of eleven volunteers");
    }

    /**
     * A line the header shows between the headline and the text, shown again inside the text, is furniture there, as the
     * headline shown again is: lynx prints a photo's caption and credit above the article and again beside the photo.
     */
    @Test
    void aHeaderLineShownAgainInsideTheTextIsDropped() {
        String caption = "Lanterns made by the town's schools for the festival hang along the old harbour wall, where the parade will end"
                + " on its first night in April.";
        String dump = DUMP.replace("Published 3 March 2025\n\n", "Published 3 March 2025\n\n" + caption + "\n\n")
                .replace("\n\nA new committee\n\n", "\n\n" + caption + "\n\nA new committee\n\n");
        String text = new TextExtractor().extract(dump).text();
        assertThat(text).doesNotContain("Lanterns made by").startsWith("The lantern festival that once filled");
        assertThat(text).contains("went their separate ways.\n\nA new committee");
    }

    /**
     * The same kind of busy dump in languages other than English (busy-dumps/<code>.txt, written here): their menus,
     * notices, date labels, months and credit labels are told in their own words (lang/*.json), as an English page's are.
     */
    @ParameterizedTest
    @MethodSource("busyDumpsInOtherLanguages")
    void aBusyDumpInAnotherLanguageGivesItsArticleCreditAndDate(String lang, String byline, String opens, String closes,
            List<String> dropped) throws IOException {
        String dump;
        try (var in = TextExtractorTest.class.getResourceAsStream("busy-dumps/" + lang + ".txt")) {
            dump = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Extraction found = new TextExtractor().extract(dump);
        assertThat(found.lang()).isEqualTo(lang);
        assertThat(found.byline()).isEqualTo(byline);
        assertThat(found.date()).isEqualTo("2025-03-03");
        assertThat(found.text()).startsWith(opens).endsWith(closes).doesNotContain(dropped);
    }

    /**
     * The busy dumps saved in their languages' legacy encodings, as an editor set to the system's code page writes them,
     * with nothing declaring it: the decoder tells the encoding from the bytes and gives back the very text of the dump in
     * UTF-8, which the test above cleans.
     */
    @ParameterizedTest
    @CsvSource({"ru, windows-1251", "ru, KOI8-R", "bg, windows-1251", "th, TIS-620", "pl, windows-1250", "pl, ISO-8859-2",
            "hr, windows-1250", "sl, windows-1250", "sr, ISO-8859-2", "ca, windows-1252"})
    void aBusyDumpInALegacyEncodingGivesWhatItsUtf8CopyGives(String lang, String encoding) throws IOException {
        String dump;
        try (var in = TextExtractorTest.class.getResourceAsStream("busy-dumps/" + lang + ".txt")) {
            dump = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String decoded = TextDecoder.decode(dump.getBytes(Charset.forName(encoding)), false).text();
        assertThat(decoded).isEqualTo(dump);
        assertThat(new TextExtractor().extract(decoded).lang()).isEqualTo(lang);
    }

    static Stream<Arguments> busyDumpsInOtherLanguages() {
        return Stream.of(
                Arguments.of("ru", "Мария Соколова", "Фестиваль фонарей, который", "безопасностью в этот вечер.",
                        List.of("Опубликовано", "Автор", "Реклама", "Читать также", "велодорожки", "рассылку", "cookie", "Войти")),
                Arguments.of("pl", "Maria Sokołowska", "Festiwal lampionów, który", "bezpieczeństwie tego wieczoru.",
                        List.of("Opublikowano", "Autor", "Reklama", "Czytaj także", "rowerowe", "newslettera", "cookies", "Zaloguj")),
                Arguments.of("bg", "Мария Петрова", "Фестивалът на фенерите, който", "безопасността през тази вечер.",
                        List.of("Публикувано", "Автор", "Реклама", "Прочетете още", "велоалеи", "бюлетин", "бисквитки", "Вход")),
                Arguments.of("sr", "Marija Petrović", "Festival lampiona, koji", "bezbednosti te večeri.",
                        List.of("Objavljeno", "Autor", "Reklama", "Pročitajte još", "biciklističke", "bilten", "kolačiće", "Prijava")),
                Arguments.of("hr", "Marija Horvat", "Festival lampiona, koji", "sigurnošću te večeri.",
                        List.of("Objavljeno", "Autor", "Oglas", "Pročitajte i", "biciklističke", "bilten", "kolačiće", "Prijava")),
                Arguments.of("sl", "Marija Novak", "Festival lampijonov, ki", "varnosti tisti večer.",
                        List.of("Objavljeno", "Avtor", "Oglas", "Preberite tudi", "kolesarske", "Naročite", "piškotke", "Prijava")),
                Arguments.of("et", "Maria Tamm", "Laternafestival, mis", "korra ja turvalisusega.",
                        List.of("Avaldatud", "Autor", "Reklaam", "Loe ka", "rattateed", "uudiskiri", "küpsiseid", "Logi sisse")),
                Arguments.of("ca", "Maria Soler", "El festival de fanals, que", "la seguretat aquella nit.",
                        List.of("Publicat", "Autor", "Publicitat", "Llegiu també", "carrils bici", "butlletí", "galetes", "Inicia la sessió")),
                Arguments.of("vi", "Nguyễn Thị Mai", "Lễ hội đèn lồng, từng", "trong buổi tối hôm đó.",
                        List.of("Đăng ngày", "Tác giả", "Quảng cáo", "Đọc thêm", "xe đạp", "bản tin", "cookie", "Đăng nhập")),
                Arguments.of("th", "มาลี ศรีสุข", "เทศกาลโคมไฟที่เคย", "ความปลอดภัยในคืนนั้น",
                        List.of("เผยแพร่", "ผู้เขียน", "โฆษณา", "อ่านเพิ่มเติม", "เลนจักรยาน", "จดหมายข่าว", "คุกกี้", "เข้าสู่ระบบ")));
    }
}
