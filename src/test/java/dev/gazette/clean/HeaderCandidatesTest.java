package dev.gazette.clean;

import java.time.format.TextStyle;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

/** Byline and date chosen among scored candidates, on pages written for these tests and generated ones. */
class HeaderCandidatesTest {
    static final String PARAGRAPH_1 = "The island's only ferry will stop its evening sailings from December, the operator said on "
            + "Tuesday, after a winter in which fewer than a dozen passengers used the last boat on most nights.";
    static final String PARAGRAPH_2 = "Residents who work late shifts on the mainland said the change would leave them with a "
            + "choice between a long drive around the bay and a night away from home, and asked the council to step in.";
    static final String PARAGRAPH_3 = "The operator said it would review the timetable again in spring, when the tourist season "
            + "brings more travellers, and that the morning sailings would not change.";

    private static TextExtractor.Scored read(String dump) {
        return new TextExtractor().score(dump);
    }

    @Test
    void anExplicitBylineAndTheDatelineUnderTheHeadlineAreChosen() {
        Extraction found = new TextExtractor().extract(String.join("\n", "Harbour Times", "Home", "News", "World News", "Contact Us", "",
                "Island ferry to stop its evening sailings this winter", "", "By Miriam Okafor", "", "12 November 2024, 08:15", "",
                PARAGRAPH_1, "", PARAGRAPH_2, "", PARAGRAPH_3, "", "Comments", "", "Peter Lindqvist", "3 December 2024",
                "Shameful decision.", "", "© 2024 Harbour Times"));
        assertThat(found.byline()).isEqualTo("Miriam Okafor");
        assertThat(found.date()).isEqualTo("2024-11-12");
    }

    @Test
    void aPageWhoseOnlyNamesAreMenuLabelsHasNoByline() {
        Extraction found = new TextExtractor().extract(String.join("\n", "Harbour Times", "World News", "Local Sport", "Contact Us", "",
                "Island ferry to stop its evening sailings this winter", "", PARAGRAPH_1, "", PARAGRAPH_2, "", PARAGRAPH_3, "",
                "Privacy Policy", "Terms Of Use"));
        assertThat(found.byline()).isNull();
        assertThat(found.date()).isNull();
    }

    @Test
    void aHandleBeforeItsDateIsACandidateButAMonthOrADateLabelIsNot() {
        List<DumpLine> lines = DumpLine.parse(String.join("\n", "LinkNaija October 06, 2018", "", "Jane Doe | 5 May 2019", "",
                "Nov.November 18, 2019 12:02 PM", "", "Updated October 06, 2018", "", "October 06, 2018 LinkNaija", "", "Monday 17 February 2025"));
        List<String> names = new ArrayList<>();
        lines.forEach(l -> names.add(HeaderCandidates.nameBeforeDate(l, "en")));
        assertThat(names).containsExactly("LinkNaija", "Jane Doe", null, null, null, null);
    }

    @Test
    void theFirstFieldOfADatelineOfFieldsIsItsCredit() {
        List<DumpLine> lines = DumpLine.parse(String.join("\n", "Jane Doe · Harbour Times · Posted: Oct 14, 2022 9:27 AM ET | Last Updated: 24 minutes ago",
                "", "John Roe / HT / Updated: Oct 9, 2019, 11:05 IST", "", "Ann Poe/November 18, 2016", "",
                "Home | Local | Oct 14, 2022", "", "Jane Doe and the harbour master walked the whole length of the pier on a cold Oct 14, 2022"));
        List<String> names = new ArrayList<>();
        lines.forEach(l -> names.add(HeaderCandidates.nameBeforeDate(l, "en")));
        assertThat(names).containsExactly("Jane Doe", "John Roe", "Ann Poe", null, null);
    }

