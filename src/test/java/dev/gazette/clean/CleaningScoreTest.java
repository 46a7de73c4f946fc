package dev.gazette.clean;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The scorer follows the cleaning-dev README; checked on hand-made cases. */
class CleaningScoreTest {
    private static CleaningScore.Fields body(String text) {
        return new CleaningScore.Fields(null, null, null, text);
    }

    @Test
    void bodyIsABagOfLowercaseWordTokens() {
        CleaningScore.CaseScore s = CleaningScore.score("c", "txt", body("The cat sat, the cat ran."), body("the CAT sat sat"));
        // truth: the×2 cat×2 sat ran; prediction: the cat sat sat → tp 3, fp 1, fn 3
        assertThat(s.precision()).isCloseTo(0.75, within(1e-9));
        assertThat(s.recall()).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void emptyPredictionsCountForRecallButNotPrecision() {
        List<CleaningScore.CaseScore> scores = List.of(
                CleaningScore.score("a", "txt", body("one two"), body("one two")),
                CleaningScore.score("b", "txt", body("one two"), body("")));
        CleaningScore.Summary summary = CleaningScore.summarise(scores);
        assertThat(summary.precision()).isEqualTo(1.0);
        assertThat(summary.recall()).isEqualTo(0.5);
        assertThat(summary.meanF1()).isEqualTo(0.5);
        assertThat(summary.f1()).isCloseTo(2 * 0.5 / 1.5, within(1e-9));
    }

    @Test
    void titlesMatchAfterNormalisation() {
        assertThat(CleaningScore.titleMatches("OpenAI’s  “Plan” – Now", "openai's \"plan\" - now")).isTrue();
        assertThat(CleaningScore.titleMatches("Straße", "STRASSE")).isTrue();
        assertThat(CleaningScore.titleMatches("A title", "A title | Site")).isFalse();
    }

    @Test
    void bylinesMatchOnTokensWithSomeSlack() {
        assertThat(CleaningScore.bylineMatches("Jane Doe and John Roe", "By John Roe, Jane Doe")).isTrue();
        assertThat(CleaningScore.bylineMatches("Jane Doe", "Jane")).isFalse();
        assertThat(CleaningScore.bylineMatches("Jane Doe", "Jane Doe one two three four five six seven")).isFalse();
    }

    @Test
    void aTrueCreditsLabelAddressDateAndOneWordOutletAreNotAskedForButEveryNameIs() {
        assertThat(CleaningScore.bylineMatches("John Patrick Pullen, TIME", "John Patrick Pullen")).isTrue();
        assertThat(CleaningScore.bylineMatches("Mike Cason | mcason@al.com", "Mike Cason")).isTrue();
        assertThat(CleaningScore.bylineMatches("著者：後藤大地", "後藤大地")).isTrue();
        assertThat(CleaningScore.bylineMatches("文● オカモト／ASCII編集部", "オカモト")).isTrue();
        assertThat(CleaningScore.bylineMatches("By Nathan Willis March 25, 2015", "Nathan Willis")).isTrue();
        assertThat(CleaningScore.bylineMatches("Politik · Jochen Bittner, Tina Hildebrandt", "Jochen Bittner, Tina Hildebrandt")).isTrue();
        // Not lenient: a co-author, a longer outlet, a one-word name alone are asked for.
        assertThat(CleaningScore.bylineMatches("Howard Schneider, Lindsay Dunsmuir", "Howard Schneider")).isFalse();
        assertThat(CleaningScore.bylineMatches("Brenda Goodman, MA WebMD Health News", "Brenda Goodman")).isFalse();
        assertThat(CleaningScore.bylineMatches("Paul", "Paul Smith")).isTrue();
        assertThat(CleaningScore.bylineMatches("Paul", "Smith")).isFalse();
        assertThat(CleaningScore.bylineMatches("John Patrick Pullen, TIME", "TIME")).isFalse();
    }

    @Test
    void datesCompareTheFirstIsoDay() {
        assertThat(CleaningScore.dateMatches("2025-02-17", "2025-02-17T07:05Z")).isTrue();
        assertThat(CleaningScore.dateMatches("2025-02-17", "17 February 2025")).isFalse();
    }

    @Test
    void anInstantMatchesTheDaysSomeRealOffsetShowsItOn() {
        // 11:00 UTC is the 16th at -12 h, the 17th at UTC and the 18th at +14 h.
        assertThat(CleaningScore.dateMatches("2025-02-17T11:00:00.000Z", "2025-02-16")).isTrue();
        assertThat(CleaningScore.dateMatches("2025-02-17T11:00:00.000Z", "2025-02-18")).isTrue();
        assertThat(CleaningScore.dateMatches("2025-02-17T11:00:00.000Z", "2025-02-19")).isFalse();
        // 23:30 UTC is past the 16th's end even at -12 h, and before the 19th even at +14 h.
        assertThat(CleaningScore.dateMatches("2025-02-17T23:30:00.000Z", "2025-02-16")).isFalse();
        assertThat(CleaningScore.dateMatches("2025-02-17T23:30:00.000Z", "2025-02-18")).isTrue();
        assertThat(CleaningScore.dateMatches("2025-02-17T23:30:00.000Z", "2025-02-19")).isFalse();
        // The edges: 09:59 UTC is 23:59 on the 17th at +14 h, 10:00 UTC is the 18th's first minute.
        assertThat(CleaningScore.dateMatches("2025-02-17T09:59:00.000Z", "2025-02-18")).isFalse();
        assertThat(CleaningScore.dateMatches("2025-02-17T10:00:00.000Z", "2025-02-18")).isTrue();
        assertThat(CleaningScore.dateMatches("2025-02-17T09:00:00.000Z", "2025-02-16")).isTrue();
        assertThat(CleaningScore.dateMatches("2025-02-17T12:00:00.000Z", "2025-02-16")).isFalse();
    }
}
