package dev.gazette.clean;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

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
    void readsDatesAsTheLanguagesToldOnlyByTheirWordsWriteThem() {
        assertThat(DateParser.find("Publicerad 12 november 2019 kl. 08.15")).contains("2019-11-12");
        assertThat(DateParser.find("Julkaistu 3. maaliskuuta 2021 klo 9.41")).contains("2021-03-03");
        assertThat(DateParser.find("Opublikowano: 5 września 2018 r.")).contains("2018-09-05");
        assertThat(DateParser.find("Vydáno 12. listopadu 2019 v 10:02")).contains("2019-11-12");
        assertThat(DateParser.find("Publicat joi, 7 martie 2019")).contains("2019-03-07");
        assertThat(DateParser.find("Güncelleme: 12 Kasım 2019 Salı")).contains("2019-11-12");
        assertThat(DateParser.find("Rabu, 15 Mei 2019 | 10:45 WIB")).contains("2019-05-15");
        assertThat(DateParser.find("Frissítve: 2019. november 12. 14:30")).contains("2019-11-12");
        assertThat(DateParser.find("Publikuota: 2019 m. lapkričio 12 d. 10:15")).contains("2019-11-12");
        assertThat(DateParser.find("Publicēts: 2021. gada 5. janvārī, 12:04")).contains("2021-01-05");
        assertThat(DateParser.find("Опубликовано 12 ноября 2019 г., 10:15")).contains("2019-11-12");
        assertThat(DateParser.find("Оновлено 3 березня 2021")).contains("2021-03-03");
        assertThat(DateParser.find("Δημοσίευση: 5 Μαΐου 2021")).contains("2021-05-05");
        assertThat(DateParser.find("نشر في 12 نوفمبر 2019")).contains("2019-11-12");
        assertThat(DateParser.find("الأحد 12 كانون الثاني 2020")).contains("2020-01-12");
        assertThat(DateParser.find("פורסם ב-12 בנובמבר 2019")).contains("2019-11-12");
        assertThat(DateParser.find("प्रकाशित: 12 नवंबर 2019")).contains("2019-11-12");
    }

    /** Each name and abbreviation of each month in the language data reads as that month in every order pages write it. */
    @Test
    void everyMonthNameOfTheLanguageDataReadsInEveryOrder() {
        List<String> names = Language.monthNumbers().keySet().stream().sorted().toList();
        qt().withExamples(2_000).forAll(integers().between(0, 73_000), integers().between(0, names.size() - 1)).checkAssert((offset, k) -> {
            String name = names.get(k);
            LocalDate day = LocalDate.of(1900, Language.monthNumbers().get(name), 1).plusDays(offset % 28).plusYears(offset % 200);
            int d = day.getDayOfMonth();
            int y = day.getYear();
            for (String form : List.of(d + " " + name + " " + y, d + ". " + name + " " + y, name + " " + d + ", " + y, y + ". " + name + " " + d + ".",
                    y + ". " + d + ". " + name, y + " m. " + name + " " + d + " d.", y + ". gada " + d + ". " + name)) {
                assertThat(DateParser.findAll("Posted " + form + " | 4 min read")).as(form)
                        .extracting(DateParser.Found::value).containsExactly(day.toString());
            }
        });
    }

    /** A month's name of more than one word reads with any white space between its words, as pages and dumps set it. */
    @Test
    void aMonthNameOfSeveralWordsReadsWithAnyWhiteSpace() {
        List<String> names = Language.monthNumbers().keySet().stream().filter(name -> name.contains(" ")).sorted().toList();
        assertThat(names).isNotEmpty();
        for (String name : names) {
            LocalDate day = LocalDate.of(2025, Language.monthNumbers().get(name), 3);
            for (String space : List.of("  ", "\t", "\u00a0", "\n")) {
                String written = "3 " + name.replace(" ", space) + " 2025";
                assertThat(DateParser.findAll(written)).as(written).extracting(DateParser.Found::value).containsExactly(day.toString());
                assertThat(DateParser.find(written)).as(written).contains(day.toString());
            }
        }
    }

    @Test
    void aMonthOrWeekdayThatIsAlsoANameTurnsNoNameDown() {
        assertThat(DateParser.isCalendarWord("Kasım")).isTrue();
        assertThat(DateParser.isCalendarWord("Onsdag")).isTrue();
        assertThat(DateParser.isCalendarWord("Nisan")).isFalse();
        assertThat(DateParser.isCalendarWord("Mart")).isFalse();
        assertThat(DateParser.find("8 Nisan 2020")).contains("2020-04-08");
        assertThat(DateParser.isCalendarWord("Mai")).as("German and French list it without the flag").isTrue();
        assertThat(Bylines.plainWord("Nisan Kaya", "tr")).isTrue();
        assertThat(Bylines.plainWord("Pazartesi Kaya", "tr")).isFalse();
    }

    @Test
    void readsNumericDatesDayFirstWithDotsAndWhicheverFitsWithSlashes() {
        assertThat(DateParser.find("13.11.2019, 23:06")).contains("2019-11-13");
        assertThat(DateParser.find("05.03.2020")).contains("2020-03-05");
        assertThat(DateParser.find("Objavljeno: 5. 3. 2020. u 10:15")).contains("2020-03-05");
        assertThat(DateParser.find("Verze 1. 2. 3")).isEmpty();
        assertThat(DateParser.find("2/26/2015 7:11 AM PST")).contains("2015-02-26");
        assertThat(DateParser.find("13/06/2014 Tony Carter")).contains("2014-06-13");
    }

    @Test
    void readsYearFirstDatesAsChineseJapaneseAndKoreanPagesWriteThem() {
        assertThat(DateParser.find("2018年6月18日 10:01　発信地：カノ")).contains("2018-06-18");
        assertThat(DateParser.find("입력 2019년 11월 18일 09:30")).contains("2019-11-18");
        assertThat(DateParser.find("기사입력 2019.11.18 오후 3:02")).contains("2019-11-18");
    }

    @Test
    void findsEveryDateOfALineInOrderWithHowItWasWritten() {
        List<DateParser.Found> all = DateParser.findAll("Published 2019-11-18T09:30:00Z, updated Nov. 20, 2019; 21.11.2019; 2019年11月22日");
        assertThat(all).extracting(DateParser.Found::value)
                .containsExactly("2019-11-18T09:30Z", "2019-11-20", "2019-11-21", "2019-11-22");
        assertThat(all).extracting(DateParser.Found::form)
                .containsExactly(DateParser.Form.ISO, DateParser.Form.MONTH_NAME, DateParser.Form.NUMERIC, DateParser.Form.YEAR_FIRST);
        assertThat(DateParser.findAll("No year here, only 12:30 and 3.4.5")).isEmpty();
    }

    @Test
    void monthNamesAreFoundInAnyCaseBesideOtherLettersAndNotInsideLongerWords() {
        assertThat(DateParser.findAll("UPDATED NOV. 20, 2019")).extracting(DateParser.Found::value).containsExactly("2019-11-20");
        assertThat(DateParser.findAll("Veröffentlicht am 3. MÄRZ 2021, 2019 Ärger")).extracting(DateParser.Found::value).containsExactly("2021-03-03");
        assertThat(DateParser.findAll("Марта 3 marzo 2020")).extracting(DateParser.Found::value).containsExactly("2020-03-03");
        assertThat(DateParser.findAll("Marching 18, 2019 and Decembers 2019")).isEmpty();
    }

    /** Any day from 1900 to 2099, written in each form pages use, is read back as that day, alone or amid words. */
    @Test
    void everyDayWrittenInAnyFormIsReadBack() {
        String[][] months = {{"January", "janvier", "Januar"}, {"February", "février", "Februar"}, {"March", "mars", "März"},
                {"April", "avril", "April"}, {"May", "mai", "Mai"}, {"June", "juin", "Juni"}, {"July", "juillet", "Juli"},
                {"August", "août", "August"}, {"September", "septembre", "September"}, {"October", "octobre", "Oktober"},
                {"November", "novembre", "November"}, {"December", "décembre", "Dezember"}};
        qt().withExamples(500).forAll(integers().between(0, 73_000), integers().between(0, 2)).checkAssert((offset, lang) -> {
            LocalDate day = LocalDate.of(1900, 1, 1).plusDays(offset);
            String month = months[day.getMonthValue() - 1][lang];
            int d = day.getDayOfMonth();
            int m = day.getMonthValue();
            int y = day.getYear();
            List<String> forms = List.of(day.toString(), month + " " + d + ", " + y, d + " " + month + " " + y, d + ". " + month + " " + y,
                    String.format(Locale.ROOT, "%02d.%02d.%d", d, m, y), d + ". " + m + ". " + y + ".", y + "年" + m + "月" + d + "日", y + "년 " + m + "월 " + d + "일",
                    String.format(Locale.ROOT, "%d.%02d.%02d", y, m, d), y + "/" + m + "/" + d);
            for (String form : forms) {
                assertThat(DateParser.find(form)).as(form).contains(day.toString());
                assertThat(DateParser.findAll("Posted " + form + " | 4 min read")).as(form)
                        .extracting(DateParser.Found::value).containsExactly(day.toString());
            }
        });
    }

    /** Japan's era years, named as the JDK's calendar names them; a day an era did not have is no date. */
    @Test
    void readsTheYearsOfJapaneseEras() {
        assertThat(DateParser.find("公開日：令和7年3月3日")).contains("2025-03-03");
        assertThat(DateParser.findAll("更新 平成元年５月１日 10:00")).containsExactly(new DateParser.Found("1989-05-01", DateParser.Form.YEAR_FIRST, 3));
        assertThat(DateParser.findAll("平成31年4月30日、令和元年5月1日")).extracting(DateParser.Found::value).containsExactly("2019-04-30", "2019-05-01");
        assertThat(DateParser.findAll("平成31年5月1日")).isEmpty();
        assertThat(DateParser.findAll("令和7年度の予算")).isEmpty();
    }

    /** Thai pages date by the Buddhist Era, 543 years ahead with the same months; a Gregorian year with a Thai month stays. */
    @Test
    void readsBuddhistEraYearsWrittenWithThaiMonths() {
        assertThat(DateParser.find("เผยแพร่: 3 มีนาคม 2568 10:30 น.")).contains("2025-03-03");
        assertThat(DateParser.findAll("วันที่ 3 มี.ค. พ.ศ. 2568")).extracting(DateParser.Found::value).containsExactly("2025-03-03");
        assertThat(DateParser.findAll("3 มีนาคม ค.ศ. 2025 และ 4 มีนาคม 2025")).extracting(DateParser.Found::value)
                .containsExactly("2025-03-03", "2025-03-04");
        assertThat(DateParser.findAll("3 March 2568")).as("no month of that calendar").isEmpty();
    }

    @Test
    void readsDatesSetWithNoBreakSpaces() {
        assertThat(DateParser.findAll("Publié le 3\u00a0mars\u00a02025 à 10\u202fh")).extracting(DateParser.Found::value).containsExactly("2025-03-03");
        assertThat(DateParser.find("3\u202fmars 2025")).contains("2025-03-03");
    }

    @Test
    void readsTheFiguresOfOtherScripts() {
        assertThat(DateParser.find("نشر في ١٢ نوفمبر ٢٠١٩")).contains("2019-11-12");
        assertThat(DateParser.find("２０１８年６月１８日 10:01")).contains("2018-06-18");
        assertThat(DateParser.find("प्रकाशित: १२ नवंबर २०१९")).contains("2019-11-12");
        assertThat(DateParser.findAll("Posted ١٢ نوفمبر ٢٠١٩ | 4 min")).containsExactly(
                new DateParser.Found("2019-11-12", DateParser.Form.MONTH_NAME, 7));
    }

    /** The same day written in the figures of any script (each block of ten in the Basic Multilingual Plane) reads the same. */
    @Test
    void everyScriptsFiguresReadAsASCIIOnes() {
        List<Character> zeros = IntStream.range(0x80, 0x10000).filter(c -> Character.getType(c) == Character.DECIMAL_DIGIT_NUMBER
                && Character.digit(c, 10) == 0).mapToObj(c -> (char) c).toList();
        qt().withExamples(500).forAll(integers().between(0, 73_000), integers().between(0, zeros.size() - 1)).checkAssert((offset, z) -> {
            LocalDate day = LocalDate.of(1900, 1, 1).plusDays(offset);
            String ascii = String.format(Locale.ROOT, "%d-%02d-%02d and %d.%02d.%d", day.getYear(), day.getMonthValue(), day.getDayOfMonth(),
                    day.getDayOfMonth(), day.getMonthValue(), day.getYear());
            String written = ascii.chars().mapToObj(c -> String.valueOf(c >= '0' && c <= '9' ? (char) (zeros.get(z) + c - '0') : (char) c))
                    .collect(Collectors.joining());
            assertThat(DateParser.findAll(written)).isEqualTo(DateParser.findAll(ascii)).hasSize(2);
        });
    }

    /** Hijri and Solar Hijri years (14xx) and Buddhist ones (25xx) are written with the same figures, but are no page's Gregorian date. */
    @Test
    void aYearOfAnotherCalendarIsNoDateOfThePage() {
        assertThat(DateParser.findAll("۱۴۰۳/۱۲/۱۴")).isEmpty();
        assertThat(DateParser.findAll("5/9/1446 هـ")).isEmpty();
        assertThat(DateParser.findAll("3.3.2568")).isEmpty();
        assertThat(DateParser.findAll("1403/12/14 = 2025/3/4")).extracting(DateParser.Found::value).containsExactly("2025-03-04");
    }

    @Test
    void leavesVersionsAndAddressesAlone() {
        assertThat(DateParser.find("Version 1.2.3")).isEmpty();
        assertThat(DateParser.find("Server at 10.1.12.2019 is down")).isEmpty();
        assertThat(DateParser.find("Opening Bell 11.18.19")).isEmpty();
        assertThat(DateParser.find("Naomi ‏@LikeaStar1032 Jun 21")).isEmpty();
        assertThat(DateParser.find("Room B1032 May 5")).isEmpty();
    }
}