    @Test
    void aPageWordWrittenSmallElsewhereCountsAgainstANameButTheNameItselfDoesNot() {
        List<DumpLine> lines = DumpLine.parse(String.join("\n", "Report Save", "", "Jane Roe", "", "You can report a comment or save it for later.",
                "", "Jane Roe wrote about the roe deer."));
        List<HeaderCandidates.Candidate> candidates = List.of(new HeaderCandidates.Candidate("Report Save", 0, new double[HeaderCandidates.BYLINE_FEATURES.size()]),
                new HeaderCandidates.Candidate("Jane Roe", 1, new double[HeaderCandidates.BYLINE_FEATURES.size()]),
                new HeaderCandidates.Candidate("Jane Doe", 1, new double[HeaderCandidates.BYLINE_FEATURES.size()]));
        HeaderCandidates.markLowerElsewhere(lines, candidates);
        int lower = HeaderCandidates.BYLINE_FEATURES.indexOf("lower_elsewhere");
        assertThat(candidates).extracting(c -> c.features()[lower]).containsExactly(1.0, 0.5, 0.0);
        assertThat(HeaderCandidates.writtenSmall("Heroes of the roe", "roe")).isTrue();
        assertThat(HeaderCandidates.writtenSmall("Heroes of the Roe", "roe")).isFalse();
    }

    @Test
    void aCreditInAListOfTeasersHasOtherNamesCreditedNearItTheArticlesStandsAlone() {
        // "Jane Doe" over the article (line 1); "By John Roe", "By Ann Poe", "By John Roe" under three teasers (lines 12-16).
        double[] zero = new double[HeaderCandidates.BYLINE_FEATURES.size()];
        int label = HeaderCandidates.BYLINE_FEATURES.indexOf("label");
        List<HeaderCandidates.Candidate> candidates = new ArrayList<>();
        candidates.add(new HeaderCandidates.Candidate("Jane Doe", 1, zero.clone()));
        for (int[] at : new int[][] {{12, 0}, {14, 1}, {16, 0}}) {
            double[] x = zero.clone();
            x[label] = 1;
            candidates.add(new HeaderCandidates.Candidate(at[1] == 0 ? "John Roe" : "Ann Poe", at[0], x));
        }
        HeaderCandidates.markCreditsNear(candidates);
        int near = HeaderCandidates.BYLINE_FEATURES.indexOf("log_credits_near");
        // Another name's credit counts, the same name's (a list repeats its authors) does not.
        assertThat(candidates).extracting(c -> c.features()[near]).containsExactly(0.0, Math.log1p(1), Math.log1p(2), Math.log1p(1));
    }

    @Test
    void aLabelledCreditIsTheNameThatOpensIt() {
        assertThat(HeaderCandidates.namesOf("Jane Doe in Harbour News on 1 June 2019 at 08:34 PM")).isEqualTo("Jane Doe");
        assertThat(HeaderCandidates.namesOf("Jane Doe for the Harbour Times")).isEqualTo("Jane Doe");
        assertThat(HeaderCandidates.namesOf("the harbour master")).isNull();
    }

    @Test
    void aRoleGluedToTheNameOrSetAfterItEndsTheName() {
        assertThat(HeaderCandidates.namesOf(HeaderCandidates.credit("Howard BlumeStaff Writer"))).isEqualTo("Howard Blume");
        assertThat(HeaderCandidates.namesOf(HeaderCandidates.credit("Gina TrapaniCEO"))).isEqualTo("Gina Trapani");
        assertThat(HeaderCandidates.namesOf(HeaderCandidates.credit("Sam Stein  Senior Politics Editor, The Outlet"))).isEqualTo("Sam Stein");
        // A name's own inner capitals follow a short prefix.
        assertThat(HeaderCandidates.credit("Jane McDonald and Ann MacKenzie")).isEqualTo("Jane McDonald and Ann MacKenzie");
    }

    @Test
    void aCreditBoxStillCarryingItsLabelGivesTheNameAfterIt() {
        assertThat(HeaderCandidates.namesOf("投稿者 Masafumi Negishi")).isEqualTo("Masafumi Negishi");
        assertThat(HeaderCandidates.namesOf("著者 お米ゴハン イラスト 汐街コナ")).isEqualTo("お米ゴハン");
        assertThat(HeaderCandidates.namesOf("後藤大地")).isEqualTo("後藤大地");
    }

    @Test
    void aCreditInAScriptWithoutCapitalsIsReadAfterItsLabel() {
        TextExtractor extractor = new TextExtractor();
        for (String credit : List.of("著者：後藤大地", "投稿者 Masafumi Negishi", "Julia Carrie Wong and Sam Levin")) {
            TextExtractor.Scored scored = read(String.join("\n", "Island ferry to stop its evening sailings this winter", "", credit, "",
                    PARAGRAPH_1, "", PARAGRAPH_2, "", PARAGRAPH_3));
            assertThat(HeaderCandidates.bylines(extractor.layout(scored))).extracting(HeaderCandidates.Candidate::value)
                    .containsExactly(credit.replaceFirst("^(著者：|投稿者 )", ""));
        }
    }

