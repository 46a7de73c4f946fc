package dev.gazette.incremental;

import org.junit.jupiter.api.Test;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The part-by-part comparison the preview uses before fingerprinting: "same" must mean "same fingerprint". */
class SameValuesTest {
    record Card(String title, List<String> tags, ZonedDateTime date, int minutes) {
    }

    record Input(Card card, String body, Map<String, Object> extra, int[] counts) {
    }

    private static final String BODY = "<p>" + "words ".repeat(100) + "</p>";

    private static Input input(String title, String body, List<String> tags, Map<String, Object> extra, int[] counts) {
        return new Input(new Card(title, tags, ZonedDateTime.parse("2025-03-01T10:00:00Z"), 3), body, extra, counts);
    }

    @Test
    void valuesMadeAgainFromEqualPartsAreTheSameAndFingerprintAlike() {
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("page", 1);
        extra.put("next", "/tags/a/page/2/");
        Input a = input("Beavers", BODY, List.of("nature", "rivers"), extra, new int[]{1, 2});
        Input b = input("Beavers", new String(BODY), List.of(new String("nature"), "rivers"),
                new LinkedHashMap<>(extra), new int[]{1, 2});

        assertThat(SameValues.same(a, b)).isTrue();
        assertThat(new Fingerprints().of(a)).isEqualTo(new Fingerprints().of(b));
    }

    @Test
    void aPartThatDiffersAnywhereMakesThemDifferent() {
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("page", 1);
        extra.put("next", "x");
        Input base = input("Beavers", BODY, List.of("nature"), extra, new int[]{1});
        Map<String, Object> reordered = new LinkedHashMap<>();
        reordered.put("next", "x");
        reordered.put("page", 1);

        assertThat(SameValues.same(base, input("Beavers!", BODY, List.of("nature"), extra, new int[]{1}))).isFalse();
        assertThat(SameValues.same(base, input("Beavers", BODY + " ", List.of("nature"), extra, new int[]{1}))).isFalse();
        assertThat(SameValues.same(base, input("Beavers", BODY, List.of("nature", "x"), extra, new int[]{1}))).isFalse();
        assertThat(SameValues.same(base, input("Beavers", BODY, List.of("nature"), Map.of("page", 2), new int[]{1}))).isFalse();
        assertThat(SameValues.same(base, input("Beavers", BODY, List.of("nature"), extra, new int[]{2}))).isFalse();
        // Another iteration order may encode differently: not claimed to be the same.
        assertThat(SameValues.same(base, input("Beavers", BODY, List.of("nature"), reordered, new int[]{1}))).isFalse();
        // A mutable list and an immutable one encode differently.
        assertThat(SameValues.same(List.of("a"), new ArrayList<>(List.of("a")))).isFalse();
        assertThat(SameValues.same(1, 1L)).isFalse();
    }

    @Test
    void theHashOfARecordOfTheSameObjectsIsTheSame() {
        List<String> tags = List.of("nature");
        Card card = new Card("Beavers", tags, null, 3);
        Input a = new Input(card, BODY, Map.of(), null);
        Input b = new Input(card, BODY, Map.of(), null);
        assertThat(SameValues.hash(a)).isEqualTo(SameValues.hash(b));
        assertThat(SameValues.hash(List.of(card, BODY))).isEqualTo(SameValues.hash(List.of(card, BODY)));
    }
}
