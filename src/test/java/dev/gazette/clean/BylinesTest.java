package dev.gazette.clean;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The shapes of credits that are no capitalised name, each a candidate the byline model weighs (pages written for these tests). */
class BylinesTest {
    @Test
    void handlesAreCreditsAloneOrAfterACreditWord() {
        assertThat(Bylines.handle("@harbour_jane")).isEqualTo("@harbour_jane");
        assertThat(Bylines.handle("u/ferryfan")).isEqualTo("u/ferryfan");
        assertThat(Bylines.handle("@ the harbour")).isNull();
        assertThat(Bylines.handle("jane@example.com")).isNull();
        assertThat(Bylines.afterLabel("@harbour_jane · 5h", "en")).isEqualTo(new Bylines.Shaped("@harbour_jane", Bylines.HANDLE));
        // The score reads a handle whole: "u/ferryfan" is not the fields "u" and "ferryfan".
        assertThat(CleaningScore.bylineMatches("u/ferryfan", "u/ferryfan")).isTrue();
        assertThat(CleaningScore.bylineMatches("u/ferryfan", "u/someone")).isFalse();
    }

    @Test
    void aCreditWordIntroducesANameInAnyCaseButNoSentence() {
        assertThat(Bylines.afterLabel("Jane harbourside", "en")).isEqualTo(new Bylines.Shaped("Jane harbourside", Bylines.UNCAPITALISED));
        assertThat(Bylines.afterLabel("ferryfan | 5 May 2019", "en")).isEqualTo(new Bylines.Shaped("ferryfan", Bylines.UNCAPITALISED));
        assertThat(Bylines.afterLabel("the way, the ferry is late", "en")).isNull();
        assertThat(Bylines.afterLabel("continuing to use this site you agree", "en")).isNull();
        assertThat(Bylines.afterLabel("Monday", "en")).isNull();
    }

    @Test
    void aCreditInsideALineFollowsACreditWordOfAnyKnownLanguage() {
        assertThat(Bylines.creditInside("Posted on 5 May 2019 by Jane Doe").group(1)).isEqualTo("Jane Doe");
        assertThat(Bylines.creditInside("Publié le 5 mai 2019 par Jeanne Dupont").group(1)).isEqualTo("Jeanne Dupont");
        assertThat(Bylines.creditInside("Veröffentlicht am 5. Mai 2019 von Max Weber").group(1)).isEqualTo("Max Weber");
        // The word must stand alone and the name be capitalised.
        assertThat(Bylines.creditInside("The ferry sailed nearby Cowes")).isNull();
        assertThat(Bylines.creditInside("The ferry sailed by night")).isNull();
    }

    @Test
    void aDatelineMayCloseWithACreditInLowerCase() {
        List<DumpLine> lines = DumpLine.parse("Posted on 5 May 2019 by ferryfan\n\nThe ferry sailed by night\n\nPosted by\nu/ferryfan");
        assertThat(Bylines.looseInside(lines.get(0), "en")).isEqualTo("ferryfan");
        assertThat(Bylines.looseInside(lines.get(1), "en")).isNull(); // no date: a sentence in passing
        assertThat(Bylines.endsWithCredit(lines.get(2))).isTrue();
        assertThat(Bylines.endsWithCredit(lines.get(0))).isFalse();
    }

    @Test
    void aLoneWordOrASpacelessNameByADatelineAndABracketedCreditStandAlone() {
        List<DumpLine> lines = DumpLine.parse(String.join("\n", "Ferries", "", "Island ferry to stop its evening sailings", "", "Miriam", "",
                "12 November 2024", "", "島津健吾", "", "高木浩光＠自宅の日記", "", "[田中宏昌，Harbour Times]", "", "《KT》", "", "Updated", "",
                "12 November 2024"));
        assertThat(Bylines.alone(lines, 0, "en")).isNull(); // no dateline near
        assertThat(Bylines.alone(lines, 1, "en")).isNull();
        assertThat(Bylines.alone(lines, 2, "en")).isEqualTo(new Bylines.Shaped("Miriam", Bylines.LONE_WORD));
        assertThat(Bylines.alone(lines, 4, "en")).isEqualTo(new Bylines.Shaped("島津健吾", Bylines.SPACELESS_ALONE));
        assertThat(Bylines.alone(lines, 5, "en")).isEqualTo(new Bylines.Shaped("高木浩光", Bylines.SPACELESS_ALONE));
        assertThat(Bylines.alone(lines, 6, "en")).isEqualTo(new Bylines.Shaped("田中宏昌", Bylines.BRACKETED));
        assertThat(Bylines.alone(lines, 7, "en")).isEqualTo(new Bylines.Shaped("KT", Bylines.BRACKETED));
        assertThat(Bylines.alone(lines, 8, "en")).isNull(); // a word that labels a date
        // A name in a script without capitals opening a dateline, with no other dateline near.
        List<DumpLine> dateline = DumpLine.parse(String.join("\n", "Ferries", "", "島津健吾2019年04月13日 09時00分", "", "Harbour"));
        assertThat(Bylines.alone(dateline, 1, "ja")).isEqualTo(new Bylines.Shaped("島津健吾", Bylines.SPACELESS_ALONE));
        // Words before a date, the date not right after them, are no credit.
        List<DumpLine> sentence = DumpLine.parse(String.join("\n", "Ferries", "", "島津健吾の記事を読む 2019年04月13日", "", "Harbour"));
        assertThat(Bylines.alone(sentence, 1, "ja")).isNull();
    }