    @Test
    void theCommaBetweenCoAuthorsIsNoSeparatorBeforeARole() {
        TextExtractor extractor = new TextExtractor();
        int separator = HeaderCandidates.BYLINE_FEATURES.indexOf("separator_after");
        for (String credit : List.of("By Jane Doe, John Roe", "By Jane Doe, Staff Reporter")) {
            TextExtractor.Scored scored = read(String.join("\n", "Island ferry to stop its evening sailings this winter", "", credit, "",
                    PARAGRAPH_1, "", PARAGRAPH_2, "", PARAGRAPH_3));
            List<HeaderCandidates.Candidate> bylines = HeaderCandidates.bylines(extractor.layout(scored));
            HeaderCandidates.Candidate first = bylines.stream().filter(c -> c.value().equals("Jane Doe")).findFirst().orElseThrow();
            // "John Roe" makes a list of two, whose first name is followed by a co-author; "Staff Reporter" is a role.
            assertThat(first.features()[separator]).as(credit).isEqualTo(credit.contains("Roe") ? 0.0 : 1.0);
        }
    }

    @Test
    void aCreditsListWinsOverItsFirstNameWhenBothClearTheThreshold() {
        LineModel model = new LineModel(List.of("f"), new double[] {0}, new double[] {1}, new double[] {1}, 0, 0.5);
        HeaderCandidates.Candidate first = new HeaderCandidates.Candidate("Jane Doe", 2, new double[] {2});
        HeaderCandidates.Candidate list = new HeaderCandidates.Candidate("Jane Doe, John Roe", 2, new double[] {1});
        assertThat(HeaderCandidates.chooseByline(List.of(first, list), model)).isSameAs(list);
        // Under the threshold, on another line, or a longer name rather than a list: the most probable stands.
        HeaderCandidates.Candidate weak = new HeaderCandidates.Candidate("Jane Doe, John Roe", 2, new double[] {-1});
        HeaderCandidates.Candidate elsewhere = new HeaderCandidates.Candidate("Jane Doe, John Roe", 9, new double[] {1});
        HeaderCandidates.Candidate longer = new HeaderCandidates.Candidate("Jane Doe Roe", 2, new double[] {1});
        for (HeaderCandidates.Candidate other : List.of(weak, elsewhere, longer)) {
            assertThat(HeaderCandidates.chooseByline(List.of(first, other), model)).as(other.value()).isSameAs(first);
        }
        assertThat(HeaderCandidates.chooseByline(List.of(weak), model)).isNull();
    }

    @Test
    void coAuthorsInParenthesesArePartOfTheCreditButOtherRemarksAreNot() {
        assertThat(HeaderCandidates.namesOf("Martin Untersinger (avec Damien Leloup et Morgane Tual)"))
                .isEqualTo("Martin Untersinger (avec Damien Leloup et Morgane Tual)");
        assertThat(HeaderCandidates.namesOf("Jane Doe (with John Roe, Ann Poe and Bo Li), Outlet"))
                .isEqualTo("Jane Doe (with John Roe, Ann Poe and Bo Li)");
        assertThat(HeaderCandidates.namesOf("Jane Doe (with reporting from the newsroom)")).isEqualTo("Jane Doe");
        assertThat(HeaderCandidates.namesOf("Jane Doe (Reuters)")).isEqualTo("Jane Doe");
    }

    @Test
    void everyCreditAndEveryDatelineOfThePageIsACandidateWithOneValuePerFeature() {
        TextExtractor extractor = new TextExtractor();
        TextExtractor.Scored scored = read(String.join("\n", "Island ferry to stop its evening sailings this winter", "",
                "Posted by Jane Doe on 2024-11-12", "", PARAGRAPH_1, "", PARAGRAPH_2 + " It was first announced on 3 March 2023.", "",
                "Author: John Smith", "2018年6月18日"));
        HeaderCandidates.Layout layout = extractor.layout(scored);
        List<HeaderCandidates.Candidate> bylines = HeaderCandidates.bylines(layout);
        List<HeaderCandidates.Candidate> dates = HeaderCandidates.dates(layout, bylines);
        assertThat(bylines).extracting(HeaderCandidates.Candidate::value).contains("Jane Doe", "John Smith");
        // The date told of in a paragraph is no dateline: only the two datelines are candidates.
        assertThat(dates).extracting(HeaderCandidates.Candidate::value).containsExactly("2024-11-12", "2018-06-18");
        bylines.forEach(c -> assertThat(c.features()).hasSize(HeaderCandidates.BYLINE_FEATURES.size()));
        dates.forEach(c -> assertThat(c.features()).hasSize(HeaderCandidates.DATE_FEATURES.size()));
        assertThat(HeaderCandidates.BYLINE_FEATURES).doesNotHaveDuplicates();
        assertThat(HeaderCandidates.DATE_FEATURES).doesNotHaveDuplicates();
    }

