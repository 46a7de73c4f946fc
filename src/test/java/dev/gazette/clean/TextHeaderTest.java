package dev.gazette.clean;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Headline, byline and date of text dumps, on small pages written for these tests. */
class TextHeaderTest {
    private static Extraction extract(String dump) {
        return new TextExtractor().extract(dump);
    }

    @Test
    void aNameOpensWithACapitalOrAParticleAndNothingElse() {
        assertThat(TextHeader.nameOf("Jane Doe, Transport Reporter | 4 min read")).isEqualTo("Jane Doe");
        assertThat(TextHeader.nameOf("  Jane   Doe")).isEqualTo("Jane Doe");
        assertThat(TextHeader.nameOf("van Gogh Museum")).isEqualTo("van Gogh Museum");
        assertThat(TextHeader.nameOf("Élodie Martin")).isEqualTo("Élodie Martin");
        assertThat(TextHeader.nameOf("12 November 2024")).isNull();
        assertThat(TextHeader.nameOf("sailings stop in December")).isNull();
        assertThat(TextHeader.nameOf("\"Tania\" Tan")).isNull();
        assertThat(TextHeader.nameOf("伊藤 博文")).isNull();
        assertThat(TextHeader.nameOf("")).isNull();
    }

    @Test
    void aCreditsNameEndsAtADateWordOfAnyKnownLanguage() {
        assertThat(TextHeader.nameOf("Jean Dupont le 5 mai 2019 à 10h30")).isEqualTo("Jean Dupont");
        assertThat(TextHeader.nameOf("Jean Dupont le mardi 5 mai 2019")).isEqualTo("Jean Dupont");
        assertThat(TextHeader.nameOf("Jean Dupont Mis à jour le 5 mai 2019")).isEqualTo("Jean Dupont");
        assertThat(TextHeader.nameOf("Anna Berg Aktualisiert am 5. Mai 2019")).isEqualTo("Anna Berg");
        assertThat(TextHeader.nameOf("Juan Pérez Actualizado 5 de mayo de 2019")).isEqualTo("Juan Pérez");
        assertThat(TextHeader.nameOf("Marco Rossi Aggiornato il 5 maggio 2019")).isEqualTo("Marco Rossi");
        assertThat(TextHeader.nameOf("Anna Berg Folgen")).isEqualTo("Anna Berg");
        assertThat(TextHeader.nameOf("Jane Doe Mayo 5")).isEqualTo("Jane Doe");
        // A word that is also a name's particle ends it only before a date.
        assertThat(TextHeader.nameOf("Jean le Rond")).isEqualTo("Jean le Rond");
        // Every such word of the data, as pages write it.
        List<String> words = Stream.of(Language.datePublishedWords(), Language.dateUpdatedWords(), Language.dateOnWords(),
                Language.followWords()).flatMap(List::stream).toList();
        assertThat(words).contains("on", "am", "le", "aktualisiert", "mis à jour", "follow", "folgen");
        for (String word : words) {
            for (String written : List.of(word, word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1),
                    word.toUpperCase(Locale.ROOT))) {
                assertThat(TextHeader.nameOf("Jane Doe " + written + " 5 May 2019")).as(written).isEqualTo("Jane Doe");
            }
        }
    }

    @Test
    void aBylineOfAnyKnownLanguageGivesTheNameAloneFromADump() {
        String[] credits = {"Par Jean Dupont le 5 mai 2019 à 10h30", "Von Anna Berg am 5. Mai 2019", "Por Juan Pérez el 5 de mayo de 2019",
                "Door Jan de Vries op 5 mei 2019", "Anna Berg am 5. Mai 2019"};
        String[] names = {"Jean Dupont", "Anna Berg", "Juan Pérez", "Jan de Vries", "Anna Berg"};
        for (int k = 0; k < credits.length; k++) {
            String dump = String.join("\n", "Home", "News", "", "Island ferry to stop its evening sailings this winter", "",
                    credits[k], "",
                    "The island ferry will stop its evening sailings from November, the operator said on Tuesday, citing falling "
                            + "numbers of passengers after the summer and the cost of fuel for the older of its two boats.", "",
                    "Residents said the change would leave them without a way home after late shifts on the mainland, and the "
                            + "council asked the operator to keep at least one evening crossing on weekdays.");
            Extraction found = extract(dump);
            assertThat(found.byline()).as(credits[k]).isEqualTo(names[k]);
            assertThat(found.date()).as(credits[k]).startsWith("2019-05-05");
        }
    }

    @Test
    void aCopyrightNoticeOfAnyKnownLanguageNamesItsHolderWithoutTheRightsOrTheLegalForm() {
        String german = String.join("\n", "Hafenblatt", "Startseite", "", "Die Fähre fährt im Winter seltener", "",
                "© 2024 Hafenblatt GmbH Alle Rechte vorbehalten");
        assertThat(CopyrightHolder.in(DumpLine.parse(german))).isEqualTo("Hafenblatt");
        String italian = String.join("\n", "Gazzetta del Porto", "Notizie", "", "Il traghetto si ferma d'inverno", "",
                "© Gazzetta del Porto SpA Tutti i diritti riservati");
        assertThat(CopyrightHolder.in(DumpLine.parse(italian))).isEqualTo("Gazzetta del Porto");
    }

    @Test
    void theCopyrightHolderIsTheOutletThePageAlsoShowsElsewhere() {
        String shown = String.join("\n", "Harbour Times", "Home", "News", "", "Island ferry to stop its evening sailings", "",
                "The ferry will stop.", "", "© 2024 Harbour Times. All rights reserved.");
        assertThat(CopyrightHolder.in(DumpLine.parse(shown))).isEqualTo("Harbour Times");
        // Named in two other lines counts as shown; named only in notices does not.
        String inside = String.join("\n", "Home", "About Harbour Times", "Contact Harbour Times today", "",
                "© Harbour Times", "© 2024 Coast Media Group Ltd");
        assertThat(CopyrightHolder.in(DumpLine.parse(inside))).isEqualTo("Harbour Times");
        String onlyNotices = String.join("\n", "Home", "News", "", "© 2024 Coast Media Group Ltd", "Copyright Coast Media Group");
        assertThat(CopyrightHolder.in(DumpLine.parse(onlyNotices))).isNull();
    }

    @Test
    void passesOverAControlLabelAndAListOfTeaserCardsOnTheSameSubject() {
        Extraction found = extract("""
                Harbour Times
                Home
                News
                Sport

                Follow Harbour Times

                Island ferry to stop its evening sailings this winter

                By Miriam Okafor, Harbour Times

                12.11.2024, 08:15

                More from News

                Ferry fares to rise on the island crossing in the spring
                12.11.2024
                Transport

                New engine for the island ferry after summer breakdowns
                11.11.2024
                Transport

                Winter storms cancel island ferry sailings for a week
                10.11.2024
                Transport

                Ferry operator cuts evening sailings to the island
                09.11.2024
                Transport

                The ferry operator that runs the island crossing will stop its evening sailings this winter, saying that fuel costs have climbed so far that the late ferry no longer pays for itself.

                Islanders who work on the mainland say the change leaves them with a choice between leaving work early and staying overnight in town, and the parish council has asked the ferry operator for a meeting.

                The operator said it would keep the morning and midday sailings to the island and review the winter timetable again in the spring, when it expects fuel costs to fall.

                Harbour Times © 2024
                """);
        assertThat(found.title()).isEqualTo("Island ferry to stop its evening sailings this winter");
        assertThat(found.byline()).isEqualTo("Miriam Okafor");
        assertThat(found.date()).isEqualTo("2024-11-12");
        assertThat(found.text()).startsWith("The ferry operator").doesNotContain("Ferry fares to rise");
    }

    @Test
    void takesAOneOrTwoWordHeadlineThatTheBodyIsAbout() {
        Extraction found = extract("""
                Menu
                Search

                Ready to read?

                Tide pools

                From the free encyclopedia

                A tide pool is a shallow pool of seawater that forms on the rocky shore when the tide goes out. Tide pools are home to animals that can live both under water and in the air.

                Tide pools form where the rock holds water in hollows and cracks. The largest tide pools can be several metres across and hold fish as well as crabs and anemones.

                Life in tide pools

                Animals in tide pools must survive changes in temperature and salt as the pools warm and dry in the sun, and as rain falls on them. Many hide under rocks or close their shells until the tide returns.

                Tide pools are studied by biologists because so many kinds of life live close together in them.

                See also
                Rock pool
                Intertidal zone
                """);
        assertThat(found.title()).isEqualTo("Tide pools");
    }

    @Test
    void takesTheHeadlineOverItsStandfirstAndStartsTheBodyUnderTheByline() {
        Extraction found = extract("""
                Home
                Business
                Technology

                Estuary shipyard layoffs to begin today

                "We have to make some hard choices about the dry dock," the shipyard's chief executive Maria Lund said in a letter to workers on Monday

                BUSINESS /
                March 3, 2025 10:12 AM
                By Tomas Reyes

                About forty shipyard workers will receive notice this week that the dry dock will close, chief executive Maria Lund told workers in a letter on Monday, after two years of losses at the yard.

                The owners said they would try to find places for some of the workers at the company's other yard along the coast, and that the letter was sent before any public announcement so that workers would hear first.

                The dry dock has needed new gates for several years, and Lund said in the letter that the cost of the repair was more than the dock could earn back.
                """);
        assertThat(found.title()).isEqualTo("Estuary shipyard layoffs to begin today");
        assertThat(found.byline()).isEqualTo("Tomas Reyes");
        assertThat(found.date()).isEqualTo("2025-03-03");
        assertThat(found.text()).startsWith("About forty shipyard workers");
    }

    @Test
    void findsAHeadlineShownTwiceAfterANoticeThatOpensTheRun() {
        Extraction found = extract("""
                Sign in
                Sign up

                This story was first printed in the spring edition of the parish magazine, which also carried the volunteers' appeal for help with the lighthouse garden and the open day in June.

                Keeping the old lighthouse lit

                Share on Twitter
                Share on Facebook

                Lights need keepers.

                Keeping the old lighthouse lit

                For more than a century the lighthouse on the point has warned ships away from the reef, and for most of that time a keeper lived in the cottage at its foot and climbed the stairs every evening.

                The light was automated in the nineties, but a group of volunteers still climbs the stairs once a week to clean the lens, check the lamp and write the weather in the log, as the keepers did.

                They say the light matters to the town as much as to the ships, and they want to keep it lit however many ships still need it.
                """);
        assertThat(found.title()).isEqualTo("Keeping the old lighthouse lit");
        assertThat(found.text()).startsWith("For more than a century").doesNotContain("parish magazine");
    }

    @Test
    void passesOverMenuEntriesAndTheAuthorsName() {
        Extraction found = extract("""
                Harbour Post
                Home
                Workshops
                Sailing Workshop
                Boatbuilding Workshop
                Free Guides
                About

                Jane Harper

                How to Rig a Small Sailing Dinghy

                214 Shares
                Share
                Tweet
                Email

                Jane Harper

                Your rigging matters. Here is why:

                Rigging a small sailing dinghy takes ten minutes once you know the order, and doing it in that order keeps the mast, the sail and you out of trouble on the slipway.

                Start with the mast: step it, fit the forestay and the shrouds, and check that the pins are taped before you hoist anything at all.

                Then bend on the sail, run the sheets through their blocks and tie a figure of eight at each end, so that a sheet cannot run out when a gust hits the sail.

                Jane Harper teaches sailing on the estuary and writes about small boats.
                """);
        assertThat(found.title()).isEqualTo("How to Rig a Small Sailing Dinghy");
    }

    @Test
    void dropsASiteNameThePageShowsElsewhere() {
        Extraction found = extract("""
                Harbour Times
                Home
                News

                Island ferry to stop its evening sailings this winter | Harbour Times

                By Miriam Okafor

                The ferry operator that runs the island crossing will stop its evening sailings this winter, saying that fuel costs have climbed so far that the late ferry no longer pays for itself.

                Islanders who work on the mainland say the change leaves them with a choice between leaving work early and staying overnight in town.

                About Harbour Times
                Contact Harbour Times
                """);
        assertThat(found.title()).isEqualTo("Island ferry to stop its evening sailings this winter");
    }

    @Test
    void keepsAKickerThatOnlyLinesHoldingTheWholeHeadlineRepeat() {
        // The breadcrumb and the share label show the whole headline, not "Coastal Diary" as a site's name.
        Extraction found = extract("""
                Home › Coastal Diary – The boats nobody sails any more

                Coastal Diary – The boats nobody sails any more

                By Miriam Okafor

                Along the estuary dozens of small boats sit on their moorings year after year, their covers green with moss and their owners long since moved away.

                The harbour master says the moorings could go to the families on the waiting list if only the owners could be found and asked.

                Share: Coastal Diary – The boats nobody sails any more
                """);
        assertThat(found.title()).isEqualTo("Coastal Diary – The boats nobody sails any more");
    }

    @Test
    void passesOverACaptionWithItsCreditAndAHeadlineRepeatedInATeaserList() {
        Extraction found = extract("""
                World

                Old lighthouse on the point will become a museum, council says

                The council's decision ends ten years of argument over what to do with the empty lighthouse.

                The lighthouse on the point at dawn last week.Credit...Jane Doe/Harbour Photos

                More On:

                lighthouse

                Lighthouse keepers' cottages to be sold at auction next month

                Council votes to keep the lighthouse lamp lit through the winter

                Volunteers repaint the lighthouse on the point for its anniversary

                see also

                Lighthouse keepers' cottages to be sold at auction next month

                The lighthouse on the point, empty since its last keeper retired, will become a museum of the coast, the council said on Monday, after a vote that ended ten years of argument.

                The museum will show the lighthouse lamp, the keepers' logbooks and the charts of the reef, and the council hopes to open it next summer.
                """);
        assertThat(found.title()).isEqualTo("Old lighthouse on the point will become a museum, council says");
    }

    /** A page with the given lines between its menu and its article about a new harbour crane. */
    private static Extraction withHeader(String... header) {
        return extract("Home\nNews\nPorts\n\n" + String.join("\n\n", header) + "\n\n" + """
                The harbour's new crane lifted its first containers on Tuesday, three months late, after engineers found a fault in its gearbox during trials in the summer.

                Dock workers said the crane would let the harbour take ships twice the size of those it handles now, and the harbour board expects traffic to grow next year.

                The old cranes will be kept for smaller ships until the second new crane arrives in the spring.
                """);
    }

    @Test
    void readsBylinesAsPagesWriteThem() {
        assertThat(withHeader("New harbour crane lifts its first containers", "By JANE DOE NOV. 18, 2019").byline())
                .isEqualTo("JANE DOE");
        assertThat(withHeader("New harbour crane lifts its first containers", "By Jane Doe November 18 at 3:57 PM Follow @janedoe")
                .byline()).isEqualTo("Jane Doe");
        assertThat(withHeader("New harbour crane lifts its first containers", "Jane Doe @janedoe / 2 days").byline())
                .isEqualTo("Jane Doe");
        Extraction posted = withHeader("New harbour crane lifts its first containers", "5:45 AM PST 11/19/2019 by Jane Doe");
        assertThat(posted.byline()).isEqualTo("Jane Doe");
        assertThat(posted.date()).isEqualTo("2019-11-19");
        assertThat(withHeader("New harbour crane lifts its first containers", "Posted by Jane Doe on November 19, 2019, 6:21 AM EST Harbour Photos")
                .date()).isEqualTo("2019-11-19");
    }

    @Test
    void takesHeadlinesThatStartLikeAForeignByline() {
        assertThat(withHeader("Portsmouth crane lifts its first containers", "By Jane Doe").title())
                .isEqualTo("Portsmouth crane lifts its first containers");
        assertThat(withHeader("Parliament hears that the harbour crane lifts its first containers", "By Jane Doe").title())
                .isEqualTo("Parliament hears that the harbour crane lifts its first containers");
    }

    @Test
    void prefersAnExplicitCreditToNamesThatMerelyStandNextToADate() {
        Extraction found = withHeader("New harbour crane lifts its first containers", "Older Article\nNewer Article",
                "on March 10, 2015 by Jane Doe");
        assertThat(found.byline()).isEqualTo("Jane Doe");
        assertThat(found.date()).isEqualTo("2015-03-10");
    }

    @Test
    void takesANameStandingAloneUnderTheHeadlineButNotTheHeadlinesSubjectOrASection() {
        // Beside its dateline, as sites set such a credit: a bare name with nothing near it is close to even odds for the
        // fitted byline model (p 0.48 with the models of 2026-11-29), as likely a label as an author.
        assertThat(withHeader("New harbour crane lifts its first containers", "Jane Doe", "November 18, 2019").byline()).isEqualTo("Jane Doe");
        assertThat(withHeader("Jane Doe's new harbour crane lifts its first containers", "Jane Doe").byline()).isNull();
        assertThat(withHeader("New harbour crane lifts its first containers", "PORT NEWS").byline()).isNull();
    }

    @Test
    void aNameUnderTheHeadlineIsACreditWhereTheDumperWritesNoBlankLineBetweenBlocks() {
        // A browser's select-all text sets a blank line around paragraphs only: headline, name and menu are stacked.
        // The header's rule: a stacked name stands apart unless a name-shaped line is beside it (a menu, a list of places).
        String headline = "New harbour crane lifts its first containers";
        String lead = "The harbour's new crane lifted its first containers on Tuesday, three months late.";
        List<DumpLine> alone = DumpLine.parse(String.join("\n", "Home", headline, "Jane Doe", "", lead));
        assertThat(TextHeader.isCredit(alone, 2, 1, 3)).isTrue();
        List<DumpLine> listed = DumpLine.parse(String.join("\n", "Home", headline, "Jane Doe", "John Roe", "", lead));
        assertThat(TextHeader.isCredit(listed, 2, 1, 4)).isFalse();
        assertThat(TextHeader.isCredit(listed, 3, 1, 4)).isFalse();
        // And what a page gets from it: the name as its byline, not as its article's first line.
        String body = """
                The harbour's new crane lifted its first containers on Tuesday, three months late, after engineers found a fault in its gearbox during trials in the summer.

                Dock workers said the crane would let the harbour take ships twice the size of those it handles now, and the harbour board expects traffic to grow next year.

                The old cranes will be kept for smaller ships until the second new crane arrives in the spring.
                """;
        Extraction stacked = extract("Home\nNews\nPorts\n" + headline + "\nJane Doe\n\n" + body);
        assertThat(stacked.byline()).isEqualTo("Jane Doe");
        assertThat(stacked.text()).doesNotContain("Jane Doe").startsWith("The harbour's new crane");
    }

    @Test
    void findsTheBylineInTheFirstLinesOfTheBodyWhenThePageShowsItThere() {
        Extraction found = extract("""
                Home
                News

                New harbour crane lifts its first containers

                Share on Facebook
                Share via Email

                The new crane on the container quay at dawn on Tuesday, when it lifted the first of the containers from the ship that had waited for it since Sunday.

                By Jane Doe March 18 at 12:22 PM

                The harbour's new crane lifted its first containers on Tuesday, three months late, after engineers found a fault in its gearbox during trials in the summer.

                Dock workers said the crane would let the harbour take ships twice the size of those it handles now, and the harbour board expects traffic to grow next year.
                """);
        assertThat(found.byline()).isEqualTo("Jane Doe");
    }

    @Test
    void keepsAHeadlineWholeWhenThePageShowsItAgainInParts() {
        Extraction found = extract("""
                Home
                Celebrity
                Sign In

                Skipper Jane Doe's $50K Racing Yacht -- SUNK!!!

                Jane Doe

                $50K Racing Yacht ... SUNK!!!!

                2/26/2025 7:11 AM PST

                The racing yacht that skipper Jane Doe sailed to victory last summer sank at its mooring overnight, and divers were sent down at first light to see whether it could be raised.

                Harbour staff said the yacht had been taking on water for days, and that the skipper had been told about it before she left for the winter.

                Doe said she was heartbroken and would raise the yacht whatever it cost.
                """);
        assertThat(found.title()).isEqualTo("Skipper Jane Doe's $50K Racing Yacht -- SUNK!!!");
        assertThat(found.date()).isEqualTo("2025-02-26");
    }
}