    @Test
    void namesListedByCommasAloneEndAtARoleOrAnOutletThePageShows() {
        List<DumpLine> lines = DumpLine.parse(String.join("\n", "Harbour Times", "", "By Jane Doe, John Roe, Harbour Times", "",
                "By Jane Doe, Staff Reporter", "", "© 2024 Harbour Times"));
        assertThat(Bylines.commaList("Jane Doe, John Roe, Harbour Times", lines, 1)).isEqualTo("Jane Doe, John Roe");
        assertThat(Bylines.commaList("Jane Doe, Staff Reporter", lines, 2)).isNull();
        assertThat(Bylines.commaList("Jane Doe, Harbour Times", lines, 1)).isNull();
        assertThat(Bylines.commaList("Jane Doe", lines, 1)).isNull();
    }

    @Test
    void aCreditWordGluedToItselfIsOneLabel() {
        assertThat(Bylines.undoubled("Byby JANE DOE, JOHN ROE and ANN POE")).isEqualTo("by JANE DOE, JOHN ROE and ANN POE");
        assertThat(Bylines.undoubled("Bybee Jones")).isEqualTo("Bybee Jones");
        assertThat(Bylines.undoubled("By Jane Doe")).isEqualTo("By Jane Doe");
        assertThat(Bylines.undoubled("Byword")).isEqualTo("Byword");
        // A credit word glued to the name it credits, but not a particle that opens a surname.
        assertThat(Bylines.undoubled("ByTravis Haney Dec 9, 2016")).isEqualTo("By Travis Haney Dec 9, 2016");
        assertThat(Bylines.undoubled("DiCaprio Wins Big")).isEqualTo("DiCaprio Wins Big");
        assertThat(Bylines.undoubled("ByteDance Sues")).isEqualTo("ByteDance Sues");
    }

    @Test
    void theNewShapesAreCandidatesWithTheirFeature() {
        TextExtractor extractor = new TextExtractor();
        String dump = String.join("\n", "Island ferry to stop its evening sailings this winter", "", "Posted by", "u/ferryfan", "",
                "12 November 2024", "", HeaderCandidatesTest.PARAGRAPH_1, "", HeaderCandidatesTest.PARAGRAPH_2, "", HeaderCandidatesTest.PARAGRAPH_3);
        List<HeaderCandidates.Candidate> bylines = HeaderCandidates.bylines(extractor.layout(extractor.score(dump)));
        int handle = HeaderCandidates.BYLINE_FEATURES.indexOf("handle");
        assertThat(bylines).filteredOn(c -> c.value().equals("u/ferryfan")).isNotEmpty()
                .allSatisfy(c -> assertThat(c.features()[handle]).isEqualTo(1.0));
    }

    @Test
    void aLineOfNamesAndNothingElseIsReadAsTheirList() {
        assertThat(Bylines.nameList("Havell Markus, Jun Zhao, Tania Contente-Cuomo, Bradon R. McDonald, Michelina C. de la Maza"))
                .isEqualTo("Havell Markus, Jun Zhao, Tania Contente-Cuomo, Bradon R. McDonald, Michelina C. de la Maza");
        // The last name ends where a block the dumper joined to the line begins.
        assertThat(Bylines.nameList("Jane Doe, John Roe, Ann Poe doi: https://doi.org/10.1101/696633")).isEqualTo("Jane Doe, John Roe, Ann Poe");
        assertThat(Bylines.nameList("United States, North Carolina")).isNull(); // two fields: places as often as names
        assertThat(Bylines.nameList("Home, News, Sport, Weather")).isNull();
        assertThat(Bylines.nameList("Jane Doe, Staff Reporter, Harbour Times")).isNull();
        assertThat(Bylines.nameList("The ferry stops in December, the operator said, and Jane Doe agreed")).isNull();
    }

    @Test
    void aCreditInBracketsIsToldFromOtherBrackets() {
        assertThat(Bylines.bracketed("[田中宏昌，ITmedia]")).isTrue();
        assertThat(Bylines.bracketed("(BUTTON)")).isFalse();
        assertThat(Bylines.bracketed("[1, 2, 3] + [4]")).isFalse();
    }
}