    @Test
    void explainShowsTheCandidatesWithTheirProbabilities() {
        List<String> rows = new TextExtractor().explain(String.join("\n", "Island ferry to stop its evening sailings this winter", "",
                "By Miriam Okafor", "12 November 2024", "", PARAGRAPH_1, "", PARAGRAPH_2));
        String all = String.join("\n", rows);
        assertThat(all).contains("byline candidates (threshold ", "date candidates (threshold ")
                .containsPattern("> line +2 p=[01]\\.\\d\\d Miriam Okafor").containsPattern("> line +3 p=[01]\\.\\d\\d 2024-11-12");
    }

    private static final String[] GIVEN = {"Miriam", "Jonas", "Aiko", "Pedro", "Fatima", "Olu", "Ingrid", "Tomasz", "Chen", "Léa"};
    private static final String[] FAMILY = {"Okafor", "Lindqvist", "Tanaka", "Álvarez", "Haddad", "Nowak", "Brennan", "Moreau", "Kowalczyk", "Ruiz"};

    /**
     * Generated pages of the usual shape (a menu, the headline, a credit line in one of several
     * forms, a dateline in one of several forms, the article, then a comment with another name
     * and a later date, and a copyright year): the credited name and the dateline's day are chosen.
     */
    @Test
    void theCreditAndDatelineOfGeneratedPagesAreChosen() {
        String[] credit = {"By %s", "By %s, Staff Reporter", "Author: %s", "Words by %s"};
        qt().withExamples(150).forAll(lists().of(integers().between(0, 9)).ofSize(4), integers().between(0, 3),
                integers().between(0, 4), integers().between(0, 20_000)).checkAssert((names, form, dateForm, offset) -> {
            String name = GIVEN[names.get(0)] + " " + FAMILY[names.get(1)];
            String other = GIVEN[names.get(2)] + " " + FAMILY[names.get(3)];
            LocalDate day = LocalDate.of(1990, 1, 1).plusDays(offset);
            String written = switch (dateForm) {
                case 0 -> day.toString();
                case 1 -> day.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + day.getDayOfMonth()
                        + ", " + day.getYear();
                case 2 -> String.format(Locale.ROOT, "%02d.%02d.%d, 09:30", day.getDayOfMonth(), day.getMonthValue(), day.getYear());
                case 3 -> "Published " + day.getDayOfMonth() + " "
                        + day.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + day.getYear();
                default -> day.getYear() + "年" + day.getMonthValue() + "月" + day.getDayOfMonth() + "日";
            };
            List<String> page = new ArrayList<>(List.of("Harbour Times", "Home", "World News", "Local Sport", "Contact Us", "",
                    "Island ferry to stop its evening sailings this winter", "", String.format(credit[form], name), "", written, "",
                    PARAGRAPH_1, "", PARAGRAPH_2, "", PARAGRAPH_3, "", "Comments", "", other,
                    day.plusDays(3).toString(), "Shameful decision.", "", "© " + (day.getYear() + 1) + " Harbour Times"));
            Extraction found = new TextExtractor().extract(String.join("\n", page));
            assertThat(found.byline()).as(String.join("\n", page)).isEqualTo(name);
            assertThat(found.date()).as(String.join("\n", page)).startsWith(day.toString());
        });
    }

