package dev.gazette.clean;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Dates as pages write them, found in a line of text. */
class DateParserTest {
    @Test
    void readsWrittenAndIsoDates() {
        assertThat(DateParser.find("Published Nov. 18, 2019 at 9:30")).contains("2019-11-18");
        assertThat(DateParser.find("18th November 2019")).contains("2019-11-18");
        assertThat(DateParser.find("2019-11-18T09:30:00Z")).contains("2019-11-18T09:30Z");
    }

    @Test
    void readsMonthNamesInTheOtherLanguagesTheCleanerReads() {
        assertThat(DateParser.find("Par Jeanne Martin — 24 novembre 2017 à 18:42")).contains("2017-11-24");
        assertThat(DateParser.find("Veröffentlicht am 3. März 2021")).contains("2021-03-03");
        assertThat(DateParser.find("5 de mayo de 2019")).contains("2019-05-05");
        assertThat(DateParser.find("1er août 2020")).contains("2020-08-01");
        assertThat(DateParser.find("Nov.November 18, 2019 12:02 PM")).contains("2019-11-18");
    }

    @Test
    void readsNumericDatesDayFirstWithDotsAndWhicheverFitsWithSlashes() {
        assertThat(DateParser.find("13.11.2019, 23:06")).contains("2019-11-13");
        assertThat(DateParser.find("05.03.2020")).contains("2020-03-05");
        assertThat(DateParser.find("2/26/2015 7:11 AM PST")).contains("2015-02-26");
        assertThat(DateParser.find("13/06/2014 Tony Carter")).contains("2014-06-13");
    }

    @Test
    void leavesVersionsAndAddressesAlone() {
        assertThat(DateParser.find("Version 1.2.3")).isEmpty();
        assertThat(DateParser.find("Server at 10.1.12.2019 is down")).isEmpty();
        assertThat(DateParser.find("Opening Bell 11.18.19")).isEmpty();
    }
}
