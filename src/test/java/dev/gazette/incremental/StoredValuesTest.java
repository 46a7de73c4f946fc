package dev.gazette.incremental;

import dev.gazette.model.LongText;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.ByteBuffer;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Values stored in the build cache carry their fingerprints, so a build does not hash them again:
 * every fingerprint handed back with a value read must be the one that value has.
 */
class StoredValuesTest {
    record Card(String title, List<String> tags, ZonedDateTime date) {
    }

    record Entry(Card card, String body, Map<String, Integer> counts, Optional<Card> lead, List<Card> related) {
    }

    private static final String BODY = "<p>" + "a long enough body ".repeat(30) + "</p>";

    @Test
    void theFingerprintsReadBackWithAValueAreThoseOfTheValueReadBack() throws Exception {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("beavers", 3);
        counts.put("rivers", 1);
        Card card = new Card("Beavers", List.of("nature", "rivers"), ZonedDateTime.parse("2025-03-01T10:00:00Z"));
        Entry entry = new Entry(card, BODY, counts, Optional.of(new Card("Lead", List.of(), null)),
                List.of(new Card("Other", List.of("x"), null)));

        Fingerprints writing = new Fingerprints();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Values.Writer.storing(new DataOutputStream(bytes), writing).store(entry);

        Map<Object, Fingerprint> handedBack = new IdentityHashMap<>();
        List<Object> order = new ArrayList<>();
        BufferInput in = new BufferInput(ByteBuffer.wrap(bytes.toByteArray()));
        Object read = new Values.Reader(in, (value, f) -> {
            handedBack.put(value, f);
            order.add(value);
        }).read();

        assertThat(in.atEnd()).isTrue();
        assertThat(read).isEqualTo(entry);
        assertThat(handedBack).as("the value, its records and long strings outside collections")
                .containsKeys(read, ((Entry) read).card(), ((Entry) read).body(), ((Entry) read).lead().orElseThrow())
                .hasSize(4);
        handedBack.forEach((value, f) -> assertThat(f).as("fingerprint of " + value).isEqualTo(new Fingerprints().of(value)));
        assertThat(handedBack.get(read)).isEqualTo(writing.of(entry));
    }

    record Dated(List<ZonedDateTime> dates) {
    }

    @Test
    void datesAreReadBackEqualInEveryKindOfZone() throws Exception {
        ZonedDateTime overlap = ZonedDateTime.of(2025, 10, 26, 2, 30, 0, 0, ZoneId.of("Europe/Paris"));
        Dated dated = new Dated(List.of(ZonedDateTime.parse("2025-03-01T10:00:00Z"),
                ZonedDateTime.parse("2025-03-01T10:00:00.123456789+05:30"), ZonedDateTime.parse("2025-03-01T10:00:00Z[UTC]"),
                overlap.withEarlierOffsetAtOverlap(), overlap.withLaterOffsetAtOverlap(),
                ZonedDateTime.of(2025, 3, 30, 2, 30, 0, 0, ZoneId.of("Europe/Paris")),
                ZonedDateTime.parse("1969-07-20T20:17:40-04:00[America/New_York]")));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Values.Writer.storing(new DataOutputStream(bytes), new Fingerprints()).store(dated);

        Object read = new Values.Reader(new BufferInput(ByteBuffer.wrap(bytes.toByteArray()))).read();

        assertThat(read).isEqualTo(dated);
        assertThat(((Dated) read).dates()).extracting(ZonedDateTime::toString)
                .containsExactlyElementsOf(dated.dates().stream().map(ZonedDateTime::toString).toList());
    }

    record Stored(String title, LongText body) {
    }

    @Test
    void aLongTextIsReadBackEncodedWithItsFingerprintAndStoredAgainAsItWas() throws Exception {
        Stored stored = new Stored("Beavers", LongText.of(BODY + " \u201cdams\u201d \u2014 \ud83e\uddab"));
        Fingerprints writing = new Fingerprints();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Values.Writer.storing(new DataOutputStream(bytes), writing).store(stored);

        Map<Object, Fingerprint> handedBack = new IdentityHashMap<>();
        Stored read = (Stored) new Values.Reader(new BufferInput(ByteBuffer.wrap(bytes.toByteArray())), handedBack::put).read();
        assertThat(handedBack.get(read.body())).as("the text's fingerprint, handed back without decoding it")
                .isEqualTo(new Fingerprints().of(stored.body()));

        // Stored again before anyone read it: the same bytes, from the encoded text.
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        Values.Writer.storing(new DataOutputStream(again), new Fingerprints()).store(read);
        assertThat(again.toByteArray()).isEqualTo(bytes.toByteArray());

        assertThat(read).isEqualTo(stored);
        assertThat(read.body().value()).isEqualTo(stored.body().value());
        assertThat(new Fingerprints().of(read)).isEqualTo(writing.of(stored));
    }

    @Test
    void aDerivedFingerprintStandsForItsCallAndNeverReplacesOneKnown() {
        Fingerprints fingerprints = new Fingerprints();
        Card made = new Card("Made", List.of(), null);
        Fingerprint call = new Fingerprints().of(List.of("render.card", "input"));
        fingerprints.derive(made, () -> call);
        Fingerprint derived = fingerprints.of(made);
        assertThat(derived).as("set apart from the call's own").isNotEqualTo(call)
                .isNotEqualTo(new Fingerprints().of(made));
        assertThat(fingerprints.reading().of(List.of(made))).as("found through a reading memo")
                .isEqualTo(fingerprints.of(List.of(made)));

        Card known = new Card("Known", List.of(), null);
        Fingerprint content = fingerprints.of(known);
        fingerprints.derive(known, () -> call);
        assertThat(fingerprints.of(known)).isEqualTo(content);
    }
}