    @Test
    void aNicknameInQuotesIsPartOfTheNameAndANameAfterADatelinesFiguresIsACandidate() {
        assertThat(HeaderCandidates.namesOf("Amanda \"Tania Mae\" Tan  November 19, 2023 7:18 pm")).isEqualTo("Amanda \"Tania Mae\" Tan");
        // A quoted phrase opening a line is a quotation, not a name.
        assertThat(TextHeader.nameOf("\"Tania Mae\" Tan")).isNull();
        TextExtractor extractor = new TextExtractor();
        StringBuilder dump = new StringBuilder("Island ferry to stop its evening sailings this winter\n\n" + PARAGRAPH_1 + "\n\n" + PARAGRAPH_2
                + "\n\n" + PARAGRAPH_3 + "\n\n");
        for (int i = 0; i < 30; i++) {
            dump.append("Related link number ").append(i).append("\n");
        }
        dump.append("2019-11-20 17:27:46 Marcus De Guzman\n");
        HeaderCandidates.Layout layout = extractor.layout(read(dump.toString()));
        assertThat(HeaderCandidates.bylines(layout)).extracting(HeaderCandidates.Candidate::value).contains("Marcus De Guzman");
    }

    @Test
    void aCreditJoinedToWhatFollowsItIsReadButNoSentenceIsAName() {
        TextExtractor extractor = new TextExtractor();
        // A text browser joins a credit to the caption under it, and a name to its role and a picture's file name.
        String caption = " HARBOUR VIEW: the old pier, photographed from the ferry at dawn on a winter morning when the fog had"
                + " not yet lifted over the bay and the lights were still on";
        String dump = String.join("\n", "Island ferry to stop its evening sailings this winter", "",
                "By Miriam Okafor Published in Harbour News 12 November 2024" + caption, "",
                "Peter Lindqvist Senior Transport Editor, Harbour Times [ferry-pier.jpeg] Getty Images", "",
                "By Sunday, the operator had said it would review" + caption + ".", "",
                "Kasse: Das ist erst mal eine Frage von Produktionsmitteln. Unterschreiben Sie das?", "",
                PARAGRAPH_1, "", PARAGRAPH_2, "", PARAGRAPH_3);
        List<String> names = HeaderCandidates.bylines(extractor.layout(read(dump))).stream().map(HeaderCandidates.Candidate::value).toList();
        assertThat(names).contains("Miriam Okafor", "Peter Lindqvist").doesNotContain("Sunday", "Produktionsmitteln. Unterschreiben Sie");
        assertThat(Bylines.spansSentences("Produktionsmitteln. Unterschreiben Sie")).isTrue();
        assertThat(Bylines.spansSentences("Jane Doe Jr. Smith")).isFalse();
        assertThat(Bylines.spansSentences("Assoc. Prof. Jane Doe")).isFalse();
    }

    @Test
    void aSpacelessNameTheHeadlineWritesIsInTheTitleThoughNoWordStandsApart() {
        int inTitle = HeaderCandidates.BYLINE_FEATURES.indexOf("name_in_title");
        List<HeaderCandidates.Candidate> bylines = spacelessBylines("プロジェクター");
        assertThat(bylines).filteredOn(c -> c.value().equals("プロジェクター")).singleElement()
                .satisfies(c -> assertThat(c.features()[inTitle]).isEqualTo(1.0));
        int capitals = HeaderCandidates.BYLINE_FEATURES.indexOf("bare_capitals");
        assertThat(bylines).filteredOn(c -> c.value().equals("島津健吾")).singleElement()
                .satisfies(c -> assertThat(c.features()[inTitle]).isEqualTo(0.0))
                .satisfies(c -> assertThat(c.features()[capitals]).isEqualTo(0.0));
    }

    @Test
    void aSpacelessRunHoldingAnInterfaceWordOfItsScriptIsNoName() {
        List<String> names = spacelessBylines("このニュースをシェア").stream().map(HeaderCandidates.Candidate::value).toList();
        assertThat(names).contains("島津健吾").doesNotContain("このニュースをシェア");
        assertThat(Language.holdsSpacelessInterfaceWord("分享到微博")).isTrue();
        assertThat(Language.holdsSpacelessInterfaceWord("홍길동 기자")).isFalse();
    }

    /** The byline candidates of a Japanese dump: a headline, a dateline, the given line, a name alone, the article. */
    private static List<HeaderCandidates.Candidate> spacelessBylines(String line) {
        String dump = String.join("\n", "小さいのに高性能！モバイルプロジェクターで我が家がホームシアターに", "", "2019年4月19日（金） 09時39分", "",
                line, "", "島津健吾", "", PARAGRAPH_1, "", PARAGRAPH_2, "", PARAGRAPH_3);
        return HeaderCandidates.bylines(new TextExtractor().layout(read(dump)));
    }

    @Test
    void aNameInAScriptWithoutCaseIsNotWrittenInCapitals() {
        assertThat(HeaderCandidates.writtenInCapitals("WORLD NEWS")).isTrue();
        assertThat(HeaderCandidates.writtenInCapitals("ΑΘΗΝΑ")).isTrue();
        assertThat(HeaderCandidates.writtenInCapitals("Jane DOE")).isFalse();
        assertThat(HeaderCandidates.writtenInCapitals("高木浩光")).isFalse();
    }

    @Test
    void aPhotoCreditJoinedBySlashesIsMarkedAsOne() {
        TextExtractor extractor = new TextExtractor();
        String dump = String.join("\n", "Island ferry to stop its evening sailings this winter", "", "By Miriam Okafor, Transport Reporter", "",
                "Getty Images/Sipa USA", "", PARAGRAPH_1, "", PARAGRAPH_2, "", PARAGRAPH_3);
        HeaderCandidates.Layout layout = extractor.layout(read(dump));
        int slash = HeaderCandidates.BYLINE_FEATURES.indexOf("slash_credit");
        List<HeaderCandidates.Candidate> bylines = HeaderCandidates.bylines(layout);
        assertThat(bylines).filteredOn(c -> c.value().equals("Getty Images")).singleElement()
                .satisfies(c -> assertThat(c.features()[slash]).isEqualTo(1.0));
        assertThat(bylines).filteredOn(c -> c.value().equals("Miriam Okafor")).singleElement()
                .satisfies(c -> assertThat(c.features()[slash]).isEqualTo(0.0));
        assertThat(extractor.extract(dump).byline()).isEqualTo("Miriam Okafor");
    }

    @Test
    void theNameThatClosesAShortLineAfterASectionOrADateIsACandidate() {
        List<DumpLine> lines = DumpLine.parse(String.join("\n", "Politik · Jochen Bittner, Tina Hildebrandt", "",
                "Medical Daily 9/21/2016 Lizette Borreli", "", "Oct 5, 2019 at 5:30 PM EST", "", "Jane Doe | Staff Writer", "",
                "Will Leitch/November 18, 2016", "", "Lizette Borreli", "", "Home | News | Share This"));
        List<String> names = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            names.add(HeaderCandidates.closingField(lines.get(i), lines, i, "en"));
        }
        assertThat(names).containsExactly("Jochen Bittner, Tina Hildebrandt", "Lizette Borreli", null, null, null, null, null);
    }

    @Test
    void aNameMayOpenWithAWordOfTheLanguage() {
        assertThat(HeaderCandidates.functionFirst("Will Leitch")).isEqualTo("Will Leitch");
        assertThat(HeaderCandidates.functionFirst("The New Republic")).isEqualTo("The New Republic");
        assertThat(HeaderCandidates.functionFirst("Jane Doe")).isNull();
        assertThat(HeaderCandidates.functionFirst("Will The Ferry")).isNull();
        assertThat(HeaderCandidates.functionFirst("Will")).isNull();
    }

    @Test
    void theNewCandidateShapesCarryTheirFeatures() {
        TextExtractor extractor = new TextExtractor();
        String dump = String.join("\n", "Harbour Times", "", "Island ferry to stop its evening sailings this winter", "",
                "Will Leitch/November 18, 2016", "", "Politik · Jochen Bittner, Tina Hildebrandt", "", "[田中宏昌，ITmedia]", "",
                PARAGRAPH_1, "", PARAGRAPH_2, "", PARAGRAPH_3);
        List<HeaderCandidates.Candidate> bylines = HeaderCandidates.bylines(extractor.layout(extractor.score(dump)));
        int functionFirst = HeaderCandidates.BYLINE_FEATURES.indexOf("function_first");
        int closing = HeaderCandidates.BYLINE_FEATURES.indexOf("closing_field");
        assertThat(bylines).filteredOn(c -> c.value().equals("Will Leitch")).singleElement()
                .satisfies(c -> assertThat(c.features()[functionFirst]).isEqualTo(1.0));
        assertThat(bylines).filteredOn(c -> c.value().equals("Jochen Bittner, Tina Hildebrandt")).singleElement()
                .satisfies(c -> assertThat(c.features()[closing]).isEqualTo(1.0));
        assertThat(bylines).extracting(HeaderCandidates.Candidate::value).contains("田中宏昌");
    }
}
